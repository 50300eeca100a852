using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Disputes.Duplicates;

internal enum DuplicateStatus
{
    /// <summary>待核查: flagged at intake, nobody has looked yet.</summary>
    Flagged = 1,

    /// <summary>已关联: staff confirmed the cases belong together; both stay open.</summary>
    Linked = 2,

    /// <summary>非重复: staff found them unrelated.</summary>
    Dismissed = 3,

    /// <summary>已合并: the case was merged into the other (reversible).</summary>
    Merged = 4,
}

/// <summary>
/// A possible duplicate found at intake: the new case <see cref="CaseId"/> shares a party with an earlier case
/// <see cref="OtherCaseId"/> received within the window, with a similar subject. The case is never dropped; staff decide.
/// </summary>
internal sealed class DuplicateFlag : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    /// <summary>The new case's handling unit (scope).</summary>
    public Guid OrgUnitId { get; set; }

    public Guid OtherCaseId { get; set; }

    public required string OtherCaseNumber { get; set; }

    public DateOnly OtherReceivedOn { get; set; }

    /// <summary>Why it was flagged, in words (e.g. 同一当事人（身份证号相同）；同类纠纷（邻里纠纷）).</summary>
    public required string Reason { get; set; }

    /// <summary>Description similarity 0-100.</summary>
    public int Similarity { get; set; }

    public DuplicateStatus Status { get; set; } = DuplicateStatus.Flagged;

    public string? DecisionNote { get; set; }

    public string? DecidedBy { get; set; }

    public long Version { get; set; }
}

/// <summary>A merge of <see cref="MergedCaseId"/> into <see cref="PrimaryCaseId"/>; undone by setting <see cref="UnmergedAt"/>.</summary>
internal sealed class CaseMerge : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PrimaryCaseId { get; set; }

    public Guid MergedCaseId { get; set; }

    /// <summary>The merged case's handling unit (scope).</summary>
    public Guid OrgUnitId { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset MergedAt { get; set; } = DateTimeOffset.UtcNow;

    public string? MergedBy { get; set; }

    public DateTimeOffset? UnmergedAt { get; set; }

    public string? UnmergedBy { get; set; }

    public string? UnmergeReason { get; set; }

    public long Version { get; set; }
}

internal sealed class DuplicateFlagConfiguration : IEntityTypeConfiguration<DuplicateFlag>
{
    public void Configure(EntityTypeBuilder<DuplicateFlag> b)
    {
        b.ToTable("disputes_duplicate_flags");
        b.HasKey(x => x.Id);
        b.Property(x => x.OtherCaseNumber).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.DecisionNote).HasMaxLength(1000);
        b.Property(x => x.DecidedBy).HasMaxLength(128);
        b.HasIndex(x => new { x.CaseId, x.OtherCaseId }).IsUnique();
        b.HasIndex(x => x.OtherCaseId);
    }
}

internal sealed class CaseMergeConfiguration : IEntityTypeConfiguration<CaseMerge>
{
    public void Configure(EntityTypeBuilder<CaseMerge> b)
    {
        b.ToTable("disputes_case_merges");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.UnmergeReason).HasMaxLength(1000);
        b.Property(x => x.MergedBy).HasMaxLength(128);
        b.Property(x => x.UnmergedBy).HasMaxLength(128);
        b.HasIndex(x => x.MergedCaseId);
        b.HasIndex(x => x.PrimaryCaseId);
    }
}
