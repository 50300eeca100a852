using System.Globalization;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Contracts;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.FollowUp;
using Fazhi.Disputes.FrontDesk;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Disputes.Statistics;

/// <summary>Indexes the statistics scans: by day received, with the dimensions grouped on (partial months, the rebuild).</summary>
internal sealed class DisputeCaseStatisticsIndexes : IEntityTypeConfiguration<DisputeCase>
{
    public void Configure(EntityTypeBuilder<DisputeCase> b)
    {
        // Covering: a partial month counted live (and the roll-up rebuild) reads the index only.
        b.HasIndex(x => new { x.ReceivedOn, x.OrgUnitId, x.CaseTypeCode, x.Channel, x.Status, x.MergedIntoCaseId }, "IX_disputes_cases_stats_received");
    }
}

/// <summary>
/// The centre's statistics (<see cref="IDisputeStatistics"/>, also read by the city dashboard), within the caller's data scope.
/// Counts are by day received; results, duration and satisfaction come from the follow-up records made at closing; the
/// on-time rate from the stages' on-time flags.
/// </summary>
/// <summary>One roll-up bucket with its sums: what both the roll-up table and a live scan of the cases produce.</summary>
internal sealed record CubeRow(RollupKind Kind, DateOnly Month, Guid OrgUnitId, string? CaseTypeCode, IntakeChannel? Channel, CaseStatus? Status,
    string? ResultKind, Satisfaction? Rating, bool? OnTime, int Count, long DurationDays);

internal sealed class DisputeStatistics(DisputesDb db, IOrgDirectory orgs, IDeadlineService deadlines) : IDisputeStatistics
{
    /// <summary>Case types whose results count towards the mediation success rate.</summary>
    public static readonly string[] MediationTypes = [CaseTypes.PeoplesMediation, CaseTypes.LawyerMediation, CaseTypes.AdministrativeMediation];

    /// <summary>
    /// Whole years inside the period are read from the roll-up's year rows, other whole months from its month rows
    /// (<see cref="StatisticsRollupRow"/>); the partial months at either end, if any, are counted live from the cases
    /// (covering indexes). Before the first roll-up build everything is computed live.
    /// </summary>
    public async Task<DisputeStatisticsReport> GetAsync(DisputeStatisticsQuery query, CancellationToken ct)
    {
        CheckRange(query);
        var units = await UnitFilterAsync(query.OrgUnitCode, ct);
        var built = await db.Set<StatisticsRollupState>().AsNoTracking().AnyAsync(ct);
        var rows = built ? await MixedCubeAsync(query.From, query.To, units, ct) : await LiveCubeAsync(query.From, query.To, units, ct);
        return await ReportAsync(query, rows, ct);
    }

    /// <summary>The report computed from the cases only (no roll-up): the reference the roll-up must equal.</summary>
    public async Task<DisputeStatisticsReport> GetLiveAsync(DisputeStatisticsQuery query, CancellationToken ct) =>
        await ReportAsync(CheckRange(query), await LiveCubeAsync(query.From, query.To, await UnitFilterAsync(query.OrgUnitCode, ct), ct), ct);

    /// <summary>The period's ends are plausible dates and the end is not before the start (400 naming <c>from</c>/<c>to</c>).</summary>
    public static DisputeStatisticsQuery CheckRange(DisputeStatisticsQuery query)
    {
        var checks = new FieldChecks();
        DateRules.CheckRange(checks, "from", query.From, "to", query.To);
        checks.ThrowIfAny();
        return query;
    }

