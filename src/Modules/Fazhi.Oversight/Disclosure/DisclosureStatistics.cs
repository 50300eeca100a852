using Fazhi.Oversight.Data;
using Fazhi.Oversight.Litigation;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Disclosure;

internal sealed record DisclosureReport(int Year, RateRow OnTime, IReadOnlyList<RateRow> OnTimeByAgency, IReadOnlyList<RateRow> ByReplyKind);

/// <summary>
/// 依申请公开按期答复率, from the requests in the caller's scope, with the records behind it. Of the requests received in the
/// year that were answered, or whose due date has passed unanswered, those answered by their due date ÷ those. A request
/// not yet due, standing for a correction, or abandoned is neither on time nor late and is left out.
/// </summary>
internal sealed class DisclosureStatistics(OversightDb db, IOrgDirectory orgs, IDeadlineService deadlines, ICurrentUser current)
{
    public const string OnTimeMetric = "disclosure-on-time";

    public const string OnTimeTitle = "依申请公开按期答复率";

    public const string OnTimeDefinition =
        "统计年度内收到、已答复或答复期限已届满的政府信息公开申请中，在答复期限内（含当日）答复的件数 ÷ 该类申请件数。答复期限为收到申请之日起 20 个工作日，经批准延长的加计延长期限（最长 20 个工作日，《政府信息公开条例》第三十三条）；告知补正的，自收到补正申请之日起重新计算（第三十条）。尚未到期、待补正和视为放弃的不计入。";

