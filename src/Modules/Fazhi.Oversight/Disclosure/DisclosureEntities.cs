using System.Text.Json.Serialization;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Oversight.Disclosure;

[JsonConverter(typeof(JsonStringEnumConverter<DisclosureStatus>))]
internal enum DisclosureStatus
{
    /// <summary>办理中: the reply clock runs.</summary>
    Open,

    /// <summary>待补正: the agency asked the applicant to correct an unclear request (政府信息公开条例 第三十条); the clock stands.</summary>
    AwaitingCorrection,

    /// <summary>已答复.</summary>
    Answered,

    /// <summary>视为放弃: not corrected within the period the agency set (第三十条).</summary>
    Abandoned,
}

[JsonConverter(typeof(JsonStringEnumConverter<ApplicantKind>))]
internal enum ApplicantKind
{
    /// <summary>公民.</summary>
    Citizen,

    /// <summary>法人或者其他组织.</summary>
    Organisation,
}

[JsonConverter(typeof(JsonStringEnumConverter<ProvisionForm>))]
internal enum ProvisionForm
{
    /// <summary>纸质，邮寄.</summary>
    PaperByPost,

    /// <summary>纸质，自行领取.</summary>
    PaperPickup,

    /// <summary>电子数据，电子邮件.</summary>
    Email,

    /// <summary>电子数据，在线查看（凭编号和查询码）.</summary>
    Online,
}

[JsonConverter(typeof(JsonStringEnumConverter<DisclosureChannel>))]
internal enum DisclosureChannel
{
    /// <summary>网上申请 (the public form).</summary>
    Online,

    /// <summary>信函、当面 (entered by staff).</summary>
    Letter,
}

/// <summary>The reply kinds of 政府信息公开条例 第三十六条 and 第三十七条 (部分公开).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DisclosureReplyKind>))]
internal enum DisclosureReplyKind
{
    /// <summary>第三十六条第（二）项: 予以公开.</summary>
    Disclosed,

    /// <summary>第三十七条: 部分公开 (the rest withheld with the reason).</summary>
    Partial,

    /// <summary>第三十六条第（一）项: 已主动公开, the applicant is told where.</summary>
    AlreadyPublic,

    /// <summary>第三十六条第（三）项: 不予公开, with the reason and its article (第十四条、第十五条、第十六条).</summary>
    Refused,

    /// <summary>第三十六条第（四）项: 经检索没有所申请公开信息 (信息不存在).</summary>
    NotExist,

    /// <summary>第三十六条第（五）项: 不属于本机关负责公开, naming the responsible body.</summary>
    NotResponsible,

    /// <summary>第三十六条第（六）项: 重复申请, not handled again.</summary>
    Duplicate,

    /// <summary>第三十六条第（七）项: 工商、不动产登记资料等 with a special procedure in law.</summary>
    SpecialProcedure,
}

