using System.Globalization;
using System.IO.Compression;
using System.Text;
using Fazhi.Assessment.Campaigns;
using Fazhi.Assessment.Data;
using Fazhi.Assessment.Frameworks;
using Fazhi.Assessment.Settings;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Reports;

internal sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Campaign reports: the score sheet (.xlsx) and score summary (.docx), the campaign's self-assessment report and a unit's
/// 自查报告, the weekly progress digest (.docx), and an indicator's evidence package (.zip with an SM3 manifest).
/// All read within the caller's data scope.
/// </summary>
internal sealed class ReportService(AssessmentDb db, IOrgDirectory orgs, CampaignQueries queries, IDeadlineService deadlines, IAttachmentStore attachments, SettingsService settings)
{
    public const string ManifestName = "manifest-sm3.txt";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record Row(AssessmentTask Task, Indicator Indicator, string UnitCode, string Unit);

    private async Task<(Campaign Campaign, List<Row> Rows, Dictionary<Guid, Indicator> Indicators)?> LoadAsync(Guid campaignId, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return null;
        }
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.FrameworkVersionId == campaign.FrameworkVersionId).ToDictionaryAsync(i => i.Id, ct);
        var units = (await orgs.ActiveUnitsAsync(ct)).ToDictionary(u => u.Id);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.CampaignId == campaignId).ToListAsync(ct);
        var rows = tasks.Select(t => new Row(t, indicators[t.IndicatorId], units.GetValueOrDefault(t.OrgUnitId)?.Code ?? "", units.GetValueOrDefault(t.OrgUnitId)?.Name ?? ""))
            .OrderBy(r => r.Indicator.Code, StringComparer.Ordinal).ThenBy(r => r.UnitCode, StringComparer.Ordinal).ToList();
        return (campaign, rows, indicators);
    }


    /// <summary>得分表: one row per task (indicator x lead unit) with deductions, and the ranking sheet.</summary>
    public async Task<ReportFile?> ScoreSheetAsync(Guid campaignId, CancellationToken ct)
    {
        if (await LoadAsync(campaignId, ct) is not { } data)
        {
            return null;
        }
        var deductions = (await db.Deductions.AsNoTracking().Where(d => data.Rows.Select(r => r.Task.Id).Contains(d.TaskId)).ToListAsync(ct)).ToLookup(d => d.TaskId);
        var tasks = new XlsxSheet("指标得分",
            [new("指标编码", 12), new("指标", 36), new("计分方式", 10), new("牵头单位编码", 14), new("牵头单位", 24), new("状态", 10), new("分值", 8), new("权重", 8), new("得分", 8), new("扣分理由", 40), new("评分说明", 30)],
            data.Rows.Select(r => (IReadOnlyList<object?>)[r.Indicator.Code, r.Indicator.Title, Labels.Method(r.Indicator.Method), r.UnitCode, r.Unit, Labels.Status(r.Task.Status),
                r.Indicator.MaxScore, r.Indicator.Weight, r.Task.Score, string.Join("；", deductions[r.Task.Id].Select(d => $"{d.Reason}（-{d.Points:0.##}）")), r.Task.ScoreNote]));
        var ranking = await queries.RankingAsync(campaignId, ct);
        var rank = new XlsxSheet("得分排名", [new("类别", 12), new("名次", 6), new("单位编码", 14), new("单位", 30), new("指标数", 8), new("已评分", 8), new("得分", 10), new("满分", 10), new("得分率%", 10)],
            ranking.Select(r => (IReadOnlyList<object?>)[r.Group, r.Rank, r.Code, r.Unit, r.Tasks, r.Scored, r.Score, r.MaxScore, r.Rate]));
        return new ReportFile($"{DownloadName.Safe(data.Campaign.Name)}-得分表.xlsx", XlsxWriter.ContentType, XlsxWriter.Write(tasks, rank));
    }

    /// <summary>自评报告: overview, completion, scores per first-level indicator, rankings and deductions, as an official .docx.</summary>
    public async Task<ReportFile?> SelfAssessmentAsync(Guid campaignId, CancellationToken ct)
    {
        if (await LoadAsync(campaignId, ct) is not { } data)
        {
            return null;
        }
        var (campaign, rows, indicators) = data;
        Indicator Top(Indicator i)
        {
            while (i.ParentId is { } p && indicators.TryGetValue(p, out var parent))
            {
                i = parent;
            }
            return i;
        }
        var done = rows.Count(r => r.Task.Status is SubmissionStatus.Accepted or SubmissionStatus.Approved);
        var scored = rows.Where(r => r.Task.Score is not null).ToList();
        var body = new List<string>
        {
            $"一、基本情况。{campaign.Name}考评期为{DocxNotice.ChineseDate(campaign.PeriodStart)}至{DocxNotice.ChineseDate(campaign.PeriodEnd)}，" +
            $"共分解考评任务{rows.Count}项，涉及牵头单位{rows.Select(r => r.Task.OrgUnitId).Distinct().Count()}个。",
            $"二、完成情况。已审核通过{done}项，完成率{Percent(done, rows.Count)}；已评分{scored.Count}项。",
            "三、各项指标得分情况。",
        };
        foreach (var g in scored.GroupBy(r => Top(r.Indicator)).OrderBy(g => g.Key.Seq))
        {
            var got = g.Sum(r => r.Task.Score!.Value * r.Indicator.Weight);
            var max = g.Sum(r => r.Indicator.MaxScore * r.Indicator.Weight);
            body.Add($"{g.Key.Title}：得分{got.ToString("0.##", Inv)}分，满分{max.ToString("0.##", Inv)}分，得分率{Percent(got, max)}。");
        }
        var ranking = await queries.RankingAsync(campaignId, ct);
        body.Add("四、排名情况。");
        foreach (var g in ranking.GroupBy(r => r.Group))
        {
            body.Add($"{g.Key}：" + string.Join("，", g.Select(r => $"第{r.Rank}名{r.Unit}（{r.Rate.ToString("0.##", Inv)}%）")) + "。");
        }
        var deductions = await db.Deductions.AsNoTracking().Where(d => rows.Select(r => r.Task.Id).Contains(d.TaskId)).ToListAsync(ct);
        var byTask = rows.ToDictionary(r => r.Task.Id);
        body.Add(deductions.Count == 0 ? "五、扣分情况。无扣分事项。" : "五、扣分情况。");
        body.AddRange(deductions.OrderBy(d => d.Id).Select(d => $"{byTask[d.TaskId].Unit}“{byTask[d.TaskId].Indicator.Title}”：{d.Reason}，扣{d.Points.ToString("0.##", Inv)}分。"));
        var docx = DocxNotice.Create(new OfficialNotice
        {
            Title = $"{campaign.Name}自评报告", Body = body, Signature = (await settings.GetAsync(ct)).ReportSignature, Date = deadlines.Today,
        });
        return new ReportFile($"{DownloadName.Safe(campaign.Name)}-自评报告.docx", DocxTemplate.ContentType, docx);
    }

    /// <summary>得分汇总表: the ranking of departments and of districts as an official .docx.</summary>
    public async Task<ReportFile?> ScoreSummaryAsync(Guid campaignId, CancellationToken ct)
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
            body.AddRange(group.Select(r => $"第 {r.Rank} 名　{r.Unit}：得分 {Labels.Number(r.Score)}，满分 {Labels.Number(r.MaxScore)}，得分率 {r.Rate.ToString("0.##", Inv)}%（已评分 {r.Scored}/{r.Tasks} 项）。"));
        }
        var docx = DocxNotice.Create(new OfficialNotice { Title = $"{campaign.Name}得分汇总表", Body = body, Date = deadlines.Today });
        return new ReportFile($"{DownloadName.Safe(campaign.Name)}-得分汇总表.docx", DocxTemplate.ContentType, docx);
    }

    /// <summary>自查报告 of one unit: its lead indicators with status, statement, evidence count and score (in the caller's scope).</summary>
    public async Task<ReportFile?> UnitSelfAssessmentAsync(Guid campaignId, Guid orgUnitId, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        var unit = await orgs.FindAsync(orgUnitId, ct);
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
        // The co-units' evidence for the unit's own tasks is counted too (counts only, nothing of theirs is shown).
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
        var docx = DocxNotice.Create(new OfficialNotice { Issuer = unit.Name, Title = $"{unit.Name}{campaign.Name}自查报告", Body = body, Signature = unit.Name, Date = deadlines.Today });
        return new ReportFile($"{DownloadName.Safe(unit.Name)}-自查报告.docx", DocxTemplate.ContentType, docx);
    }

    private static string Ordinal(int n) => n switch { 1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", _ => n.ToString(Inv) };

    /// <summary>工作进展周报: the board's figures, what was submitted in the last 7 days, and the overdue and returned tasks by unit.</summary>
    public async Task<ReportFile?> WeeklyDigestAsync(Guid campaignId, CancellationToken ct)
    {
        if (await LoadAsync(campaignId, ct) is not { } data)
        {
            return null;
        }
        var (campaign, rows, _) = data;
        var today = deadlines.Today;
        var weekAgo = today.AddDays(-7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var ids = rows.Select(r => r.Task.Id).ToList();
        var recent = await db.TaskEvents.AsNoTracking().Where(e => ids.Contains(e.TaskId) && e.AtUtc >= weekAgo).ToListAsync(ct);
        var done = rows.Count(r => r.Task.Status is SubmissionStatus.Accepted or SubmissionStatus.Approved);
        var overdue = rows.Where(r => CampaignQueries.IsOverdue(r.Task, today)).ToList();
        var returned = rows.Where(r => r.Task.Status == SubmissionStatus.Returned).ToList();
        var body = new List<string>
        {
            $"截至{DocxNotice.ChineseDate(today)}，{campaign.Name}共{rows.Count}项任务，已审核通过{done}项（{Percent(done, rows.Count)}），" +
            $"待审核{rows.Count(r => r.Task.Status == SubmissionStatus.Submitted)}项，退回待补正{returned.Count}项，逾期未报送{overdue.Count}项。",
            $"本周（{DocxNotice.ChineseDate(today.AddDays(-7))}以来）报送{recent.Count(e => e.Action == "submitted")}次，退回{recent.Count(e => e.Action == "returned")}次，" +
            $"审核通过{recent.Count(e => e.Action is "accepted" or "approved")}次。",
        };
        body.Add(overdue.Count == 0 ? "逾期任务：无。" : "逾期任务：");
        body.AddRange(overdue.GroupBy(r => r.Unit).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}（{g.Count()}项）：" + string.Join("；", g.Select(r => $"{r.Indicator.Code} {r.Indicator.Title}，{DocxNotice.ChineseDate(r.Task.DueDate)}到期"))));
        body.Add(returned.Count == 0 ? "退回待补正任务：无。" : "退回待补正任务：");
        body.AddRange(returned.Select(r => $"{r.Unit}：{r.Indicator.Code} {r.Indicator.Title}，已退回{r.Task.ReturnCount}次，退回理由：{r.Task.ReturnReason}"));
        var docx = DocxNotice.Create(new OfficialNotice
        {
            Title = $"{campaign.Name}工作进展周报", Body = body, Signature = (await settings.GetAsync(ct)).ReportSignature, Date = today,
        });
        return new ReportFile($"{DownloadName.Safe(campaign.Name)}-进展周报-{today:yyyyMMdd}.docx", DocxTemplate.ContentType, docx);
    }

    /// <summary>
    /// 佐证材料包: every unit's evidence for one indicator. Files go under the unit's folder; 材料清单.csv lists every item
    /// (files, figures, records in Fazhi, statements); <see cref="ManifestName"/> gives the SM3 of every file in the package
    /// in the "hash  path" layout of sm3sum, so a recipient can check nothing was altered.
    /// </summary>
    public async Task<ReportFile?> EvidencePackageAsync(Guid campaignId, Guid indicatorId, CancellationToken ct)
    {
        if (await LoadAsync(campaignId, ct) is not { } data || !data.Indicators.TryGetValue(indicatorId, out var indicator))
        {
            return null;
        }
        var rows = data.Rows.Where(r => r.Indicator.Id == indicatorId).ToList();
        var ids = rows.Select(r => r.Task.Id).ToList();
        var evidence = (await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.TaskId)).ToListAsync(ct)).OrderBy(e => e.Id).ToList();
        var units = (await orgs.ActiveUnitsAsync(ct)).ToDictionary(u => u.Id);
        var byTask = rows.ToDictionary(r => r.Task.Id);
        var hashes = new List<(string Path, string Hash)>();
        var list = new StringBuilder("牵头单位,提供单位,类型,标题,数值,记录,文件,SM3\n");
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, byte[] bytes)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                using var s = entry.Open();
                s.Write(bytes);
                hashes.Add((path, Sm3.HashHex(bytes)));
            }
            foreach (var r in rows)
            {
                if (r.Task.Statement.Length > 0)
                {
                    Add($"{DownloadName.Safe(r.UnitCode + "-" + r.Unit)}/工作情况说明.txt", Encoding.UTF8.GetBytes(r.Task.Statement));
                }
            }
            var n = 0;
            foreach (var e in evidence)
            {
                var lead = byTask[e.TaskId];
                var from = units.GetValueOrDefault(e.OrgUnitId)?.Name ?? "";
                string file = "", hash = "";
                if (e.Kind == EvidenceKind.File && e.AttachmentId is { } attachmentId)
                {
                    var meta = await attachments.GetAsync(attachmentId, ct);
                    await using var content = await attachments.OpenReadAsync(attachmentId, ct);
                    if (meta is not null && content is not null)
                    {
                        using var buffer = new MemoryStream();
                        await content.CopyToAsync(buffer, ct);
                        file = $"{DownloadName.Safe(lead.UnitCode + "-" + lead.Unit)}/{++n:000}-{DownloadName.Safe(meta.FileName)}";
                        Add(file, buffer.ToArray());
                        hash = hashes[^1].Hash;
                    }
                    else
                    {
                        file = "（文件不在您的数据范围内或已删除）";
                    }
                }
                var record = e.Kind == EvidenceKind.Record ? $"{e.RecordType}:{e.RecordId}" : "";
                var value = e.Value is { } v ? $"{v.ToString("0.####", Inv)}{e.Unit}" : "";
                list.Append(string.Join(',', new[] { lead.Unit, from, e.Kind.ToString(), e.Title, value, record, file, hash }.Select(Csv))).Append('\n');
            }
            Add("材料清单.csv", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(list.ToString())).ToArray());
            var manifest = new StringBuilder($"# {data.Campaign.Name} / {indicator.Code} {indicator.Title}\n# SM3 (GB/T 32905-2016)  path\n");
            foreach (var (path, hash) in hashes)
            {
                manifest.Append(hash).Append("  ").Append(path).Append('\n');
            }
            var m = zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
            await using var ms2 = m.Open();
            await ms2.WriteAsync(Encoding.UTF8.GetBytes(manifest.ToString()), ct);
        }
        await db.WriteAuditEventAsync("assessment.evidence.package", nameof(Indicator), indicatorId.ToString(), new { campaignId, Files = hashes.Count }, ct);
        return new ReportFile($"{DownloadName.Safe(indicator.Code)}-佐证材料.zip", "application/zip", ms.ToArray());
    }

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;

    private static string Percent(decimal part, decimal whole) => whole == 0 ? "0%" : $"{Math.Round(100m * part / whole, 1).ToString("0.#", Inv)}%";
}
