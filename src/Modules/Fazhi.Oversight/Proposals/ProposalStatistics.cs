using Fazhi.Oversight.Data;
using Fazhi.Oversight.Litigation;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Proposals;

internal sealed record ProposalReport(int Year, RateRow Replied, RateRow OnTime, RateRow Satisfaction, IReadOnlyList<RateRow> RepliedByUnit,
    IReadOnlyList<RateRow> OnTimeByUnit, IReadOnlyList<RateRow> SatisfactionByUnit, IReadOnlyList<RateRow> ByKind);

/// <summary>
/// 建议提案办结率, 按期办结率 and 满意度 (domain.md §5), from the items of the year in the caller's scope, by lead unit and by kind,
/// each with the items behind it. The year is the item's year (the session it was raised at); the unit is the current lead unit.
/// <list type="bullet">
/// <item>办结率 = items answered (a first reply recorded) ÷ items assigned.</item>
/// <item>按期办结率 = of the items answered or past their due date, those first answered by the due date (an extension granted
/// in time counts) ÷ those; items not yet due and not answered are left out.</item>
/// <item>满意度 = items whose latest evaluation is 满意 or 基本满意 ÷ items evaluated; an item reopened after 不满意 counts as
/// 不满意 until a new evaluation is entered.</item>
/// </list>
/// </summary>
internal sealed class ProposalStatistics(OversightDb db, IOrgDirectory orgs, IDeadlineService deadlines)
{
    public const string RepliedMetric = "proposal-replied";
    public const string OnTimeMetric = "proposal-on-time";
    public const string SatisfactionMetric = "proposal-satisfaction";

    public const string RepliedTitle = "建议提案办结率";
    public const string RepliedDefinition = "统计年度的人大代表建议、政协提案中，主办单位已书面答复的件数 ÷ 交办的件数。";

    public const string OnTimeTitle = "建议提案按期办结率";
    public const string OnTimeDefinition =
        "统计年度的建议提案中，已答复或答复期限已届满的，在答复期限内（含当日）首次答复的件数 ÷ 该类件数。答复期限为交办之日起三个月，经说明理由延期的以延长后的期限为准，最长六个月（《代表法》第五十一条；山东省代表建议办理条例第十九条）。尚未到期且未答复的不计入。";

    public const string SatisfactionTitle = "建议提案满意度";
    public const string SatisfactionDefinition =
        "统计年度的建议提案中，代表（委员）最近一次评价为满意或基本满意的件数 ÷ 已评价的件数。评价不满意、正在重新办理的按不满意计，直至再次评价。";

    public static bool IsSatisfied(ProposalEvaluation? e) => e is ProposalEvaluation.Satisfied or ProposalEvaluation.BasicallySatisfied;

    public async Task<ProposalReport> ReportAsync(int year, CancellationToken ct)
    {
        var today = deadlines.Today;
        var rows = await db.Proposals.AsNoTracking().Where(p => p.Year == year)
            .GroupBy(p => new { p.OrgUnitId, p.Kind })
            .Select(g => new
            {
                g.Key.OrgUnitId, g.Key.Kind, Assigned = g.Count(), Replied = g.Count(p => p.RepliedOn != null),
                Due = g.Count(p => p.RepliedOn != null || p.DueOn < today), OnTime = g.Count(p => p.RepliedOn != null && p.RepliedOn <= p.DueOn),
                Evaluated = g.Count(p => p.Evaluation != null),
                Satisfied = g.Count(p => p.Evaluation == ProposalEvaluation.Satisfied || p.Evaluation == ProposalEvaluation.BasicallySatisfied),
            }).ToListAsync(ct);
        var names = await orgs.NamesAsync(rows.Select(r => r.OrgUnitId).Distinct(), ct);
        string Name(Guid id) => names.GetValueOrDefault(id, "");
        var byUnit = rows.GroupBy(r => r.OrgUnitId).ToList();
        return new ProposalReport(year,
            new RateRow("all", "合计", rows.Sum(r => r.Replied), rows.Sum(r => r.Assigned)),
            new RateRow("all", "合计", rows.Sum(r => r.OnTime), rows.Sum(r => r.Due)),
            new RateRow("all", "合计", rows.Sum(r => r.Satisfied), rows.Sum(r => r.Evaluated)),
            byUnit.Select(g => new RateRow($"unit:{g.Key}", Name(g.Key), g.Sum(x => x.Replied), g.Sum(x => x.Assigned))).OrderBy(r => r.Name, StringComparer.Ordinal).ToList(),
            byUnit.Select(g => new RateRow($"unit:{g.Key}", Name(g.Key), g.Sum(x => x.OnTime), g.Sum(x => x.Due))).OrderBy(r => r.Name, StringComparer.Ordinal).ToList(),
            byUnit.Select(g => new RateRow($"unit:{g.Key}", Name(g.Key), g.Sum(x => x.Satisfied), g.Sum(x => x.Evaluated))).OrderBy(r => r.Name, StringComparer.Ordinal).ToList(),
            rows.GroupBy(r => r.Kind).Select(g => new RateRow($"kind:{g.Key}", ProposalService.KindName(g.Key), g.Sum(x => x.Replied), g.Sum(x => x.Assigned)))
                .OrderBy(r => r.Group, StringComparer.Ordinal).ToList());
    }

