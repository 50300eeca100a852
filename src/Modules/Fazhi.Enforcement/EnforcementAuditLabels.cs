using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Kit.AuditLabelExtensions;

namespace Fazhi.Enforcement;

/// <summary>How the audit trail names this module's records (ADR 0041): one registration, read by the platform's audit page.</summary>
internal static class EnforcementAuditLabels
{
    public static void Add(IServiceCollection services) =>
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
