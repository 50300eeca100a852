using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Disputes.Documents;

/// <summary>
/// An editable notice template (受理通知书, 补正通知书...): title and body text with <c>{{占位符}}</c>, the number pattern, and
/// optionally an uploaded .docx with the same placeholders, used instead of the text when present.
/// </summary>
internal sealed class DocumentTemplate : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Kind { get; set; }

    public required string Name { get; set; }

    public required string Title { get; set; }

    /// <summary>Body paragraphs, one per line, with placeholders such as <c>{{申请人}}</c>.</summary>
    public required string Body { get; set; }

    /// <summary>The pattern the template was seeded with. No longer read: the 文号 is the numbering kit's (ADR 0048); drop with the next migration.</summary>
    public required string NumberPattern { get; set; }

    public required string Issuer { get; set; }

    public string? Recipient { get; set; }

    public required string Signature { get; set; }

    /// <summary>An uploaded Word template (placeholders as in the body); null: the text fields are used.</summary>
    public byte[]? DocxFile { get; set; }

    public string? DocxFileName { get; set; }

    public long Version { get; set; }
}

/// <summary>A notice issued for a case: its number is taken once (per kind per year) and kept.</summary>
internal sealed class CaseDocument : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Guid OrgUnitId { get; set; }

    public required string Kind { get; set; }

    public required string Number { get; set; }

    public int Year { get; set; }

    public int Sequence { get; set; }

    public DateOnly IssuedOn { get; set; }

    public long Version { get; set; }
}

/// <summary>The number counter of one document kind in one year.</summary>
[NotAudited]
internal sealed class DocumentCounter
{
    public required string Kind { get; set; }

    public int Year { get; set; }

    public int Value { get; set; }
}

internal sealed class DocumentTemplateConfiguration : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> b)
    {
        b.ToTable("disputes_doc_templates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(32);
        b.HasIndex(x => x.Kind).IsUnique();
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Title).HasMaxLength(128);
        b.Property(x => x.Body).HasMaxLength(20000);
        b.Property(x => x.NumberPattern).HasMaxLength(64);
        b.Property(x => x.Issuer).HasMaxLength(128);
        b.Property(x => x.Recipient).HasMaxLength(128);
        b.Property(x => x.Signature).HasMaxLength(128);
        b.Property(x => x.DocxFileName).HasMaxLength(200);
    }
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> b)
    {
        b.ToTable("disputes_case_documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(32);
        b.Property(x => x.Number).HasMaxLength(64);
        b.HasIndex(x => new { x.Kind, x.Year, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.CaseId, x.Kind });
        b.HasOne<Domain.DisputeCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> b)
    {
        b.ToTable("disputes_doc_counters");
        b.HasKey(x => new { x.Kind, x.Year });
        b.Property(x => x.Kind).HasMaxLength(32);
    }
}
