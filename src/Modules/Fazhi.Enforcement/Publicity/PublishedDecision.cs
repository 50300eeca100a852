using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Enforcement.Publicity;

/// <summary>
/// A published penalty decision (行政处罚决定公开). Public by law, so not data-scoped; holds only what may be published:
/// a person's name masked (张**), no ID number; an organisation's name and credit code kept.
/// Withdrawn (not deleted) when the decision is revoked.
/// </summary>
internal sealed class PublishedDecision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string BodyName { get; set; } = "";

    public string DecisionNumber { get; set; } = "";

    public string PartyDisplay { get; set; } = "";

    public string? PartyCreditCode { get; set; }

    public string MatterName { get; set; } = "";

    public string PenaltyText { get; set; } = "";

    public DateOnly DecidedOn { get; set; }

    public DateOnly PublishedOn { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    /// <summary>Why the publication ended: the decision was revoked, or the party's credit was repaired (信用修复).</summary>
    public WithdrawalReason? WithdrawnBecause { get; set; }
}

/// <summary>Why a published decision left the public pages.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<WithdrawalReason>))]
internal enum WithdrawalReason
{
    /// <summary>The decision was revoked (reconsideration, court, the body itself).</summary>
    Revoked,

    /// <summary>信用修复 approved: publication ended early; the decision itself stands.</summary>
    CreditRepaired,
}

/// <summary>
/// Search index of published decisions: one row per distinct character bigram of the searchable text. A keyword query becomes equality lookups on <see cref="Term"/> (a B-tree index on both engines), not a
/// <c>LIKE '%x%'</c> scan.
/// </summary>
[NotAudited]
internal sealed class PublishedDecisionTerm
{
    public Guid DecisionId { get; set; }

    public string Term { get; set; } = "";
}

internal sealed class PublishedDecisionConfiguration : IEntityTypeConfiguration<PublishedDecision>
{
    public void Configure(EntityTypeBuilder<PublishedDecision> b)
    {
        b.ToTable("enforcement_published_decisions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CaseId).IsUnique();
        b.HasIndex(x => new { x.WithdrawnOn, x.DecidedOn, x.Id });
        // The public list's order over the decisions still published. PostgreSQL cannot take an order from an index whose
        // leading column is only constrained by IS NULL (it sorted every published decision for each page); a partial index
        // can. SQLite uses it too (the query's "WithdrawnOn" IS NULL implies the filter).
        b.HasIndex(x => new { x.DecidedOn, x.Id }).HasFilter("\"WithdrawnOn\" IS NULL").HasDatabaseName("IX_enforcement_published_decisions_Published");
        b.HasIndex(x => new { x.OrgUnitId, x.DecidedOn });
        b.HasIndex(x => x.DecisionNumber);
        b.HasIndex(x => x.PartyCreditCode);
        b.Property(x => x.BodyName).HasMaxLength(128);
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.PartyDisplay).HasMaxLength(256);
        b.Property(x => x.PartyCreditCode).HasMaxLength(18);
        b.Property(x => x.MatterName).HasMaxLength(256);
        b.Property(x => x.PenaltyText).HasMaxLength(1000);
        b.Property(x => x.WithdrawnBecause).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class PublishedDecisionTermConfiguration : IEntityTypeConfiguration<PublishedDecisionTerm>
{
    public void Configure(EntityTypeBuilder<PublishedDecisionTerm> b)
    {
        b.ToTable("enforcement_published_terms");
        b.HasKey(x => new { x.Term, x.DecisionId });
        b.HasIndex(x => x.DecisionId);
        b.Property(x => x.Term).HasMaxLength(8);
    }
}
