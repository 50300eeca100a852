namespace Fazhi.Lists.Appeals;

/// <summary>The intake form of the public page and the hotline page.</summary>
internal sealed class AppealForm
{
    public AppealKind? Kind { get; set; }

    public string? EnterpriseName { get; set; }

    public string? CreditCode { get; set; }

    public string? PowerItemCode { get; set; }

    public string? Subject { get; set; }

    public string? Content { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public AppealInput ToInput() => new(Kind, CreditCode, EnterpriseName, Subject, Content, PowerItemCode, ContactName, ContactPhone);
}
