using Fazhi.Assessment.Contracts;
using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Publicity;

/// <summary>
/// 行政处罚决定按期公示率, a computed assessment indicator: of the penalty decisions made in the period whose publication
/// was due (《行政处罚法》第四十八条 and the Shandong rule of publication within 7 working days of the decision; the
/// number of days is the rules profile's PublicationWorkingDays), the share published by their due date.
/// Decisions whose publication is not yet due are left out (neither late nor on time).
/// </summary>
internal sealed class PublishedOnTimeIndicator(EnforcementDb db, IDeadlineService deadlines) : IComputedIndicatorProvider
{
    public const string ProviderKey = "enforcement.published-on-time";

    /// <summary>At most this many source records are listed (the late ones first); the figures always count every decision.</summary>
    public const int MaxRecords = 500;

    public string Key => ProviderKey;

    public string Title => "行政处罚决定按期公示率";

    public string Description => "考评期内作出、公示期限已届满或已公示的行政处罚决定中，在作出决定之日起 7 个工作日内公示的件数 ÷ 总件数（《行政处罚法》第四十八条）。";

    public async Task<ComputedIndicatorValue> ComputeAsync(ComputedIndicatorQuery query, CancellationToken ct)
    {
        var today = deadlines.Today;
        var ids = query.ScopeUnitIds.ToList();
        // System read restricted to the requested scope (the contract: not the caller's scope).
        var due = db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => ids.Contains(c.OrgUnitId) && c.DecidedOn >= query.PeriodStart && c.DecidedOn <= query.PeriodEnd
                && c.PublicationDueOn != null && (c.PublishedOn != null || c.PublicationDueOn < today));
        var total = await due.CountAsync(ct);
        var onTime = await due.CountAsync(c => c.PublishedOn != null && c.PublishedOn <= c.PublicationDueOn, ct);
        var late = await due.Where(c => c.PublishedOn == null || c.PublishedOn > c.PublicationDueOn).OrderBy(c => c.PublicationDueOn).Take(MaxRecords)
            .Select(c => new { c.Id, c.DecisionNumber, c.PublicationDueOn, c.PublishedOn }).ToListAsync(ct);
        var timely = await due.Where(c => c.PublishedOn != null && c.PublishedOn <= c.PublicationDueOn).OrderByDescending(c => c.PublishedOn).Take(MaxRecords - late.Count)
            .Select(c => new { c.Id, c.DecisionNumber, c.PublicationDueOn, c.PublishedOn }).ToListAsync(ct);
        var records = late.Select(c => new ComputedIndicatorRecord(
                c.PublishedOn is { } p ? $"{c.DecisionNumber}：{p:yyyy-MM-dd} 公示，超过期限 {c.PublicationDueOn:yyyy-MM-dd}" : $"{c.DecisionNumber}：期限 {c.PublicationDueOn:yyyy-MM-dd} 已过，尚未公示",
                false, $"/enforcement/cases/{c.Id}"))
            .Concat(timely.Select(c => new ComputedIndicatorRecord($"{c.DecisionNumber}：{c.PublishedOn:yyyy-MM-dd} 公示（期限 {c.PublicationDueOn:yyyy-MM-dd}）", true, $"/enforcement/cases/{c.Id}")))
            .ToList();
        return ComputedIndicatorValue.Ratio(onTime, total, records, total > records.Count ? $"共 {total} 件，仅列出 {records.Count} 件（未按期的在前）。" : null);
    }
}
