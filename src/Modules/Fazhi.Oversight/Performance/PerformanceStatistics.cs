using Fazhi.Oversight.Data;
using Fazhi.Oversight.Litigation;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Performance;

internal sealed record PerformanceReport(int Year, RateRow OnTime, IReadOnlyList<RateRow> ByUnit, IReadOnlyList<RateRow> ByResult, int Decisions, int Unassigned,
    int Overdue, int Ordered);

/// <summary>
/// 行政复议决定履行率 (domain.md §5: performed in time ÷ decisions requiring performance), from the tasks in the caller's scope,
/// each figure with the tasks behind it: of the decisions made in the year that changed, revoked, confirmed illegal or
/// ordered performance and whose performance is reported or whose deadline has passed, those performed by their deadline.
/// </summary>
internal sealed class PerformanceStatistics(OversightDb db, IOrgDirectory orgs, Fazhi.Platform.Features.Calendar.IDeadlineService deadlines, PerformanceSync sync)
{
    public const string OnTimeMetric = "performance-on-time";

    public const string OnTimeTitle = "行政复议决定履行率";

    public const string OnTimeDefinition =
        "统计年度内作出的变更、撤销、确认违法、责令履行的行政复议决定（行政复议法第六十三条至第六十六条）中，已报告履行或履行期限已届满的决定为分母，被申请人在履行期限内（含当日）履行的件数为分子。履行期限为决定书载明的期限；未载明的，自决定之日起按期限设置的默认天数。经责令限期履行（第七十七条）后才履行的、报告被退回且尚未重新报告的，计为未按期履行；尚未到期且未履行的不计入。";

    /// <summary>The name of a result that leaves something to carry out (行政复议法 第六十三条至第六十六条), by its code.</summary>
    public static string ResultName(string code) => code switch { "change" => "变更", "revoke" => "撤销", "illegal" => "确认违法", "perform" => "责令履行", _ => code };

    public static bool IsDue(PerformanceTask t, DateOnly today) => t.PerformedOn is not null || t.DueOn < today;

    public static bool OnTime(PerformanceTask t) => t.PerformedOn is { } p && p <= t.DueOn;

    public async Task<PerformanceReport> ReportAsync(int year, CancellationToken ct)
    {
        await sync.SyncAsync(ct);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var today = deadlines.Today;
        var rows = await db.PerformanceTasks.AsNoTracking().Where(t => t.DecidedOn >= from && t.DecidedOn <= to)
            .GroupBy(t => new { t.OrgUnitId, t.ResultCode, Unassigned = t.Status == PerformanceStatus.Unassigned })
            .Select(g => new
            {
                g.Key.OrgUnitId, g.Key.ResultCode, g.Key.Unassigned, Decisions = g.Count(),
                Due = g.Count(t => t.PerformedOn != null || t.DueOn < today), OnTime = g.Count(t => t.PerformedOn != null && t.PerformedOn <= t.DueOn),
                Overdue = g.Count(t => (t.Status == PerformanceStatus.Pending || t.Status == PerformanceStatus.Unassigned) && (t.OrderedDueOn ?? t.DueOn) < today),
                Ordered = g.Count(t => t.OrderedOn != null),
            }).ToListAsync(ct);
        var names = await orgs.NamesAsync(rows.Select(r => r.OrgUnitId).Distinct(), ct);
        return new PerformanceReport(year,
            new RateRow("all", "合计", rows.Sum(r => r.OnTime), rows.Sum(r => r.Due)),
            rows.GroupBy(r => r.OrgUnitId).Select(g => new RateRow($"unit:{g.Key}",
                    names.GetValueOrDefault(g.Key, "") + (g.Any(x => x.Unassigned) ? "（含待指定单位的决定）" : ""), g.Sum(x => x.OnTime), g.Sum(x => x.Due)))
                .OrderBy(r => r.Name, StringComparer.Ordinal).ToList(),
            rows.GroupBy(r => r.ResultCode).Select(g => new RateRow($"result:{g.Key}", ResultName(g.Key), g.Sum(x => x.OnTime), g.Sum(x => x.Due)))
                .OrderBy(r => r.Group, StringComparer.Ordinal).ToList(),
            rows.Sum(r => r.Decisions), rows.Where(r => r.Unassigned).Sum(r => r.Decisions), rows.Sum(r => r.Overdue), rows.Sum(r => r.Ordered));
    }

