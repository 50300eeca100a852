namespace Fazhi.Enforcement.Discretion;

/// <summary>The admin page's new-matter form.</summary>
internal sealed class MatterForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public MatterKind Kind { get; set; }

    public string? LegalBasis { get; set; }

    public string? IssuingOrgCode { get; set; }

    public string? IssuingBody { get; set; }
}
