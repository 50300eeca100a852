using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Kit.AuditLabelExtensions;

namespace Fazhi.Oversight;

/// <summary>How the audit trail names this module's records (ADR 0041): one registration, read by the platform's audit page.</summary>
internal static class OversightAuditLabels
{
    public static void Add(IServiceCollection services) =>
        services.AddAuditLabels(
            new AuditLabel("Lawsuit", "行政诉讼案件", "Lawsuit", "/oversight/lawsuits/{id}"),
            new AuditLabel("Suggestion", "司法建议、检察建议", "Judicial or procuratorial suggestion", "/oversight/suggestions/{id}"),
            new AuditLabel("Proposal", "人大代表建议、政协提案", "Deputy's suggestion or CPPCC proposal", "/oversight/proposals/{id}"),
            new AuditLabel("ProposalCoOpinion", "建议提案协办意见", "Co-unit opinion on a deputy's suggestion or CPPCC proposal", null,
                new AuditField("ProposalId", "人大代表建议、政协提案", "Deputy's suggestion or CPPCC proposal"), new AuditField("DueOn", "协办意见期限", "Due on"), new AuditField("GivenOn", "提出日期", "Given on"), new AuditField("Opinion", "协办意见", "Opinion"),
                new AuditField("Round", "协办轮次（1 首次答复前，2 不满意重新办理）", "Round (1 before the first reply, 2 after dissatisfaction)")),
            new AuditLabel("DisclosureRequest", "依申请公开", "Disclosure request", "/oversight/disclosures/{id}",
                new AuditField("AppealLawsuitId", "针对答复的行政诉讼", "Lawsuit against the reply"),
                new AuditField("ReconsiderationCaseId", "针对答复的行政复议案件", "Reconsideration case against the reply"),
                new AuditField("ReconsiderationCaseNumber", "行政复议案号", "Reconsideration case number")),
            new AuditLabel("LawsuitHearing", "行政诉讼庭审", "Lawsuit hearing", null),
            new AuditLabel("PerformanceTask", "复议决定履行", "Reconsideration decision performance", "/oversight/performance/{id}"),
            new AuditLabel("OversightSettings", "复议应诉期限设置", "Oversight time limits", "/oversight/settings",
                new AuditField("CoOpinionDays", "协办意见期限（日）", "Co-unit opinion days")));
}
