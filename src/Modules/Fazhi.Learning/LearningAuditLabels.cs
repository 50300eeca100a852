using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Kit.AuditLabelExtensions;

namespace Fazhi.Learning;

/// <summary>How the audit trail names this module's records (ADR 0041): one registration, read by the platform's audit page.</summary>
internal static class LearningAuditLabels
{
    public static void Add(IServiceCollection services)
    {
        services.AddAuditLabels(
            new AuditLabel("Person", "学员", "Learner", "/learning/people/{id}/record"),
            new AuditLabel("Exam", "考试", "Exam", null),
            new AuditLabel("Attempt", "答卷", "Exam attempt", null),
            new AuditLabel("Question", "试题", "Question", null));
        services.AddAuditActions(
            new AuditActionLabel("learning.session.released", "解除答题设备绑定", "Exam session released"),
            new AuditActionLabel("learning.answer.marked", "人工阅卷评分", "Answer marked"));
    }
}
