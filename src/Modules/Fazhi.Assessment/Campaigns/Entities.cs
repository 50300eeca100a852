using System.Text.Json.Serialization;
using Fazhi.Assessment.Frameworks;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Assessment.Campaigns;

[JsonConverter(typeof(JsonStringEnumConverter<CampaignStatus>))]
internal enum CampaignStatus
{
    Active,

    /// <summary>考评期已结束: submissions and reviews closed.</summary>
    Closed,

    /// <summary>已归档: read only.</summary>
    Archived,
}

/// <summary>Submission states of a task (one indicator for one lead unit).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SubmissionStatus>))]
internal enum SubmissionStatus
{
    NotStarted,
    Draft,
    Submitted,
    Returned,
    Accepted,
    Approved,
}

[JsonConverter(typeof(JsonStringEnumConverter<EvidenceKind>))]
internal enum EvidenceKind
{
    /// <summary>A file kept by the platform's attachment store.</summary>
    File,

    /// <summary>A record inside Fazhi (type + id + title), e.g. a closed dispute case.</summary>
    Record,

    /// <summary>A figure (数据), e.g. 审查规范性文件 12 件.</summary>
    Figure,
}

/// <summary>
/// A campaign (考评活动), e.g. 2026年度法治政府建设考评: pins a framework version, a period, the participating units and
/// the deadline. City-wide, not scoped; only the office changes it.
/// </summary>
internal sealed class Campaign : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    public Guid FrameworkVersionId { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    /// <summary>Day relative due dates count from (下发日期).</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>Default due date of a task whose indicator names none.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>Submissions go up the org tree (town -> district -> city) before the office reviews them.</summary>
    public bool BottomUpApproval { get; set; }

    public CampaignStatus Status { get; set; }

    public DateTime? StatusChangedAtUtc { get; set; }

    public string StatusReason { get; set; } = "";

    public long Version { get; set; }
}

/// <summary>A participating org unit of a campaign (copied name and level, for boards and rankings).</summary>
internal sealed class CampaignUnit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CampaignId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Platform OrgLevel (2 city, 3 county, 4 town).</summary>
    public int Level { get; set; }

    /// <summary>Platform OrgKind (1 government, 2 department ...).</summary>
    public int Kind { get; set; }
}

/// <summary>
/// One indicator assigned to one lead unit (牵头单位) in a campaign: the unit's submission, its review state and score.
/// Scoped to the lead unit.
/// </summary>
internal sealed class AssessmentTask : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CampaignId { get; set; }

    public Guid IndicatorId { get; set; }

    /// <summary>The lead unit.</summary>
    public Guid OrgUnitId { get; set; }

    public DateOnly DueDate { get; set; }

    public SubmissionStatus Status { get; set; }

    /// <summary>While submitted: the unit whose reviewer acts next (a district for a town under bottom-up approval, else the city).</summary>
    public Guid? AwaitingUnitId { get; set; }

    public int ReturnCount { get; set; }

    /// <summary>The latest return reason, shown to the unit.</summary>
    public string ReturnReason { get; set; } = "";

    /// <summary>工作情况说明.</summary>
    public string Statement { get; set; } = "";

    /// <summary>The value the unit reports (for computed or figure indicators).</summary>
    public decimal? SubmittedValue { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>Why the record is locked (approved by whom and when); null when not locked.</summary>
    public string? LockedReason { get; set; }

    public decimal? Score { get; set; }

    public bool? Passed { get; set; }

    public string ScoreNote { get; set; } = "";

    public string ScoredBy { get; set; } = "";

    public DateTime? ScoredAtUtc { get; set; }

    public long Version { get; set; }
}

/// <summary>A co-unit's (配合单位) part of a task: its statement; its evidence rows point to the task. Scoped to the co-unit.</summary>
internal sealed class TaskContribution : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TaskId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string Statement { get; set; } = "";

    public long Version { get; set; }
}

/// <summary>An item of evidence for a task, from the lead unit or a co-unit (<see cref="OrgUnitId"/>).</summary>
internal sealed class Evidence : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TaskId { get; set; }

    public Guid OrgUnitId { get; set; }

    public EvidenceKind Kind { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Record: the record type (e.g. disputes.case); File: the attachment id.</summary>
    public string RecordType { get; set; } = "";

    public string RecordId { get; set; } = "";

    public Guid? AttachmentId { get; set; }

    public decimal? Value { get; set; }

    public string Unit { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>The history of a task: submissions, returns (with reasons), approvals, unlocks, scores. Scoped to the lead unit.</summary>
internal sealed class TaskEvent : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TaskId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string Action { get; set; } = "";

    public string Actor { get; set; } = "";

    public string Reason { get; set; } = "";

    public DateTime AtUtc { get; set; }
}

/// <summary>An itemised deduction (扣分) with its reason.</summary>
internal sealed class Deduction : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TaskId { get; set; }

    public Guid OrgUnitId { get; set; }

    public decimal Points { get; set; }

    public string Reason { get; set; } = "";
}

