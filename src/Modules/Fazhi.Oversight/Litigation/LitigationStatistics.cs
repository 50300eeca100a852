using Fazhi.Oversight.Data;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Litigation;

/// <summary>One row of a rate table: a group (an agency, a district, a kind of act), its numerator and denominator.</summary>
/// <param name="Group">The drill-down key: <c>all</c>, <c>unit:{id}</c>, <c>district:{id}</c> or <c>act:{kind}</c>.</param>
public sealed record RateRow(string Group, string Name, int Counted, int Total)
{
    public decimal? Rate => Total == 0 ? null : Math.Round((decimal)Counted / Total, 4);
}

internal sealed record LitigationReport(int Year, RateRow Appearance, IReadOnlyList<RateRow> AppearanceByDistrict, IReadOnlyList<RateRow> AppearanceByAgency,
    RateRow Losses, IReadOnlyList<RateRow> LossesByAgency, IReadOnlyList<RateRow> LossesByAct);

/// <summary>One record behind a rate, and whether it counts toward the numerator.</summary>
internal sealed record RateRecord(Guid Id, string CaseNumber, string Court, string Defendant, DateOnly Date, bool Counted, string Detail, string Link);

internal sealed record RateRecords(string Metric, string Title, string Definition, int Year, string GroupName, int Counted, int Total, Paged<RateRecord> Records);

/// <summary>
/// The litigation rates, computed from the records in the caller's scope (the data scope filter applies: an agency sees its
/// own figures, the justice bureau the city's), each with the records behind it.
/// <list type="bullet">
/// <item>出庭应诉率 (domain.md §5): lawsuits heard with a responsible person present ÷ lawsuits heard. A lawsuit (one
/// instance) counts once, in the year of its first hearing; it counts as present when at any hearing of that instance the
/// head, a deputy head or another responsible person in charge appeared (《行政诉讼法》第三条第三款; 出庭规定 第二条、第七条:
/// one appearance per instance). Lawsuits not yet heard are left out.</item>
/// <item>败诉率: lawsuits decided in the year that the agency lost (revoked, changed, confirmed illegal or void, ordered to
/// perform) ÷ lawsuits decided in the year.</item>
/// </list>
/// </summary>
internal sealed class LitigationStatistics(OversightDb db, IOrgDirectory orgs)
{
    public const string AppearanceMetric = "appearance";
    public const string LossMetric = "loss";

    public const string AppearanceTitle = "行政机关负责人出庭应诉率";

    public const string AppearanceDefinition =
        "统计年度内首次开庭的行政诉讼案件（每个审级计一件）中，行政机关正职、副职或其他分管负责人至少出庭一次的件数 ÷ 开庭审理的件数（《行政诉讼法》第三条第三款；出庭规定第二条、第七条）。尚未开庭的案件不计入；仅工作人员出庭的计入分母、不计入分子。";

    public const string LossTitle = "行政诉讼败诉率";

    public const string LossDefinition =
        "统计年度内作出裁判的案件中，被判决撤销、变更、确认违法或无效、责令履行职责的件数 ÷ 作出裁判的件数（《行政诉讼法》第七十条、第七十二条至第七十五条、第七十七条）。驳回诉讼请求、驳回起诉、调解、撤诉、维持原判不计为败诉。";

