using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Disputes.Domain;

internal enum CaseStatus
{
    /// <summary>待受理</summary>
    Pending = 1,

    /// <summary>办理中</summary>
    InProgress = 2,

    /// <summary>不予受理</summary>
    Rejected = 3,

    /// <summary>已办结</summary>
    Closed = 4,
}

internal enum IntakeChannel
{
    /// <summary>网上申请</summary>
    Online = 1,

    /// <summary>12348 热线</summary>
    Hotline = 2,

    /// <summary>窗口来访</summary>
    WalkIn = 3,

    /// <summary>转办（法院、12345、信访等系统）</summary>
    Referral = 4,
}

internal enum PartyKind
{
    Person = 1,
    Organisation = 2,
}

internal enum PartyRole
{
    /// <summary>申请人</summary>
    Applicant = 1,

    /// <summary>被申请人</summary>
    Respondent = 2,

    /// <summary>代理人 (of the applicant)</summary>
    Agent = 3,
}

/// <summary>A dispute at the centre, handled under the case-type profile version it was opened with.</summary>
internal sealed class DisputeCase : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The handling org unit (data scope).</summary>
    public Guid OrgUnitId { get; set; }

    public required string CaseNumber { get; set; }

    public int Year { get; set; }

    public int Sequence { get; set; }

    public required string CaseTypeCode { get; set; }

    /// <summary>The profile version pinned at intake; later versions never change this case's limits.</summary>
    public Guid ProfileId { get; set; }

    public int ProfileVersion { get; set; }

    /// <summary>Changed only through <see cref="Accept"/>, <see cref="Reject"/>, <see cref="Close"/> and <see cref="TransferTo"/>.</summary>
    public CaseStatus Status { get; private set; } = CaseStatus.Pending;

    public IntakeChannel Channel { get; set; }

    /// <summary>The referring system (法院, 12345, 信访...) for referrals.</summary>
    public string? ExternalSystem { get; set; }

    /// <summary>The referring system's own id for the dispute.</summary>
    public string? ExternalId { get; set; }

    /// <summary>The account the referral came in through (the referring system's API client): told of the result on closing.</summary>
    public Guid? ReferredByUserId { get; set; }

    public required string Category { get; set; }

    public decimal? Amount { get; set; }

    /// <summary>Where the dispute arose (an org unit: district or town).</summary>
    public Guid? PlaceOrgUnitId { get; set; }

    public required string Description { get; set; }

    /// <summary>Day the application was received (the acceptance-review period starts the next day).</summary>
    public DateOnly ReceivedOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>SHA-256 of the query code handed to the applicant; the code itself is never stored.</summary>
    [AuditRedacted]
    public string? QueryCodeHash { get; set; }

    public string? RejectReason { get; set; }

    public List<CaseParty> Parties { get; set; } = [];

    public List<CaseStage> Stages { get; set; } = [];

    public long Version { get; set; }

    /// <summary>The earliest due date of the open, running stages (null when none or all paused); kept by the handling clock, indexed for worklists.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The handler (mediator/officer) the case is assigned to.</summary>
    public Guid? AssigneeUserId { get; set; }

    public string? AssigneeName { get; set; }

    /// <summary>行政复议法 第二十条: the day the applicant knew (or should have known) of the act.</summary>
    public DateOnly? KnewOn { get; set; }

    /// <summary>行政复议法 第二十条第二款: false when the authority did not tell the applicant of the right and time limit.</summary>
    public bool? ToldOfRight { get; set; }

    /// <summary>A flag raised at intake (e.g. application window passed, with the reason given) for the reviewer.</summary>
    public string? IntakeFlag { get; set; }

    /// <summary>行政复议法 第五十三条: handled in the simplified procedure.</summary>
    public bool Simplified { get; private set; }

    /// <summary>The clock of the open stages is stopped (中止).</summary>
    public bool Suspended { get; private set; }

    public DateOnly? ClosedOn { get; set; }

    public string? ResultCode { get; set; }

    public string? ResultName { get; set; }
    /// <summary>Set when staff merged this case into another (the primary); cleared by an unmerge. See Duplicates/.</summary>
    public Guid? MergedIntoCaseId { get; set; }

    /// <summary>受理 (also deemed, 行政复议法 第三十条): a pending application becomes a case in progress.</summary>
    public void Accept()
    {
        Expect("受理", CaseStatus.Pending);
        Status = CaseStatus.InProgress;
    }

    /// <summary>不予受理 with its reason (it goes into the written decision).</summary>
    public void Reject(string reason)
    {
        Expect("不予受理", CaseStatus.Pending);
        Status = CaseStatus.Rejected;
        RejectReason = reason;
    }

    /// <summary>办结 with a result of the profile (also 视为放弃申请 of a pending application); the clock stops for good.</summary>
    public void Close(DateOnly on, string resultCode, string resultName)
    {
        Expect("办结", CaseStatus.Pending, CaseStatus.InProgress);
        Status = CaseStatus.Closed;
        ClosedOn = on;
        ResultCode = resultCode;
        ResultName = resultName;
        Suspended = false;
    }

    /// <summary>中止: the clock of the open stages stops (the stages' pauses are kept by the handling service).</summary>
    public void Suspend()
    {
        Expect("中止", CaseStatus.InProgress);
        if (Suspended)
        {
            throw new InvalidOperationException("案件已中止。");
        }
        Suspended = true;
    }

    public void Resume()
    {
        Expect("恢复计时", CaseStatus.Pending, CaseStatus.InProgress);
        if (!Suspended)
        {
            throw new InvalidOperationException("案件未中止。");
        }
        Suspended = false;
    }

    /// <summary>行政复议法 第五十三条: handled in the simplified procedure from now on.</summary>
    public void Simplify()
    {
        Expect("适用简易程序", CaseStatus.InProgress);
        Simplified = true;
    }

    /// <summary>Transfer to another case type: the same case under the new type's profile, back to its acceptance review.</summary>
    public void TransferTo(string caseTypeCode, Guid profileId, int profileVersion)
    {
        Expect("转换案件类型", CaseStatus.Pending, CaseStatus.InProgress);
        CaseTypeCode = caseTypeCode;
        ProfileId = profileId;
        ProfileVersion = profileVersion;
        Status = CaseStatus.Pending;
        Suspended = false;
        Simplified = false;
    }

    /// <summary>A transition from a status that does not allow it is a programming error: the services ask <see cref="CaseActions"/> first.</summary>
    private void Expect(string action, params CaseStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new InvalidOperationException($"Case {CaseNumber}: {action} is not allowed in status {Status}.");
        }
    }
}