/// <summary>A unit's one appeal (申诉) against a score, and the office's answer.</summary>
internal sealed class ScoreAppeal : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TaskId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string Reason { get; set; } = "";

    public string FiledBy { get; set; } = "";

    public DateTime FiledAtUtc { get; set; }

    public decimal ScoreBefore { get; set; }

    public string Answer { get; set; } = "";

    public string AnsweredBy { get; set; } = "";

    public DateTime? AnsweredAtUtc { get; set; }

    public decimal? ScoreAfter { get; set; }

    public long Version { get; set; }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("assessment_campaigns");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(256);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.StatusReason).HasMaxLength(1000);
        b.HasIndex(x => x.FrameworkVersionId);
        b.HasOne<FrameworkVersion>().WithMany().HasForeignKey(x => x.FrameworkVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CampaignUnitConfiguration : IEntityTypeConfiguration<CampaignUnit>
{
    public void Configure(EntityTypeBuilder<CampaignUnit> b)
    {
        b.ToTable("assessment_campaign_units");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CampaignId, x.OrgUnitId }).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(256);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentTaskConfiguration : IEntityTypeConfiguration<AssessmentTask>
{
    public void Configure(EntityTypeBuilder<AssessmentTask> b)
    {
        b.ToTable("assessment_tasks");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CampaignId, x.IndicatorId, x.OrgUnitId }).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.DueDate });
        // The board and the ranking read every task of a campaign within the caller's data scope (OrgUnitId IN scope):
        // this covering index answers them from the index alone. Without it SQLite chose IX_OrgUnitId and looked up
        // each of the 23,700 rows of a 237 x 100 campaign (docs/benchmarks.md, issue 5).
        b.HasIndex(x => new { x.CampaignId, x.OrgUnitId, x.IndicatorId, x.Status, x.DueDate, x.ReturnCount, x.Score }).HasDatabaseName("IX_assessment_tasks_board");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ReturnReason).HasMaxLength(2000);
        b.Property(x => x.Statement).HasMaxLength(8000);
        b.Property(x => x.SubmittedValue).HasPrecision(18, 4);
        b.Property(x => x.LockedReason).HasMaxLength(500);
        b.Property(x => x.Score).HasPrecision(9, 2);
        b.Property(x => x.ScoreNote).HasMaxLength(2000);
        b.Property(x => x.ScoredBy).HasMaxLength(128);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TaskContributionConfiguration : IEntityTypeConfiguration<TaskContribution>
{
    public void Configure(EntityTypeBuilder<TaskContribution> b)
    {
        b.ToTable("assessment_contributions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.TaskId, x.OrgUnitId }).IsUnique();
        b.HasIndex(x => x.OrgUnitId);
        b.Property(x => x.Statement).HasMaxLength(8000);
        b.HasOne<AssessmentTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.ToTable("assessment_evidence");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.TaskId);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.RecordType).HasMaxLength(64);
        b.Property(x => x.RecordId).HasMaxLength(64);
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.Unit).HasMaxLength(32);
        b.HasOne<AssessmentTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskEventConfiguration : IEntityTypeConfiguration<TaskEvent>
{
    public void Configure(EntityTypeBuilder<TaskEvent> b)
    {
        b.ToTable("assessment_task_events");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.TaskId);
        b.Property(x => x.Action).HasMaxLength(32);
        b.Property(x => x.Actor).HasMaxLength(128);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.HasOne<AssessmentTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeductionConfiguration : IEntityTypeConfiguration<Deduction>
{
    public void Configure(EntityTypeBuilder<Deduction> b)
    {
        b.ToTable("assessment_deductions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.TaskId);
        b.Property(x => x.Points).HasPrecision(9, 2);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasOne<AssessmentTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScoreAppealConfiguration : IEntityTypeConfiguration<ScoreAppeal>
{
    public void Configure(EntityTypeBuilder<ScoreAppeal> b)
    {
        b.ToTable("assessment_appeals");
        b.HasKey(x => x.Id);
        // 一次申诉: one appeal per score.
        b.HasIndex(x => x.TaskId).IsUnique();
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.FiledBy).HasMaxLength(128);
        b.Property(x => x.Answer).HasMaxLength(2000);
        b.Property(x => x.AnsweredBy).HasMaxLength(128);
        b.Property(x => x.ScoreBefore).HasPrecision(9, 2);
        b.Property(x => x.ScoreAfter).HasPrecision(9, 2);
        b.HasOne<AssessmentTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