    public async Task<DisclosureReport> ReportAsync(int year, CancellationToken ct)
    {
        var today = deadlines.Today;
        var counted = Counted(InYear(year), today);
        // Two narrow statements instead of one GROUP BY (unit, reply kind): SQLite has no hash aggregate, and sorting the
        // year's 50,000 entries on the 36-character unit id was most of the request's CPU (ADR 0058). Grouped by unit alone
        // over the unit index, the rows arrive in unit order (one seek per unit in scope); grouped by kind over the kind
        // index, in kind order (one seek per kind). The kinds are every reply kind, so the second statement counts the same
        // records as "counted with a reply kind" did (ADR 0060).
        var units = await counted.GroupBy(r => r.OrgUnitId)
            .Select(g => new { OrgUnitId = g.Key, Due = g.Count(), OnTime = g.Count(r => r.RepliedOn != null && r.RepliedOn <= r.DueOn) })
            .ToListAsync(ct);
        // A non-nullable list tested on the non-null value (ADR 0066): with a nullable list EF adds a null-semantics term.
        var kinds = Enum.GetValues<DisclosureReplyKind>();
        var byKind = await counted.Where(r => r.ReplyKind != null && kinds.Contains(r.ReplyKind.Value))
            .GroupBy(r => r.ReplyKind)
            .Select(g => new { Kind = g.Key, Due = g.Count(), OnTime = g.Count(r => r.RepliedOn != null && r.RepliedOn <= r.DueOn) })
            .ToListAsync(ct);
        var names = await orgs.NamesAsync(units.Select(r => r.OrgUnitId), ct);
        return new DisclosureReport(year,
            new RateRow("all", "合计", units.Sum(r => r.OnTime), units.Sum(r => r.Due)),
            units.Select(r => new RateRow($"unit:{r.OrgUnitId}", names.GetValueOrDefault(r.OrgUnitId, ""), r.OnTime, r.Due))
                .OrderBy(r => r.Name, StringComparer.Ordinal).ToList(),
            byKind.Where(r => r.Kind != null)
                .Select(r => new RateRow($"kind:{r.Kind!.Value}", DisclosureRules.ReplyKindName(r.Kind.Value), r.OnTime, r.Due))
                .OrderBy(r => r.Group, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The requests received in the year, in the caller's scope. The scope's query filter reaches SQL as
    /// "(@unrestricted OR OrgUnitId IN (...))", on which the planner cannot seek; as a plain term, the rate's unit index is
    /// read one unit at a time (ADR 0060). The scope is sent once (ADR 0066): the plain term replaces the query filter
    /// (the entity's only one, the data scope) rather than repeating it, and an unrestricted caller gets no term at all.
    /// </summary>
    private IQueryable<DisclosureRequest> InYear(int year)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var scope = current.Scope;
        var q = db.DisclosureRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to);
        if (scope.Unrestricted)
        {
            return q;
        }
        var units = scope.UnitIds;
        return q.Where(r => units.Contains(r.OrgUnitId));
    }

    /// <summary>
    /// The requests that count in the rate: answered, or open and past their due date. "Answered" is read as having a reply
    /// date (the reply sets both at once and nothing clears them: <see cref="DisclosureService"/>), so that SQLite's planner,
    /// which has no statistics, does not turn a status OR into two seeks of the reminders' (Status, DueOn) index and a table
    /// row each, but reads the year's range of the rate's covering index (ADR 0045).
    /// </summary>
    internal static IQueryable<DisclosureRequest> Counted(IQueryable<DisclosureRequest> q, DateOnly today) =>
        q.Where(r => r.RepliedOn != null || (r.Status == DisclosureStatus.Open && r.DueOn < today));

    /// <summary>The requests behind one figure, those against it (late or overdue) first.</summary>
    public async Task<RateRecords> RecordsAsync(string metric, int year, string? group, int page, int pageSize, CancellationToken ct)
    {
        if (metric != OnTimeMetric)
        {
            throw Refuse.Field("metric", "统计项只能是 disclosure-on-time（依申请公开按期答复率）。");
        }
        var today = deadlines.Today;
        var q = Counted(InYear(year), today);
        string groupName;
        var parts = (group ?? "all").Split(':', 2);
        if (group is null or "all")
        {
            groupName = "合计";
        }
        else if (parts.Length == 2 && parts[0] == "unit" && Guid.TryParse(parts[1], out var unitId))
        {
            q = q.Where(r => r.OrgUnitId == unitId);
            groupName = (await orgs.FindAsync(unitId, ct))?.Name ?? "";
        }
        else if (parts.Length == 2 && parts[0] == "kind" && Enum.TryParse<DisclosureReplyKind>(parts[1], out var kind) && Enum.IsDefined(kind))
        {
            q = q.Where(r => r.ReplyKind == kind);
            groupName = DisclosureRules.ReplyKindName(kind);
        }
        else
        {
            throw Refuse.Field("group", "分组只能是 all、unit:{单位ID} 或 kind:{答复类型}。");
        }
        // Both figures in one statement, one read of the year's entries instead of two (ADR 0060): per unit, which the unit
        // index yields without a sort (a constant grouping key would still be sorted by SQLite), summed here.
        var figures = await q.GroupBy(r => r.OrgUnitId)
            .Select(g => new { Total = g.Count(), OnTime = g.Count(r => r.RepliedOn != null && r.RepliedOn <= r.DueOn) })
            .ToListAsync(ct);
        var (total, counted) = (figures.Sum(f => f.Total), figures.Sum(f => f.OnTime));
        var size = Math.Clamp(pageSize, 1, 200);
        var p = Math.Max(1, page);
        var items = await RatePaging.PageAsync(q.OrderBy(r => r.RepliedOn != null && r.RepliedOn <= r.DueOn).ThenBy(r => r.DueOn).ThenBy(r => r.Id),
            db.DisclosureRequests.AsNoTracking(), r => r.Id, p, size, ct);
        var names = await orgs.NamesAsync(items.Select(r => r.OrgUnitId).Distinct(), ct);
        var records = items.Select(r =>
        {
            var onTime = r.RepliedOn is { } d && d <= r.DueOn;
            var clock = $"期限 {r.DueOn:yyyy-MM-dd}" + (r.ExtensionDays > 0 ? $"（已延长 {r.ExtensionDays} 个工作日）" : "") + (r.CorrectedOn is { } c ? $"（{c:yyyy-MM-dd} 补正后重新计算）" : "");
            var detail = r.RepliedOn is { } replied
                ? $"{replied:yyyy-MM-dd} 答复（{(r.ReplyKind is { } k ? DisclosureRules.ReplyKindName(k) : "")}），{clock}" + (replied > r.DueOn ? "，逾期" : "")
                : $"{clock}，已逾期未答复";
            return new RateRecord(r.Id, r.Number, r.ApplicantName, names.GetValueOrDefault(r.OrgUnitId, ""), r.ReceivedOn, onTime, detail, $"/oversight/disclosures/{r.Id}");
        }).ToList();
        return new RateRecords(metric, OnTimeTitle, OnTimeDefinition, year, groupName, counted, total, new Paged<RateRecord>(records, total, p, size));
    }
}
