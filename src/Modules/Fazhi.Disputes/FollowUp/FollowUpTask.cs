using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Disputes.FollowUp;

internal enum Satisfaction
{
    /// <summary>不满意</summary>
    Unsatisfied = 1,

    /// <summary>基本满意</summary>
    Basic = 2,

    /// <summary>满意</summary>
    Satisfied = 3,
}

internal enum FollowUpMethod
{
    /// <summary>当事人通过回访链接自评</summary>
    PublicLink = 1,

    /// <summary>工作人员电话回访记录</summary>
    Call = 2,
}

/// <summary>
/// 回访: one per closed case. Keeps a snapshot of the closing (day, result kind, duration) so statistics on results,
/// duration and satisfaction are plain aggregates over this table. The public link's token is stored only as a hash.
/// </summary>
internal sealed class FollowUpTask : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Guid OrgUnitId { get; set; }

    public required string CaseNumber { get; set; }

    public required string CaseTypeCode { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public DateOnly ClosedOn { get; set; }

    /// <summary>Days from receipt to closing (calendar days).</summary>
    public int DurationDays { get; set; }

    /// <summary>The result kind the case was closed with (调解成功, 维持, ...), if given.</summary>
    public string? ResultKind { get; set; }

    public DateOnly DueOn { get; set; }

    public bool Done { get; set; }

    [AuditRedacted]
    public string? TokenHash { get; set; }

    public FollowUpMethod? Method { get; set; }

    public Satisfaction? Rating { get; set; }

    public string? Comment { get; set; }

    public DateOnly? RatedOn { get; set; }

    public string? RecordedBy { get; set; }

    public long Version { get; set; }
}

/// <summary>复核: an unsatisfied answer opens a review task for the unit's supervisor.</summary>
internal sealed class ReviewTask : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Guid FollowUpId { get; set; }

    public Guid OrgUnitId { get; set; }

    public required string CaseNumber { get; set; }

    public DateOnly OpenedOn { get; set; }

    public required string Complaint { get; set; }

    public bool Done { get; set; }

    public string? Conclusion { get; set; }

    public string? ClosedBy { get; set; }

    public long Version { get; set; }
}

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> b)
    {
        b.ToTable("disputes_follow_ups");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CaseId).IsUnique();
        b.HasIndex(x => x.TokenHash);
        b.HasIndex(x => new { x.Done, x.DueOn });
        // A unit's follow-ups, open or done, in due order: the follow-up list and the home page's count for a county or town
        // (through the city-wide (Done, DueOn) index a town with none read every open follow-up: 2 s at a million cases).
        b.HasIndex(x => new { x.OrgUnitId, x.Done, x.DueOn, x.Id });
        // Statistics (covering): closings of a partial month are counted live from the index.
        b.HasIndex(x => new { x.ClosedOn, x.OrgUnitId, x.CaseTypeCode, x.ResultKind, x.Rating, x.DurationDays }, "IX_disputes_follow_ups_stats_closed");
        b.Property(x => x.CaseNumber).HasMaxLength(64);
        b.Property(x => x.CaseTypeCode).HasMaxLength(64);
        b.Property(x => x.ResultKind).HasMaxLength(64);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.Property(x => x.RecordedBy).HasMaxLength(128);
    }
}

internal sealed class ReviewTaskConfiguration : IEntityTypeConfiguration<ReviewTask>
{
    public void Configure(EntityTypeBuilder<ReviewTask> b)
    {
        b.ToTable("disputes_review_tasks");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Done, x.OpenedOn });
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.CaseNumber).HasMaxLength(64);
        b.Property(x => x.Complaint).HasMaxLength(1000);
        b.Property(x => x.Conclusion).HasMaxLength(1000);
        b.Property(x => x.ClosedBy).HasMaxLength(128);
    }
}
