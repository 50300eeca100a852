using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Fazhi.Enforcement.Cases;

internal sealed record ReminderResult(int Cases, int Notified, int AlreadySent);

/// <summary>
/// Deadline reminders to the case handlers of the body (holders of the case-handling permission at its unit), in-app and
/// through every notification channel, at most once a week per case and kind:
/// the decision deadline of 《行政处罚法》第六十条 approaching (the rules profile's WarnDaysBeforeDecisionDeadline) or passed,
/// and a decision whose publication is due (the rules profile's PublicationWorkingDays) and not yet published.
/// </summary>
internal sealed class DeadlineReminders(EnforcementDb db, CaseRulesService caseRules, IReminders reminders, IDeadlineService deadlines, TimeProvider clock)
{
    public const string Kind = "enforcement.deadline";

    /// <summary>At most this many cases are reminded per run (the most urgent first); the next run takes the rest.</summary>
    public const int BatchLimit = 1000;

    public async Task<ReminderResult> RunAsync(CancellationToken ct)
    {
        var today = deadlines.Today;
        var rules = await caseRules.RulesAsync(Guid.Empty, ct);
        var warnFrom = today.AddDays(rules.WarnDaysBeforeDecisionDeadline);
        var undecided = CaseActions.Undecided;
        // System work: every body's cases (the job runs outside any request).
        var decisions = await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => undecided.Contains(c.Stage) && c.DecisionDueOn <= warnFrom)
            .OrderBy(c => c.DecisionDueOn).Take(BatchLimit)
            .Select(c => new { c.Id, c.OrgUnitId, c.Number, Due = c.DecisionDueOn }).ToListAsync(ct);
        var publications = await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.PublishedOn == null && c.PublicationDueOn != null && c.PublicationDueOn <= today.AddDays(1) && c.Stage != CaseStage.Revoked)
            .OrderBy(c => c.PublicationDueOn).Take(BatchLimit)
            .Select(c => new { c.Id, c.OrgUnitId, c.Number, Due = c.PublicationDueOn!.Value }).ToListAsync(ct);
        var items = decisions.Select(c => (c.Id, c.OrgUnitId, Subject: $"{c.Id}:decision", Title: $"办案期限提醒：{c.Number}",
                Body: c.Due < today
                    ? $"案件 {c.Number} 已超过作出行政处罚决定的期限 {c.Due:yyyy-MM-dd}（《行政处罚法》第六十条），请立即处理或依法报批延长。"
                    : $"案件 {c.Number} 应于 {c.Due:yyyy-MM-dd} 前作出行政处罚决定（《行政处罚法》第六十条），请抓紧办理。"))
            .Concat(publications.Select(c => (c.Id, c.OrgUnitId, Subject: $"{c.Id}:publication", Title: $"公示期限提醒：{c.Number}",
                Body: $"案件 {c.Number} 的行政处罚决定应于 {c.Due:yyyy-MM-dd} 前公示（作出决定之日起 {rules.PublicationWorkingDays} 个工作日内），尚未公示。")))
            .ToList();
        // Once a week per case and kind: the subject carries no date, so the window decides when it is sent again.
        var run = await reminders.SendAsync(
            items.Select(i => new Reminder(Kind, i.Subject, i.Title, i.Body, $"/enforcement/cases/{i.Id}", [], i.OrgUnitId, EnforcementPermissions.CasesHandle)),
            ct, since: clock.GetUtcNow().AddDays(-7));
        return new(items.Count, run.Sent, run.AlreadySent);
    }
}

/// <summary>Every working-day morning at 07:30: decision and publication deadline reminders.</summary>
internal sealed class DeadlineReminderJob(DeadlineReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await reminders.RunAsync(cancellationToken);
}
