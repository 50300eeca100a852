using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Kit.AuditLabelExtensions;

namespace Fazhi.Enforcement;

/// <summary>How the audit trail names this module's records (ADR 0041): one registration, read by the platform's audit page.</summary>
internal static class EnforcementAuditLabels
{
    public static void Add(IServiceCollection services)
    {
        AddActions(services);
        services.AddAuditLabels(
            new AuditLabel("PenaltyCase", "行政处罚案件", "Penalty case", "/enforcement/cases/{id}", F("PartyName", "当事人", "Party"), F("DecisionNumber", "决定书文号", "Decision number"), F("FineAmount", "罚款金额", "Fine")),
            new AuditLabel("CaseStep", "办案环节", "Case step", null),
            new AuditLabel("CaseOfficer", "承办执法人员", "Case officer", null),
            new AuditLabel("LegalReview", "法制审核", "Legal review", null, F("Opinion", "审核意见", "Opinion")),
            new AuditLabel("PublishedDecision", "公开的处罚决定", "Published decision", null),
            new AuditLabel("EnforcementBody", "执法主体", "Enforcement body", "/enforcement/registry", F("Powers", "职权", "Powers")),
            new AuditLabel("EnforcementOfficer", "执法人员", "Enforcement officer", "/enforcement/registry", F("CertificateNumber", "执法证号", "Certificate number")),
            new AuditLabel("EnforcementMatter", "处罚事项", "Penalty matter", "/enforcement/benchmarks/matters/{id}"),
            new AuditLabel("DiscretionBenchmark", "裁量基准", "Discretion benchmark", null),
            new AuditLabel("InspectionPlan", "涉企检查计划", "Inspection plan", "/enforcement/inspections/{id}"),
            new AuditLabel("ReviewPlan", "案卷评查计划", "Case-file review plan", "/enforcement/case-review/plans/{id}"));
    }

    /// <summary>
    /// The steps of a penalty case's record (<see cref="Cases.CaseProcedure.StepAsync"/> writes <c>enforcement.case.</c> + kind),
    /// named as the handling record names them.
    /// </summary>
    internal static readonly (string Kind, string Label, string LabelEn)[] Steps =
    [
        ("open", "立案", "Case opened"), ("on-the-spot", "当场处罚", "On-the-spot penalty"),
        ("investigate", "调查取证", "Investigation"), ("evidence", "上传证据", "Evidence added"),
        ("order-to-correct", "责令改正", "Order to correct"), ("propose", "拟作出处罚决定", "Penalty proposed"),
        ("notify", "告知陈述申辩和听证权利", "Rights notified"), ("hearing-request", "当事人申请听证", "Hearing requested"),
        ("hearing", "举行听证", "Hearing held"), ("legal-review-request", "提请法制审核", "Legal review requested"),
        ("legal-review-opinion", "法制审核意见", "Legal review opinion"), ("collective", "负责人集体讨论", "Collective discussion"),
        ("extend", "延长办案期限", "Time limit extended"), ("decide", "作出处罚决定", "Penalty decided"),
        ("serve", "送达决定书", "Decision served"), ("pay", "缴纳罚款", "Fine paid"), ("enforce", "强制执行", "Enforcement"),
        ("publish", "公示处罚决定", "Decision published"), ("close", "结案", "Case closed"), ("revoke", "撤销处罚决定", "Decision revoked"),
    ];

    private static void AddActions(IServiceCollection services)
    {
        services.AddAuditActions(Steps.Select(s => new AuditActionLabel("enforcement.case." + s.Kind, s.Label, s.LabelEn)).ToArray());
        services.AddAuditActions(
            new AuditActionLabel("enforcement.case.file-read", "查阅案卷", "Case file read"),
            new AuditActionLabel("enforcement.case.decision-document", "生成处罚决定书", "Decision document generated"),
            new AuditActionLabel("enforcement.case.record-exported", "导出办案记录", "Case record exported"),
            new AuditActionLabel("enforcement.casereview.draw", "抽取评查案卷", "Case files drawn for review"),
            new AuditActionLabel("enforcement.discretion.evaluated", "裁量基准测算", "Discretion benchmark applied"),
            new AuditActionLabel("enforcement.inspection.merged", "合并涉企检查", "Inspections merged"));
    }
}
