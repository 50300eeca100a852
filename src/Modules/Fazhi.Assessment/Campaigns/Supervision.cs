using Fazhi.Assessment.Data;
using Fazhi.Assessment.Settings;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Fazhi.Assessment.Campaigns;

internal sealed record SupervisionResult(int Tasks, int Notified, int AlreadySent);

/// <summary>
/// 督办: overdue tasks and tasks returned <see cref="AssessmentSettings.SuperviseAfterReturns"/> times or more raise a supervision notice to the lead unit's leaders
/// (holders of assessment.lead at that unit), in-app and through every notification channel; at most once per
/// <see cref="AssessmentSettings.SupervisionRepeatDays"/> per task. Both numbers are the office's settings.
/// </summary>
internal sealed class SupervisionService(AssessmentDb db, SettingsService settings, IReminders reminders, IDeadlineService deadlines, TimeProvider clock)
{
    public const string Kind = "assessment.supervision";

    public async Task<SupervisionResult> RunAsync(Guid? campaignId, CancellationToken ct)
    {
        var today = deadlines.Today;
        var rules = await settings.GetAsync(ct);
        var returnedTimes = rules.SuperviseAfterReturns;
        var candidates = await (from t in db.Tasks.AsNoTracking()
                                join c in db.Campaigns.AsNoTracking() on t.CampaignId equals c.Id
                                join i in db.Indicators.AsNoTracking() on t.IndicatorId equals i.Id
                                where c.Status == CampaignStatus.Active && (campaignId == null || c.Id == campaignId)
                                      && (t.Status == SubmissionStatus.NotStarted || t.Status == SubmissionStatus.Draft || t.Status == SubmissionStatus.Returned)
                                      && (t.DueDate < today || t.ReturnCount >= returnedTimes)
                                select new { t.Id, t.OrgUnitId, t.DueDate, t.ReturnCount, t.ReturnReason, Campaign = c.Name, i.Code, i.Title }).ToListAsync(ct);
        // Once per task within the office's repeat window, to the unit's leaders (holders of the lead permission there).
        var run = await reminders.SendAsync(candidates.Select(t => new Reminder(Kind, t.Id.ToString(), $"考评督办：{t.Code} {t.Title}",
            $"{t.Campaign}：指标“{t.Code} {t.Title}”{(t.DueDate < today ? $"已超过完成时限 {t.DueDate:yyyy-MM-dd}，尚未报送" : $"已被退回 {t.ReturnCount} 次（最近一次理由：{t.ReturnReason}）")}。请督促本单位尽快办理。",
            $"/assessment/tasks/{t.Id}", [], t.OrgUnitId, AssessmentPermissions.Lead)), ct, since: clock.GetUtcNow().AddDays(-rules.SupervisionRepeatDays));
        return new(candidates.Count, run.Sent, run.AlreadySent);
    }
}

/// <summary>Every working-day morning at 08:30: supervision notices for overdue and repeatedly returned tasks.</summary>
internal sealed class SupervisionJob(SupervisionService service) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await service.RunAsync(null, cancellationToken);
}
