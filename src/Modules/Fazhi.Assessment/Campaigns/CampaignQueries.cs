using Fazhi.Assessment.Computed;
using Fazhi.Assessment.Contracts;
using Fazhi.Assessment.Data;
using Fazhi.Assessment.Frameworks;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Campaigns;

internal sealed record TaskRow(Guid TaskId, Guid CampaignId, string Campaign, string IndicatorCode, string IndicatorTitle, string Role, Guid LeadUnitId,
    string LeadUnit, DateOnly DueDate, SubmissionStatus Status, bool Overdue, int ReturnCount, string ReturnReason, string EvidenceRequirements, decimal MaxScore, decimal? Score);

internal sealed record EvidenceRow(Guid Id, EvidenceKind Kind, string Title, string Unit, string RecordType, string RecordId, Guid? AttachmentId, decimal? Value, string ValueUnit, string? Link);

internal sealed record ContributionRow(Guid OrgUnitId, string Unit, string Statement);

internal sealed record EventRow(string Action, string Actor, string Reason, DateTime AtUtc);

internal sealed record AppealRow(string Reason, string FiledBy, DateTime FiledAtUtc, decimal ScoreBefore, string Answer, string AnsweredBy, DateTime? AnsweredAtUtc, decimal? ScoreAfter);

internal sealed record TaskDetail(AssessmentTask Task, Campaign Campaign, Indicator Indicator, string LeadUnit, string? AwaitingUnit, bool IsLead, Guid? MyContributionUnitId,
    string? EditRefusal, IReadOnlyList<EvidenceRow> Evidence, IReadOnlyList<ContributionRow> Contributions, IReadOnlyList<EventRow> Events,
    IReadOnlyList<Deduction> Deductions, AppealRow? Appeal, ComputedIndicatorValue? Live, string? ProviderTitle);

internal sealed record BoardRow(string Key, string Title, int Total, int Done, int Submitted, int Overdue, int Returned)
{
    public decimal CompletionPercent => Total == 0 ? 0 : Math.Round(100m * Done / Total, 1);
}

internal sealed record RankRow(int Rank, Guid OrgUnitId, string Code, string Unit, string Group, int Tasks, int Scored, decimal Score, decimal MaxScore)
{
    public decimal Rate => MaxScore == 0 ? 0 : Math.Round(100m * Score / MaxScore, 2);
}

