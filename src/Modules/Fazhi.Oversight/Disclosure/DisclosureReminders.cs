using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Fazhi.Oversight.Disclosure;

/// <summary>
/// Reminders of the disclosure reply period (《政府信息公开条例》第三十三条), once per request and due date: coming due within the
/// settings' WarnDays to the agency's handlers; passed to the agency and, marked 【督办】, to the supervisors at every unit above
/// it (as the litigation reminders do). Runs as system work.
/// </summary>
internal sealed class DisclosureReminders(ISystemWork systemWork, SettingsService settings, IReminders reminders, IDeadlineService deadlines, IOrgDirectory orgs)
{
    public const int BatchLimit = 1000;

    public async Task<ReminderRun> RunAsync(CancellationToken ct)
    {
        await using var db = systemWork.Db<OversightDb>("政府信息公开申请答复期限提醒");
        var today = deadlines.Today;
        var rules = await settings.GetAsync(ct);
        var warnUntil = today.AddDays(rules.WarnDays);
        var due = await db.DisclosureRequests.AsNoTracking().Where(r => r.Status == DisclosureStatus.Open && r.DueOn != null && r.DueOn <= warnUntil)
            .OrderBy(r => r.DueOn).Take(BatchLimit).ToListAsync(ct);
        var items = new List<Reminder>();
        foreach (var r in due)
        {
            var overdue = r.DueOn < today;
            var title = overdue ? $"政府信息公开申请逾期未答复：{r.Number}" : $"政府信息公开申请答复期限提醒：{r.Number}";
            var body = overdue
                ? $"{r.ApplicantName}的政府信息公开申请（{r.Number}）答复期限已于 {r.DueOn:yyyy-MM-dd} 届满，尚未答复（《政府信息公开条例》第三十三条）。"
                : $"{r.ApplicantName}的政府信息公开申请（{r.Number}）应于 {r.DueOn:yyyy-MM-dd} 前答复；需要延长的，应经政府信息公开工作机构负责人同意并告知申请人，延长最长不超过 20 个工作日（《政府信息公开条例》第三十三条）。";
            var link = $"/oversight/disclosures/{r.Id}";
            var kind = overdue ? "oversight.disclosure-overdue" : "oversight.disclosure-due";
            var subject = $"{r.Id}:{r.DueOn:yyyyMMdd}";
            await items.AddWithSupervisionAsync(orgs, new Reminder(kind, subject, title, body, link, [], r.OrgUnitId, OversightPermissions.DisclosureHandle),
                overdue, OversightPermissions.Supervise, ct);
        }
        return await reminders.SendAsync(items, ct);
    }
}

/// <summary>Every working-day morning at 07:45: disclosure requests coming due or overdue.</summary>
internal sealed class DisclosureReminderJob(DisclosureReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await reminders.RunAsync(cancellationToken);
}

/// <summary>The home page's to-do lines for disclosure requests, within scope: open, overdue (urgent), awaiting correction.</summary>
internal sealed class DisclosureWorkSummary(OversightDb db, ICurrentUser current, IDeadlineService deadlines) : IWorkSummary
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var items = new List<WorkItem>();
        if (!current.Has(OversightPermissions.DisclosureHandle))
        {
            return items;
        }
        var today = deadlines.Today;
        var open = await db.DisclosureRequests.CountAsync(r => r.Status == DisclosureStatus.Open && r.DueOn >= today, ct);
        var overdue = await db.DisclosureRequests.CountAsync(r => r.Status == DisclosureStatus.Open && r.DueOn < today, ct);
        var correction = await db.DisclosureRequests.CountAsync(r => r.Status == DisclosureStatus.AwaitingCorrection, ct);
        if (open > 0)
        {
            items.Add(new WorkItem("复议应诉", "待答复的政府信息公开申请", open, "/oversight/disclosures?view=open"));
        }
        if (overdue > 0)
        {
            items.Add(new WorkItem("复议应诉", "逾期未答复的政府信息公开申请", overdue, "/oversight/disclosures?view=overdue", Urgent: true));
        }
        if (correction > 0)
        {
            items.Add(new WorkItem("复议应诉", "待申请人补正的政府信息公开申请", correction, "/oversight/disclosures?view=correction"));
        }
        return items;
    }
}
