using System.Text.Json;

namespace Fazhi.Assessment.Board;

/// <summary>ECharts options built on the server and embedded in the page as JSON (rendered by wwwroot/js/charts.js).</summary>
internal static class Charts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Serialised for a &lt;script type="application/json"&gt; block: the default encoder escapes &lt; and &gt;, so text cannot close the tag.</summary>
    public static string ToJson(object option) => JsonSerializer.Serialize(option, Json);

    public sealed record Series(string Name, IReadOnlyList<decimal?> Values, string? Stack = null, string? Color = null);

    /// <summary>A bar chart; horizontal puts the categories on the y axis (long unit names).</summary>
    public static object Bar(IReadOnlyList<string> categories, IReadOnlyList<Series> series, bool horizontal = false, decimal? max = null)
    {
        object category = new { type = "category", data = categories, axisLabel = new { interval = 0 } };
        object value = new { type = "value", max, minInterval = max is null ? 1 : (int?)null };
        return new
        {
            tooltip = new { trigger = "axis", axisPointer = new { type = "shadow" } },
            legend = new { top = 0 },
            grid = new { left = horizontal ? 8 : 40, right = 24, top = 32, bottom = 8, containLabel = true },
            xAxis = horizontal ? value : category,
            yAxis = horizontal ? category : value,
            series = series.Select(s => new { name = s.Name, type = "bar", stack = s.Stack, data = s.Values, itemStyle = s.Color is null ? null : new { color = s.Color } }),
        };
    }

    public static object Line(IReadOnlyList<string> xs, IReadOnlyList<Series> series) => new
    {
        tooltip = new { trigger = "axis" },
        legend = new { top = 0 },
        grid = new { left = 40, right = 24, top = 40, bottom = 8, containLabel = true },
        xAxis = new { type = "category", data = xs },
        yAxis = new { type = "value", min = 0, max = 100 },
        series = series.Select(s => new { name = s.Name, type = "line", data = s.Values, connectNulls = true, symbolSize = 8 }),
    };
}
