using Fazhi.Oversight.Litigation;
using Fazhi.Oversight.Performance;
using Fazhi.Oversight.Suggestions;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;

namespace Fazhi.Oversight;

/// <summary>
/// The year's tables (应诉工作年度报告) as .xlsx: each figure the caller may read, with its definition, numerator and
/// denominator, by district, agency and kind; computed from the records in the caller's scope, like the pages. 履行率 comes from
/// the same computation as its rate page (<see cref="PerformanceStatistics.ReportAsync"/>, ADR 0038, ADR 0050).
/// </summary>
internal sealed class AnnualReport(LitigationStatistics litigation, SuggestionStatistics suggestions, PerformanceStatistics performance, ICurrentUser current)
{
    public async Task<byte[]> XlsxAsync(int year, CancellationToken ct)
    {
        var canLitigation = current.Has(OversightPermissions.LitigationRead);
        var canSuggestions = current.Has(OversightPermissions.SuggestionsRead);
        var canPerformance = current.Has(OversightPermissions.PerformanceRead);
        if (!canLitigation && !canSuggestions && !canPerformance)
        {
            throw Refuse.Forbidden("您没有查看复议应诉统计的权限。");
        }
        var summary = new List<IReadOnlyList<object?>>();
        var sheets = new List<XlsxSheet>();
        if (canLitigation)
        {
            var r = await litigation.ReportAsync(year, ct);
            summary.Add(Summary(LitigationStatistics.AppearanceTitle, r.Appearance, LitigationStatistics.AppearanceDefinition));
            summary.Add(Summary(LitigationStatistics.LossTitle, r.Losses, LitigationStatistics.LossDefinition));
            sheets.Add(Table("出庭应诉率（按区）", "区（市）", "负责人出庭", "开庭审理", r.AppearanceByDistrict));
            sheets.Add(Table("出庭应诉率（按机关）", "被告机关", "负责人出庭", "开庭审理", r.AppearanceByAgency));
            sheets.Add(Table("败诉（按机关）", "被告机关", "败诉", "裁判", r.LossesByAgency));
            sheets.Add(Table("败诉（按行为类别）", "行为类别", "败诉", "裁判", r.LossesByAct));
        }
        if (canSuggestions)
        {
            var s = await suggestions.ReportAsync(year, ct);
            summary.Add(Summary(SuggestionStatistics.RepliedTitle, s.Replied, SuggestionStatistics.RepliedDefinition));
            summary.Add(Summary(SuggestionStatistics.OnTimeTitle, s.OnTime, SuggestionStatistics.OnTimeDefinition));
            sheets.Add(Table("建议办复率（按单位）", "被建议单位", "已答复", "收到", s.RepliedByAgency));
            sheets.Add(Table("建议按期办复率（按单位）", "被建议单位", "按期答复", "已答复或已到期", s.OnTimeByAgency));
        }
        if (canPerformance)
        {
            var p = await performance.ReportAsync(year, ct);
            summary.Add(Summary(PerformanceStatistics.OnTimeTitle, p.OnTime, PerformanceStatistics.OnTimeDefinition));
            sheets.Add(Table("复议决定履行率（按单位）", "被申请人单位", "按期履行", "已履行或已到期", p.ByUnit));
            sheets.Add(Table("复议决定履行率（按决定类别）", "决定类别", "按期履行", "已履行或已到期", p.ByResult));
        }
        XlsxColumn[] columns = [new("指标", 30), new("分子", 10), new("分母", 10), new("比率", 10), new("口径", 100)];
        return XlsxWriter.Write([new XlsxSheet($"{year}年度汇总", columns, summary), .. sheets]);
    }

    private static IReadOnlyList<object?> Summary(string title, RateRow row, string definition) => [title, row.Counted, row.Total, Percent(row), definition];

    private static XlsxSheet Table(string name, string groupHeader, string counted, string total, IEnumerable<RateRow> rows) =>
        new(name, [new(groupHeader, 30), new(counted, 12), new(total, 14), new("比率", 10)],
            rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.Counted, r.Total, Percent(r)]));

    private static string Percent(RateRow row) => row.Rate is { } v ? (v * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%" : "无数据";
}
