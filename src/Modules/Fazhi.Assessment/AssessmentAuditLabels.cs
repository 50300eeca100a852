using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Kit.AuditLabelExtensions;

namespace Fazhi.Assessment;

/// <summary>How the audit trail names this module's records (ADR 0041): one registration, read by the platform's audit page.</summary>
internal static class AssessmentAuditLabels
{
    public static void Add(IServiceCollection services)
    {
        services.AddAuditLabels(
            new AuditLabel("AssessmentTask", "考核任务", "Assessment task", "/assessment/tasks/{id}", F("Score", "得分", "Score")),
            new AuditLabel("Campaign", "考核活动", "Assessment campaign", "/assessment/campaigns/{id}"),
            new AuditLabel("Evidence", "佐证材料", "Evidence", null),
            new AuditLabel("Deduction", "扣分", "Deduction", null, F("Points", "分值", "Points")),
            new AuditLabel("ScoreAppeal", "分数申诉", "Score appeal", null),
            new AuditLabel("Indicator", "考核指标", "Indicator", null),
            new AuditLabel("RuleOfLawIndex", "法治指数", "Rule-of-law index", "/assessment/index/{id}"));
        services.AddAuditActions(
            new AuditActionLabel("assessment.task.unlock", "解除考核任务锁定", "Assessment task unlocked"),
            new AuditActionLabel("assessment.evidence.package", "打包下载佐证材料", "Evidence package downloaded"),
            new AuditActionLabel("assessment.index.computed", "计算法治指数", "Rule-of-law index computed"));
    }
}
