using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Fazhi.Rulemaking.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Fazhi.Rulemaking.Normative;

/// <summary>A published normative document as the public sees it.</summary>
internal sealed record PublicDocument(Guid Id, string Title, string IssuingAuthority, string RegistrationNo, DateOnly PublishedOn, DateOnly EffectiveOn, DateOnly? ExpiresOn, string Standing);

/// <summary>The public list of published normative documents (no account; read as system work).</summary>
internal sealed class NormativePublic(ISystemWork systemWork, IDeadlineService clock)
{
    public async Task<List<PublicDocument>> ListAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("规范性文件公开");
        var today = clock.Today;
        // Documents a cleanup campaign repealed or declared invalid stay listed with that standing (ADR 0036).
        var docs = await system.Drafts.AsNoTracking().Where(d => d.Status == DraftStatus.Published || d.Status == DraftStatus.Repealed || d.Status == DraftStatus.DeclaredInvalid)
            .OrderByDescending(d => d.PublishedOn).Take(500).ToListAsync(ct);
        return docs.Select(d => new PublicDocument(d.Id, d.Title, d.IssuingAuthority, d.RegistrationNo ?? "", d.PublishedOn!.Value, d.EffectiveOn, d.ExpiresOn,
            NormativeService.StandingOf(d, today))).ToList();
    }
}

/// <summary>
/// Reminders (ADR 0022): a review due within a working day or overdue (to the review office), a filing due within 5 days or
/// overdue (山东省人大常委会备案审查规定 第七条, 30 days; to the review office and the drafting unit), and a validity period ending
/// within the configured days (to the drafting unit, to evaluate and renew).
/// </summary>
internal sealed class NormativeReminders(ISystemWork systemWork, IDeadlineService clock, IReminders reminders)
{
    public async Task<ReminderRun> RemindAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("规范性文件期限提醒");
        var today = clock.Today;
        var settings = await system.Settings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new RulemakingSettings();
        var soon = (await clock.AddWorkingDaysAsync(today, 1, ct)).Date;
        var list = new List<Reminder>();
        var reviews = await system.Drafts.AsNoTracking().Where(d => d.Status == DraftStatus.UnderReview && d.ReviewDueOn <= soon).OrderBy(d => d.ReviewDueOn).ThenBy(d => d.Id).Take(1000).ToListAsync(ct);
        list.AddRange(reviews.Select(d => new Reminder("rulemaking.review-due", $"{d.Id}:{d.Round}:{(d.ReviewDueOn < today ? "late" : "due")}",
            d.ReviewDueOn < today ? $"合法性审核已超期：{d.Title}" : $"合法性审核即将到期：{d.Title}",
            $"《{d.Title}》（{d.DraftingUnitName}）应于 {d.ReviewDueOn:yyyy-MM-dd} 前完成合法性审核。", $"/rulemaking/documents/{d.Id}", [], null, RulemakingPermissions.Review)));
        var filingSoon = today.AddDays(5);
        var filings = await system.Drafts.AsNoTracking().Where(d => d.Status == DraftStatus.Published && d.FiledOn == null && d.FilingDueOn <= filingSoon).OrderBy(d => d.FilingDueOn).ThenBy(d => d.Id).Take(1000).ToListAsync(ct);
        foreach (var d in filings)
        {
            var late = d.FilingDueOn < today;
            var title = late ? $"规范性文件备案已逾期：{d.Title}" : $"规范性文件即将到备案期限：{d.Title}";
            var body = $"《{d.Title}》（{d.RegistrationNo}）于 {d.PublishedOn:yyyy-MM-dd} 公布，应于 {d.FilingDueOn:yyyy-MM-dd} 前报送备案。";
            list.Add(new Reminder("rulemaking.filing-due", $"{d.Id}:{(late ? "late" : "due")}", title, body, $"/rulemaking/documents/{d.Id}", [], null, RulemakingPermissions.Review));
            list.Add(new Reminder("rulemaking.filing-due-unit", $"{d.Id}:{(late ? "late" : "due")}", title, body, $"/rulemaking/documents/{d.Id}", [], d.OrgUnitId, RulemakingPermissions.Draft));
        }
        var expiring = today.AddDays(settings.ExpiryReminderDays);
        var ending = await system.Drafts.AsNoTracking().Where(d => d.Status == DraftStatus.Published && d.ExpiresOn >= today && d.ExpiresOn <= expiring).OrderBy(d => d.ExpiresOn).ThenBy(d => d.Id).Take(1000).ToListAsync(ct);
        list.AddRange(ending.Select(d => new Reminder("rulemaking.validity-expiring", $"{d.Id}:{d.ExpiresOn:yyyyMMdd}", $"规范性文件有效期即将届满：{d.Title}",
            $"《{d.Title}》（{d.RegistrationNo}）有效期至 {d.ExpiresOn:yyyy-MM-dd}，届满未续期的自动失效：需要继续施行的，请评估后在文件页“评估续期”。", $"/rulemaking/documents/{d.Id}", [], d.OrgUnitId,
            RulemakingPermissions.Draft)));
        return await reminders.SendAsync(list, ct);
    }
}

/// <summary>The weekday job: documents past their validity and not renewed lapse first (ADR 0065), then the reminders.</summary>
internal sealed class NormativeReminderJob(NormativeReminders reminders, Renewal.RenewalService renewals) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await renewals.LapseAsync(cancellationToken);
        await reminders.RemindAsync(cancellationToken);
    }
}

/// <summary>
/// The home page's lines: drafts awaiting review (overdue urgent) for the review office; returned drafts, filings due
/// (overdue urgent) and documents whose validity ends soon for whoever sees them in their scope.
/// </summary>
internal sealed class RulemakingWorkSummary(RulemakingDb db, ICurrentUser current, IDeadlineService clock) : IWorkSummary
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var items = new List<WorkItem>();
        if (!current.Has(RulemakingPermissions.Draft))
        {
            return items;
        }
        var today = clock.Today;
        if (current.Has(RulemakingPermissions.Review))
        {
            var due = await db.Drafts.AsNoTracking().Where(d => d.Status == DraftStatus.UnderReview).Select(d => d.ReviewDueOn).ToListAsync(ct);
            items.Add(new("立法与合法性审核", "待合法性审核的规范性文件", due.Count, "/rulemaking/documents?status=UnderReview", Urgent: due.Any(d => d < today)));
        }
        else
        {
            var returned = await db.Drafts.AsNoTracking().CountAsync(d => d.Status == DraftStatus.Returned, ct);
            items.Add(new("立法与合法性审核", "退回修改的规范性文件草案", returned, "/rulemaking/documents?status=Returned"));
        }
        var filing = await db.Drafts.AsNoTracking().Where(d => d.Status == DraftStatus.Published && d.FiledOn == null).Select(d => d.FilingDueOn).ToListAsync(ct);
        items.Add(new("立法与合法性审核", "待报送备案的规范性文件", filing.Count, "/rulemaking/documents?status=Published", Urgent: filing.Any(d => d < today)));
        return items;
    }
}
