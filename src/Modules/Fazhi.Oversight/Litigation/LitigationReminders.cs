using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Fazhi.Oversight.Litigation;

internal sealed record LitigationReminderRun(int Items, int Sent, int AlreadySent);

/// <summary>
/// Reminders of the litigation deadlines, once per lawsuit, kind and due date, to the defendant agency (holders of the
/// handling permission at its unit) and to the justice bureau (holders of the supervising permission at the units above it):
/// the answer period of 《行政诉讼法》第六十七条 approaching (the settings' WarnDays) and passed; a scheduled hearing, so the
/// head is told in time (出庭规定 第五条); the appeal window of 第八十五条 of a lost first-instance decision. Runs as system work.
/// </summary>
internal sealed class LitigationReminders(ISystemWork systemWork, SettingsService settings, IReminders reminders, IDeadlineService deadlines, IOrgDirectory orgs)
{
    public const int BatchLimit = 1000;

    public async Task<LitigationReminderRun> RunAsync(CancellationToken ct)
    {
        await using var db = systemWork.Db<OversightDb>("应诉期限提醒");
        var today = deadlines.Today;
        var rules = await settings.GetAsync(ct);
        var warnUntil = today.AddDays(rules.WarnDays);
        var answers = await db.Lawsuits.AsNoTracking().Where(l => l.Status == LawsuitStatus.Registered && l.AnswerDueOn <= warnUntil)
            .OrderBy(l => l.AnswerDueOn).Take(BatchLimit).ToListAsync(ct);
        var hearings = await db.Lawsuits.AsNoTracking().Where(l => l.NextHearingOn != null && l.NextHearingOn >= today && l.NextHearingOn <= today.AddDays(rules.HearingNoticeDays))
            .OrderBy(l => l.NextHearingOn).Take(BatchLimit).ToListAsync(ct);
        var appeals = await db.Lawsuits.AsNoTracking().Where(l => l.Lost && l.AppealDueOn != null && l.AppealDueOn >= today && l.AppealDueOn <= warnUntil)
            .OrderBy(l => l.AppealDueOn).Take(BatchLimit).ToListAsync(ct);
        var items = new List<Reminder>();
        foreach (var l in answers)
        {
            var overdue = l.AnswerDueOn < today;
            var title = overdue ? $"逾期未答辩：{l.CaseNumber}" : $"答辩期限提醒：{l.CaseNumber}";
            var body = overdue
                ? $"行政诉讼案件 {l.CaseNumber}（原告 {l.Plaintiff}）的答辩举证期限已于 {l.AnswerDueOn:yyyy-MM-dd} 届满，尚未记录答辩。逾期提供证据的，视为没有相应证据（《行政诉讼法》第三十四条、第六十七条）。"
                : $"行政诉讼案件 {l.CaseNumber}（原告 {l.Plaintiff}）应于 {l.AnswerDueOn:yyyy-MM-dd} 前提交答辩状和作出行政行为的证据、所依据的规范性文件（《行政诉讼法》第六十七条）。";
            await AddAsync(items, overdue ? "oversight.answer-overdue" : "oversight.answer-due", $"{l.Id}:{l.AnswerDueOn:yyyyMMdd}", title, body, l, supervisorsToo: overdue, ct);
        }
        foreach (var l in hearings)
        {
            await AddAsync(items, "oversight.hearing", $"{l.Id}:{l.NextHearingOn:yyyyMMdd}", $"开庭提醒：{l.CaseNumber}",
                $"行政诉讼案件 {l.CaseNumber} 定于 {l.NextHearingOn:yyyy-MM-dd} 开庭，请行政机关负责人出庭应诉；不能出庭的，应当委托相应工作人员出庭并向法院说明理由（《行政诉讼法》第三条第三款；出庭规定第五条、第八条）。",
                l, supervisorsToo: false, ct);
        }
        foreach (var l in appeals)
        {
            await AddAsync(items, "oversight.appeal", $"{l.Id}:{l.AppealDueOn:yyyyMMdd}", $"上诉期限提醒：{l.CaseNumber}",
                $"行政诉讼案件 {l.CaseNumber} 一审{(l.Result is { } r ? LitigationRules.ResultName(r) : "")}（败诉），上诉期限至 {l.AppealDueOn:yyyy-MM-dd}（《行政诉讼法》第八十五条），请决定是否上诉。",
                l, supervisorsToo: true, ct);
        }
        // 司法建议、检察建议: the reply deadline approaching (the agency) and passed (the agency and the supervisors above it).
        var suggestions = await db.Suggestions.AsNoTracking().Where(x => x.Status == Suggestions.SuggestionStatus.Received && x.ReplyDueOn <= warnUntil)
            .OrderBy(x => x.ReplyDueOn).Take(BatchLimit).ToListAsync(ct);
        foreach (var x in suggestions)
        {
            var overdue = x.ReplyDueOn < today;
            var kind = Suggestions.SuggestionService.KindName(x.Kind);
            var title = overdue ? $"{kind}逾期未答复：{x.DocumentNumber}" : $"{kind}答复期限提醒：{x.DocumentNumber}";
            var body = overdue
                ? $"{x.Issuer}的{kind}（{x.DocumentNumber}）答复期限已于 {x.ReplyDueOn:yyyy-MM-dd} 届满（{x.DueBasis}），尚未记录答复。"
                : $"{x.Issuer}的{kind}（{x.DocumentNumber}）应于 {x.ReplyDueOn:yyyy-MM-dd} 前书面答复（{x.DueBasis}）。";
            var link = $"/oversight/suggestions/{x.Id}";
            var reminderKind = overdue ? "oversight.suggestion-overdue" : "oversight.suggestion-due";
            var subject = $"{x.Id}:{x.ReplyDueOn:yyyyMMdd}";
            await items.AddWithSupervisionAsync(orgs, new Reminder(reminderKind, subject, title, body, link, [], x.OrgUnitId, OversightPermissions.SuggestionsHandle),
                overdue, OversightPermissions.Supervise, ct);
        }
        var run = await reminders.SendAsync(items, ct);
        return new LitigationReminderRun(items.Count, run.Sent, run.AlreadySent);
    }