/// <summary>A party: a person (resident ID) or an organisation (unified social credit code).</summary>
internal sealed class CaseParty : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Guid OrgUnitId { get; set; }

    public PartyRole Role { get; set; }

    public PartyKind Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>Resident ID number (persons), encrypted.</summary>
    public SensitiveText? IdNumber { get; set; }

    /// <summary>Unified social credit code (organisations): public register data, not personal.</summary>
    public string? CreditCode { get; set; }

    public SensitiveText? Phone { get; set; }

    public long Version { get; set; }
}

/// <summary>One stage of a case's history, with the limit copied from the pinned profile.</summary>
internal sealed class CaseStage : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Guid OrgUnitId { get; set; }

    public required string StageCode { get; set; }

    public required string StageName { get; set; }

    /// <summary>Day of the event that starts the period (not counted).</summary>
    public DateOnly StartedOn { get; set; }

    public int Days { get; set; }

    public DayKind DayKind { get; set; }

    public required string Article { get; set; }

    public DateOnly? EndedOn { get; set; }

    /// <summary>How the stage ended (受理, 不予受理: reason...).</summary>
    public string? Outcome { get; set; }

    /// <summary>The due date in force when the stage ended (pauses and approved extensions counted); null while open or when its clock was stopped.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Whether the stage ended by its due date; stamped when it ends (statistics: on-time rate), null while open.</summary>
    public bool? OnTime { get; set; }

    public long Version { get; set; }

    /// <summary>Clock stops of this stage (补正, 中止).</summary>
    public List<Fazhi.Disputes.Handling.StagePause> Pauses { get; set; } = [];

    /// <summary>Extensions requested for this stage; only approved ones count.</summary>
    public List<Fazhi.Disputes.Handling.StageExtension> Extensions { get; set; } = [];

    public DeadlineSpec ToSpec() => new(StartedOn, DayKind, Days)
    {
        Pauses = Pauses.OrderBy(p => p.PausedFrom).Select(p => new DeadlinePause(p.PausedFrom, p.ResumedOn)).ToList(),
        Extensions = Extensions.Where(e => e.Status == Fazhi.Disputes.Handling.ExtensionStatus.Approved)
            .OrderBy(e => e.DecidedOn).Select(e => new DeadlineExtension(e.Days)).ToList(),
    };
}

