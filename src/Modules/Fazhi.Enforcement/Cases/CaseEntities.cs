using System.Text.Json.Serialization;
using Fazhi.Enforcement.Discretion;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Enforcement.Cases;

[JsonConverter(typeof(JsonStringEnumConverter<PartyKind>))]
internal enum PartyKind
{
    Person,
    Organisation,
}

/// <summary>The statutory stages of an ordinary-procedure penalty case (行政处罚法 第五章第三节).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStage>))]
internal enum CaseStage
{
    /// <summary>立案 (第五十四条).</summary>
    Opened,

    /// <summary>调查取证 (第五十四条、第五十五条).</summary>
    Investigating,

    /// <summary>拟处罚决定 recorded with the discretion engine's advice.</summary>
    Proposed,

    /// <summary>告知拟处罚决定及陈述、申辩、听证权利 (第四十四条、第六十三条).</summary>
    Notified,

    /// <summary>听证 (第六十三条、第六十四条).</summary>
    Hearing,

    /// <summary>法制审核 (第五十八条).</summary>
    LegalReview,

    /// <summary>作出决定 (第五十七条、第五十九条).</summary>
    Decided,

    /// <summary>送达 (第六十一条).</summary>
    Served,

    /// <summary>执行完毕 (缴纳罚款或强制执行，第六十七条、第七十二条).</summary>
    Executed,

    Closed,

    /// <summary>决定被撤销.</summary>
    Revoked,
}

/// <summary>A penalty case (行政处罚案件) of an enforcement body. Scoped to the body's org unit.</summary>
internal sealed class PenaltyCase : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrgUnitId { get; set; }

    public Guid BodyId { get; set; }

    /// <summary>案号, e.g. 枣市监罚〔2026〕0001号 style; here BODYCODE-YYYY-NNNNNN.</summary>
    public string Number { get; set; } = "";

    public Guid MatterId { get; set; }

    public string MatterName { get; set; } = "";

    public bool OnTheSpot { get; set; }

    public CaseStage Stage { get; set; }

    public PartyKind PartyKind { get; set; }

    /// <summary>Name of the person or organisation. A person's name is masked on public pages.</summary>
    public string PartyName { get; set; } = "";

    /// <summary>公民身份号码 of a person: SM4-encrypted, masked in lists.</summary>
    public SensitiveText? PartyIdNumber { get; set; }

    /// <summary>统一社会信用代码 of an organisation (validated).</summary>
    public string? PartyCreditCode { get; set; }

    /// <summary>
    /// 当事人地址 (行政处罚法 第五十九条第一项: the decision states the party's name and address): a person's address is
    /// personal information, so it is stored SM4-encrypted and masked in lists, like the ID number. Null for cases opened
    /// before it was asked.
    /// </summary>
    public SensitiveText? PartyAddress { get; set; }

    public string Summary { get; set; } = "";

    public DateOnly OpenedOn { get; set; }

    /// <summary>第六十条 deadline including recorded extensions.</summary>
    public DateOnly DecisionDueOn { get; set; }

    public int ExtensionDays { get; set; }

    public DateOnly? OrderToCorrectOn { get; set; }

    /// <summary>The facts given to the discretion engine (JSON of DiscretionFacts).</summary>
    public string FactsJson { get; set; } = "";

    public Guid? BenchmarkId { get; set; }

    public int? BenchmarkNumber { get; set; }

    public DiscretionTier? EngineTier { get; set; }

    public string EngineRangeText { get; set; } = "";

    /// <summary>The engine's applied rules (JSON).</summary>
    public string EngineRulesJson { get; set; } = "";

    public DiscretionTier? ProposedTier { get; set; }

    public decimal? FineAmount { get; set; }

    /// <summary>Other penalties (警告、没收违法所得 ...) as text.</summary>
    public string PenaltyText { get; set; } = "";

    public string WrittenReason { get; set; } = "";

    /// <summary>Outside the range or a waiver outside the list: flagged for supervision.</summary>
    public bool SupervisionFlag { get; set; }

    public string SupervisionNotes { get; set; } = "";

    /// <summary>重大执法决定 needing 法制审核 (第五十八条).</summary>
    public bool IsMajor { get; set; }

    /// <summary>情节复杂或者重大违法行为: 负责人集体讨论决定 (第五十七条第二款).</summary>
    public bool IsSerious { get; set; }

    public DateOnly? NotifiedOn { get; set; }

    public bool HearingOffered { get; set; }

    public DateOnly? HearingRequestDueOn { get; set; }

    public DateOnly? HearingRequestedOn { get; set; }

    public DateOnly? HearingNoticeOn { get; set; }

    public DateOnly? HearingHeldOn { get; set; }

    public DateOnly? CollectiveDecisionOn { get; set; }

    public string DecisionNumber { get; set; } = "";

    public DateOnly? DecidedOn { get; set; }

    public DateOnly? ServiceDueOn { get; set; }

    public DateOnly? ServedOn { get; set; }

    public DateOnly? PaymentDueOn { get; set; }

    public DateOnly? PaidOn { get; set; }

    public decimal? Surcharge { get; set; }

    public DateOnly? ExecutedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateOnly? RevokedOn { get; set; }

    public DateOnly? PublicationDueOn { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>
    /// Published after <see cref="PublicationDueOn"/> (set by <c>PublishAsync</c>). Stored so that the supervision alert is an
    /// index seek rather than a comparison of two columns over every decided case.
    /// </summary>
    public bool PublishedLate { get; set; }

    /// <summary>
    /// A 法制审核 of this case has passed (set when the reviewer's opinion is 通过; a passed review is never undone). Stored
    /// so that "major decision without a passed review" is an index seek, not a probe of the review table per major case.
    /// </summary>
    public bool LegalReviewPassed { get; set; }

    /// <summary>Hash of the case's last step (the head of its own SM3 chain).</summary>
    public string HeadHash { get; set; } = "";

    public int StepCount { get; set; }

    public long Version { get; set; }
}

