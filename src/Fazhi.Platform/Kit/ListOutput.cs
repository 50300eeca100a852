using System.Globalization;
using System.Net;
using System.Text;
using Fazhi.Platform.Features.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fazhi.Platform.Kit;

/// <summary>
/// A list handed out as it stands on screen (ADR 0049): its title, the filter used (one line per condition), the columns
/// and exactly the filtered rows, in the list's order. One table feeds both the .xlsx export and the print view, so the
/// two cannot differ; a list builds it once, from the same <see cref="ListShape{T}"/> request its page uses.
/// </summary>
public sealed record ListTable(string Title, IReadOnlyList<string> Filters, IReadOnlyList<XlsxColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>The two ways a list leaves the screen: an .xlsx workbook and a printable page without the shell.</summary>
public static class ListOutput
{
    /// <summary>The most rows an export or a print view carries; a list over it is refused with the reason (narrow the filter).</summary>
    public const int MaxRows = 10_000;

    /// <summary>Refuses an export or print of more rows than <see cref="MaxRows"/>, naming the count.</summary>
    public static void CheckSize(int total)
    {
        if (total > MaxRows)
        {
            throw Refuse.Field("q", $"符合条件的记录有 {total} 条，超过导出和打印上限 {MaxRows} 条：请用关键词、筛选条件或日期范围缩小范围。");
        }
    }

    /// <summary>The filter lines of a list request: the keyword, the date range (named by the list's date) and the sort, then the list's own filters.</summary>
    public static IReadOnlyList<string> Describe(ListRequest request, string dateLabel, params (string Label, string? Value)[] filters)
    {
        var lines = new List<string>();
        if (request.Keyword is { } k)
        {
            lines.Add($"关键词：{k}");
        }
        if (request.From is not null || request.To is not null)
        {
            lines.Add($"{dateLabel}：{request.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "不限"} 至 {request.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "不限"}");
        }
        lines.AddRange(filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => $"{f.Label}：{f.Value}"));
        return lines;
    }

    /// <summary>The table as an .xlsx workbook named after its title.</summary>
    public static FileContentHttpResult Xlsx(ListTable table) =>
        TypedResults.File(XlsxWriter.Write(new XlsxSheet(table.Title, table.Columns, table.Rows)), XlsxWriter.ContentType, DownloadName.Safe(table.Title) + ".xlsx");

    /// <summary>The table as a printable page (A4 landscape, the title, the filter used, the count and the time printed; no menu, no script).</summary>
    public static ContentHttpResult Print(ListTable table, DateTimeOffset printedAt) =>
        TypedResults.Content(Html(table, printedAt), "text/html; charset=utf-8");

    /// <summary>The print page's HTML; every value is encoded.</summary>
    public static string Html(ListTable table, DateTimeOffset printedAt)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var h = new StringBuilder(4096 + (table.Rows.Count * 200));
        h.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(table.Title)).Append("</title>");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>")
            .Append("@page{size:A4 landscape;margin:12mm}body{font-family:\"FangSong\",\"仿宋\",\"STFangsong\",serif;font-size:12pt;margin:0 auto;max-width:277mm;padding:8px}")
            .Append("h1{font-family:\"SimSun\",\"宋体\",serif;font-size:18pt;text-align:center;margin:0 0 6px}")
            .Append(".filters{font-size:10.5pt;margin:0 0 6px;padding:0;list-style:none}.filters li{display:inline;margin-right:1.5em}")
            .Append("table{border-collapse:collapse;width:100%;font-size:10.5pt}th,td{border:1px solid #000;padding:3px 4px;text-align:left;vertical-align:top;word-break:break-all}")
            .Append("thead{display:table-header-group}tr{page-break-inside:avoid}.meta{font-size:9pt;display:flex;justify-content:space-between;margin:4px 0}")
            .Append("@media screen{.hint{color:#555;font-size:10pt}}@media print{.hint{display:none}}")
            .Append("</style></head><body>");
        h.Append("<h1>").Append(E(table.Title)).Append("</h1>");
        h.Append("<p class=\"hint\">打印请使用浏览器的打印功能（Ctrl+P），纸张为 A4 横向。</p>");
        h.Append("<ul class=\"filters\" id=\"filters\">");
        if (table.Filters.Count == 0)
        {
            h.Append("<li>查询条件：全部</li>");
        }
        foreach (var f in table.Filters)
        {
            h.Append("<li>").Append(E(f)).Append("</li>");
        }
        h.Append("</ul><div class=\"meta\"><span id=\"count\">共 ").Append(table.Rows.Count.ToString(CultureInfo.InvariantCulture)).Append(" 条</span><span>打印时间：")
            .Append(E(printedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append("</span></div>");
        h.Append("<table id=\"rows\"><thead><tr><th>序号</th>");
        foreach (var c in table.Columns)
        {
            h.Append("<th>").Append(E(c.Header)).Append("</th>");
        }
        h.Append("</tr></thead><tbody>");
        var n = 0;
        foreach (var row in table.Rows)
        {
            h.Append("<tr><td>").Append((++n).ToString(CultureInfo.InvariantCulture)).Append("</td>");
            foreach (var cell in row)
            {
                h.Append("<td>").Append(E(Cell(cell))).Append("</td>");
            }
            h.Append("</tr>");
        }
        if (n == 0)
        {
            h.Append("<tr><td colspan=\"").Append((table.Columns.Count + 1).ToString(CultureInfo.InvariantCulture)).Append("\">没有符合条件的记录。</td></tr>");
        }
        h.Append("</tbody></table></body></html>");
        return h.ToString();
    }

    /// <summary>A cell as text, the way the workbook shows it.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