/// <summary>Read models: a unit's task list, a task's detail, the progress board and the rankings.</summary>
internal sealed class CampaignQueries(AssessmentDb db, IOrgDirectory orgs, IDeadlineService deadlines, ComputedIndicators computed)
{
    /// <summary>
    /// The caller's tasks: those their units lead (data scope) and those they help with (their contributions), optionally
    /// for one org unit or campaign.
    /// </summary>
    public async Task<List<TaskRow>> TaskListAsync(Guid? campaignId, Guid? orgUnitId, CancellationToken ct)
    {
        var today = deadlines.Today;
        var lead = await ListItems(db.Tasks.AsNoTracking().Where(t => (campaignId == null || t.CampaignId == campaignId) && (orgUnitId == null || t.OrgUnitId == orgUnitId)))
            .ToListAsync(ct);
        var coRows = await db.Contributions.AsNoTracking().Where(x => orgUnitId == null || x.OrgUnitId == orgUnitId).Select(x => x.TaskId).ToListAsync(ct);
        var leadIds = lead.Select(l => l.Id).ToHashSet();
        var coIds = coRows.Where(id => !leadIds.Contains(id)).Distinct().ToList();
        // Tasks the caller's units help with: visible through their own contribution rows (co-unit), read without the lead's scope.
        var co = coIds.Count == 0 ? [] : await ListItems(db.Tasks.IgnoreQueryFilters().AsNoTracking()
            .Where(t => coIds.Contains(t.Id) && (campaignId == null || t.CampaignId == campaignId))).ToListAsync(ct);
        var names = await orgs.NamesAsync(lead.Concat(co).Select(x => x.OrgUnitId).Distinct().ToList(), ct);
        TaskRow Row(ListItem x, string role) => new(x.Id, x.CampaignId, x.Campaign, x.Code, x.Title, role, x.OrgUnitId, names.GetValueOrDefault(x.OrgUnitId, ""),
            x.DueDate, x.Status, IsOverdue(x.DueDate, x.Status, today), x.ReturnCount, x.ReturnReason, x.EvidenceRequirements, x.MaxScore, x.Score);
        return lead.Select(x => Row(x, "牵头")).Concat(co.Select(x => Row(x, "配合")))
            .OrderBy(r => r.DueDate).ThenBy(r => r.IndicatorCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>The columns a task list shows, joined to its indicator and campaign (not descriptions, criteria or statements).</summary>
    private IQueryable<ListItem> ListItems(IQueryable<AssessmentTask> tasks) =>
        from t in tasks
        join i in db.Indicators.AsNoTracking() on t.IndicatorId equals i.Id
        join c in db.Campaigns.AsNoTracking() on t.CampaignId equals c.Id
        select new ListItem(t.Id, t.CampaignId, c.Name, i.Code, i.Title, t.OrgUnitId, t.DueDate, t.Status, t.ReturnCount, t.ReturnReason,
            i.EvidenceRequirements, i.MaxScore, t.Score);

    private sealed record ListItem(Guid Id, Guid CampaignId, string Campaign, string Code, string Title, Guid OrgUnitId, DateOnly DueDate, SubmissionStatus Status,
        int ReturnCount, string ReturnReason, string EvidenceRequirements, decimal MaxScore, decimal? Score);

    public static bool IsOverdue(AssessmentTask t, DateOnly today) => IsOverdue(t.DueDate, t.Status, today);

    private static bool IsOverdue(DateOnly due, SubmissionStatus status, DateOnly today) =>
        due < today && status is SubmissionStatus.NotStarted or SubmissionStatus.Draft or SubmissionStatus.Returned;

    public async Task<TaskDetail?> DetailAsync(Guid taskId, SubmissionService submissions, CancellationToken ct)
    {
        var (task, campaign, contribution) = await submissions.FindAsync(taskId, ct);
        if (task is null || campaign is null)
        {
            return null;
        }
        var indicator = await db.Indicators.AsNoTracking().FirstAsync(i => i.Id == task.IndicatorId, ct);
        var names = (await orgs.ActiveUnitsAsync(ct)).ToDictionary(u => u.Id, u => u.Name);
        // The lead unit and the office see every contribution to the task; a co-unit sees its own (plus the lead's).
        var evidenceQuery = db.Evidence.IgnoreQueryFilters().AsNoTracking().Where(e => e.TaskId == task.Id);
        if (contribution is not null)
        {
            evidenceQuery = evidenceQuery.Where(e => e.OrgUnitId == contribution.OrgUnitId || e.OrgUnitId == task.OrgUnitId);
        }
        var evidence = (await evidenceQuery.ToListAsync(ct)).OrderBy(e => e.Id)
            .Select(e => new EvidenceRow(e.Id, e.Kind, e.Title, names.GetValueOrDefault(e.OrgUnitId, ""), e.RecordType, e.RecordId, e.AttachmentId, e.Value, e.Unit,
                e.AttachmentId is { } a ? Fazhi.Platform.Features.Attachments.AttachmentLinks.ContentUrl(a) : null)).ToList();
        var contributions = (await db.Contributions.IgnoreQueryFilters().AsNoTracking().Where(c => c.TaskId == task.Id).ToListAsync(ct))
            .Where(c => contribution is null || c.OrgUnitId == contribution.OrgUnitId)
            .Select(c => new ContributionRow(c.OrgUnitId, names.GetValueOrDefault(c.OrgUnitId, ""), c.Statement)).ToList();
        var events = contribution is not null ? [] : (await db.TaskEvents.AsNoTracking().Where(e => e.TaskId == task.Id).ToListAsync(ct))
            .OrderBy(e => e.Id).Select(e => new EventRow(e.Action, e.Actor, e.Reason, e.AtUtc)).ToList();
        var deductions = contribution is not null ? [] : await db.Deductions.AsNoTracking().Where(d => d.TaskId == task.Id).ToListAsync(ct);
        var appeal = contribution is not null ? null : await db.Appeals.AsNoTracking().Where(a => a.TaskId == task.Id)
            .Select(a => new AppealRow(a.Reason, a.FiledBy, a.FiledAtUtc, a.ScoreBefore, a.Answer, a.AnsweredBy, a.AnsweredAtUtc, a.ScoreAfter)).FirstOrDefaultAsync(ct);
        ComputedIndicatorValue? live = null;
        if (indicator.Method == ScoringMethod.Computed)
        {
            live = await computed.ComputeAsync(indicator.ProviderKey, campaign.PeriodStart, campaign.PeriodEnd, task.OrgUnitId, ct);
        }
        return new TaskDetail(task, campaign, indicator, names.GetValueOrDefault(task.OrgUnitId, ""),
            task.AwaitingUnitId is { } w ? names.GetValueOrDefault(w) : null, contribution is null, contribution?.OrgUnitId,
            SubmissionService.EditRefusal(task, campaign), evidence, contributions, events, deductions, appeal, live, computed.Find(indicator.ProviderKey)?.Title);
    }

    /// <summary>Progress by indicator and by unit: completion (accepted or approved) %, submitted, overdue, returned.</summary>
    public async Task<(List<BoardRow> ByIndicator, List<BoardRow> ByUnit)> BoardAsync(Guid campaignId, CancellationToken ct)
    {
        var today = deadlines.Today;
        var tasks = db.Tasks.AsNoTracking().Where(t => t.CampaignId == campaignId);
        // Counted in the database (one row per indicator, one per unit), not by loading every task.
        var perIndicator = await tasks.GroupBy(t => t.IndicatorId).Select(g => new Tally(
            g.Key,
            g.Count(),
            g.Count(x => x.Status == SubmissionStatus.Accepted || x.Status == SubmissionStatus.Approved),
            g.Count(x => x.Status == SubmissionStatus.Submitted),
            g.Count(x => x.DueDate < today && (x.Status == SubmissionStatus.NotStarted || x.Status == SubmissionStatus.Draft || x.Status == SubmissionStatus.Returned)),
            g.Count(x => x.ReturnCount > 0))).ToListAsync(ct);
        var perUnit = await tasks.GroupBy(t => t.OrgUnitId).Select(g => new Tally(
            g.Key,
            g.Count(),
            g.Count(x => x.Status == SubmissionStatus.Accepted || x.Status == SubmissionStatus.Approved),
            g.Count(x => x.Status == SubmissionStatus.Submitted),
            g.Count(x => x.DueDate < today && (x.Status == SubmissionStatus.NotStarted || x.Status == SubmissionStatus.Draft || x.Status == SubmissionStatus.Returned)),
            g.Count(x => x.ReturnCount > 0))).ToListAsync(ct);
        var versionId = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.FrameworkVersionId).FirstAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.FrameworkVersionId == versionId)
            .Select(i => new { i.Id, i.Code, i.Title }).ToDictionaryAsync(i => i.Id, ct);
        var names = await orgs.NamesAsync(perUnit.Select(t => t.Key).ToList(), ct);
        var byIndicator = perIndicator
            .Select(t => new BoardRow(indicators[t.Key].Code, indicators[t.Key].Title, t.Total, t.Done, t.Submitted, t.Overdue, t.Returned))
            .OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var byUnit = perUnit
            .Select(t => new BoardRow(t.Key.ToString(), names.GetValueOrDefault(t.Key, ""), t.Total, t.Done, t.Submitted, t.Overdue, t.Returned))
            .OrderBy(r => r.CompletionPercent).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
        return (byIndicator, byUnit);
    }