    private async Task AddAsync(List<Reminder> items, string kind, string subject, string title, string body, Lawsuit l, bool supervisorsToo, CancellationToken ct)
    {
        // The justice bureau's supervisors sit at the units above the agency (the district, the city).
        await items.AddWithSupervisionAsync(orgs, new Reminder(kind, subject, title, body, $"/oversight/lawsuits/{l.Id}", [], l.OrgUnitId, OversightPermissions.LitigationHandle),
            supervisorsToo, OversightPermissions.Supervise, ct);
    }
}

/// <summary>Every working-day morning at 07:40: answer, hearing and appeal reminders.</summary>
internal sealed class LitigationReminderJob(LitigationReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await reminders.RunAsync(cancellationToken);
}

/// <summary>
/// The home page's to-do lines (待办), within scope: lawsuits awaiting the answer, overdue answers, open appeal windows;
/// suggestions awaiting a reply or overdue; replied suggestions for the supervisor to close.
/// </summary>
internal sealed class LitigationWorkSummary(OversightDb db, Fazhi.Platform.Security.ICurrentUser current, IDeadlineService deadlines) : IWorkSummary
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var today = deadlines.Today;
        var items = new List<WorkItem>();
        if (current.Has(OversightPermissions.SuggestionsHandle))
        {
            var awaiting = await db.Suggestions.CountAsync(x => x.Status == Suggestions.SuggestionStatus.Received && x.ReplyDueOn >= today, ct);
            var late = await db.Suggestions.CountAsync(x => x.Status == Suggestions.SuggestionStatus.Received && x.ReplyDueOn < today, ct);
            if (awaiting > 0)
            {
                items.Add(new WorkItem("复议应诉", "待答复的司法建议、检察建议", awaiting, "/oversight/suggestions?view=awaiting"));
            }
            if (late > 0)
            {
                items.Add(new WorkItem("复议应诉", "逾期未答复的司法建议、检察建议", late, "/oversight/suggestions?view=overdue", Urgent: true));
            }
        }
        if (current.Has(OversightPermissions.Supervise))
        {
            var toClose = await db.Suggestions.CountAsync(x => x.Status == Suggestions.SuggestionStatus.Replied, ct);
            if (toClose > 0)
            {
                items.Add(new WorkItem("复议应诉", "已答复待确认办结的建议", toClose, "/oversight/suggestions?view=replied"));
            }
        }
        if (!current.Has(OversightPermissions.LitigationHandle) && !current.Has(OversightPermissions.Supervise))
        {
            return items;
        }
        var due = await db.Lawsuits.CountAsync(l => l.Status == LawsuitStatus.Registered && l.AnswerDueOn >= today, ct);
        var overdue = await db.Lawsuits.CountAsync(l => l.Status == LawsuitStatus.Registered && l.AnswerDueOn < today, ct);
        var appeal = await db.Lawsuits.CountAsync(l => l.Lost && l.AppealDueOn != null && l.AppealDueOn >= today, ct);
        if (due > 0)
        {
            items.Add(new WorkItem("行政应诉", "待答辩的行政诉讼案件", due, "/oversight/lawsuits?view=answer-due"));
        }
        if (overdue > 0)
        {
            items.Add(new WorkItem("行政应诉", "逾期未答辩的行政诉讼案件", overdue, "/oversight/lawsuits?view=answer-overdue", Urgent: true));
        }
        if (appeal > 0)
        {
            items.Add(new WorkItem("行政应诉", "上诉期内的败诉案件", appeal, "/oversight/lawsuits?view=appeal-open", Urgent: true));
        }
        return items;
    }
}
