using System.Globalization;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Contracts;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.FollowUp;
using Fazhi.Disputes.FrontDesk;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Disputes.Statistics;

/// <summary>
/// The centre's statistics (<see cref="IDisputeStatistics"/>, also read by the city dashboard). Every figure is one aggregate
/// query (GROUP BY / COUNT / AVG) in the database, within the caller's data scope; nothing loads cases into memory.
/// Counts are by day received; results, duration and satisfaction come from the follow-up records made at closing.
/// </summary>
/// <summary>Indexes the statistics scan: by day received (periods, months), and the dimensions grouped on (index-only scans on PostgreSQL).</summary>
internal sealed class DisputeCaseStatisticsIndexes : IEntityTypeConfiguration<DisputeCase>
{
    public void Configure(EntityTypeBuilder<DisputeCase> b)
    {
        b.HasIndex(x => x.ReceivedOn);
        b.HasIndex(x => new { x.CaseTypeCode, x.Channel, x.Status, x.OrgUnitId, x.MergedIntoCaseId });
    }
}

internal sealed class DisputeStatistics(DisputesDb db, PlatformDb platform) : IDisputeStatistics
{
    /// <summary>Case types whose results count towards the mediation success rate.</summary>
    public static readonly string[] MediationTypes = [CaseTypes.PeoplesMediation, CaseTypes.LawyerMediation, CaseTypes.AdministrativeMediation];

    public async Task<DisputeStatisticsReport> GetAsync(DisputeStatisticsQuery query, CancellationToken ct)
    {
        var cases = db.Cases.AsNoTracking().Where(c => c.MergedIntoCaseId == null);
        var closures = db.Set<FollowUpTask>().AsNoTracking();
        if (query.From is { } from)
        {
            cases = cases.Where(c => c.ReceivedOn >= from);
            closures = closures.Where(f => f.ClosedOn >= from);
        }
        if (query.To is { } to)
        {
            cases = cases.Where(c => c.ReceivedOn <= to);
            closures = closures.Where(f => f.ClosedOn <= to);
        }
        if (!string.IsNullOrWhiteSpace(query.OrgUnitCode))
        {
            var marker = "/" + query.OrgUnitCode.Trim() + "/";
            var units = await platform.OrgUnits.AsNoTracking().Where(o => o.Path.Contains(marker)).Select(o => o.Id).ToListAsync(ct);
            cases = cases.Where(c => units.Contains(c.OrgUnitId));
            closures = closures.Where(f => units.Contains(f.OrgUnitId));
        }

        // Two scans of the cases: one GROUP BY over the low-cardinality dimensions (at most types x channels x statuses x units
        // rows), folded into the four breakdowns here; one by day received (at most 366 rows a year), folded into months —
        // portable across both engines, which group dates differently.
        var cube = await cases.GroupBy(c => new { c.CaseTypeCode, c.Channel, c.Status, c.OrgUnitId })
            .Select(g => new { g.Key.CaseTypeCode, g.Key.Channel, g.Key.Status, g.Key.OrgUnitId, Count = g.Count() }).ToListAsync(ct);
        var byType = cube.GroupBy(x => x.CaseTypeCode).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var byChannel = cube.GroupBy(x => x.Channel).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var byUnit = cube.GroupBy(x => x.OrgUnitId).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var byStatus = cube.GroupBy(x => x.Status).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var byDay = await cases.GroupBy(c => c.ReceivedOn).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byResult = await closures.GroupBy(f => f.ResultKind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var closed = byResult.Sum(r => r.Count);

        var settings = await db.FrontDeskSettingsAsync(ct);
        var success = settings.SuccessResults().ToArray();
        var mediation = closures.Where(f => MediationTypes.Contains(f.CaseTypeCode) && f.ResultKind != null);
        var mediationTotal = await mediation.CountAsync(ct);
        var mediationSuccess = mediationTotal == 0 ? 0 : await mediation.CountAsync(f => success.Contains(f.ResultKind!), ct);
        var averageDuration = closed == 0 ? null : await closures.AverageAsync(f => (double?)f.DurationDays, ct);
        var ratings = await closures.Where(f => f.Rating != null).GroupBy(f => f.Rating).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var rated = ratings.Sum(r => r.Count);
        var satisfied = ratings.Where(r => r.Key is Satisfaction.Satisfied or Satisfaction.Basic).Sum(r => r.Count);

        var unitIds = byUnit.Select(u => u.Key).ToList();
        var names = await platform.OrgUnits.AsNoTracking().Where(o => unitIds.Contains(o.Id)).Select(o => new { o.Id, o.Code, o.Name }).ToDictionaryAsync(o => o.Id, ct);

        return new DisputeStatisticsReport(
            query,
            byStatus.Sum(s => s.Count),
            byType.OrderByDescending(t => t.Count).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => new DisputeCount(t.Key, Labels.CaseTypeName(t.Key), t.Count)).ToList(),
            byChannel.OrderBy(c => c.Key).Select(c => new DisputeCount(c.Key.ToString(), Labels.Channel(c.Key), c.Count)).ToList(),
            byUnit.OrderByDescending(u => u.Count).Select(u => names.TryGetValue(u.Key, out var n) ? new DisputeCount(n.Code, n.Name, u.Count) : new DisputeCount(u.Key.ToString(), u.Key.ToString(), u.Count)).ToList(),
            byDay.GroupBy(d => d.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new DisputeCount(g.Key, g.Key, g.Sum(x => x.Count))).ToList(),
            byStatus.OrderBy(s => s.Key).Select(s => new DisputeCount(s.Key.ToString(), Labels.Status(s.Key), s.Count)).ToList(),
            byResult.OrderByDescending(r => r.Count).Select(r => new DisputeCount(r.Key ?? "", r.Key ?? "未注明", r.Count)).ToList(),
            closed,
            mediationTotal == 0 ? null : Math.Round((decimal)mediationSuccess / mediationTotal, 4),
            averageDuration is { } avg ? Math.Round((decimal)avg, 1) : null,
            rated,
            rated == 0 ? null : Math.Round((decimal)satisfied / rated, 4),
            // Stage due dates are computed with the working-day calendar, not stored; an on-time rate needs them stored at
            // stage end (case handling) to stay an aggregate query. Until then: no figure rather than a wrong one.
            null);
    }

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
