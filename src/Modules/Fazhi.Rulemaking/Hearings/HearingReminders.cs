using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Decisions;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Fazhi.Rulemaking.Hearings;

/// <summary>
/// Hearing reminders through the platform's reminders kit (ADR 0022, ADR 0051), each once, to the holders of
/// <see cref="RulemakingPermissions.Hearings"/> at the subject's unit (the people who announce and record its meetings):
/// <list type="bullet">
/// <item>a major decision that requires a hearing (重大行政决策程序暂行条例 第十八条) with none announced or held: the notice
/// period of the settings row (<see cref="Legislation.LegislationSettings.HearingNoticeDays"/>) and the earliest date it
/// allows if announced today;</item>
/// <item>a hearing or expert meeting held within <see cref="UpcomingDays"/> days: its date and place;</item>
/// <item>a meeting whose date has passed without its record (the minutes and the summary).</item>
/// </list>
/// </summary>
internal sealed class HearingReminders(ISystemWork systemWork, IDeadlineService clock, IReminders reminders)
{
    /// <summary>How many days ahead a meeting's date is announced to its unit (a working reminder, not a statutory period).</summary>
    public const int UpcomingDays = 3;

    public async Task<ReminderRun> RemindAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("听证会提醒");
        var today = clock.Today;
        var list = new List<Reminder>();

        var settings = await system.LegislationSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new Legislation.LegislationSettings();
        var heard = system.Hearings.Where(h => h.Kind == HearingKind.Hearing && h.Subject == HearingSubject.MajorDecision).Select(h => h.SubjectId);
        var awaiting = await system.Decisions.AsNoTracking()
            .Where(d => d.HearingRequired && d.Status == DecisionStatus.InProgress && !heard.Contains(d.Id)).OrderBy(d => d.Title).Take(1000).ToListAsync(ct);
        foreach (var d in awaiting)
        {
            list.Add(new Reminder("rulemaking.hearing-notice", d.Id.ToString(), $"须举行听证会，尚未公告：{d.Title}",
                $"{d.Title}须举行听证会（{d.HearingRequiredReason}）。听证会应当在举行 {settings.HearingNoticeDays} 日前公布时间、地点和内容，今日公告最早可于 "
                + $"{today.AddDays(settings.HearingNoticeDays):yyyy-MM-dd} 举行（重大行政决策程序暂行条例第十八条）；未举行听证会，公众参与不能完成，决策不能提交集体讨论。",
                $"/rulemaking/decisions/{d.Id}", [], d.OrgUnitId, RulemakingPermissions.Hearings));
        }

        var soon = today.AddDays(UpcomingDays);
        var upcoming = await system.Hearings.AsNoTracking().Where(h => h.State == HearingState.Announced && h.HeldOn >= today && h.HeldOn <= soon)
            .OrderBy(h => h.HeldOn).Take(1000).ToListAsync(ct);
        foreach (var h in upcoming)
        {
            list.Add(new Reminder("rulemaking.hearing-upcoming", $"{h.Id}:{h.HeldOn:yyyyMMdd}", $"{KindName(h.Kind)}将于 {h.HeldOn:yyyy-MM-dd} 举行：{h.Title}",
                $"《{h.SubjectTitle}》的{KindName(h.Kind)}定于 {h.HeldOn:yyyy-MM-dd} 在{h.Place}举行（{h.AnnouncedOn:yyyy-MM-dd} 公告）。举行后请上传笔录并登记记录。",
                $"/rulemaking/hearings/{h.Id}", [], h.OrgUnitId, RulemakingPermissions.Hearings));
        }

        var unrecorded = await system.Hearings.AsNoTracking().Where(h => h.State == HearingState.Announced && h.HeldOn < today).OrderBy(h => h.HeldOn).Take(1000).ToListAsync(ct);
        foreach (var h in unrecorded)
        {
            list.Add(new Reminder("rulemaking.hearing-record", h.Id.ToString(), $"{KindName(h.Kind)}已举行，待登记记录：{h.Title}",
                $"《{h.SubjectTitle}》的{KindName(h.Kind)}已于 {h.HeldOn:yyyy-MM-dd} 举行，请上传笔录并登记记录。",
                $"/rulemaking/hearings/{h.Id}", [], h.OrgUnitId, RulemakingPermissions.Hearings));
        }
        return await reminders.SendAsync(list, ct);
    }

    private static string KindName(HearingKind k) => k == HearingKind.Hearing ? "听证会" : "专家论证会";
}

internal sealed class HearingReminderJob(HearingReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await reminders.RemindAsync(cancellationToken);
}
