using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.Handling;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Fazhi.Disputes.Deadlines;

internal sealed record ReminderRun(int Lapsed, int Reminded, int Escalated);

/// <summary>
/// Daily (runs as the system): records lapses (视为受理, 视为放弃), reminds the handler of stages due within the configured
/// working days, and escalates overdue cases to the unit's supervisors. Each notice is sent once per case and due date.
/// </summary>
internal sealed class DeadlineReminderJob(DisputesDb db, HandlingService handling, IReminders reminders, IDeadlineService deadlines, IConfiguration configuration,
    ILogger<DeadlineReminderJob> log) : IJob
{
    public const string ReminderKind = "disputes.deadline.reminder";
    public const string EscalationKind = "disputes.deadline.escalation";

    /// <summary>How many rows one run looks at per list; the rest are taken the next run (oldest due first).</summary>
    private const int Batch = 2000;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public async Task<ReminderRun> RunAsync(CancellationToken ct)
    {
        var lapsed = await handling.EvaluateLapsesAsync(null, ct);
        var today = deadlines.Today;
        var soon = (await deadlines.AddWorkingDaysAsync(today, Worklists.DueSoonDays(configuration), ct)).Date;
        var open = db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Pending || c.Status == CaseStatus.InProgress);
        var dueSoon = await open.Where(c => c.DueOn >= today && c.DueOn <= soon).OrderBy(c => c.DueOn)
            .Select(c => new Row(c.Id, c.CaseNumber, c.OrgUnitId, c.AssigneeUserId, c.DueOn!.Value)).Take(Batch).ToListAsync(ct);
        var overdue = await open.Where(c => c.DueOn < today).OrderBy(c => c.DueOn)
            .Select(c => new Row(c.Id, c.CaseNumber, c.OrgUnitId, c.AssigneeUserId, c.DueOn!.Value)).Take(Batch).ToListAsync(ct);

        // Each notice once per case and due date (a new due date reminds again): the handler, or the unit's handlers
        // while nobody is assigned; overdue cases go to the unit's supervisors and the handler.
        var reminded = (await reminders.SendAsync(dueSoon.Select(r => new Reminder(ReminderKind, $"{r.Id}:{r.DueOn:yyyy-MM-dd}",
            $"案件 {r.Number} 即将到期", $"案件 {r.Number} 当前环节将于 {Cases.Labels.Date(r.DueOn)} 届满，请及时办理。", $"/disputes/cases/{r.Id}",
            r.Assignee is { } a ? [a] : [], r.Assignee is null ? r.Unit : null, r.Assignee is null ? DisputesPermissions.CasesHandle : null)), ct)).Sent;
        var escalated = (await reminders.SendAsync(overdue.Select(r => new Reminder(EscalationKind, $"{r.Id}:{r.DueOn:yyyy-MM-dd}",
            $"督办：案件 {r.Number} 已超期", $"案件 {r.Number} 当前环节已于 {Cases.Labels.Date(r.DueOn)} 届满，尚未办结，请督促办理。", $"/disputes/cases/{r.Id}",
            r.Assignee is { } a ? [a] : [], r.Unit, DisputesPermissions.CasesSupervise)), ct)).Sent;
        log.LogInformation("Dispute deadlines: {Lapsed} lapses recorded, {Reminded} reminders, {Escalated} escalations", lapsed, reminded, escalated);
        return new ReminderRun(lapsed, reminded, escalated);
    }

    private sealed record Row(Guid Id, string Number, Guid Unit, Guid? Assignee, DateOnly DueOn);
}
