using Fazhi.Platform.Security;

namespace Fazhi.Oversight;

/// <summary>
/// The oversight module's permissions. What a holder sees is always cut by the data scope (the units below the unit the role
/// was given at): the justice bureau's role given at the city sees every agency, an agency's role its own unit and below.
/// </summary>
internal static class OversightPermissions
{
    /// <summary>Read lawsuits, hearings, results and the appearance rate (within scope).</summary>
    public const string LitigationRead = "oversight.litigation.read";

    /// <summary>Register lawsuits against a unit in scope, record the answer, hearings, results and materials.</summary>
    public const string LitigationHandle = "oversight.litigation.handle";

    /// <summary>Supervise (司法局): overdue reminders for every agency below the unit; close a suggestion after its reply; pick a performance task's unit, confirm or return a report, order performance, issue a 意见书 / 建议书.</summary>
    public const string Supervise = "oversight.supervise";

    /// <summary>Read judicial and procuratorial suggestions and their rates (within scope).</summary>
    public const string SuggestionsRead = "oversight.suggestions.read";

    /// <summary>Register received suggestions for a unit in scope, reply and add rectification evidence.</summary>
    public const string SuggestionsHandle = "oversight.suggestions.handle";

    /// <summary>Read government information disclosure requests and 按期答复率 (within scope).</summary>
    public const string DisclosureRead = "oversight.disclosure.read";

    /// <summary>Handle disclosure requests addressed to a unit in scope: enter letters, correction, extension, reply and the letter.</summary>
    public const string DisclosureHandle = "oversight.disclosure.handle";

    /// <summary>Read deputies' suggestions and CPPCC proposals (建议提案) and their rates (within scope).</summary>
    public const string ProposalsRead = "oversight.proposals.read";

    /// <summary>Handle the items assigned to a unit in scope: transfer request, contact, extension, reply.</summary>
    public const string ProposalsHandle = "oversight.proposals.handle";

    /// <summary>The liaison office (人大政协联络): register and assign items, decide transfers, enter the deputy's evaluation; overdue 督办.</summary>
    public const string ProposalsAssign = "oversight.proposals.assign";

    /// <summary>Read reconsideration performance tasks (行政复议决定履行) and 履行率 (within scope).</summary>
    public const string PerformanceRead = "oversight.performance.read";

    /// <summary>The respondent agency: report performance with evidence, answer a 意见书 / 建议书.</summary>
    public const string PerformanceHandle = "oversight.performance.handle";

    /// <summary>Edit the statutory periods the module counts with (答辩、上诉期限 and the reminder lead).</summary>
    public const string SettingsManage = "oversight.settings";

    public static PermissionDefinition[] All { get; } =
    [
        new(LitigationRead, "oversight", "查看行政应诉案件与出庭应诉率"),
        new(LitigationHandle, "oversight", "登记和办理行政应诉案件（答辩、庭审出庭、裁判结果、材料）"),
        new(Supervise, "oversight", "复议应诉监督（接收逾期督办提醒，确认司法建议、检察建议办结）"),
        new(SuggestionsRead, "oversight", "查看司法建议、检察建议及办复率"),
        new(SuggestionsHandle, "oversight", "登记和答复司法建议、检察建议（整改材料）"),
        new(DisclosureRead, "oversight", "查看政府信息公开申请及按期答复率"),
        new(DisclosureHandle, "oversight", "办理政府信息公开申请（登记、补正、延期、答复、告知书）"),
        new(ProposalsRead, "oversight", "查看人大代表建议、政协提案及办结率、满意度"),
        new(ProposalsHandle, "oversight", "办理交办的建议提案（申请调整、联系代表委员、延期、答复）"),
        new(ProposalsAssign, "oversight", "建议提案交办（登记交办、调整承办单位、录入代表委员评价，接收逾期督办提醒）"),
        new(PerformanceRead, "oversight", "查看行政复议决定履行任务及履行率"),
        new(PerformanceHandle, "oversight", "报告行政复议决定履行情况（履行材料）、回复行政复议意见书和建议书"),
        new(SettingsManage, "oversight", "维护复议应诉期限设置"),
    ];
}