    /// <summary>The items behind one figure, those against it first; unknown metrics or groups are refused naming the parameter.</summary>
    public async Task<RateRecords> RecordsAsync(string metric, int year, string? group, int page, int pageSize, CancellationToken ct)
    {
        var today = deadlines.Today;
        var q = db.Proposals.AsNoTracking().Where(p => p.Year == year);
        (string Title, string Definition) text;
        System.Linq.Expressions.Expression<Func<Proposal, bool>> counted;
        switch (metric)
        {
            case RepliedMetric:
                text = (RepliedTitle, RepliedDefinition);
                counted = p => p.RepliedOn != null;
                break;
            case OnTimeMetric:
                text = (OnTimeTitle, OnTimeDefinition);
                q = q.Where(p => p.RepliedOn != null || p.DueOn < today);
                counted = p => p.RepliedOn != null && p.RepliedOn <= p.DueOn;
                break;
            case SatisfactionMetric:
                text = (SatisfactionTitle, SatisfactionDefinition);
                q = q.Where(p => p.Evaluation != null);
                counted = p => p.Evaluation == ProposalEvaluation.Satisfied || p.Evaluation == ProposalEvaluation.BasicallySatisfied;
                break;
            default:
                throw Refuse.Field("metric", "统计项只能是 proposal-replied（办结率）、proposal-on-time（按期办结率）或 proposal-satisfaction（满意度）。");
        }
        string groupName;
        var parts = (group ?? "all").Split(':', 2);
        if (group is null or "all")
        {
            groupName = "合计";
        }
        else if (parts.Length == 2 && parts[0] == "unit" && Guid.TryParse(parts[1], out var unitId))
        {
            q = q.Where(p => p.OrgUnitId == unitId);
            groupName = (await orgs.FindAsync(unitId, ct))?.Name ?? "";
        }
        else if (parts.Length == 2 && parts[0] == "kind" && Enum.TryParse<ProposalKind>(parts[1], out var kind) && Enum.IsDefined(kind))
        {
            q = q.Where(p => p.Kind == kind);
            groupName = ProposalService.KindName(kind);
        }
        else
        {
            throw Refuse.Field("group", "分组只能是 all、unit:{单位ID} 或 kind:{DeputySuggestion|CppccProposal}。");
        }
        var total = await q.CountAsync(ct);
        var countedTotal = await q.CountAsync(counted, ct);
        var size = Math.Clamp(pageSize, 1, 200);
        var p0 = Math.Max(1, page);
        var isCounted = counted.Compile();
        // Those against the figure first (false sorts before true), then by due date.
        var items = await q.OrderBy(counted).ThenBy(p => p.DueOn).ThenBy(p => p.Id).Skip((p0 - 1) * size).Take(size).ToListAsync(ct);
        var names = await orgs.NamesAsync(items.Select(p => p.OrgUnitId).Distinct(), ct);
        var records = items.Select(p => new RateRecord(p.Id, p.Number, $"{ProposalService.KindName(p.Kind)}·{p.Proposer}", names.GetValueOrDefault(p.OrgUnitId, ""),
            p.AssignedOn, isCounted(p), Detail(p, metric, today), $"/oversight/proposals/{p.Id}")).ToList();
        return new RateRecords(metric, text.Title, text.Definition, year, groupName, countedTotal, total, new Paged<RateRecord>(records, total, p0, size));
    }

    private static string Detail(Proposal p, string metric, DateOnly today)
    {
        if (metric == SatisfactionMetric)
        {
            return $"《{p.Title}》：{(p.Evaluation is { } e ? ProposalService.EvaluationName(e) : "")}" + (p.Status == ProposalStatus.Reopened ? "，正在重新办理" : "")
                + (p.EvaluationNote is { } n ? $"（{n}）" : "");
        }
        return p.RepliedOn is { } replied
            ? $"《{p.Title}》：{replied:yyyy-MM-dd} 答复，期限 {p.DueOn:yyyy-MM-dd}" + (p.ExtendedOn is null ? "" : "（已延期）") + (replied > p.DueOn ? "，逾期" : "")
            : $"《{p.Title}》：期限 {p.DueOn:yyyy-MM-dd}" + (p.ExtendedOn is null ? "" : "（已延期）") + (p.DueOn < today ? "，已逾期未答复" : "，尚未答复");
    }
}
