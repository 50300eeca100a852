namespace Fazhi.Enforcement.CreditRepair;

/// <summary>The credit-repair application form (public page and staff entry).</summary>
internal sealed class ApplicationForm
{
    public string? CreditCode { get; set; }

    public string? DecisionNumber { get; set; }

    public string? ApplicantName { get; set; }

    public string? ContactPhone { get; set; }

    public string? Statement { get; set; }
}