    public async Task<LitigationReport> ReportAsync(int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var heard = await db.Lawsuits.AsNoTracking().Where(l => l.FirstHearingOn >= from && l.FirstHearingOn <= to)
            .GroupBy(l => l.OrgUnitId).Select(g => new { Unit = g.Key, Total = g.Count(), Counted = g.Count(l => l.HeadAppeared) }).ToListAsync(ct);
        var decided = await db.Lawsuits.AsNoTracking().Where(l => l.DecidedOn >= from && l.DecidedOn <= to)
            .GroupBy(l => new { l.OrgUnitId, l.ActKind }).Select(g => new { g.Key.OrgUnitId, g.Key.ActKind, Total = g.Count(), Counted = g.Count(l => l.Lost) }).ToListAsync(ct);
        var units = await orgs.FindManyAsync(heard.Select(h => h.Unit).Concat(decided.Select(d => d.OrgUnitId)).Distinct(), ct);
        var districts = new Dictionary<Guid, (Guid Id, string Name)>();
        foreach (var id in units.Keys)
        {
            districts[id] = await DistrictOfAsync(units[id], ct);
        }
        string Name(Guid id) => units.TryGetValue(id, out var u) ? u.Name : "";
        var byAgency = heard.Select(h => new RateRow($"unit:{h.Unit}", Name(h.Unit), h.Counted, h.Total)).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var byDistrict = heard.Where(h => districts.ContainsKey(h.Unit)).GroupBy(h => districts[h.Unit])
            .Select(g => new RateRow($"district:{g.Key.Id}", g.Key.Name, g.Sum(x => x.Counted), g.Sum(x => x.Total))).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var lossByAgency = decided.GroupBy(d => d.OrgUnitId).Select(g => new RateRow($"unit:{g.Key}", Name(g.Key), g.Sum(x => x.Counted), g.Sum(x => x.Total)))
            .OrderByDescending(r => r.Counted).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var lossByAct = decided.GroupBy(d => d.ActKind).Select(g => new RateRow($"act:{g.Key}", LitigationRules.ActKindName(g.Key), g.Sum(x => x.Counted), g.Sum(x => x.Total)))
            .OrderByDescending(r => r.Counted).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new LitigationReport(year,
            new RateRow("all", "合计", heard.Sum(h => h.Counted), heard.Sum(h => h.Total)), byDistrict, byAgency,
            new RateRow("all", "合计", decided.Sum(d => d.Counted), decided.Sum(d => d.Total)), lossByAgency, lossByAct);
    }

    /// <summary>
    /// The records behind one figure: every lawsuit the figure counts (numerator and denominator), those against it first.
    /// Unknown metrics or group keys are refused naming the parameter.
    /// </summary>
    public async Task<RateRecords> RecordsAsync(string? metric, int year, string? group, int page, int pageSize, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var isAppearance = metric == AppearanceMetric;
        if (!isAppearance && metric != LossMetric)
        {
            throw Refuse.Field("metric", "统计项只能是 appearance（出庭应诉率）或 loss（败诉率）。");
        }
        var q = isAppearance
            ? db.Lawsuits.AsNoTracking().Where(l => l.FirstHearingOn >= from && l.FirstHearingOn <= to)
            : db.Lawsuits.AsNoTracking().Where(l => l.DecidedOn >= from && l.DecidedOn <= to);
        var (filtered, groupName) = await GroupAsync(q, group ?? "all", isAppearance, ct);
        var total = await filtered.CountAsync(ct);
        var counted = isAppearance ? await filtered.CountAsync(l => l.HeadAppeared, ct) : await filtered.CountAsync(l => l.Lost, ct);
        var size = Math.Clamp(pageSize, 1, 200);
        var p = Math.Max(1, page);
        // Those against the rate first (absent heads; losses), then by date.
        var ordered = isAppearance
            ? filtered.OrderBy(l => l.HeadAppeared).ThenBy(l => l.FirstHearingOn).ThenBy(l => l.Id)
            : filtered.OrderByDescending(l => l.Lost).ThenBy(l => l.DecidedOn).ThenBy(l => l.Id);
        var items = await RatePaging.PageAsync(ordered, db.Lawsuits.AsNoTracking(), l => l.Id, p, size, ct);
        var ids = items.Select(l => l.Id).ToList();
        var hearings = isAppearance
            ? (await db.Hearings.AsNoTracking().Where(h => ids.Contains(h.LawsuitId)).OrderBy(h => h.HeldOn).ToListAsync(ct)).ToLookup(h => h.LawsuitId)
            : Enumerable.Empty<LawsuitHearing>().ToLookup(h => h.LawsuitId);
        var names = await orgs.NamesAsync(items.Select(l => l.OrgUnitId).Distinct(), ct);
        var records = items.Select(l => isAppearance
            ? new RateRecord(l.Id, l.CaseNumber, l.Court, names.GetValueOrDefault(l.OrgUnitId, ""), l.FirstHearingOn!.Value, l.HeadAppeared,
                string.Join("；", hearings[l.Id].Select(h => $"{h.HeldOn:yyyy-MM-dd} {LitigationRules.AppearanceName(h.Appearance)}（{h.AppearedName}，{h.AppearedTitle}）"
                    + (h.Reason is null ? "" : $"，理由：{h.Reason}"))), $"/oversight/lawsuits/{l.Id}")
            : new RateRecord(l.Id, l.CaseNumber, l.Court, names.GetValueOrDefault(l.OrgUnitId, ""), l.DecidedOn!.Value, l.Lost,
                $"{LitigationRules.ActKindName(l.ActKind)}：{(l.Result is { } r ? LitigationRules.ResultName(r) : "")}", $"/oversight/lawsuits/{l.Id}"))
            .ToList();
        return new RateRecords(isAppearance ? AppearanceMetric : LossMetric, isAppearance ? AppearanceTitle : LossTitle,
            isAppearance ? AppearanceDefinition : LossDefinition, year, groupName, counted, total, new Paged<RateRecord>(records, total, p, size));
    }

