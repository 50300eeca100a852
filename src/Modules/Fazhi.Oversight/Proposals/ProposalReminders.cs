using Fazhi.Oversight.Data;
using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Fazhi.Oversight.Proposals;

/// <summary>
/// Reminders of the reply periods of deputies' suggestions and CPPCC proposals (代表法 第五十一条; 山东条例 第十九条、第二十四条),
/// once per item and due date: coming due within the settings' WarnDays to the lead unit's handlers; overdue to them and,
/// marked 【督办】, to the liaison office (the holders of the assigning permission at every unit above). And the co-units'
/// opinions (山东省代表建议办理条例 第二十一条, due the settings' CoOpinionDays after assignment, ADR 0058), once per row and due
/// date, to the co-unit's handlers in their inbox: coming due within <see cref="CoOpinionWarnWorkingDays"/> working days, and
/// overdue; only while the lead unit still has to reply. Runs as system work.
/// </summary>
internal sealed class ProposalReminders(ISystemWork systemWork, SettingsService settings, IReminders reminders, IDeadlineService deadlines, IOrgDirectory orgs)
{
    public const int BatchLimit = 1000;

    /// <summary>A co-unit is reminded of its opinion this many working days before it is due (local practice, ADR 0058; not a statutory period).</summary>
    public const int CoOpinionWarnWorkingDays = 3;

    public async Task<ReminderRun> RunAsync(CancellationToken ct)
    {
        await using var db = systemWork.Db<OversightDb>("建议提案答复期限提醒");
        var today = deadlines.Today;
        var rules = await settings.GetAsync(ct);
        var warnUntil = today.AddDays(rules.WarnDays);
        var open = await db.Proposals.AsNoTracking()
            .Where(p => ((p.Status == ProposalStatus.Assigned || p.Status == ProposalStatus.TransferRequested) && p.DueOn <= warnUntil)
                || (p.Status == ProposalStatus.Reopened && p.ReReplyDueOn <= warnUntil))
            .OrderBy(p => p.DueOn).Take(BatchLimit).ToListAsync(ct);
        var items = new List<Reminder>();
        foreach (var p in open)
        {
            var due = p.Status == ProposalStatus.Reopened ? p.ReReplyDueOn!.Value : p.DueOn;
            var overdue = due < today;
            var what = $"{ProposalService.KindName(p.Kind)}{p.Number}《{p.Title}》";
            var title = overdue ? $"建议提案逾期未答复：{p.Number}" : $"建议提案答复期限提醒：{p.Number}";
            var body = overdue
                ? $"{what}的{(p.Status == ProposalStatus.Reopened ? "重新办理" : "")}答复期限已于 {due:yyyy-MM-dd} 届满，尚未答复（{ProposalService.Law}）。"
                : $"{what}应于 {due:yyyy-MM-dd} 前答复，答复前须与{(p.Kind == ProposalKind.DeputySuggestion ? "代表" : "委员")}联系沟通（{ProposalService.Law}）。";
            var link = $"/oversight/proposals/{p.Id}";
            var kind = overdue ? "oversight.proposal-overdue" : "oversight.proposal-due";
            var subject = $"{p.Id}:{due:yyyyMMdd}";
            await items.AddWithSupervisionAsync(orgs, new Reminder(kind, subject, title, body, link, [], p.OrgUnitId, OversightPermissions.ProposalsHandle),
                overdue, OversightPermissions.ProposalsAssign, ct);
        }
        await CoOpinionItemsAsync(db, items, today, ct);
        return await reminders.SendAsync(items, ct);
    }