    /// <summary>The tasks behind one figure, those against it first.</summary>
    public async Task<RateRecords> RecordsAsync(string metric, int year, string? group, int page, int pageSize, CancellationToken ct)
    {
        if (metric != OnTimeMetric)
        {
            throw Refuse.Field("metric", "统计项只能是 performance-on-time（行政复议决定履行率）。");
        }
        await sync.SyncAsync(ct);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var today = deadlines.Today;
        var q = db.PerformanceTasks.AsNoTracking().Where(t => t.DecidedOn >= from && t.DecidedOn <= to && (t.PerformedOn != null || t.DueOn < today));
        string groupName;
        var parts = (group ?? "all").Split(':', 2);
        if (group is null or "all")
        {
            groupName = "合计";
        }
        else if (parts.Length == 2 && parts[0] == "unit" && Guid.TryParse(parts[1], out var unitId))
        {
            q = q.Where(t => t.OrgUnitId == unitId);
            groupName = (await orgs.FindAsync(unitId, ct))?.Name ?? "";
        }
        else if (parts.Length == 2 && parts[0] == "result" && Disputes.Contracts.IReconsiderationDecisions.PerformanceResults.Contains(parts[1]))
        {
            var code = parts[1];
            q = q.Where(t => t.ResultCode == code);
            groupName = ResultName(code);
        }
        else
        {
            throw Refuse.Field("group", "分组只能是 all、unit:{单位ID} 或 result:{change|revoke|illegal|perform}。");
        }
        var total = await q.CountAsync(ct);
        var counted = await q.CountAsync(t => t.PerformedOn != null && t.PerformedOn <= t.DueOn, ct);
        var size = Math.Clamp(pageSize, 1, 200);
        var p = Math.Max(1, page);
        var items = await RatePaging.PageAsync(q.OrderBy(t => t.PerformedOn != null && t.PerformedOn <= t.DueOn).ThenBy(t => t.DueOn).ThenBy(t => t.Id),
            db.PerformanceTasks.AsNoTracking(), t => t.Id, p, size, ct);
        var names = await orgs.NamesAsync(items.Select(t => t.OrgUnitId).Distinct(), ct);
        var records = items.Select(t => new RateRecord(t.Id, t.CaseNumber, t.ResultName,
            t.Status == PerformanceStatus.Unassigned ? $"待指定（{t.Respondent}）" : names.GetValueOrDefault(t.OrgUnitId, ""), t.DecidedOn, OnTime(t), Detail(t, today),
            $"/oversight/performance/{t.Id}")).ToList();
        return new RateRecords(metric, OnTimeTitle, OnTimeDefinition, year, groupName, counted, total, new Paged<RateRecord>(records, total, p, size));
    }

    public static string Detail(PerformanceTask t, DateOnly today) =>
        (t.PerformedOn is { } performed
            ? $"{performed:yyyy-MM-dd} 履行，期限 {t.DueOn:yyyy-MM-dd}" + (performed > t.DueOn ? "，逾期" : "") + (t.Status == PerformanceStatus.Performed ? "，已确认" : "，待确认")
            : $"期限 {t.DueOn:yyyy-MM-dd}，" + (t.DueOn < today ? "已逾期未履行" : "尚未履行") + (t.ReturnReason is not null ? "（履行报告被退回）" : ""))
        + (t.OrderedOn is { } o ? $"；{o:yyyy-MM-dd} 责令限期履行至 {t.OrderedDueOn:yyyy-MM-dd}" : "");
}
