using System.Globalization;

namespace Fazhi.Disputes.Cases;

/// <summary>The intake form's fields as posted (strings, so a bad amount is reported rather than silently dropped).</summary>
internal sealed class IntakeForm
{
    public string? CaseType { get; set; }

    /// <summary>The public form's consent to the handling of personal information (个人信息保护法 第十三条、第十四条).</summary>
    public bool Consent { get; set; }

    public string? Channel { get; set; }

    public string? ExternalSystem { get; set; }

    public string? ExternalId { get; set; }

    public string? Category { get; set; }

    public string? Amount { get; set; }

    public string? PlaceCode { get; set; }

    public string? HandlingUnitCode { get; set; }

    public string? Description { get; set; }

    public string? ApplicantKind { get; set; } = "Person";

    public string? ApplicantName { get; set; }

    public string? ApplicantIdNumber { get; set; }

    public string? ApplicantCreditCode { get; set; }

    public string? ApplicantPhone { get; set; }

    public string? RespondentKind { get; set; } = "Person";

    public string? RespondentName { get; set; }

    public string? RespondentIdNumber { get; set; }

    public string? RespondentCreditCode { get; set; }

    public string? RespondentPhone { get; set; }

    /// <summary>The party kind posted; a value that is no kind's name stays undefined (0), which intake refuses, rather than becoming a person.</summary>
    private static Domain.PartyKind? KindOf(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Enum.TryParse<Domain.PartyKind>(value.Trim(), out var kind) && Enum.IsDefined(kind) && !char.IsDigit(value.Trim()[0]) ? kind : default(Domain.PartyKind);

    /// <summary>The request, or the amount error when the amount is not a number.</summary>
    public (IntakeRequest Request, string? AmountError) ToRequest()
    {
        decimal? amount = null;
        string? amountError = null;
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            if (decimal.TryParse(Amount.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var a))
            {
                amount = a;
            }
            else
            {
                amountError = "涉及金额须为数字（单位：元），如 12000 或 3500.50。";
            }
        }
        return (new IntakeRequest(CaseType, Channel, Category, amount, PlaceCode, Description,
            new PartyInput(KindOf(ApplicantKind), ApplicantName, ApplicantIdNumber, ApplicantCreditCode, ApplicantPhone),
            new PartyInput(KindOf(RespondentKind), RespondentName, RespondentIdNumber, RespondentCreditCode, RespondentPhone),
            ExternalSystem, ExternalId, HandlingUnitCode, Consented: Consent), amountError);
    }
}
