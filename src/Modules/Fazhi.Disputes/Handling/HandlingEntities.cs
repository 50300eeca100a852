using Fazhi.Disputes.Domain;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Disputes.Handling;

/// <summary>What happened on a case: one history for notes, sessions, notices, suspensions, extensions, transfers and the result.</summary>
internal enum CaseEventKind
{
    Note = 1,
    Assignment = 2,
    Session = 3,
    Attachment = 4,
    CorrectionNotice = 5,
    CorrectionReceived = 6,
    Withdrawn = 7,
    Suspended = 8,
    Resumed = 9,
    ExtensionRequested = 10,
    ExtensionApproved = 11,
    ExtensionRefused = 12,
    Transferred = 13,
    Closed = 14,
    DeemedAccepted = 15,
    RespondentServed = 16,
    AnswerReceived = 17,
    Agreement = 18,
    Simplified = 19,
    StageCompleted = 20,
    Document = 21,
    /// <summary>受理 (the acceptance review ended with acceptance).</summary>
    Accepted = 22,
    /// <summary>不予受理, with the reason.</summary>
    Rejected = 23,
    /// <summary>确认分流 / 改派: the front desk's routing decision (case type, unit, reason).</summary>
    Routed = 24,
    /// <summary>下派: passed to a unit below, with the reason; awaits the receiving unit's receipt.</summary>
    Dispatched = 25,
    /// <summary>上报 / 退回: passed to the unit above, with the reason; awaits its receipt.</summary>
    Escalated = 26,
    /// <summary>接收: the receiving unit took a dispatched or escalated case.</summary>
    Received = 27,
    /// <summary>An SMS to the parties (case update, rating link), recorded whether or not it went out.</summary>
    PartyMessage = 28,
}

/// <summary>One entry of a case's history (办理记录), written by the handling actions in the same transaction as the change.</summary>
internal sealed class CaseEvent : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Guid OrgUnitId { get; set; }

    public CaseEventKind Kind { get; set; }

    /// <summary>The business day the event counts on (deadlines are computed from it).</summary>
    public DateOnly OnDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public Guid? ActorUserId { get; set; }

    public string ActorName { get; set; } = "";

    public required string Text { get; set; }

    /// <summary>Sessions/hearings: where.</summary>
    public string? Place { get; set; }

    /// <summary>Sessions/hearings: when, in UTC (entered and shown in Beijing time).</summary>
    public DateTime? SessionAt { get; set; }

    /// <summary>Sessions/hearings: who took part (names, roles).</summary>
    public string? Participants { get; set; }

    public long Version { get; set; }
}

/// <summary>A stop of a stage's clock (补正, 中止 with a reason from the profile); the days in it are not counted.</summary>
internal sealed class StagePause : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Guid StageId { get; set; }

    public Guid OrgUnitId { get; set; }

    public DateOnly PausedFrom { get; set; }

    public DateOnly? ResumedOn { get; set; }

    public required string Reason { get; set; }

    public long Version { get; set; }
}

internal enum ExtensionStatus
{
    Requested = 1,
    Approved = 2,
    Refused = 3,
}

/// <summary>An extension of a stage (延期), requested by the handler and counted only once approved.</summary>
internal sealed class StageExtension : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Guid StageId { get; set; }

    public Guid OrgUnitId { get; set; }

    public int Days { get; set; }

    public required string Reason { get; set; }

    public ExtensionStatus Status { get; set; } = ExtensionStatus.Requested;

    public Guid? RequestedBy { get; set; }

    public DateOnly RequestedOn { get; set; }

    public Guid? DecidedBy { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// A number of a case type profile that is not a stage's own limit (申请期限, 补正期限, 答复期限, 简易程序...), with its day kind
/// and article. Data an administrator can change; keys are listed in <see cref="RuleKeys"/>.
/// </summary>
internal sealed class ProfileRule : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProfileId { get; set; }

    public required string Key { get; set; }

    public int Value { get; set; }

    public DayKind? DayKind { get; set; }

    public required string Article { get; set; }

    public long Version { get; set; }
}

internal enum ProfileOptionKind
{
    /// <summary>结果类型</summary>
    Result = 1,

    /// <summary>中止（暂停计时）事由</summary>
    Suspension = 2,

    /// <summary>可转入的案件类型</summary>
    Transfer = 3,
}

/// <summary>A choice a profile offers: a result kind, a suspension reason or a transfer target, with its article.</summary>
internal sealed class ProfileOption : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProfileId { get; set; }

    public ProfileOptionKind Kind { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Article { get; set; }

    public int Order { get; set; }

    public long Version { get; set; }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.ToTable("disputes_case_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.ActorName).HasMaxLength(128);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Participants).HasMaxLength(1000);
        b.HasOne<DisputeCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CaseId, x.Kind });
    }
}

internal sealed class StagePauseConfiguration : IEntityTypeConfiguration<StagePause>
{
    public void Configure(EntityTypeBuilder<StagePause> b)
    {
        b.ToTable("disputes_stage_pauses");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.HasOne<CaseStage>().WithMany(s => s.Pauses).HasForeignKey(x => x.StageId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CaseId);
    }
}

internal sealed class StageExtensionConfiguration : IEntityTypeConfiguration<StageExtension>
{
    public void Configure(EntityTypeBuilder<StageExtension> b)
    {
        b.ToTable("disputes_stage_extensions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasOne<CaseStage>().WithMany(s => s.Extensions).HasForeignKey(x => x.StageId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CaseId, x.Status });
    }
}

internal sealed class ProfileRuleConfiguration : IEntityTypeConfiguration<ProfileRule>
{
    public void Configure(EntityTypeBuilder<ProfileRule> b)
    {
        b.ToTable("disputes_profile_rules");
        b.HasKey(x => x.Id);
        b.Property(x => x.Key).HasMaxLength(64);
        b.Property(x => x.Article).HasMaxLength(2000);
        b.HasOne<CaseTypeProfile>().WithMany().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProfileId, x.Key }).IsUnique();
    }
}

internal sealed class ProfileOptionConfiguration : IEntityTypeConfiguration<ProfileOption>
{
    public void Configure(EntityTypeBuilder<ProfileOption> b)
    {
        b.ToTable("disputes_profile_options");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Article).HasMaxLength(1000);
        b.HasOne<CaseTypeProfile>().WithMany().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProfileId, x.Kind, x.Code }).IsUnique();
    }
}
