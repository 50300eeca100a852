using System.Globalization;
using Fazhi.Disputes.Domain;

namespace Fazhi.Disputes.Cases;

/// <summary>A party as entered on a form or sent to the API. <see cref="Kind"/> is an enum name (Person, Organisation); left out, a person.</summary>
internal sealed record PartyInput(PartyKind? Kind, string? Name, string? IdNumber, string? CreditCode, string? Phone);

/// <summary>An intake from any channel. <see cref="HandlingUnitCode"/> defaults to the clerk's own unit.</summary>
internal sealed record IntakeRequest(
    string? CaseType,
    string? Channel,
    string? Category,
    decimal? Amount,
    string? PlaceCode,
    string? Description,
    PartyInput? Applicant,
    PartyInput? Respondent,
    string? ExternalSystem = null,
    string? ExternalId = null,
    string? HandlingUnitCode = null,
    DateOnly? KnewOn = null,
    bool? ToldOfRight = null,
    string? LateReason = null,
    PartyInput? Agent = null,
    bool? Consented = null);

/// <param name="AlreadyReceived">True when a referral with the same (system, id) was already registered: this is that case.</param>
internal sealed record IntakeResult(Guid Id, string CaseNumber, string? QueryCode, bool AlreadyReceived = false);

internal sealed record RejectRequest(string? Reason, long? Version = null);

internal sealed record AcceptRequest(long? Version = null);

internal sealed record StageView(string Code, string Name, DateOnly StartedOn, int Days, string DayKind, string Article, DateOnly? DueDate, bool Overdue, DateOnly? EndedOn, string? Outcome);

internal sealed record PartyView(string Role, string Kind, string Name, string? IdNumberMasked, string? CreditCode, string? PhoneMasked);

internal sealed record CaseListItem(Guid Id, string CaseNumber, string CaseType, string CaseTypeName, string Status, string StatusName, string Channel, string Category, string? CurrentStage, DateOnly? DueDate, bool Overdue, DateOnly ReceivedOn,
    string? HandlingUnit = null, string? Assignee = null);

/// <param name="CalendarWarning">
/// Set when the current stage's due date falls in a year whose official working-day calendar is not loaded (the period
/// was counted with weekends only); null otherwise.
/// </param>
internal sealed record CaseDetail(
    Guid Id, string CaseNumber, string CaseType, string CaseTypeName, int ProfileVersion, string Status, string StatusName,
    string Channel, string ChannelName, string? ExternalSystem, string? ExternalId, string Category, decimal? Amount, string? Place,
    string HandlingUnit, string Description, DateOnly ReceivedOn, string? RejectReason, long Version,
    IReadOnlyList<PartyView> Parties, IReadOnlyList<StageView> Stages,
    string? CalendarWarning = null);

/// <summary>What the public sees with case number + query code: no personal data.</summary>
internal sealed record TrackingView(string CaseNumber, string CaseTypeName, string StatusName, string? CurrentStage, DateOnly? DueDate, DateOnly ReceivedOn,
    IReadOnlyList<string> FileNames);

internal sealed record CaseTypeView(string Code, string Name, int ProfileVersion, DateOnly EffectiveFrom, string SourceNote, IReadOnlyList<StageView> Stages);

/// <summary>Chinese labels for the module's enums, and date formatting.</summary>
internal static class Labels
{
    public static IReadOnlyList<string> Categories { get; } =
        ["婚姻家庭", "邻里纠纷", "合同纠纷", "劳动争议", "物业纠纷", "消费纠纷", "交通事故", "医疗纠纷", "土地征收", "行政争议", "其他"];

    public static string Status(CaseStatus s) => s switch
    {
        CaseStatus.Pending => "待受理",
        CaseStatus.InProgress => "办理中",
        CaseStatus.Rejected => "不予受理",
        CaseStatus.Closed => "已办结",
        _ => s.ToString(),
    };

    public static string Channel(IntakeChannel c) => c switch
    {
        IntakeChannel.Online => "网上申请",
        IntakeChannel.Hotline => "12348热线",
        IntakeChannel.WalkIn => "窗口来访",
        IntakeChannel.Referral => "转办",
        _ => c.ToString(),
    };

    public static string Role(PartyRole r) => r switch { PartyRole.Applicant => "申请人", PartyRole.Agent => "代理人", _ => "被申请人" };

    public static string DayKindName(Fazhi.Platform.Features.Calendar.DayKind k) => k == Fazhi.Platform.Features.Calendar.DayKind.Working ? "工作日" : "日";

    /// <summary>A date as Chinese readers write it: 2026年3月5日.</summary>
    /// <summary>A file's size as a person reads it (KB below 1 MB).</summary>
    public static string FileSize(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, (bytes + 1023) / 1024).ToString(CultureInfo.InvariantCulture) + " KB";

    public static string Date(DateOnly? d) => d is { } x ? x.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture) : "—";

    public static string CaseTypeName(string code) =>
        StatutoryProfiles.All.FirstOrDefault(p => p.Code == code)?.Name ?? code;
}