    /// <summary>
    /// Totals per participating unit: sum of score x weight over its tasks, against the attainable sum of max x weight.
    /// Ranked by the rate (得分率) within departments and within districts (区（市）).
    /// </summary>
    public async Task<List<RankRow>> RankingAsync(Guid campaignId, CancellationToken ct)
    {
        var units = await db.CampaignUnits.AsNoTracking().Where(u => u.CampaignId == campaignId).ToListAsync(ct);
        var rows = await (from t in db.Tasks.AsNoTracking()
                          join i in db.Indicators.AsNoTracking() on t.IndicatorId equals i.Id
                          where t.CampaignId == campaignId
                          select new { t.OrgUnitId, t.Score, i.MaxScore, i.Weight }).ToListAsync(ct);
        var byUnit = rows.ToLookup(r => r.OrgUnitId);
        var result = new List<RankRow>();
        foreach (var group in units.GroupBy(GroupOf).Where(g => g.Key.Length > 0))
        {
            var ranked = group.Select(u =>
            {
                var mine = byUnit[u.OrgUnitId].ToList();
                return new RankRow(0, u.OrgUnitId, u.Code, u.Name, group.Key, mine.Count, mine.Count(m => m.Score is not null),
                    mine.Sum(m => (m.Score ?? 0) * m.Weight), mine.Sum(m => m.MaxScore * m.Weight));
            }).Where(r => r.Tasks > 0).OrderByDescending(r => r.Rate).ThenByDescending(r => r.Score).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
            // Equal rates share a rank (1, 1, 3).
            for (var k = 0; k < ranked.Count; k++)
            {
                var rank = k > 0 && ranked[k].Rate == ranked[k - 1].Rate ? result[^1].Rank : k + 1;
                result.Add(ranked[k] with { Rank = rank });
            }
        }
        return result;
    }

    private static string GroupOf(CampaignUnit u) => u.Level switch
    {
        (int)OrgLevel.County => "区（市）",
        (int)OrgLevel.City when u.Kind != (int)OrgKind.Government => "市直部门",
        (int)OrgLevel.Town => "镇（街）",
        _ => "",
    };
}

/// <summary>Task counts of one board row, as the database groups them.</summary>
internal sealed record Tally(Guid Key, int Total, int Done, int Submitted, int Overdue, int Returned);
