using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Contracts;
using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Supervision;

/// <summary>
/// <see cref="IEnforcementStatistics"/>: GROUP BY body over the cases the caller may see (the data scope's query filter),
/// optionally narrowed to one unit's subtree. Review scores come from case-file review samples scored in the period,
/// by the reviewed body, within the same scope.
/// </summary>
internal sealed class EnforcementStatistics(EnforcementDb db, IOrgDirectory orgs, IDeadlineService deadlines) : IEnforcementStatistics
{
    public async Task<EnforcementStatisticsReport> GetAsync(EnforcementStatisticsQuery query, CancellationToken ct)
    {
        var today = deadlines.Today;
        var cases = db.Cases.AsNoTracking();
        if (query.OrgUnitCode is { Length: > 0 } code)
        {
            // The whole subtree, deactivated units included: their cases are still history of the period.
            var unit = await orgs.FindByCodeAsync(code, ct);
            var subtree = unit is null ? [] : await orgs.SubtreeIdsAsync(unit.Id, ct);
            cases = cases.Where(c => subtree.Contains(c.OrgUnitId));
        }
        var decidedStages = CaseActions.DecidedStages;
        var opened = await cases.Where(c => c.OpenedOn >= query.From && c.OpenedOn <= query.To)
            .GroupBy(c => c.OrgUnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var decided = await cases.Where(c => c.DecidedOn >= query.From && c.DecidedOn <= query.To && decidedStages.Contains(c.Stage))
            .GroupBy(c => c.OrgUnitId).Select(g => new
            {
                g.Key,
                Decided = g.Count(),
                OnTime = g.Count(c => c.DecidedOn <= c.DecisionDueOn),
                Major = g.Count(c => c.IsMajor),
                Reviewed = g.Count(c => c.IsMajor && c.LegalReviewPassed),
                PublicationDue = g.Count(c => c.PublicationDueOn != null && (c.PublishedOn != null || c.PublicationDueOn < today)),
                PublishedOnTime = g.Count(c => c.PublishedOn != null && c.PublishedOn <= c.PublicationDueOn),
            }).ToDictionaryAsync(g => g.Key, ct);
        var from = query.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = query.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var scores = await db.Set<CaseFileReview.ReviewSample>().AsNoTracking()
            .Where(s => s.Score != null && s.ScoredAtUtc >= from && s.ScoredAtUtc < to)
            .Select(s => new { s.BodyUnitId, s.CaseId, Score = s.Score!.Value }).ToListAsync(ct);
        // A sample counts only when its case is visible to the caller (scope, and the unit filter above).
        var visible = (await cases.Where(c => scores.Select(s => s.CaseId).Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var reviews = scores.Where(s => visible.Contains(s.CaseId)).GroupBy(s => s.BodyUnitId)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Average: Math.Round(g.Average(s => s.Score), 2)));
        var bodyIds = opened.Keys.Concat(decided.Keys).Concat(reviews.Keys).Distinct().ToList();
        var bodies = await db.Bodies.AsNoTracking().Where(b => bodyIds.Contains(b.OrgUnitId)).ToDictionaryAsync(b => b.OrgUnitId, b => (b.OrgCode, b.Name), ct);
        var byBody = bodyIds.Select(id =>
        {
            var d = decided.GetValueOrDefault(id);
            var (codeOf, name) = bodies.GetValueOrDefault(id, ("", ""));
            var r = reviews.GetValueOrDefault(id);
            return new EnforcementBodyFigures(codeOf, name, opened.GetValueOrDefault(id), d?.Decided ?? 0, d?.OnTime ?? 0, d?.Major ?? 0, d?.Reviewed ?? 0,
                d?.PublicationDue ?? 0, d?.PublishedOnTime ?? 0, r.Count, r.Count == 0 ? null : r.Average);
        }).OrderBy(b => b.OrgUnitCode, StringComparer.Ordinal).ToList();
        var allScores = scores.Where(s => visible.Contains(s.CaseId)).ToList();
        return new EnforcementStatisticsReport(query,
            byBody.Sum(b => b.Opened), byBody.Sum(b => b.Decided),
            Rate(byBody.Sum(b => b.DecidedOnTime), byBody.Sum(b => b.Decided)),
            Rate(byBody.Sum(b => b.MajorReviewed), byBody.Sum(b => b.Major)),
            Rate(byBody.Sum(b => b.PublishedOnTime), byBody.Sum(b => b.PublicationDue)),
            allScores.Count == 0 ? null : Math.Round(allScores.Average(s => s.Score), 2),
            byBody);
    }

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
}
