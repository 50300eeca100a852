using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Fazhi.Oversight.Performance;

/// <summary>
/// Escalation of non-performance (行政复议法 第七十六条、第七十七条), once per task and due date: a deadline within the settings'
/// WarnDays to the respondent's handlers; overdue to them and, marked 【督办】, to the supervising office above (the kit's
/// AddWithSupervisionAsync); an unassigned task to the office at the decision's unit (待指定被申请人单位); the same for a
/// 意见书 / 建议书 reply. Takes the new decisions first. Runs as system work.
/// </summary>
internal sealed class PerformanceReminders(ISystemWork systemWork, PerformanceSync sync, SettingsService settings, IReminders reminders, IDeadlineService deadlines,
    IOrgDirectory orgs)
{
    public const int BatchLimit = 1000;

    public async Task<ReminderRun> RunAsync(CancellationToken ct)
    {
        await sync.SyncAsync(ct);
        await using var db = systemWork.Db<OversightDb>("复议决定履行提醒");
        var today = deadlines.Today;
        var rules = await settings.GetAsync(ct);
        var warnUntil = today.AddDays(rules.WarnDays);
        var open = await db.PerformanceTasks.AsNoTracking()
            .Where(t => t.Status == PerformanceStatus.Unassigned
                || (t.Status == PerformanceStatus.Pending && (t.OrderedDueOn ?? t.DueOn) <= warnUntil)
                || (t.OpinionIssuedOn != null && t.OpinionRepliedOn == null && t.OpinionDueOn <= warnUntil))
            .OrderBy(t => t.DueOn).Take(BatchLimit).ToListAsync(ct);
        var items = new List<Reminder>();
        foreach (var t in open)
        {
            var link = $"/oversight/performance/{t.Id}";
            var what = $"行政复议决定 {t.CaseNumber}（{t.ResultName}，被申请人 {t.Respondent}）";
            if (t.Status == PerformanceStatus.Unassigned)
            {
                items.Add(new Reminder("oversight.performance-unassigned", t.Id.ToString(), $"待指定被申请人单位：{t.CaseNumber}",
                    $"{what}需由被申请人履行，但被申请人名称未唯一对应本系统单位，请指定履行单位。", link, [], t.OrgUnitId, OversightPermissions.Supervise));
            }
            else if (t.Status == PerformanceStatus.Pending)
            {
                var due = t.OrderedDueOn ?? t.DueOn;
                var overdue = due < today;
                var title = overdue ? $"复议决定逾期未履行：{t.CaseNumber}" : $"复议决定履行期限提醒：{t.CaseNumber}";
                var body = overdue
                    ? $"{what}的履行期限已于 {due:yyyy-MM-dd} 届满，尚未报告履行（{PerformanceService.Law}：被申请人不履行的，责令限期履行，并可约谈、通报批评）。"
                    : $"{what}应于 {due:yyyy-MM-dd} 前履行并报告履行情况、提交履行材料（{PerformanceService.Law}）。";
                await items.AddWithSupervisionAsync(orgs, new Reminder(overdue ? "oversight.performance-overdue" : "oversight.performance-due", $"{t.Id}:{due:yyyyMMdd}", title,
                    body, link, [], t.OrgUnitId, OversightPermissions.PerformanceHandle), overdue, OversightPermissions.Supervise, ct);
            }
            if (t.Status != PerformanceStatus.Unassigned && t.OpinionIssuedOn is not null && t.OpinionRepliedOn is null && t.OpinionDueOn <= warnUntil)
            {
                var overdue = t.OpinionDueOn < today;
                var name = PerformanceService.OpinionName(t.OpinionKind!.Value);
                await items.AddWithSupervisionAsync(orgs, new Reminder(overdue ? "oversight.opinion-overdue" : "oversight.opinion-due", $"{t.Id}:{t.OpinionDueOn:yyyyMMdd}",
                    overdue ? $"{name}逾期未回复：{t.OpinionNumber}" : $"{name}回复期限提醒：{t.OpinionNumber}",
                    $"{name} {t.OpinionNumber}（{t.CaseNumber}）应于 {t.OpinionDueOn:yyyy-MM-dd} 前报送纠正或整改情况（行政复议法第七十六条）。", link, [], t.OrgUnitId,
                    OversightPermissions.PerformanceHandle), overdue, OversightPermissions.Supervise, ct);
            }
        }
        return await reminders.SendAsync(items, ct);
    }
}

/// <summary>Every working-day morning at 07:35: new decisions into tasks, then deadlines coming due or overdue.</summary>
internal sealed class PerformanceReminderJob(PerformanceReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await reminders.RunAsync(cancellationToken);
}

/// <summary>The home page's to-do lines for 复议决定履行, within scope.</summary>
internal sealed class PerformanceWorkSummary(OversightDb db, ICurrentUser current, IDeadlineService deadlines, PerformanceSync sync) : IWorkSummary
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var items = new List<WorkItem>();
        if (!current.Has(OversightPermissions.PerformanceHandle) && !current.Has(OversightPermissions.Supervise))
        {
            return items;
        }
        // A decision made a moment ago is a to-do on a home page within a minute (any task page, list or rate read syncs at
        // once, as does the morning job), whether or not the job ran; the home page no longer pays a sync on every load (ADR 0045).
        await sync.SyncUnlessFreshAsync(PerformanceSync.HomePageFreshness, ct);
        var today = deadlines.Today;
        if (current.Has(OversightPermissions.PerformanceHandle))
        {
            var open = await db.PerformanceTasks.CountAsync(t => t.Status == PerformanceStatus.Pending && (t.OrderedDueOn ?? t.DueOn) >= today, ct);
            var overdue = await db.PerformanceTasks.CountAsync(t => t.Status == PerformanceStatus.Pending && (t.OrderedDueOn ?? t.DueOn) < today, ct);
            var opinions = await db.PerformanceTasks.CountAsync(t => t.Status != PerformanceStatus.Unassigned && t.OpinionIssuedOn != null && t.OpinionRepliedOn == null, ct);
            if (open > 0)
            {
                items.Add(new WorkItem("复议应诉", "待履行的行政复议决定", open, "/oversight/performance?view=pending"));
            }
            if (overdue > 0)
            {
                items.Add(new WorkItem("复议应诉", "逾期未履行的行政复议决定", overdue, "/oversight/performance?view=overdue", Urgent: true));
            }
            if (opinions > 0)
            {
                items.Add(new WorkItem("复议应诉", "待回复的行政复议意见书、建议书", opinions, "/oversight/performance?view=opinion"));
            }
        }
        if (current.Has(OversightPermissions.Supervise))
        {
            var unassigned = await db.PerformanceTasks.CountAsync(t => t.Status == PerformanceStatus.Unassigned, ct);
            var reported = await db.PerformanceTasks.CountAsync(t => t.Status == PerformanceStatus.Reported, ct);
            if (unassigned > 0)
            {
                items.Add(new WorkItem("复议应诉", "待指定被申请人单位", unassigned, "/oversight/performance?view=unassigned", Urgent: true));
            }
            if (reported > 0)
            {
                items.Add(new WorkItem("复议应诉", "待确认的复议决定履行报告", reported, "/oversight/performance?view=reported"));
            }
        }
        return items;
    }
}
