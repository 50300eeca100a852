using System.Text.Json;
using Fazhi.Assessment.Campaigns;
using Fazhi.Assessment.Computed;
using Fazhi.Assessment.Data;
using Fazhi.Assessment.Survey;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Index;

internal sealed record DimensionInput(string Dimension, decimal Weight);

internal sealed record IndexInput(int Year, string? Name, IReadOnlyList<DimensionInput>? Dimensions);

internal sealed record ComponentInput(string? Dimension, string? Title, decimal Weight, ComponentSource Source, string? SourceKey);

/// <summary>New weights of an index's dimensions (by name) and components (by id); components listed in Remove are taken out.</summary>
internal sealed record WeightsInput(long? Version, IReadOnlyDictionary<string, decimal>? Dimensions, IReadOnlyDictionary<Guid, decimal>? Components, IReadOnlyList<Guid>? Remove);

internal sealed record AreaResult(string Code, string Name, decimal? Total, AreaScore Detail);

internal sealed record TrendPoint(int Year, string Code, string Name, decimal? Total);

/// <summary>The rule-of-law index: definition (dimension weights, components), computation per district and city, trend.</summary>
internal sealed class IndexService(AssessmentDb db, IOrgDirectory orgs, ComputedIndicators computed, SurveyService surveys, ICurrentUser user, TimeProvider clock)
{
    public const string CityCode = "370400";

    /// <summary>Default dimension weights (sum 100) of a new index; the office changes them per year.</summary>
    public static IReadOnlyList<DimensionInput> DefaultWeights { get; } =
    [
        new("制度规范", 15), new("法治政府", 25), new("法治社会", 15), new("公正司法", 15), new("法治保障", 10), new(IndexDimensions.Perception, 20),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<List<RuleOfLawIndex>> ListAsync(CancellationToken ct) => db.Set<RuleOfLawIndex>().AsNoTracking().OrderByDescending(i => i.Year).ToListAsync(ct);

    public Task<RuleOfLawIndex?> FindAsync(Guid id, CancellationToken ct) => db.Set<RuleOfLawIndex>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);

    public async Task<List<IndexDimensionWeight>> DimensionsAsync(Guid id, CancellationToken ct) =>
        (await db.Set<IndexDimensionWeight>().AsNoTracking().Where(d => d.IndexId == id).ToListAsync(ct)).OrderBy(d => d.Seq).ToList();

    public async Task<List<IndexComponent>> ComponentsAsync(Guid id, CancellationToken ct) =>
        (await db.Set<IndexComponent>().AsNoTracking().Where(c => c.IndexId == id).ToListAsync(ct)).OrderBy(c => c.Id).ToList();