internal sealed class DisputeCaseConfiguration : IEntityTypeConfiguration<DisputeCase>
{
    public void Configure(EntityTypeBuilder<DisputeCase> b)
    {
        b.ToTable("disputes_cases");
        b.HasKey(x => x.Id);
        b.Property(x => x.CaseNumber).HasMaxLength(64);
        b.HasIndex(x => x.CaseNumber).IsUnique();
        b.HasIndex(x => new { x.Year, x.Sequence }).IsUnique();
        b.Property(x => x.CaseTypeCode).HasMaxLength(64);
        b.Property(x => x.ExternalSystem).HasMaxLength(64);
        b.Property(x => x.ExternalId).HasMaxLength(128);
        // A referring system's id names one case: a repeat referral finds it instead of creating another.
        b.HasIndex(x => new { x.ExternalSystem, x.ExternalId }).IsUnique();
        b.Property(x => x.Category).HasMaxLength(64);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.QueryCodeHash).HasMaxLength(64);
        b.Property(x => x.RejectReason).HasMaxLength(1000);
        // ClosedOn last: the oversight module's read of recent reconsideration decisions (ReconsiderationDecisions, on every
        // home page of the justice bureau and the agencies) seeks the days since its last sync instead of walking every closed
        // case of the type; the (Status, CaseTypeCode) prefix serves the queries the shorter index did (ADR 0045).
        b.HasIndex(x => new { x.Status, x.CaseTypeCode, x.ClosedOn });
        // By unit, newest first: the "all" worklist of a county or town reads each unit's newest cases (Deadlines/Worklists).
        b.HasIndex(x => new { x.OrgUnitId, x.Id });
        b.HasOne<CaseTypeProfile>().WithMany().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Parties).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Stages).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> b)
    {
        b.ToTable("disputes_parties");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.Property(x => x.IdNumber).IsSensitive(SensitiveKind.IdNumber);
        b.Property(x => x.Phone).IsSensitive(SensitiveKind.Phone);
        b.HasIndex(x => x.CreditCode);
        // The worklist's keyword search by a party's name (exact): an index seek at a million cases, covering (the case id is
        // in the index), so a common name's thousand matches are read from the index alone, not one table page each (ADR 0061).
        b.HasIndex(x => new { x.Name, x.CaseId });
    }
}

internal sealed class CaseStageConfiguration : IEntityTypeConfiguration<CaseStage>
{
    public void Configure(EntityTypeBuilder<CaseStage> b)
    {
        b.ToTable("disputes_case_stages");
        b.HasKey(x => x.Id);
        b.Property(x => x.StageCode).HasMaxLength(64);
        b.Property(x => x.StageName).HasMaxLength(64);
        b.Property(x => x.Article).HasMaxLength(2000);
        b.Property(x => x.Outcome).HasMaxLength(1000);
        b.HasIndex(x => new { x.CaseId, x.EndedOn });
        // Statistics (covering): stages ended in a partial month are counted live (the roll-up holds whole months).
        b.HasIndex(x => new { x.EndedOn, x.OrgUnitId, x.OnTime }, "IX_disputes_case_stages_stats_ended");
    }
}
