using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Kit.AuditLabelExtensions;

namespace Fazhi.Disputes;

/// <summary>How the audit trail names this module's records (ADR 0041): one registration, read by the platform's audit page.</summary>
internal static class DisputesAuditLabels
{
    public static void Add(IServiceCollection services)
    {
        AddActions(services);
        services.AddAuditLabels(
            new AuditLabel("DisputeCase", "纠纷案件", "Dispute case", "/disputes/cases/{id}", F("CaseTypeCode", "案件类型", "Case type"), F("ApplicantName", "申请人", "Applicant"), F("PlaceUnitId", "发生地", "Place"), F("MediatorId", "调解员", "Mediator")),
            new AuditLabel("CaseParty", "当事人", "Party", null, F("Role", "身份", "Role")),
            new AuditLabel("CaseStage", "办理环节", "Case stage", null),
            new AuditLabel("CaseTypeProfile", "案件类型设置", "Case type settings", null),
            new AuditLabel("ProfileStage", "环节时限设置", "Stage time limit", null, F("WorkingDays", "工作日数", "Working days")),
            new AuditLabel("RoutingRuleSet", "分流规则", "Routing rules", "/disputes/routing"));
    }

    /// <summary>The module's own audit actions (shown by name, in English in English mode, instead of the action code).</summary>
    private static void AddActions(IServiceCollection services) =>
        services.AddAuditActions(
            new AuditActionLabel("disputes.case.merge", "合并重复案件", "Duplicate case merged"),
            new AuditActionLabel("disputes.case.unmerge", "撤销合并", "Merge undone"),
            new AuditActionLabel("disputes.routing.publish", "发布分流规则", "Routing rules published"),
            new AuditActionLabel("disputes.query-code.reissued", "补发查询码", "Query code reissued"),
            new AuditActionLabel("CreditCodeOverrideUsed", "使用人工核验的信用代码", "Credit code accepted by override"));
}
