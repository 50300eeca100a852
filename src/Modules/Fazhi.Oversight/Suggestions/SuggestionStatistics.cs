using Fazhi.Oversight.Data;
using Fazhi.Oversight.Litigation;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Suggestions;

internal sealed record SuggestionReport(int Year, RateRow Replied, RateRow OnTime, IReadOnlyList<RateRow> RepliedByAgency, IReadOnlyList<RateRow> OnTimeByAgency,
    IReadOnlyList<RateRow> OnTimeByKind);

/// <summary>
/// 司法建议、检察建议办复率 and 按期办复率, from the records in the caller's scope, each with the records behind it.
/// <list type="bullet">
/// <item>办复率: suggestions received in the year that have a written reply ÷ suggestions received in the year.</item>
/// <item>按期办复率 (domain.md §5: replied in time ÷ received): of the suggestions received in the year whose reply is recorded
/// or whose deadline has passed, those replied by their deadline ÷ those. A suggestion not yet due and not yet answered is
/// neither on time nor late, and is left out until it is.</item>
/// </list>
/// </summary>
internal sealed class SuggestionStatistics(OversightDb db, IOrgDirectory orgs, Fazhi.Platform.Features.Calendar.IDeadlineService deadlines)
{
    public const string RepliedMetric = "suggestion-replied";
    public const string OnTimeMetric = "suggestion-on-time";

    public const string RepliedTitle = "司法建议、检察建议办复率";
    public const string RepliedDefinition = "统计年度内收到的司法建议、检察建议中，被建议单位已书面答复的件数 ÷ 收到的件数。";

    public const string OnTimeTitle = "司法建议、检察建议按期办复率";
    public const string OnTimeDefinition =
        "统计年度内收到、已答复或答复期限已届满的司法建议、检察建议中，在答复期限内（含当日）书面答复的件数 ÷ 该类建议件数。答复期限为建议书载明的期限；未载明的，自收到之日起两个月，紧急检察建议十五日（综合治理类司法建议规定第八条、检察公益诉讼解释第二十一条）。尚未到期且未答复的不计入。";

    public async Task<SuggestionReport> ReportAsync(int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var today = deadlines.Today;
        var rows = await db.Suggestions.AsNoTracking().Where(s => s.ReceivedOn >= from && s.ReceivedOn <= to)
            .GroupBy(s => new { s.OrgUnitId, s.Kind })
            .Select(g => new
            {
                g.Key.OrgUnitId, g.Key.Kind, Received = g.Count(), Replied = g.Count(s => s.RepliedOn != null),
                Due = g.Count(s => s.RepliedOn != null || s.ReplyDueOn < today), OnTime = g.Count(s => s.RepliedOn != null && s.RepliedOn <= s.ReplyDueOn),
            }).ToListAsync(ct);
        var names = await orgs.NamesAsync(rows.Select(r => r.OrgUnitId).Distinct(), ct);
        string Name(Guid id) => names.GetValueOrDefault(id, "");
        return new SuggestionReport(year,
            new RateRow("all", "合计", rows.Sum(r => r.Replied), rows.Sum(r => r.Received)),
            new RateRow("all", "合计", rows.Sum(r => r.OnTime), rows.Sum(r => r.Due)),
            rows.GroupBy(r => r.OrgUnitId).Select(g => new RateRow($"unit:{g.Key}", Name(g.Key), g.Sum(x => x.Replied), g.Sum(x => x.Received)))
                .OrderBy(r => r.Name, StringComparer.Ordinal).ToList(),
            rows.GroupBy(r => r.OrgUnitId).Select(g => new RateRow($"unit:{g.Key}", Name(g.Key), g.Sum(x => x.OnTime), g.Sum(x => x.Due)))
                .OrderBy(r => r.Name, StringComparer.Ordinal).ToList(),
            rows.GroupBy(r => r.Kind).Select(g => new RateRow($"kind:{g.Key}", SuggestionService.KindName(g.Key), g.Sum(x => x.OnTime), g.Sum(x => x.Due)))
                .OrderBy(r => r.Group, StringComparer.Ordinal).ToList());
    }