    private async Task CoOpinionItemsAsync(OversightDb db, List<Reminder> items, DateOnly today, CancellationToken ct)
    {
        var warnUntil = (await deadlines.AddWorkingDaysAsync(today, CoOpinionWarnWorkingDays, ct)).Date;
        var awaiting = await (from o in db.ProposalCoOpinions.AsNoTracking()
                              join p in db.Proposals.AsNoTracking() on o.ProposalId equals p.Id
                              where o.GivenOn == null && o.DueOn != null && o.DueOn <= warnUntil
                                  // the round the lead unit awaits: the first before the first reply, the second once reopened (ADR 0066)
                                  && (((p.Status == ProposalStatus.Assigned || p.Status == ProposalStatus.TransferRequested) && o.Round == ProposalCoOpinion.FirstRound)
                                      || (p.Status == ProposalStatus.Reopened && o.Round == ProposalCoOpinion.SecondRound))
                              orderby o.DueOn
                              select new { Row = o, p.Kind, p.Number, p.Title, p.OrgUnitId }).Take(BatchLimit).ToListAsync(ct);
        if (awaiting.Count == 0)
        {
            return;
        }
        var names = await orgs.NamesAsync(awaiting.Select(a => a.OrgUnitId).Distinct(), ct);
        foreach (var a in awaiting)
        {
            var due = a.Row.DueOn!.Value;
            var overdue = due < today;
            var what = $"{ProposalService.KindName(a.Kind)}{a.Number}《{a.Title}》";
            var lead = names.GetValueOrDefault(a.OrgUnitId, "主办单位");
            var what2 = a.Row.Round == ProposalCoOpinion.SecondRound ? "重新办理的协办意见" : "协办意见";
            var title = overdue ? $"{what2}逾期未提出：{a.Number}" : $"{what2}期限提醒：{a.Number}";
            var body = overdue
                ? $"{what}的{what2}应于 {due:yyyy-MM-dd} 前提出，已逾期，请尽快向{lead}提出（{ProposalService.CoHandlingRule}）。"
                : $"{what}的{what2}应于 {due:yyyy-MM-dd} 前向{lead}提出（{ProposalService.CoHandlingRule}）。";
            items.Add(new Reminder(overdue ? "oversight.proposal-co-overdue" : "oversight.proposal-co-due", $"{a.Row.Id}:{due:yyyyMMdd}", title, body,
                $"/oversight/proposals/{a.Row.ProposalId}", [], a.Row.OrgUnitId, OversightPermissions.ProposalsHandle));
        }
    }
}

/// <summary>Every working-day morning at 07:50: items coming due or overdue.</summary>
internal sealed class ProposalReminderJob(ProposalReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await reminders.RunAsync(cancellationToken);
}

/// <summary>
/// The home page's to-do lines for 建议提案, within scope: for a lead unit, items to answer and overdue (urgent); for the
/// liaison office, transfer requests to decide and replies awaiting the deputy's evaluation.
/// </summary>
internal sealed class ProposalWorkSummary(OversightDb db, ICurrentUser current, IDeadlineService deadlines) : IWorkSummary
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var items = new List<WorkItem>();
        var today = deadlines.Today;
        if (current.Has(OversightPermissions.ProposalsHandle))
        {
            var open = await db.Proposals.CountAsync(p => (p.Status == ProposalStatus.Assigned && p.DueOn >= today) || (p.Status == ProposalStatus.Reopened && p.ReReplyDueOn >= today), ct);
            var overdue = await db.Proposals.CountAsync(p => ((p.Status == ProposalStatus.Assigned || p.Status == ProposalStatus.TransferRequested) && p.DueOn < today)
                || (p.Status == ProposalStatus.Reopened && p.ReReplyDueOn < today), ct);
            if (open > 0)
            {
                items.Add(new WorkItem("复议应诉", "待答复的人大代表建议、政协提案", open, "/oversight/proposals?view=open"));
            }
            if (overdue > 0)
            {
                items.Add(new WorkItem("复议应诉", "逾期未答复的人大代表建议、政协提案", overdue, "/oversight/proposals?view=overdue", Urgent: true));
            }
        }
        if (current.Has(OversightPermissions.ProposalsAssign))
        {
            var transfer = await db.Proposals.CountAsync(p => p.Status == ProposalStatus.TransferRequested, ct);
            var replied = await db.Proposals.CountAsync(p => p.Status == ProposalStatus.Replied, ct);
            if (transfer > 0)
            {
                items.Add(new WorkItem("复议应诉", "待决定的建议提案调整承办单位申请", transfer, "/oversight/proposals?view=transfer"));
            }
            if (replied > 0)
            {
                items.Add(new WorkItem("复议应诉", "待录入代表委员评价的建议提案", replied, "/oversight/proposals?view=replied"));
            }
        }
        return items;
    }
}
