using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Lists.Appeals;

/// <summary>The kinds of enterprise appeal (诉求类别): 咨询, 求助, 投诉, 建议; each has its own time limit (a settings row).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AppealKind>))]
internal enum AppealKind
{
    Consult,
    Help,
    Complaint,
    Suggestion,
}

/// <summary>How the appeal arrived (优化营商环境条例 第四十八、四十九条: the channels): the portal, the hotline (staff enter it), a 12345 referral.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AppealChannel>))]
internal enum AppealChannel
{
    Portal,
    Hotline,
    Referral,
}

/// <summary>待确认分办 → 办理中 → 已答复（待评价）→ 已办结; an unsatisfied rating sends it back to 办理中.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AppealStatus>))]
internal enum AppealStatus
{
    Routed,
    Handling,
    Replied,
    Closed,
}

/// <summary>
/// The complaint extension (延期; 济南市优化营商环境条例 第六十二条: 情况复杂的可延长 10 个工作日): asked once by the handling unit
/// before the due date, decided by the supervising office; withdrawn when the unit replies before the decision.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<AppealExtensionStatus>))]
internal enum AppealExtensionStatus
{
    Requested,
    Approved,
    Refused,
    Withdrawn,
}

/// <summary>The enterprise's rating of the reply (满意 / 基本满意 / 不满意).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AppealRating>))]
internal enum AppealRating
{
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
}

/// <summary>
/// The time limit of one kind of appeal, a settings row an administrator changes (ADR 0017). The defaults follow the
/// enterprise-complaint rule in domain.md §2: 济南市优化营商环境条例 第六十二条, 5 working days (extendable by 10), counted on
/// the platform working-day calendar. No rule in the corpus sets a period for 咨询, 求助 or 建议; they take the same default
/// until the office decides otherwise.
/// </summary>
internal sealed class AppealTimeLimit : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public AppealKind Kind { get; set; }

    /// <summary>Working days from receipt (or from the reopening) to the reply.</summary>
    public int WorkingDays { get; set; } = 5;

    /// <summary>
    /// Working days an approved extension adds to the due date; 0 = the kind cannot be extended. Seeded at 10 for 投诉 only
    /// (济南市优化营商环境条例 第六十二条: 情况复杂的，可以延长 10 个工作日).
    /// </summary>
    public int ExtensionWorkingDays { get; set; }

    /// <summary>The rule the number comes from, shown beside it.</summary>
    public string Basis { get; set; } = "";

    public long Version { get; set; }
}

