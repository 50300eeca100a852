using Fazhi.Assessment.Campaigns;
using Fazhi.Assessment.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Board;

internal sealed record BoardModel(Campaign Campaign, IReadOnlyList<BoardRow> ByIndicator, IReadOnlyList<BoardRow> ByUnit, IReadOnlyDictionary<string, Guid> IndicatorIds,
    object UnitChart, object IndicatorChart)
{
    public int Total => ByUnit.Sum(r => r.Total);

    public int Done => ByUnit.Sum(r => r.Done);

    public int Overdue => ByUnit.Sum(r => r.Overdue);

    public int Returned => ByUnit.Sum(r => r.Returned);

    public decimal CompletionPercent => Total == 0 ? 0 : Math.Round(100m * Done / Total, 1);
}

/// <summary>The progress board (进度看板) of a campaign: the module's board figures and the chart options drawn from them.</summary>
internal sealed class BoardView(AssessmentDb db, CampaignQueries queries)
{
    public async Task<BoardModel?> LoadAsync(Guid campaignId, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return null;
        }
        var (byIndicator, byUnit) = await queries.BoardAsync(campaignId, ct);
        var ids = await db.Indicators.AsNoTracking().Where(i => i.FrameworkVersionId == campaign.FrameworkVersionId).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var units = byUnit.OrderBy(r => r.CompletionPercent).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
        var unitChart = Charts.Bar(units.Select(u => u.Title).ToList(),
        [
            new("已完成", units.Select(u => (decimal?)u.Done).ToList(), "n", "#2e7d32"),
            new("待审核", units.Select(u => (decimal?)u.Submitted).ToList(), "n", "#1565c0"),
            new("未报送", units.Select(u => (decimal?)(u.Total - u.Done - u.Submitted - u.Overdue)).ToList(), "n", "#9e9e9e"),
            new("逾期", units.Select(u => (decimal?)u.Overdue).ToList(), "n", "#c62828"),
        ], horizontal: true);
        var indicatorChart = Charts.Bar(byIndicator.Select(i => i.Key).ToList(),
            [new("完成率%", byIndicator.Select(i => (decimal?)i.CompletionPercent).ToList(), null, "#2e7d32")], max: 100);
        return new BoardModel(campaign, byIndicator, byUnit, ids, unitChart, indicatorChart);
    }
}