    public async Task<(RuleOfLawIndex? Index, Dictionary<string, string[]> Errors)> CreateAsync(IndexInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var dims = input.Dimensions is { Count: > 0 } d ? d : DefaultWeights;
        if (input.Year is < 2000 or > 2100)
        {
            errors["year"] = ["请填写指数年度（如 2026）。"];
        }
        else if (await db.Set<RuleOfLawIndex>().AnyAsync(i => i.Year == input.Year, ct))
        {
            errors["year"] = [$"{input.Year} 年度的法治指数已经定义，请在原定义上调整。"];
        }
        if (dims.Any(x => !IndexDimensions.All.Contains(x.Dimension)) || dims.Select(x => x.Dimension).Distinct().Count() != dims.Count)
        {
            errors["dimensions"] = [$"维度须为：{string.Join("、", IndexDimensions.All)}，且不重复。"];
        }
        if (dims.Any(x => x.Weight < 0) || dims.Sum(x => x.Weight) <= 0)
        {
            errors["dimensions"] = ["维度权重不能为负数，且合计须大于 0。"];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var index = new RuleOfLawIndex { Year = input.Year, Name = string.IsNullOrWhiteSpace(input.Name) ? $"{input.Year}年度枣庄市法治指数" : input.Name.Trim() };
        db.Set<RuleOfLawIndex>().Add(index);
        var seq = 0;
        foreach (var dim in dims.OrderBy(x => IndexDimensions.All.ToList().IndexOf(x.Dimension)))
        {
            db.Set<IndexDimensionWeight>().Add(new IndexDimensionWeight { IndexId = index.Id, Dimension = dim.Dimension, Weight = dim.Weight, Seq = ++seq });
        }
        await db.SaveChangesAsync(ct);
        return (index, errors);
    }

    public async Task<(IndexComponent? Component, Dictionary<string, string[]> Errors)> AddComponentAsync(Guid indexId, ComponentInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (await FindAsync(indexId, ct) is null)
        {
            errors["index"] = ["法治指数不存在。"];
            return (null, errors);
        }
        var dims = await DimensionsAsync(indexId, ct);
        if (dims.All(x => x.Dimension != input.Dimension))
        {
            errors["dimension"] = [$"维度须为：{string.Join("、", dims.Select(x => x.Dimension))}。"];
        }
        if (input.Weight <= 0)
        {
            errors["weight"] = ["权重须大于 0。"];
        }
        var key = input.SourceKey?.Trim() ?? "";
        var title = input.Title?.Trim() ?? "";
        switch (input.Source)
        {
            case ComponentSource.Computed when computed.Find(key) is { } provider:
                title = title.Length > 0 ? title : provider.Title;
                break;
            case ComponentSource.Computed:
                errors["sourceKey"] = [$"计算指标“{key}”未注册，可用：{string.Join("、", computed.Providers.Select(p => p.Key))}。"];
                break;
            case ComponentSource.Campaign when Guid.TryParse(key, out var cid) && await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) is { } campaign:
                title = title.Length > 0 ? title : $"{campaign.Name}（审定得分率）";
                break;
            case ComponentSource.Campaign:
                errors["sourceKey"] = ["请选择一个考评活动。"];
                break;
            case ComponentSource.Survey when Guid.TryParse(key, out var sid) && await surveys.FindAsync(sid, ct) is { } survey:
                title = title.Length > 0 ? title : $"{survey.Title}（满意度）";
                break;
            case ComponentSource.Survey:
                errors["sourceKey"] = ["请选择一个满意度调查。"];
                break;
            default:
                errors["source"] = ["请选择数据来源（计算指标、考评活动或满意度调查）。"];
                break;
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var component = new IndexComponent { IndexId = indexId, Dimension = input.Dimension!, Title = title, Weight = input.Weight, Source = input.Source, SourceKey = key };
        db.Set<IndexComponent>().Add(component);
        await db.SaveChangesAsync(ct);
        return (component, errors);
    }

    /// <summary>
    /// Adjusts the weights of a defined index (and removes components). Validated as a whole: nothing is saved when one
    /// value is refused. Stored results stay as computed (they record the weights used) until the office computes again.
    /// </summary>
    public async Task<Dictionary<string, string[]>?> UpdateWeightsAsync(Guid indexId, WeightsInput input, CancellationToken ct)
    {
        var index = await db.Set<RuleOfLawIndex>().FirstOrDefaultAsync(i => i.Id == indexId, ct);
        if (index is null)
        {
            return new() { ["index"] = ["法治指数不存在。"] };
        }
        var dims = await db.Set<IndexDimensionWeight>().Where(d => d.IndexId == indexId).ToListAsync(ct);
        var components = await db.Set<IndexComponent>().Where(c => c.IndexId == indexId).ToListAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var newDims = dims.ToDictionary(d => d.Dimension, d => input.Dimensions?.GetValueOrDefault(d.Dimension, d.Weight) ?? d.Weight);
        if (input.Dimensions?.Keys.FirstOrDefault(k => !newDims.ContainsKey(k)) is { } unknown)
        {
            errors["dimensions"] = [$"维度“{unknown}”不在本指数中。"];
        }
        else if (newDims.Values.Any(w => w < 0) || newDims.Values.Sum() <= 0)
        {
            errors["dimensions"] = ["维度权重不能为负数，且合计须大于 0。"];
        }
        var remove = (input.Remove ?? []).ToHashSet();
        if (input.Components?.Keys.Concat(remove).FirstOrDefault(id => components.All(c => c.Id != id)) is { } missing && missing != Guid.Empty)
        {
            errors["components"] = ["所列构成项不在本指数中。"];
        }
        else if (input.Components?.Where(kv => !remove.Contains(kv.Key)).Any(kv => kv.Value <= 0) == true)
        {
            errors["components"] = ["构成项的项内权重须大于 0（不再需要的构成项请移除）。"];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        foreach (var d in dims)
        {
            d.Weight = newDims[d.Dimension];
        }
        foreach (var c in components)
        {
            if (remove.Contains(c.Id))
            {
                db.Set<IndexComponent>().Remove(c);
            }
            else if (input.Components?.TryGetValue(c.Id, out var w) == true)
            {
                c.Weight = w;
            }
        }
        // The index row carries the version: a second office user editing from a stale page is refused (409).
        if (input.Version is { } expected)
        {
            db.Entry(index).Property(x => x.Version).OriginalValue = expected;
        }
        db.Entry(index).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Computes and stores the index for every district (区（市）) and the city; earlier results of this index are replaced.</summary>
    public async Task<List<AreaResult>?> ComputeAsync(Guid indexId, CancellationToken ct)
    {
        var index = await db.Set<RuleOfLawIndex>().FirstOrDefaultAsync(i => i.Id == indexId, ct);
        if (index is null)
        {
            return null;
        }
        var dims = (await DimensionsAsync(indexId, ct)).Select(d => (d.Dimension, d.Weight)).ToList();
        var components = await ComponentsAsync(indexId, ct);
        var areas = (await surveys.DistrictsAsync(ct)).ToList();
        if (await orgs.FindByCodeAsync(CityCode, ct) is { } city)
        {
            areas.Add(new District(city.Id, city.Code, city.Name));
        }
        var from = new DateOnly(index.Year, 1, 1);
        var to = new DateOnly(index.Year, 12, 31);
        var surveyResults = new Dictionary<Guid, SurveyResults>();
        foreach (var c in components.Where(c => c.Source == ComponentSource.Survey))
        {
            var id = Guid.Parse(c.SourceKey);
            if (!surveyResults.ContainsKey(id))
            {
                surveyResults[id] = await surveys.ResultsAsync(id, ct);
            }
        }
        var results = new List<AreaResult>();
        foreach (var area in areas)
        {
            var isCity = area.Code == CityCode;
            var scope = await orgs.ActiveSubtreeIdsAsync(area.Id, ct);
            var values = new List<ComponentValue>();
            foreach (var c in components)
            {
                var (value, basis) = c.Source switch
                {
                    ComponentSource.Computed => await ComputedValueAsync(c.SourceKey, from, to, area.Id, ct),
                    ComponentSource.Campaign => await CampaignValueAsync(Guid.Parse(c.SourceKey), scope, ct),
                    _ => SurveyValue(surveyResults[Guid.Parse(c.SourceKey)], isCity ? null : area.Code, c.Dimension),
                };
                values.Add(new ComponentValue(c.Dimension, c.Title, c.Weight, c.Source, value, basis));
            }
            var score = IndexCalculator.Combine(dims, values);
            results.Add(new AreaResult(area.Code, area.Name, score.Total, score));
        }
        // Replaced in the same save as the new results, so the audit chain records both and nothing is half-saved.
        db.Set<IndexResult>().RemoveRange(await db.Set<IndexResult>().Where(r => r.IndexId == indexId).ToListAsync(ct));
        foreach (var (r, area) in results.Zip(areas))
        {
            db.Set<IndexResult>().Add(new IndexResult
            {
                IndexId = indexId, Year = index.Year, OrgUnitId = area.Id, Code = r.Code, Name = r.Name, Total = r.Total, DetailJson = JsonSerializer.Serialize(r.Detail, Json),
            });
        }
        index.ComputedAtUtc = clock.GetUtcNow().UtcDateTime;
        index.ComputedBy = user.UserName ?? "";
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("assessment.index.computed", nameof(RuleOfLawIndex), index.Id.ToString(),
            new { index.Year, Results = results.Select(r => new { r.Code, r.Total }) }, ct);
        return results;
    }

    private async Task<(decimal?, string)> ComputedValueAsync(string key, DateOnly from, DateOnly to, Guid unitId, CancellationToken ct)
    {
        var v = await computed.ComputeAsync(key, from, to, unitId, ct);
        return v switch
        {
            null => (null, "计算指标未注册"),
            { Value: null } => (null, "无可计算的数据"),
            _ => (Math.Round(v.Value.Value * 100m, 2), $"{v.Numerator:0.##}/{v.Denominator:0.##}"),
        };
    }

    private async Task<(decimal?, string)> CampaignValueAsync(Guid campaignId, IReadOnlyList<Guid> scope, CancellationToken ct)
    {
        // System aggregate for the index: reviewed scores of every unit in the area, whatever the caller's scope; only the
        // area's totals leave this method.
        var rows = await (from t in db.Tasks.IgnoreQueryFilters().AsNoTracking()
                          join i in db.Indicators.AsNoTracking() on t.IndicatorId equals i.Id
                          where t.CampaignId == campaignId && scope.Contains(t.OrgUnitId) && t.Score != null
                              && (t.Status == SubmissionStatus.Accepted || t.Status == SubmissionStatus.Approved)
                          select new { t.Score, i.MaxScore, i.Weight }).ToListAsync(ct);
        var max = rows.Sum(r => r.MaxScore * r.Weight);
        if (max == 0)
        {
            return (null, "无已审定评分");
        }
        var got = rows.Sum(r => r.Score!.Value * r.Weight);
        return (Math.Round(got / max * 100m, 2), $"{rows.Count} 项审定评分 {got:0.##}/{max:0.##}");
    }

    private static (decimal?, string) SurveyValue(SurveyResults results, string? districtCode, string dimension)
    {
        var area = districtCode is null ? results.City : results.ByDistrict.FirstOrDefault(d => d.Code == districtCode);
        var dim = area?.Dimensions.FirstOrDefault(d => d.Dimension == dimension);
        return dim is null || dim.Score is null
            ? (null, "无有效评分")
            : (dim.Score, $"{dim.Ratings} 个评分，平均 {dim.MeanRating:0.##} 分");
    }

    public async Task<List<AreaResult>> ResultsAsync(Guid indexId, CancellationToken ct) =>
        (await db.Set<IndexResult>().AsNoTracking().Where(r => r.IndexId == indexId).ToListAsync(ct))
            .OrderBy(r => r.Code == CityCode ? 0 : 1).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new AreaResult(r.Code, r.Name, r.Total, JsonSerializer.Deserialize<AreaScore>(r.DetailJson, Json)!)).ToList();

    /// <summary>What a component can draw on, as "Source|key" values with labels for the page's select.</summary>
    public async Task<List<(string Value, string Label)>> SourcesAsync(CancellationToken ct)
    {
        var list = computed.Providers.Select(p => ($"{ComponentSource.Computed}|{p.Key}", $"计算指标：{p.Title}")).ToList();
        list.AddRange((await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => ($"{ComponentSource.Campaign}|{c.Id}", $"考评审定得分：{c.Name}")));
        list.AddRange((await surveys.ListAsync(ct)).Select(x => ($"{ComponentSource.Survey}|{x.Id}", $"满意度调查：{x.Title}")));
        return list;
    }

    /// <summary>Totals of every computed index, by year and area.</summary>
    public async Task<List<TrendPoint>> TrendAsync(CancellationToken ct) =>
        (await db.Set<IndexResult>().AsNoTracking().Select(r => new TrendPoint(r.Year, r.Code, r.Name, r.Total)).ToListAsync(ct))
            .OrderBy(p => p.Year).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
}
