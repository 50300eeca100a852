using System.Globalization;
using Fazhi.Assessment.Data;
using Fazhi.Platform.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Campaigns;

/// <summary>Generated documents: the campaign's score sheet and a unit's self-assessment report (.docx, official layout).</summary>
internal sealed class CampaignReports(AssessmentDb db, CampaignQueries queries, OrgDirectory orgs)
{
    public async Task<byte[]?> ScoreSheetDocxAsync(Guid campaignId, DateOnly today, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return null;
        }
        var ranking = await queries.RankingAsync(campaignId, ct);
        var body = new List<string> { $"考评期：{Labels.Date(campaign.PeriodStart)} 至 {Labels.Date(campaign.PeriodEnd)}。得分率 = 得分 ÷ 该单位所承担指标的满分（按权重）。" };
        var n = 0;
        foreach (var group in ranking.GroupBy(r => r.Group))
        {
            body.Add($"{Ordinal(++n)}、{group.Key}");
            body.AddRange(group.Select(r => $"第 {r.Rank} 名　{r.Unit}：得分 {Labels.Number(r.Score)}，满分 {Labels.Number(r.MaxScore)}，得分率 {r.Rate.ToString("0.##", CultureInfo.InvariantCulture)}%（已评分 {r.Scored}/{r.Tasks} 项）。"));
        }
        return DocxNotice.Create(new OfficialNotice { Title = $"{campaign.Name}得分汇总表", Body = body, Date = today });
    }

    /// <summary>The self-assessment of one unit: its indicators with status, statement, evidence count and score (in the caller's scope).</summary>
    public async Task<byte[]?> SelfAssessmentDocxAsync(Guid campaignId, Guid orgUnitId, DateOnly today, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        var unit = await orgs.ByIdAsync(orgUnitId, ct);
        if (campaign is null || unit is null)
        {
            return null;
        }
        var rows = (await queries.TaskListAsync(campaignId, orgUnitId, ct)).Where(r => r.Role == "牵头").ToList();
        if (rows.Count == 0)
        {
            return null;
        }
        var ids = rows.Select(r => r.TaskId).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        // Counting the co-units' evidence for the unit's own tasks (counts only).
        var evidence = await db.Evidence.IgnoreQueryFilters().AsNoTracking().Where(e => ids.Contains(e.TaskId)).GroupBy(e => e.TaskId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var body = new List<string> { $"根据《{campaign.Name}》的要求，{unit.Name}对承担的 {rows.Count} 项指标自查如下：" };
        var k = 0;
        foreach (var r in rows)
        {
            var t = tasks[r.TaskId];
            body.Add($"{++k}. {r.IndicatorCode} {r.IndicatorTitle}（{Labels.Number(r.MaxScore)} 分，{Labels.Status(r.Status)}）：{(t.Statement.Length > 0 ? t.Statement : "尚未填写工作情况说明。")}"
                + $"佐证材料 {evidence.GetValueOrDefault(r.TaskId)} 项。" + (t.Score is { } s ? $"得分 {Labels.Number(s)} 分。" : ""));
        }
        return DocxNotice.Create(new OfficialNotice { Issuer = unit.Name, Title = $"{unit.Name}{campaign.Name}自查报告", Body = body, Signature = unit.Name, Date = today });
    }

    private static string Ordinal(int n) => n switch { 1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", _ => n.ToString(CultureInfo.InvariantCulture) };
}