    /// <summary>The suggestions behind one figure, those against it first.</summary>
    public async Task<RateRecords> RecordsAsync(string metric, int year, string? group, int page, int pageSize, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var today = deadlines.Today;
        var onTime = metric == OnTimeMetric;
        if (!onTime && metric != RepliedMetric)
        {
            throw Refuse.Field("metric", "统计项只能是 suggestion-replied（办复率）或 suggestion-on-time（按期办复率）。");
        }
        var q = db.Suggestions.AsNoTracking().Where(s => s.ReceivedOn >= from && s.ReceivedOn <= to);
        if (onTime)
        {
            q = q.Where(s => s.RepliedOn != null || s.ReplyDueOn < today);
        }
        string groupName;
        var parts = (group ?? "all").Split(':', 2);
        if (group is null or "all")
        {
            groupName = "合计";
        }
        else if (parts.Length == 2 && parts[0] == "unit" && Guid.TryParse(parts[1], out var unitId))
        {
            q = q.Where(s => s.OrgUnitId == unitId);
            groupName = (await orgs.FindAsync(unitId, ct))?.Name ?? "";
        }
        else if (parts.Length == 2 && parts[0] == "kind" && Enum.TryParse<SuggestionKind>(parts[1], out var kind) && Enum.IsDefined(kind))
        {
            q = q.Where(s => s.Kind == kind);
            groupName = SuggestionService.KindName(kind);
        }
        else
        {
            throw Refuse.Field("group", "分组只能是 all、unit:{单位ID} 或 kind:{Judicial|Procuratorial}。");
        }
        var total = await q.CountAsync(ct);
        var counted = onTime
            ? await q.CountAsync(s => s.RepliedOn != null && s.RepliedOn <= s.ReplyDueOn, ct)
            : await q.CountAsync(s => s.RepliedOn != null, ct);
        var size = Math.Clamp(pageSize, 1, 200);
        var p = Math.Max(1, page);
        var ordered = onTime
            ? q.OrderBy(s => s.RepliedOn != null && s.RepliedOn <= s.ReplyDueOn).ThenBy(s => s.ReplyDueOn).ThenBy(s => s.Id)
            : q.OrderBy(s => s.RepliedOn != null).ThenBy(s => s.ReplyDueOn).ThenBy(s => s.Id);
        var items = await RatePaging.PageAsync(ordered, db.Suggestions.AsNoTracking(), s => s.Id, p, size, ct);
        var names = await orgs.NamesAsync(items.Select(s => s.OrgUnitId).Distinct(), ct);
        var records = items.Select(s =>
        {
            var isCounted = onTime ? s.RepliedOn is { } r && r <= s.ReplyDueOn : s.RepliedOn is not null;
            var detail = s.RepliedOn is { } replied
                ? $"{SuggestionService.KindName(s.Kind)}，{replied:yyyy-MM-dd} 答复，期限 {s.ReplyDueOn:yyyy-MM-dd}（{s.DueBasis}）" + (replied > s.ReplyDueOn ? "，逾期" : "")
                : $"{SuggestionService.KindName(s.Kind)}，期限 {s.ReplyDueOn:yyyy-MM-dd}（{s.DueBasis}），" + (s.ReplyDueOn < today ? "已逾期未答复" : "尚未答复");
            return new RateRecord(s.Id, s.DocumentNumber, s.Issuer, names.GetValueOrDefault(s.OrgUnitId, ""), s.ReceivedOn, isCounted, detail, $"/oversight/suggestions/{s.Id}");
        }).ToList();
        return new RateRecords(metric, onTime ? OnTimeTitle : RepliedTitle, onTime ? OnTimeDefinition : RepliedDefinition, year, groupName, counted, total,
            new Paged<RateRecord>(records, total, p, size));
    }
}