/// <summary>
/// A request for government information (政府信息公开申请, 政府信息公开条例 第二十七条至第三十三条) addressed to one agency (the
/// record's org unit, so the data scope decides who sees it). The reply clock is 20 working days from receipt (第三十三条),
/// restarted from the receipt of a corrected request (第三十条), extendable once by up to 20 working days with the approval of
/// the head of the disclosure office (第三十三条); the days are the settings' at receipt, kept on the record.
/// </summary>
internal sealed class DisclosureRequest : IOrgScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>申请编号, e.g. YSQGK2026-00001.</summary>
    public string Number { get; set; } = "";

    /// <summary>The agency the request is addressed to.</summary>
    public Guid OrgUnitId { get; set; }

    [AuditRedacted]
    public string QueryCodeHash { get; set; } = "";

    public DisclosureChannel Channel { get; set; }

    public ApplicantKind ApplicantKind { get; set; }

    /// <summary>申请人姓名或者名称 (第二十九条).</summary>
    public string ApplicantName { get; set; } = "";

    public SensitiveText? ContactPhone { get; set; }

    public SensitiveText? ContactAddress { get; set; }

    public string? Email { get; set; }

    /// <summary>申请公开的政府信息的名称、文号或者便于查询的其他特征性描述 (第二十九条第二款第（二）项).</summary>
    public string Description { get; set; } = "";

    /// <summary>获取信息的方式、途径 (第二十九条第二款第（三）项).</summary>
    public ProvisionForm Form { get; set; }

    /// <summary>收到申请之日 (第三十一条).</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>The reply period in working days at receipt (第三十三条: 20).</summary>
    public int ReplyWorkingDays { get; set; }

    /// <summary>The longest extension in working days at receipt (第三十三条: 20).</summary>
    public int ExtensionLimitDays { get; set; }

    /// <summary>The last day to ask for a correction, in working days from receipt (第三十条: 7).</summary>
    public DateOnly CorrectionNoticeBy { get; set; }

    /// <summary>The day the correction notice was given (补正告知), when one was.</summary>
    public DateOnly? CorrectionRequestedOn { get; set; }

    /// <summary>What the applicant is to correct.</summary>
    public string? CorrectionNote { get; set; }

    /// <summary>The period the agency gave the applicant to correct (合理的补正期限).</summary>
    public DateOnly? CorrectionDueOn { get; set; }

    /// <summary>The day the corrected request was received: the reply period runs again from it (第三十条).</summary>
    public DateOnly? CorrectedOn { get; set; }

    /// <summary>The extension's working days (0 = not extended).</summary>
    public int ExtensionDays { get; set; }

    public string? ExtensionReason { get; set; }

    /// <summary>政府信息公开工作机构负责人 who approved the extension.</summary>
    public string? ExtensionApprovedBy { get; set; }

    public DateOnly? ExtendedOn { get; set; }

    /// <summary>The reply due date on the calendar; null while the clock stands for a correction.</summary>
    public DateOnly? DueOn { get; set; }

    public DisclosureStatus Status { get; set; }

    public DisclosureReplyKind? ReplyKind { get; set; }

    /// <summary>答复内容 (what is provided, where, or what the applicant is told).</summary>
    public string? ReplyText { get; set; }

    /// <summary>The reason and article of a refusal or partial disclosure (第三十六条第（三）项、第三十七条).</summary>
    public string? ReplyBasis { get; set; }

    /// <summary>The body responsible for the information, with its contact (第三十六条第（五）项).</summary>
    public string? ResponsibleBody { get; set; }

    public DateOnly? RepliedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>
    /// The administrative lawsuit of this module brought against the reply (《政府信息公开条例》第五十一条), linked by staff; its
    /// defendant is the agency that replied (《行政诉讼法》第二十六条), ADR 0066.
    /// </summary>
    public Guid? AppealLawsuitId { get; set; }

    /// <summary>The dispute centre's reconsideration case against the reply (第五十一条), checked through Fazhi.Disputes.Contracts (ADR 0066).</summary>
    public Guid? ReconsiderationCaseId { get; set; }

    /// <summary>The reconsideration case's number as staff entered it with the link.</summary>
    public string? ReconsiderationCaseNumber { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public bool IsDemo { get; set; }

    public long Version { get; set; }
}

internal sealed class DisclosureRequestConfiguration : IEntityTypeConfiguration<DisclosureRequest>
{
    public void Configure(EntityTypeBuilder<DisclosureRequest> b)
    {
        b.ToTable("oversight_disclosure_requests");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Number).IsUnique();
        // The rate's index: by receipt date, covering the grouping, the counts and the drill-down's sort (ADR 0045).
        b.HasIndex(x => new { x.ReceivedOn, x.OrgUnitId, x.Status, x.ReplyKind, x.DueOn, x.RepliedOn, x.Id }, "IX_oversight_disclosures_rate");
        // A caller with a unit list (every caller but system work) reads the rate per unit, one seek of the year per unit in
        // scope: the rows come out grouped by unit, so SQLite, which has no hash aggregate, does not sort the year's 50,000
        // entries on the unit id to group them; it covers the drill-down's counts and sort too (ADR 0060).
        b.HasIndex(x => new { x.OrgUnitId, x.ReceivedOn, x.Status, x.DueOn, x.RepliedOn, x.ReplyKind, x.Id }, "IX_oversight_disclosures_rate_unit");
        // The rate by reply kind: one seek of the year per kind, grouped without a sort for the same reason (ADR 0060).
        b.HasIndex(x => new { x.ReplyKind, x.ReceivedOn, x.OrgUnitId, x.Status, x.DueOn, x.RepliedOn }, "IX_oversight_disclosures_rate_kind");
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.Property(x => x.Number).HasMaxLength(40);
        b.Property(x => x.QueryCodeHash).HasMaxLength(64);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ApplicantKind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ApplicantName).HasMaxLength(100);
        b.Property(x => x.ContactPhone).IsSensitive(SensitiveKind.Phone);
        b.Property(x => x.ContactAddress).IsSensitive(SensitiveKind.Address);
        b.Property(x => x.Email).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Form).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CorrectionNote).HasMaxLength(2000);
        b.Property(x => x.ExtensionReason).HasMaxLength(1000);
        b.Property(x => x.ExtensionApprovedBy).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.ReplyKind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.ReplyText).HasMaxLength(4000);
        b.Property(x => x.ReplyBasis).HasMaxLength(1000);
        b.Property(x => x.ResponsibleBody).HasMaxLength(400);
        b.Property(x => x.ReconsiderationCaseNumber).HasMaxLength(64);
        // The lawsuit's page lists the requests whose reply it is brought against.
        b.HasIndex(x => x.AppealLawsuitId);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
