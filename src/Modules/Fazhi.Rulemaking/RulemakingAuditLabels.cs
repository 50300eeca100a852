using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Kit.AuditLabelExtensions;

namespace Fazhi.Rulemaking;

/// <summary>How the audit trail names this module's records (ADR 0041): one registration, read by the platform's audit page.</summary>
internal static class RulemakingAuditLabels
{
    public static void Add(IServiceCollection services)
    {
        services.AddAuditLabels(
            new AuditLabel("NormativeDraft", "规范性文件", "Normative document", "/rulemaking/documents/{id}"),
            new AuditLabel("LegislationProject", "立法项目", "Legislation project", "/rulemaking/legislation/{id}"),
            new AuditLabel("MajorDecision", "重大行政决策", "Major decision", "/rulemaking/decisions/{id}"),
            new AuditLabel("Hearing", "听证会和专家论证会", "Hearing or expert meeting", "/rulemaking/hearings/{id}"),
            new AuditLabel("CleanupCampaign", "规范性文件清理", "Normative document clean-up", null),
            new AuditLabel("CommentRound", "立法征求意见轮次", "Public comment round", null),
            new AuditLabel("OpinionRequest", "法律意见征询", "Request for a legal opinion", "/rulemaking/advisers/requests"));
        services.AddAuditActions(
            new AuditActionLabel("rulemaking.cleanup.export", "导出清理结果", "Clean-up results exported"));
    }
}
