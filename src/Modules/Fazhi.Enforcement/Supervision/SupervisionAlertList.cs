using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Enforcement.Supervision;

/// <summary>The alert list's query string: the kit's list query (keyword, from/to over the alert's date) and the kind and body filters.</summary>
internal sealed class AlertListQuery : DatedListQuery
{
    [FromQuery(Name = "kind")]
    public AlertKind? Kind { get; set; }

    /// <summary>One body's org unit (the per-body table's drill-down).</summary>
    [FromQuery(Name = "unit")]
    public Guid? Unit { get; set; }
}

/// <summary>
/// The supervision alerts as a list page (ADR 0049): the report's alert rows (each kind bounded by
/// <see cref="SupervisionService.Limit"/>) filtered by keyword (case number, party or officer, body, detail), kind and date
/// (the deadline the alert is about), sorted and cut into pages; the same rows go to the .xlsx export and the print view.
/// </summary>
internal static class SupervisionAlertList
{
    public static readonly ListShape<AlertRow> Shape = new ListShape<AlertRow> { DefaultPageSize = 20 }
        .Search((q, k) => q.Where(a => a.Subject.Contains(k, StringComparison.OrdinalIgnoreCase) || a.Body.Contains(k, StringComparison.Ordinal)
            || a.Detail.Contains(k, StringComparison.Ordinal)))
        .Dated((q, from, to) => q.Where(a => a.Due != null && (from == null || a.Due >= from) && (to == null || a.Due <= to)))
        .SortBy("kind", a => a.Kind)
        .SortBy("due", a => a.Due)
        .SortBy("body", a => a.Body)
        .ThenBy(a => a.Subject);

    /// <summary>The report's alerts of <paramref name="kind"/> (all kinds when null) as the request filters and sorts them.</summary>
    public static List<AlertRow> Filter(SupervisionReport report, AlertKind? kind, ListRequest request) =>
        Shape.Apply(report.Alerts.Where(a => kind is null || a.Kind == kind).AsQueryable(), request).ToList();

    public static Paged<AlertRow> Page(SupervisionReport report, AlertKind? kind, ListRequest request) =>
        Filter(report, kind, request).ToPaged(request.Page);

    /// <summary>Every filtered alert, for the .xlsx export and the print view.</summary>
    public static ListTable Table(SupervisionReport report, AlertKind? kind, ListRequest request, string? unitName)
    {
        var rows = Filter(report, kind, request);
        ListOutput.CheckSize(rows.Count);
        XlsxColumn[] columns = [new("预警类型", 14), new("执法主体", 24), new("对象", 24), new("说明", 50), new("期限", 12)];
        return new ListTable($"执法监督预警（{report.AsOf:yyyy-MM-dd}）",
            ListOutput.Describe(request, "期限", ("执法主体", unitName), ("预警类型", kind is { } k ? SupervisionService.KindName(k) : null)), columns,
            rows.Select(a => (IReadOnlyList<object?>)[SupervisionService.KindName(a.Kind), a.Body, a.Subject, a.Detail, a.Due]).ToList());
    }
}