    private async Task<(IQueryable<Lawsuit> Query, string Name)> GroupAsync(IQueryable<Lawsuit> q, string group, bool isAppearance, CancellationToken ct)
    {
        if (group == "all")
        {
            return (q, "合计");
        }
        var parts = group.Split(':', 2);
        if (parts.Length == 2 && parts[0] == "unit" && Guid.TryParse(parts[1], out var unitId))
        {
            return (q.Where(l => l.OrgUnitId == unitId), (await orgs.FindAsync(unitId, ct))?.Name ?? "");
        }
        if (parts.Length == 2 && parts[0] == "district" && Guid.TryParse(parts[1], out var districtId))
        {
            // The units of the district that have records in the period (in scope); the district mapping is the report's.
            var candidates = await q.Select(l => l.OrgUnitId).Distinct().ToListAsync(ct);
            var units = await orgs.FindManyAsync(candidates, ct);
            var inDistrict = new List<Guid>();
            string name = (await orgs.FindAsync(districtId, ct))?.Name ?? "";
            foreach (var u in units.Values)
            {
                var d = await DistrictOfAsync(u, ct);
                if (d.Id == districtId)
                {
                    inDistrict.Add(u.Id);
                    name = d.Name;
                }
            }
            return (q.Where(l => inDistrict.Contains(l.OrgUnitId)), name);
        }
        if (!isAppearance && parts.Length == 2 && parts[0] == "act" && Enum.TryParse<ActKind>(parts[1], out var act) && Enum.IsDefined(act))
        {
            return (q.Where(l => l.ActKind == act), LitigationRules.ActKindName(act));
        }
        throw Refuse.Field("group", "分组只能是 all、unit:{单位ID}、district:{区县ID}" + (isAppearance ? "" : " 或 act:{行为类别}") + "。");
    }

    /// <summary>
    /// The district a unit reports under: a county-level unit is its own district, a town or village the county above it,
    /// anything at city level (the city government and its departments) is 市直 under the city's own id.
    /// </summary>
    public async Task<(Guid Id, string Name)> DistrictOfAsync(OrgUnitInfo unit, CancellationToken ct)
    {
        if (unit.Level == OrgLevel.County)
        {
            return (unit.Id, unit.Name);
        }
        var ancestors = await orgs.AncestorsAsync(unit.Id, ct);
        if (unit.Level > OrgLevel.County && ancestors.FirstOrDefault(a => a.Level == OrgLevel.County) is { } county)
        {
            return (county.Id, county.Name);
        }
        var city = unit.Level == OrgLevel.City && unit.ParentId is null ? unit : ancestors.FirstOrDefault(a => a.Level == OrgLevel.City) ?? unit;
        return (city.Id, $"{city.Name}市直");
    }
}