/// <summary>An officer on a case, with the certificate number as it was when assigned.</summary>
internal sealed class CaseOfficer : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrgUnitId { get; set; }

    public Guid CaseId { get; set; }

    public Guid OfficerId { get; set; }

    public string Name { get; set; } = "";

    public string CertificateNumber { get; set; } = "";
}

/// <summary>
/// One step of the full-process record (全过程记录). Steps form a per-case SM3 chain (each hash covers the previous),
/// so an exported history can be verified offline; each step is also written to the platform audit trail.
/// </summary>
internal sealed class CaseStep : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrgUnitId { get; set; }

    public Guid CaseId { get; set; }

    public int Seq { get; set; }

    public string Kind { get; set; } = "";

    /// <summary>UTC time of recording.</summary>
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>The day the step took effect (e.g. the service date), as entered.</summary>
    public DateOnly? OnDate { get; set; }

    public string Actor { get; set; } = "";

    public string Summary { get; set; } = "";

    /// <summary>Evidence: attachment ids with their SM3 hashes, and audio/video recording references (JSON).</summary>
    public string EvidenceJson { get; set; } = "[]";

    public string PrevHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

[JsonConverter(typeof(JsonStringEnumConverter<ReviewOpinion>))]
internal enum ReviewOpinion
{
    Pending,

    /// <summary>同意 (通过).</summary>
    Pass,

    /// <summary>修改后再审.</summary>
    Revise,

    /// <summary>不同意.</summary>
    Fail,
}

/// <summary>A 法制审核 request and its opinion (行政处罚法 第五十八条).</summary>
internal sealed class LegalReview : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrgUnitId { get; set; }

    public Guid CaseId { get; set; }

    public DateTime RequestedAtUtc { get; set; }

    public string RequestedBy { get; set; } = "";

    public ReviewOpinion Opinion { get; set; }

    public string Reason { get; set; } = "";

    public string Reviewer { get; set; } = "";

    public DateTime? DecidedAtUtc { get; set; }

    public long Version { get; set; }
}

internal sealed class PenaltyCaseConfiguration : IEntityTypeConfiguration<PenaltyCase>
{
    public void Configure(EntityTypeBuilder<PenaltyCase> b)
    {
        b.ToTable("enforcement_cases");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Number).IsUnique();
        // The supervision alerts (SupervisionService) read these indexes only (covering): per-body counts grouped by
        // (Stage, OrgUnitId), already their order; the first 200 alerts by sorting the index entries and then fetching
        // those 200 cases. City-wide and for one body, no query reads every case.
        b.HasIndex(x => new { x.OrgUnitId, x.Stage, x.DecisionDueOn });
        b.HasIndex(x => new { x.Stage, x.DecisionDueOn, x.OrgUnitId });
        b.HasIndex(x => new { x.Stage, x.PublishedOn, x.PublicationDueOn, x.OrgUnitId });
        b.HasIndex(x => new { x.IsMajor, x.LegalReviewPassed, x.Stage, x.OrgUnitId, x.Id });
        b.HasIndex(x => new { x.SupervisionFlag, x.Stage, x.OrgUnitId, x.Id });
        b.HasIndex(x => new { x.PublishedLate, x.Stage, x.OrgUnitId, x.PublicationDueOn, x.Id });
        b.Property(x => x.Number).HasMaxLength(64);
        b.Property(x => x.MatterName).HasMaxLength(256);
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PartyKind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PartyName).HasMaxLength(256);
        b.Property(x => x.PartyIdNumber).IsSensitive(SensitiveKind.IdNumber);
        b.Property(x => x.PartyCreditCode).HasMaxLength(18);
        b.Property(x => x.PartyAddress).IsSensitive(SensitiveKind.Address);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.FactsJson).HasMaxLength(8000);
        b.Property(x => x.EngineTier).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ProposedTier).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.EngineRangeText).HasMaxLength(1000);
        b.Property(x => x.EngineRulesJson).HasMaxLength(16000);
        b.Property(x => x.FineAmount).HasPrecision(18, 2);
        b.Property(x => x.Surcharge).HasPrecision(18, 2);
        b.Property(x => x.PenaltyText).HasMaxLength(1000);
        b.Property(x => x.WrittenReason).HasMaxLength(4000);
        b.Property(x => x.SupervisionNotes).HasMaxLength(4000);
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.HeadHash).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class CaseOfficerConfiguration : IEntityTypeConfiguration<CaseOfficer>
{
    public void Configure(EntityTypeBuilder<CaseOfficer> b)
    {
        b.ToTable("enforcement_case_officers");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CaseId, x.OfficerId }).IsUnique();
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.CertificateNumber).HasMaxLength(64);
    }
}

internal sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> b)
    {
        b.ToTable("enforcement_case_steps");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CaseId, x.Seq }).IsUnique();
        b.Property(x => x.Kind).HasMaxLength(64);
        b.Property(x => x.Actor).HasMaxLength(128);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.EvidenceJson).HasMaxLength(8000);
        b.Property(x => x.PrevHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
    }
}

internal sealed class LegalReviewConfiguration : IEntityTypeConfiguration<LegalReview>
{
    public void Configure(EntityTypeBuilder<LegalReview> b)
    {
        b.ToTable("enforcement_legal_reviews");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OrgUnitId, x.Opinion });
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.Opinion).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RequestedBy).HasMaxLength(128);
        b.Property(x => x.Reviewer).HasMaxLength(128);
        b.Property(x => x.Reason).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
