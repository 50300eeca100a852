using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Rulemaking.Renewal;

/// <summary>
/// One renewal of a published normative document before its validity ended (评估后重新公布, ADR 0065): the evaluation's
/// conclusion, the old and the new end of validity, who renewed it and when. Scoped to the document's drafting unit.
/// </summary>
internal sealed class DocumentRenewal : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DraftId { get; set; }

    public Guid OrgUnitId { get; set; }

    public DateOnly RenewedOn { get; set; }

    public DateOnly PreviousExpiresOn { get; set; }

    public DateOnly NewExpiresOn { get; set; }

    public int ValidityYears { get; set; }

    /// <summary>评估结论: why the document is still needed unchanged.</summary>
    public string Reason { get; set; } = "";

    public string RenewedBy { get; set; } = "";

    public bool IsDemo { get; set; }
}

internal sealed class DocumentRenewalConfiguration : IEntityTypeConfiguration<DocumentRenewal>
{
    public void Configure(EntityTypeBuilder<DocumentRenewal> b)
    {
        b.ToTable("rulemaking_document_renewals");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OrgUnitId, x.DraftId });
        b.HasIndex(x => x.DraftId);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.RenewedBy).HasMaxLength(100);
    }
}