/// <summary>
/// An enterprise appeal (企业诉求): channels (优化营商环境条例 第四十八、四十九条) → 受理 → routed to the responsible unit by the
/// power list → handle (with co-handling units) → reply within the time limit → 回访 and the enterprise's rating; overdue ones
/// are raised to the supervising office. Scoped to the handling unit; co-handling units read it through
/// <see cref="AppealCoHandler"/>. The complainant's identity is kept from everyone but the handling unit
/// (山东省优化营商环境条例 第五十六条): the phone is stored encrypted and shown masked.
/// </summary>
internal sealed class EnterpriseAppeal : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Number { get; set; } = "";

    /// <summary>The handling unit.</summary>
    public Guid OrgUnitId { get; set; }

    public AppealChannel Channel { get; set; }

    /// <summary>The 12345 work-order id for a referral (unique: a second referral with the same id is refused).</summary>
    public string? ReferralId { get; set; }

    public AppealKind Kind { get; set; }

    /// <summary>统一社会信用代码 (checked by the kit's <c>ICreditCodeCheck</c>).</summary>
    public string CreditCode { get; set; } = "";

    public string EnterpriseName { get; set; } = "";

    public string ContactName { get; set; } = "";

    public SensitiveText? ContactPhone { get; set; }

    public string Subject { get; set; } = "";

    public string Content { get; set; } = "";

    /// <summary>The power-list item the appeal concerns (权责清单事项编码), empty when the enterprise did not know.</summary>
    public string PowerItemCode { get; set; } = "";

    public string PowerItemName { get; set; } = "";

    /// <summary>Why the appeal is at this unit: the power-list item and version, or the staff's override reason.</summary>
    public string RoutingReason { get; set; } = "";

    /// <summary>Routing history (suggested, confirmed, overridden), one a line.</summary>
    public string RoutingLog { get; set; } = "";

    [AuditRedacted]
    public string QueryCodeHash { get; set; } = "";

    public DateOnly ReceivedOn { get; set; }

    /// <summary>The reply is due by this day (the kind's working days from receipt, or from the reopening).</summary>
    public DateOnly DueOn { get; set; }

    public AppealStatus Status { get; set; }

    public string Reply { get; set; } = "";

    public string RepliedBy { get; set; } = "";

    public DateOnly? RepliedOn { get; set; }

    /// <summary>Set once a reply came late or the appeal was found overdue (kept after a later reply, for 按期办结率).</summary>
    public bool WasLate { get; set; }

    /// <summary>The day the overdue appeal was raised to the supervising office.</summary>
    public DateOnly? EscalatedOn { get; set; }

    public AppealRating? Rating { get; set; }

    public string RatingComment { get; set; } = "";

    public DateOnly? RatedOn { get; set; }

    /// <summary>回访 by staff: who called back and what the enterprise said (the rating may come from the call).</summary>
    public string FollowUpNote { get; set; } = "";

    public int ReopenCount { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>The extension (延期) asked for, once per appeal (济南市优化营商环境条例 第六十二条); null = never asked.</summary>
    public AppealExtensionStatus? ExtensionStatus { get; set; }

    public string ExtensionReason { get; set; } = "";

    public string ExtensionRequestedBy { get; set; } = "";

    public DateOnly? ExtensionRequestedOn { get; set; }

    /// <summary>Working days the approval added (the kind's setting when it was approved).</summary>
    public int ExtensionDays { get; set; }

    /// <summary>The due date before an approved extension moved it.</summary>
    public DateOnly? DueOnBeforeExtension { get; set; }

    public string ExtensionDecidedBy { get; set; } = "";

    public DateOnly? ExtensionDecidedOn { get; set; }

    public string ExtensionDecisionNote { get; set; } = "";

    /// <summary>The account that referred it from 12345: only that account reads the result back (ADR 0054).</summary>
    public Guid? ReferrerUserId { get; set; }

    /// <summary>When the state 12345 reads back last changed (status, unit, due date, reply, rating, extension); set by the context on save.</summary>
    public DateTime StateChangedAtUtc { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

/// <summary>A co-handling unit (协办单位) of an appeal, with its opinion; scoped to that unit, which reads the appeal through it.</summary>
internal sealed class AppealCoHandler : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid AppealId { get; set; }

    public Guid OrgUnitId { get; set; }

    public string UnitName { get; set; } = "";

    public string AddedBy { get; set; } = "";

    public DateOnly AddedOn { get; set; }

    public string Opinion { get; set; } = "";

    public DateOnly? OpinionOn { get; set; }

    public long Version { get; set; }
}

internal sealed class AppealTimeLimitConfiguration : IEntityTypeConfiguration<AppealTimeLimit>
{
    public void Configure(EntityTypeBuilder<AppealTimeLimit> b)
    {
        b.ToTable("lists_appeal_time_limits");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Kind).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Basis).HasMaxLength(400);
    }
}

internal sealed class EnterpriseAppealConfiguration : IEntityTypeConfiguration<EnterpriseAppeal>
{
    public void Configure(EntityTypeBuilder<EnterpriseAppeal> b)
    {
        b.ToTable("lists_appeals");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.ReferralId).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.Status, x.DueOn });
        b.HasIndex(x => x.CreditCode);
        b.HasIndex(x => new { x.ReferrerUserId, x.StateChangedAtUtc });
        b.Property(x => x.ExtensionStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ExtensionReason).HasMaxLength(1000);
        b.Property(x => x.ExtensionRequestedBy).HasMaxLength(128);
        b.Property(x => x.ExtensionDecidedBy).HasMaxLength(128);
        b.Property(x => x.ExtensionDecisionNote).HasMaxLength(1000);
        b.Property(x => x.Number).HasMaxLength(40);
        b.Property(x => x.ReferralId).HasMaxLength(64);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Rating).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.Property(x => x.EnterpriseName).HasMaxLength(200);
        b.Property(x => x.ContactName).HasMaxLength(64);
        b.Property(x => x.ContactPhone).IsSensitive(SensitiveKind.Phone);
        b.Property(x => x.Subject).HasMaxLength(200);
        b.Property(x => x.Content).HasMaxLength(4000);
        b.Property(x => x.PowerItemCode).HasMaxLength(40);
        b.Property(x => x.PowerItemName).HasMaxLength(400);
        b.Property(x => x.RoutingReason).HasMaxLength(1000);
        b.Property(x => x.RoutingLog).HasMaxLength(4000);
        b.Property(x => x.QueryCodeHash).HasMaxLength(64);
        b.Property(x => x.Reply).HasMaxLength(4000);
        b.Property(x => x.RepliedBy).HasMaxLength(128);
        b.Property(x => x.RatingComment).HasMaxLength(1000);
        b.Property(x => x.FollowUpNote).HasMaxLength(1000);
    }
}

internal sealed class AppealCoHandlerConfiguration : IEntityTypeConfiguration<AppealCoHandler>
{
    public void Configure(EntityTypeBuilder<AppealCoHandler> b)
    {
        b.ToTable("lists_appeal_cohandlers");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OrgUnitId, x.AppealId }).IsUnique();
        b.HasIndex(x => x.AppealId);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.AddedBy).HasMaxLength(128);
        b.Property(x => x.Opinion).HasMaxLength(2000);
    }
}