    /// <summary>
    /// The unit's whole subtree, deactivated units included: a county's figures for a past year still count the cases of a town
    /// deactivated since. An unknown code matches no unit (empty figures), not every unit.
    /// </summary>
    private async Task<List<Guid>?> UnitFilterAsync(string? orgUnitCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(orgUnitCode))
        {
            return null;
        }
        return await orgs.FindByCodeAsync(orgUnitCode.Trim(), ct) is { } unit ? [.. await orgs.SubtreeIdsAsync(unit.Id, ct)] : [];
    }

    private async Task<List<CubeRow>> MixedCubeAsync(DateOnly? from, DateOnly? to, List<Guid>? units, CancellationToken ct)
    {
        // Nothing is received, closed or ended after today: a period that reaches today is open at its end, and the current
        // month is then a whole month of the roll-up rather than a partial one counted live.
        var today = deadlines.Today;
        if (to is { } reaches && reaches >= today)
        {
            to = null;
        }
        // Whole months covered by [from, to]: firstFull .. lastFull (month starts; null = unbounded); the rest is at most two
        // partial months, counted live. Within the whole months, whole years fy .. ly are read from the year rows.
        var firstFull = from is not { } f ? (DateOnly?)null : f.Day == 1 ? f : StatisticsRollupRow.MonthOf(f).AddMonths(1);
        var lastFull = to is not { } t ? (DateOnly?)null : t.AddDays(1).Day == 1 ? StatisticsRollupRow.MonthOf(t) : StatisticsRollupRow.MonthOf(t).AddMonths(-1);
        if (firstFull is { } a && lastFull is { } b && a > b)
        {
            return await PartOfMonthAsync(from!.Value, to!.Value, units, today, ct);
        }
        var fy = firstFull is not { } ff ? (DateOnly?)null : ff.Month == 1 ? ff : new DateOnly(ff.Year + 1, 1, 1);
        var ly = lastFull is not { } lf ? (DateOnly?)null : lf.Month == 12 ? new DateOnly(lf.Year, 1, 1) : new DateOnly(lf.Year - 1, 1, 1);
        var rows = new List<CubeRow>();
        if (fy is { } y1 && ly is { } y2 && y1 > y2)
        {
            rows.AddRange(await RollupAsync(MonthKinds, firstFull, lastFull, units, ct));
        }
        else
        {
            rows.AddRange((await RollupAsync(YearKinds, fy, ly, units, ct)).Select(r => r with { Kind = r.Kind - (int)RollupKind.YearOffset }));
            if (firstFull is { } m1 && fy is { } y && m1 < y)
            {
                rows.AddRange(await RollupAsync(MonthKinds, m1, y.AddMonths(-1), units, ct));
            }
            if (lastFull is { } m2 && ly is { } yl && m2 >= yl.AddYears(1))
            {
                rows.AddRange(await RollupAsync(MonthKinds, yl.AddYears(1), m2, units, ct));
            }
        }
        // The month breakdown of every whole month, whatever grain the other figures came from.
        rows.AddRange(await RollupAsync([RollupKind.ReceivedMonth], firstFull, lastFull, units, ct));
        if (from is { } start && firstFull is { } full && start < full)
        {
            rows.AddRange(await PartOfMonthAsync(start, full.AddDays(-1), units, today, ct));
        }
        if (to is { } end && lastFull is { } last && end >= last.AddMonths(1))
        {
            rows.AddRange(await PartOfMonthAsync(last.AddMonths(1), end, units, today, ct));
        }
        return rows;
    }

    /// <summary>
    /// The days [lo, hi] of one month: counted live, or, when the days left out are fewer, as the month's roll-up rows less
    /// the days left out counted live (a period from the 10th counts 9 days, not 21). Days after today hold nothing.
    /// </summary>
    private async Task<List<CubeRow>> PartOfMonthAsync(DateOnly lo, DateOnly hi, List<Guid>? units, DateOnly today, CancellationToken ct)
    {
        var month = StatisticsRollupRow.MonthOf(lo);
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var dataEnd = monthEnd < today ? monthEnd : today;
        var inside = (hi < dataEnd ? hi : dataEnd).DayNumber - lo.DayNumber + 1;
        var outside = lo.DayNumber - month.DayNumber + Math.Max(0, dataEnd.DayNumber - hi.DayNumber);
        if (inside <= outside)
        {
            return await LiveCubeAsync(lo, hi, units, ct);
        }
        var rows = await RollupAsync([.. MonthKinds, RollupKind.ReceivedMonth], month, month, units, ct);
        if (lo > month)
        {
            rows.AddRange(Negated(await LiveCubeAsync(month, lo.AddDays(-1), units, ct)));
        }
        if (hi < dataEnd)
        {
            rows.AddRange(Negated(await LiveCubeAsync(hi.AddDays(1), monthEnd, units, ct)));
        }
        return rows;
    }

    private static IEnumerable<CubeRow> Negated(List<CubeRow> rows) => rows.Select(r => r with { Count = -r.Count, DurationDays = -r.DurationDays });

    private static readonly RollupKind[] MonthKinds =
        [RollupKind.ReceivedByType, RollupKind.ReceivedByChannel, RollupKind.ReceivedByStatus, RollupKind.ClosureByResult, RollupKind.ClosureByRating, RollupKind.StageEnd];

    private static readonly RollupKind[] YearKinds = [.. MonthKinds.Select(k => k + (int)RollupKind.YearOffset)];

    /// <summary>The roll-up's buckets of these kinds with <c>Month</c> in [lo, hi] (null: unbounded), summed over whole rows and delta rows.</summary>
    private async Task<List<CubeRow>> RollupAsync(RollupKind[] kinds, DateOnly? lo, DateOnly? hi, List<Guid>? units, CancellationToken ct)
    {
        var rollup = db.Set<StatisticsRollupRow>().AsNoTracking().Where(r => kinds.Contains(r.Kind));
        if (lo is { } l)
        {
            rollup = rollup.Where(r => r.Month >= l);
        }
        if (hi is { } h)
        {
            rollup = rollup.Where(r => r.Month <= h);
        }
        if (units is not null)
        {
            rollup = rollup.Where(r => units.Contains(r.OrgUnitId));
        }
        return (await rollup.GroupBy(r => new { r.Kind, r.Month, r.OrgUnitId, r.CaseTypeCode, r.Channel, r.Status, r.ResultKind, r.Rating, r.OnTime })
            .Select(g => new { g.Key, Count = g.Sum(r => r.Count), Duration = g.Sum(r => r.DurationDays) })
            .ToListAsync(ct))
            .Select(x => new CubeRow(x.Key.Kind, x.Key.Month, x.Key.OrgUnitId, x.Key.CaseTypeCode, x.Key.Channel, x.Key.Status, x.Key.ResultKind, x.Key.Rating, x.Key.OnTime, x.Count, x.Duration))
            .ToList();
    }

    /// <summary>
    /// The buckets computed from the cases themselves: three GROUP BYs (cases by day received, closings by day closed, ended
    /// stages by day ended), folded into months here — portable across both engines, which group dates differently.
    /// </summary>
    public async Task<List<CubeRow>> LiveCubeAsync(DateOnly? from, DateOnly? to, List<Guid>? units, CancellationToken ct)
    {
        var cases = db.Cases.AsNoTracking().Where(c => c.MergedIntoCaseId == null);
        var closures = db.Set<FollowUpTask>().AsNoTracking();
        var stages = db.Stages.AsNoTracking().Where(s => s.EndedOn != null && s.OnTime != null);
        if (from is { } lo)
        {
            cases = cases.Where(c => c.ReceivedOn >= lo);
            closures = closures.Where(f => f.ClosedOn >= lo);
            stages = stages.Where(s => s.EndedOn >= lo);
        }
        if (to is { } hi)
        {
            cases = cases.Where(c => c.ReceivedOn <= hi);
            closures = closures.Where(f => f.ClosedOn <= hi);
            stages = stages.Where(s => s.EndedOn <= hi);
        }
        if (units is not null)
        {
            cases = cases.Where(c => units.Contains(c.OrgUnitId));
            closures = closures.Where(f => units.Contains(f.OrgUnitId));
            stages = stages.Where(s => units.Contains(s.OrgUnitId));
        }
        var received = await cases.GroupBy(c => new { c.ReceivedOn, c.OrgUnitId, c.CaseTypeCode, c.Channel, c.Status })
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var closed = await closures.GroupBy(f => new { f.ClosedOn, f.OrgUnitId, f.CaseTypeCode, f.ResultKind, f.Rating })
            .Select(g => new { g.Key, Count = g.Count(), Duration = g.Sum(f => (long)f.DurationDays) }).ToListAsync(ct);
        var ended = await stages.GroupBy(s => new { s.EndedOn, s.OrgUnitId, s.OnTime })
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var rows = new List<CubeRow>();
        rows.AddRange(received.GroupBy(x => new { Month = StatisticsRollupRow.MonthOf(x.Key.ReceivedOn), x.Key.OrgUnitId, x.Key.CaseTypeCode, x.Key.Channel, x.Key.Status })
            .Select(g => new CubeRow(RollupKind.Received, g.Key.Month, g.Key.OrgUnitId, g.Key.CaseTypeCode, g.Key.Channel, g.Key.Status, null, null, null, g.Sum(x => x.Count), 0)));
        rows.AddRange(closed.GroupBy(x => new { Month = StatisticsRollupRow.MonthOf(x.Key.ClosedOn), x.Key.OrgUnitId, x.Key.CaseTypeCode, x.Key.ResultKind, x.Key.Rating })
            .Select(g => new CubeRow(RollupKind.Closure, g.Key.Month, g.Key.OrgUnitId, g.Key.CaseTypeCode, null, null, g.Key.ResultKind, g.Key.Rating, null, g.Sum(x => x.Count), g.Sum(x => x.Duration))));
        rows.AddRange(ended.GroupBy(x => new { Month = StatisticsRollupRow.MonthOf(x.Key.EndedOn!.Value), x.Key.OrgUnitId, x.Key.OnTime })
            .Select(g => new CubeRow(RollupKind.StageEnd, g.Key.Month, g.Key.OrgUnitId, null, null, null, null, null, g.Key.OnTime, g.Sum(x => x.Count), 0)));
        return StatisticsRollupRow.Combine(rows.SelectMany(StatisticsRollupRow.Marginals));
    }

    private async Task<DisputeStatisticsReport> ReportAsync(DisputeStatisticsQuery query, List<CubeRow> rows, CancellationToken ct)
    {
        List<CubeRow> Of(RollupKind kind) => rows.Where(r => r.Kind == kind).ToList();
        var byType = Fold(Of(RollupKind.ReceivedByType), x => x.CaseTypeCode!);
        var byChannel = Fold(Of(RollupKind.ReceivedByChannel), x => x.Channel!.Value);
        var byStatusRows = Of(RollupKind.ReceivedByStatus);
        var byUnit = Fold(byStatusRows, x => x.OrgUnitId);
        var byStatus = Fold(byStatusRows, x => x.Status!.Value);
        var byMonth = Fold(Of(RollupKind.ReceivedMonth), x => x.Month);
        var closures = Of(RollupKind.ClosureByResult);
        var byResult = Fold(closures, x => x.ResultKind ?? "");
        var closed = closures.Sum(r => r.Count);
        var duration = closures.Sum(r => r.DurationDays);

        var settings = await db.FrontDeskSettingsAsync(ct);
        var success = settings.SuccessResults().ToHashSet(StringComparer.Ordinal);
        var mediation = closures.Where(f => MediationTypes.Contains(f.CaseTypeCode) && f.ResultKind != null).ToList();
        var mediationTotal = mediation.Sum(f => f.Count);
        var mediationSuccess = mediation.Where(f => success.Contains(f.ResultKind!)).Sum(f => f.Count);
        var ratings = Of(RollupKind.ClosureByRating);
        var rated = ratings.Sum(r => r.Count);
        var satisfied = ratings.Where(r => r.Rating is Satisfaction.Satisfied or Satisfaction.Basic).Sum(r => r.Count);
        var stageEnds = rows.Where(r => r.Kind == RollupKind.StageEnd).ToList();
        var stagesKnown = stageEnds.Sum(r => r.Count);
        var stagesOnTime = stageEnds.Where(r => r.OnTime == true).Sum(r => r.Count);

        var unitIds = byUnit.Select(u => u.Key).ToList();
        var names = await orgs.FindManyAsync(unitIds, ct);

        return new DisputeStatisticsReport(
            query,
            byStatus.Sum(s => s.Count),
            byType.OrderByDescending(t => t.Count).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => new DisputeCount(t.Key, Labels.CaseTypeName(t.Key), t.Count)).ToList(),
            byChannel.OrderBy(c => c.Key).Select(c => new DisputeCount(c.Key.ToString(), Labels.Channel(c.Key), c.Count)).ToList(),
            byUnit.OrderByDescending(u => u.Count).ThenBy(u => u.Key).Select(u => names.TryGetValue(u.Key, out var n) ? new DisputeCount(n.Code, n.Name, u.Count) : new DisputeCount(u.Key.ToString(), u.Key.ToString(), u.Count)).ToList(),
            byMonth.OrderBy(m => m.Key).Select(m => (Label: m.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Count)).Select(m => new DisputeCount(m.Label, m.Label, m.Count)).ToList(),
            byStatus.OrderBy(s => s.Key).Select(s => new DisputeCount(s.Key.ToString(), Labels.Status(s.Key), s.Count)).ToList(),
            byResult.OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new DisputeCount(r.Key, r.Key == "" ? "未注明" : r.Key, r.Count)).ToList(),
            closed,
            mediationTotal == 0 ? null : Math.Round((decimal)mediationSuccess / mediationTotal, 4),
            closed == 0 ? null : Math.Round((decimal)duration / closed, 1),
            rated,
            rated == 0 ? null : Math.Round((decimal)satisfied / rated, 4),
            // Stages carry their due date and on-time flag from the moment they end (HandlingClock.StampEnded).
            stagesKnown == 0 ? null : Math.Round((decimal)stagesOnTime / stagesKnown, 4));
    }

    /// <summary>Sums the buckets by one dimension; groups whose signed deltas cancel out to zero are left out.</summary>
    private static List<(TKey Key, int Count)> Fold<TKey>(List<CubeRow> rows, Func<CubeRow, TKey> key)
        where TKey : notnull =>
        rows.GroupBy(key).Select(g => (g.Key, Count: g.Sum(x => x.Count))).Where(x => x.Count != 0).ToList();

    /// <summary>The report as an .xlsx workbook: a summary sheet and one sheet per breakdown.</summary>
    public static byte[] ToXlsx(DisputeStatisticsReport r)
    {
        static string Rate(decimal? v) => v is { } x ? (x * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
        var period = $"{r.Query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "不限"} 至 {r.Query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "不限"}";
        var summary = new XlsxSheet("概览", [new XlsxColumn("指标", 24), new XlsxColumn("数值", 20)],
        [
            ["统计期间", period],
            ["单位", r.Query.OrgUnitCode ?? "本人数据范围"],
            ["受理案件数", r.Total],
            ["办结案件数", r.Closed],
            ["调解成功率", Rate(r.MediationSuccessRate)],
            ["平均办理天数", r.AverageDurationDays?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—"],
            ["回访评价数", r.Rated],
            ["满意率（含基本满意）", Rate(r.SatisfactionRate)],
            ["按期办结率", Rate(r.OnTimeRate)],
        ]);
        XlsxSheet Sheet(string name, string header, IReadOnlyList<DisputeCount> rows) =>
            new(name, [new XlsxColumn(header, 28), new XlsxColumn("件数", 12)], rows.Select(x => (IReadOnlyList<object?>)[x.Label, x.Count]));
        return XlsxWriter.Write(summary, Sheet("按类型", "案件类型", r.ByType), Sheet("按渠道", "受理渠道", r.ByChannel), Sheet("按单位", "办理单位", r.ByUnit),
            Sheet("按月份", "月份", r.ByMonth), Sheet("按状态", "状态", r.ByStatus), Sheet("按结果", "办理结果", r.ByResult));
    }
}
