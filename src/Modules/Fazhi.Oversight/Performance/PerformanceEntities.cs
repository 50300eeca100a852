using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Oversight.Performance;

[JsonConverter(typeof(JsonStringEnumConverter<PerformanceStatus>))]
internal enum PerformanceStatus
{
    /// <summary>待指定被申请人单位: the respondent's name matched no unit, or more than one; the justice bureau picks the unit.</summary>
    Unassigned,

    /// <summary>待履行.</summary>
    Pending,

    /// <summary>已报告履行，待复议机构确认.</summary>
    Reported,

    /// <summary>已履行（复议机构已确认）.</summary>
    Performed,
}

[JsonConverter(typeof(JsonStringEnumConverter<OpinionKind>))]
internal enum OpinionKind
{
    /// <summary>行政复议意见书 (行政复议法 第七十六条): the agency reports its correction within 60 days.</summary>
    Opinion,

    /// <summary>行政复议建议书: to the agency, on a general problem found in handling the case (行政复议法实施条例 第五十八条).</summary>
    Suggestion,
}

/// <summary>
/// A reconsideration decision the respondent agency must carry out (行政复议决定履行, 行政复议法 第七十七条), created from a
/// closed case of the dispute centre (ADR 0038): the agency (the record's org unit, so the data scope decides who sees it;
/// while unassigned, the reconsideration office's unit), the performance deadline, the agency's report with evidence, the
/// office's confirmation, the 第七十七条 order to perform by a deadline, and the 意见书 / 建议书 follow-up (第七十六条).
/// </summary>
internal sealed class PerformanceTask : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The respondent agency; while <see cref="PerformanceStatus.Unassigned"/> the handling unit of the decision.</summary>
    public Guid OrgUnitId { get; set; }

    /// <summary>The dispute case the decision closed (one task per decision).</summary>
    public Guid DecisionCaseId { get; set; }

    public string CaseNumber { get; set; } = "";

    /// <summary>The reconsideration office that decided (the case's handling unit).</summary>
    public Guid HandlingUnitId { get; set; }

    /// <summary>The respondent as the case names it (被申请人), several joined by 、.</summary>
    public string Respondent { get; set; } = "";

    /// <summary>How the unit was found: matched by name, or picked by the office (with who and when in the audit trail).</summary>
    public string UnitBasis { get; set; } = "";

    /// <summary>change | revoke | illegal | perform (the dispute profile's result code).</summary>
    public string ResultCode { get; set; } = "";

    public string ResultName { get; set; } = "";

    public DateOnly DecidedOn { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>How the deadline was set, in words (决定书载明的期限, or the settings' default).</summary>
    public string DueBasis { get; set; } = "";

    public PerformanceStatus Status { get; set; }

    /// <summary>The day the agency carried the decision out (its report; what the rate counts).</summary>
    public DateOnly? PerformedOn { get; set; }

    /// <summary>履行情况.</summary>
    public string? PerformanceNote { get; set; }

    public DateOnly? ConfirmedOn { get; set; }

    /// <summary>Why the office sent the last report back (a report is needed again).</summary>
    public string? ReturnReason { get; set; }

    /// <summary>第七十七条: the office ordered performance by a deadline (责令限期履行), with 约谈 / 通报 in the note.</summary>
    public DateOnly? OrderedOn { get; set; }

    public DateOnly? OrderedDueOn { get; set; }

    public string? OrderNote { get; set; }

    /// <summary>The 文号 of the 责令履行通知书, taken from the numbering kit on its first download (ADR 0050).</summary>
    public string? OrderNoticeNumber { get; set; }

    public OpinionKind? OpinionKind { get; set; }

    /// <summary>意见书 / 建议书 文号.</summary>
    public string? OpinionNumber { get; set; }

    public string? OpinionContent { get; set; }

    public DateOnly? OpinionIssuedOn { get; set; }

    public DateOnly? OpinionDueOn { get; set; }

    public DateOnly? OpinionRepliedOn { get; set; }

    public string? OpinionReply { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A demo record (--demo) with no case behind it; the sync's watermark ignores it.</summary>
    public bool Demo { get; set; }

    public long Version { get; set; }
}

internal sealed class PerformanceTaskConfiguration : IEntityTypeConfiguration<PerformanceTask>
{
    public void Configure(EntityTypeBuilder<PerformanceTask> b)
    {
        b.ToTable("oversight_performance_tasks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.OpinionKind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CaseNumber).HasMaxLength(64);
        b.Property(x => x.Respondent).HasMaxLength(400);
        b.Property(x => x.UnitBasis).HasMaxLength(200);
        b.Property(x => x.ResultCode).HasMaxLength(32);
        b.Property(x => x.ResultName).HasMaxLength(64);
        b.Property(x => x.DueBasis).HasMaxLength(200);
        b.Property(x => x.PerformanceNote).HasMaxLength(4000);
        b.Property(x => x.ReturnReason).HasMaxLength(1000);
        b.Property(x => x.OrderNote).HasMaxLength(1000);
        b.Property(x => x.OrderNoticeNumber).HasMaxLength(64);
        b.Property(x => x.OpinionNumber).HasMaxLength(64);
        b.Property(x => x.OpinionContent).HasMaxLength(4000);
        b.Property(x => x.OpinionReply).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        // One task per decision: the sync inserts idempotently against this.
        b.HasIndex(x => x.DecisionCaseId).IsUnique();
        // The rate's index: by decision date, covering the grouping, the counts and the drill-down's sort (ADR 0045).
        b.HasIndex(x => new { x.DecidedOn, x.OrgUnitId, x.Status, x.ResultCode, x.DueOn, x.PerformedOn, x.OrderedDueOn, x.OrderedOn, x.Id },
            "IX_oversight_performance_rate");
        b.HasIndex(x => new { x.Status, x.DueOn });
    }
}
