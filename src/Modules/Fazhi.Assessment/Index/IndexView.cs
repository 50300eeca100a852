using Fazhi.Assessment.Board;

namespace Fazhi.Assessment.Index;

/// <summary>Chart options of the index pages.</summary>
internal static class IndexView
{
    /// <summary>One line per area (city first, then the districts) over the years that have a computed index.</summary>
    public static object Trend(IReadOnlyList<TrendPoint> points)
    {
        var years = points.Select(p => p.Year).Distinct().Order().ToList();
        var areas = points.GroupBy(p => p.Code).OrderBy(g => g.Key == IndexService.CityCode ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        return Charts.Line(years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            areas.Select(g => new Charts.Series(g.Last().Name, years.Select(y => g.FirstOrDefault(p => p.Year == y)?.Total).ToList())).ToList());
    }

    /// <summary>Totals per area and the dimension scores behind them.</summary>
    public static object Totals(IReadOnlyList<AreaResult> results)
    {
        var dims = results.FirstOrDefault()?.Detail.Dimensions.Select(d => d.Dimension).ToList() ?? [];
        return Charts.Bar(results.Select(r => r.Name).ToList(),
            [new Charts.Series("法治指数", results.Select(r => r.Total).ToList(), null, "#b71c1c"),
             .. dims.Select(d => new Charts.Series(d, results.Select(r => r.Detail.Dimensions.FirstOrDefault(x => x.Dimension == d)?.Score).ToList()))], max: 100);
    }
}
