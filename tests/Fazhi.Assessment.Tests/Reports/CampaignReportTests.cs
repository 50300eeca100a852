using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Fazhi.Assessment.Tests.Infrastructure;
using Fazhi.Assessment.Tests.Survey;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Security.Crypto;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Reports;

/// <summary>
/// One campaign with known progress over 市中区 and 薛城区 (two indicators each): the progress board, the reports, the
/// evidence package and the rule-of-law index built from its reviewed scores and a survey.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CampaignReportTests(FazhiFactory factory)
{
    private const string Shizhong = "370402";
    private const string Xuecheng = "370403";

    private static readonly byte[] Pdf = "%PDF-1.4\n% 综合执法工作方案 2026\n"u8.ToArray();

    private sealed record Setup(HttpClient Office, Guid CampaignId, Guid Y1, Guid Y2);

    private async Task<Setup> CampaignAsync()
    {
        var office = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        var code = $"RP-{Guid.NewGuid():N}"[..16];
        var framework = Workbook([
            new("严格规范行政执法", "执法制度", "执法公示", 10, Code: "Y1", Method: "赋分"),
            new("依法全面履行政府职能", "政务公开", "政务公开", 10, Code: "Y2", Method: "赋分"),
        ]);
        var version = (await ImportFrameworkAsync(office, code, framework)).GetProperty("versionId").GetGuid();
        var created = await office.PostAsJsonAsync("/api/assessment/campaigns", new
        {
            name = $"报表考评-{Guid.NewGuid():N}"[..14], frameworkVersionId = version, periodStart = "2026-01-01", periodEnd = "2026-12-31", startsOn = "2026-01-02",
            deadline = "2026-12-15", bottomUpApproval = false, unitCodes = new[] { Shizhong, Xuecheng },
        });
        await ExpectAsync(created, HttpStatusCode.Created);
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var assignments = Workbook([
            new("严格规范行政执法", "执法制度", "执法公示", 10, Lead: "各区（市）", Due: "2026-01-05", Code: "Y1", Method: "赋分"),
            new("依法全面履行政府职能", "政务公开", "政务公开", 10, Lead: "各区（市）", Due: "2099-12-31", Code: "Y2", Method: "赋分"),
        ]);
        await ExpectAsync(await UploadAsync(office, $"/api/assessment/campaigns/{campaignId}/assignments/import", assignments), HttpStatusCode.OK);
        var indicators = await IndicatorsAsync(office, version);
        Guid Id(string c) => indicators.Single(i => i.GetProperty("code").GetString() == c).GetProperty("id").GetGuid();
        return new(office, campaignId, Id("Y1"), Id("Y2"));
    }

    private static async Task<Dictionary<string, Guid>> TasksAsync(HttpClient client, Guid campaignId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks?campaignId={campaignId}")).EnumerateArray()
            .ToDictionary(t => t.GetProperty("indicatorCode").GetString()!, t => t.GetProperty("taskId").GetGuid());

    private static async Task SubmitAsync(HttpClient unit, Guid task, string statement)
    {
        var d = await unit.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{task}");
        await ExpectAsync(await unit.PutAsJsonAsync($"/api/assessment/tasks/{task}/draft", new { version = d.GetProperty("version").GetInt64(), statement }), HttpStatusCode.NoContent);
        await ExpectAsync(await unit.PostAsync($"/api/assessment/tasks/{task}/submit", null), HttpStatusCode.NoContent);
    }

    /// <summary>
    /// 市中区: Y1 submitted with a file and accepted (8 points); Y2 returned once, resubmitted, accepted (10 points).
    /// 薛城区: Y1 untouched and past due (overdue); Y2 submitted, awaiting review.
    /// </summary>
    private async Task<Setup> ProgressAsync()
    {
        var s = await CampaignAsync();
        var shizhong = await factory.ApiClientAsync(await factory.CreateUserAsync(Unit, Shizhong));
        var xuecheng = await factory.ApiClientAsync(await factory.CreateUserAsync(Unit, Xuecheng));
        var a = await TasksAsync(shizhong, s.CampaignId);
        var b = await TasksAsync(xuecheng, s.CampaignId);

        using (var multipart = new MultipartFormDataContent())
        {
            var pdf = new ByteArrayContent(Pdf);
            pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            multipart.Add(pdf, "file", "执法方案.pdf");
            multipart.Add(new StringContent("执法公示工作方案"), "title");
            await ExpectAsync(await shizhong.PostAsync($"/api/assessment/tasks/{a["Y1"]}/evidence", multipart), HttpStatusCode.Created);
        }
        await ExpectAsync(await shizhong.PostAsJsonAsync($"/api/assessment/tasks/{a["Y1"]}/evidence", new { kind = "Figure", title = "公示执法决定", value = 36, unit = "件" }), HttpStatusCode.Created);
        await SubmitAsync(shizhong, a["Y1"], "已在门户网站公示执法决定。");
        await ExpectAsync(await s.Office.PostAsync($"/api/assessment/tasks/{a["Y1"]}/accept", null), HttpStatusCode.NoContent);
        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/tasks/{a["Y1"]}/score", new { points = 8 }), HttpStatusCode.OK);

        await SubmitAsync(shizhong, a["Y2"], "政务公开目录已更新。");
        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/tasks/{a["Y2"]}/return", new { reason = "缺少政府信息公开年报。" }), HttpStatusCode.NoContent);
        await SubmitAsync(shizhong, a["Y2"], "已补充政府信息公开年报。");
        await ExpectAsync(await s.Office.PostAsync($"/api/assessment/tasks/{a["Y2"]}/accept", null), HttpStatusCode.NoContent);
        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/tasks/{a["Y2"]}/score", new { points = 10 }), HttpStatusCode.OK);

        await SubmitAsync(xuecheng, b["Y2"], "政务公开目录已更新。");
        return s;
    }

    [Fact]
    public async Task The_progress_board_counts_completion_overdue_and_returns_by_unit_and_indicator_and_draws_charts()
    {
        var s = await ProgressAsync();
        var leader = await factory.ApiClientAsync(await factory.CreateUserAsync(Leader));
        var board = await leader.GetFromJsonAsync<JsonElement>($"/api/assessment/campaigns/{s.CampaignId}/board");
        static (int, int, int, int, int, decimal) Row(JsonElement r) => (r.GetProperty("total").GetInt32(), r.GetProperty("done").GetInt32(), r.GetProperty("submitted").GetInt32(),
            r.GetProperty("overdue").GetInt32(), r.GetProperty("returned").GetInt32(), r.GetProperty("completionPercent").GetDecimal());
        var byUnit = board.GetProperty("byUnit").EnumerateArray().ToDictionary(r => r.GetProperty("title").GetString()!, Row);
        Assert.Equal((2, 2, 0, 0, 1, 100m), byUnit["市中区"]);
        Assert.Equal((2, 0, 1, 1, 0, 0m), byUnit["薛城区"]);
        var byIndicator = board.GetProperty("byIndicator").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, Row);
        Assert.Equal((2, 1, 0, 1, 0, 50m), byIndicator["Y1"]);
        Assert.Equal((2, 1, 1, 0, 1, 50m), byIndicator["Y2"]);

        var browser = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Leader));
        var html = await browser.GetStringAsync($"/assessment/campaigns/{s.CampaignId}/progress");
        Assert.Contains("id=\"fig-total\">4<", html);
        Assert.Contains("id=\"fig-done\">50", html);
        Assert.Contains("id=\"fig-overdue\">1<", html);
        Assert.Contains("data-chart=\"chart-units\"", html);
        Assert.Contains("data-chart=\"chart-indicators\"", html);
        Assert.Contains("js/charts", html);
        // The chart data: the unit chart's series carry the same numbers as the table.
        var json = html[(html.IndexOf("data-chart=\"chart-units\">", StringComparison.Ordinal) + "data-chart=\"chart-units\">".Length)..];
        var option = JsonDocument.Parse(json[..json.IndexOf("</script>", StringComparison.Ordinal)]).RootElement;
        var categories = option.GetProperty("yAxis").GetProperty("data").EnumerateArray().Select(c => c.GetString()).ToList();
        var overdue = option.GetProperty("series").EnumerateArray().Single(x => x.GetProperty("name").GetString() == "逾期").GetProperty("data").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        Assert.Equal(1m, overdue[categories.IndexOf("薛城区")]);
        var echarts = await browser.GetAsync("/lib/echarts/echarts.min.js");
        Assert.Equal(HttpStatusCode.OK, echarts.StatusCode);
    }

    [Fact]
    public async Task Reports_open_as_valid_xlsx_and_docx_and_the_evidence_package_carries_a_correct_sm3_manifest()
    {
        var s = await ProgressAsync();
        var leader = await factory.ApiClientAsync(await factory.CreateUserAsync(Leader));

        var xlsx = await leader.GetAsync($"/api/assessment/campaigns/{s.CampaignId}/reports/score-sheet.xlsx");
        await ExpectAsync(xlsx, HttpStatusCode.OK);
        Assert.Equal(XlsxWriter.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
        var rows = XlsxReader.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), "指标得分");
        Assert.Equal(["指标编码", "指标", "计分方式", "牵头单位编码"], rows[0].Cells.Take(4));
        var y1 = rows.Single(r => r[0] == "Y1" && r[3] == Shizhong);
        Assert.Equal("8", y1[8]);
        Assert.Equal("审核通过", y1[5]);
        Assert.Contains(rows, r => r[0] == "Y1" && r[3] == Xuecheng && r[8] == "");

        foreach (var (url, title) in new[] { ("self-assessment.docx", "自评报告"), ("weekly-digest.docx", "工作进展周报") })
        {
            var response = await leader.GetAsync($"/api/assessment/campaigns/{s.CampaignId}/reports/{url}");
            await ExpectAsync(response, HttpStatusCode.OK);
            using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains(title, text);
            if (title == "自评报告")
            {
                Assert.Contains("共分解考评任务4项", text);
                Assert.Contains("已审核通过2项，完成率50%", text);
            }
            else
            {
                Assert.Contains("逾期未报送1项", text);
                Assert.Contains("薛城区（1项）：Y1 执法公示", text);
            }
        }

        var zip = await leader.GetAsync($"/api/assessment/campaigns/{s.CampaignId}/indicators/{s.Y1}/evidence.zip");
        await ExpectAsync(zip, HttpStatusCode.OK);
        using var archive = new ZipArchive(new MemoryStream(await zip.Content.ReadAsByteArrayAsync()));
        var manifest = ReadText(archive.GetEntry("manifest-sm3.txt")!);
        var lines = manifest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
        // Every entry except the manifest itself is listed with its SM3, and every hash matches the bytes in the package.
        Assert.Equal(archive.Entries.Count - 1, lines.Count);
        foreach (var line in lines)
        {
            var hash = line[..64];
            var path = line[66..];
            using var entry = archive.GetEntry(path)!.Open();
            using var buffer = new MemoryStream();
            entry.CopyTo(buffer);
            Assert.Equal(Sm3.HashHex(buffer.ToArray()), hash);
        }
        var pdf = archive.Entries.Single(e => e.FullName.EndsWith("执法方案.pdf", StringComparison.Ordinal));
        Assert.StartsWith("370402-", pdf.FullName);
        Assert.Contains($"{Sm3.HashHex(Pdf)}  {pdf.FullName}", manifest);
        var list = ReadText(archive.GetEntry("材料清单.csv")!);
        Assert.Contains("公示执法决定,36件", list);
        Assert.Contains("已在门户网站公示执法决定。", ReadText(archive.Entries.Single(e => e.FullName.EndsWith("工作情况说明.txt", StringComparison.Ordinal))));

        var unit = await factory.ApiClientAsync(await factory.CreateUserAsync(Unit, Shizhong));
        await ExpectAsync(await unit.GetAsync($"/api/assessment/campaigns/{s.CampaignId}/reports/score-sheet.xlsx"), HttpStatusCode.Forbidden);
    }

    private static string ReadText(ZipArchiveEntry e)
    {
        using var reader = new StreamReader(e.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task The_index_combines_reviewed_scores_survey_and_a_computed_indicator_with_the_components_shown_and_a_trend()
    {
        var s = await ProgressAsync();
        var survey = await SurveyKit.OpenSurveyAsync(s.Office, $"指数调查-{Guid.NewGuid():N}"[..18]);
        var anonymous = factory.CreateClient();
        await ExpectAsync(await SurveyKit.AnswerAsync(factory, anonymous, survey, Shizhong, "13700000001", 5), HttpStatusCode.NoContent);
        await ExpectAsync(await SurveyKit.AnswerAsync(factory, anonymous, survey, Shizhong, "13700000002", 4), HttpStatusCode.NoContent);
        await ExpectAsync(await SurveyKit.AnswerAsync(factory, anonymous, survey, Xuecheng, "13700000003", 2), HttpStatusCode.NoContent);

        var year = 2040 + Random.Shared.Next(0, 50);
        var created = await s.Office.PostAsJsonAsync("/api/assessment/indexes", new
        {
            year, dimensions = new[] { new { dimension = "法治政府", weight = 60m }, new { dimension = "法治保障", weight = 20m }, new { dimension = "法治感受", weight = 40m } },
        });
        await ExpectAsync(created, HttpStatusCode.Created);
        var indexId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var duplicate = await s.Office.PostAsJsonAsync("/api/assessment/indexes", new { year });
        await ExpectAsync(duplicate, HttpStatusCode.BadRequest);
        Assert.Contains("已经定义", await DetailAsync(duplicate));

        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/indexes/{indexId}/components",
            new { dimension = "法治政府", weight = 1, source = "Campaign", sourceKey = s.CampaignId.ToString() }), HttpStatusCode.Created);
        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/indexes/{indexId}/components",
            new { dimension = "法治感受", weight = 1, source = "Survey", sourceKey = survey.Id.ToString() }), HttpStatusCode.Created);
        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/indexes/{indexId}/components",
            new { dimension = "法治保障", weight = 1, source = "Computed", sourceKey = "platform.units-with-accounts" }), HttpStatusCode.Created);
        var unknown = await s.Office.PostAsJsonAsync($"/api/assessment/indexes/{indexId}/components", new { dimension = "法治保障", weight = 1, source = "Computed", sourceKey = "nope" });
        await ExpectAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Contains("未注册", await DetailAsync(unknown));

        await ExpectAsync(await s.Office.PostAsync($"/api/assessment/indexes/{indexId}/compute", null), HttpStatusCode.OK);
        var leader = await factory.ApiClientAsync(await factory.CreateUserAsync(Leader));
        var results = (await leader.GetFromJsonAsync<JsonElement>($"/api/assessment/indexes/{indexId}/results")).EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal(7, results.Count); // six districts and the city

        async Task<decimal> AccountsAsync(string code)
        {
            var id = await factory.InScopeAsync(async sp => (await sp.GetRequiredService<Fazhi.Platform.Kit.IOrgDirectory>().FindByCodeAsync(code, default))!.Id);
            var v = await leader.GetFromJsonAsync<JsonElement>($"/api/assessment/providers/platform.units-with-accounts/value?orgUnitId={id}&from={year}-01-01&to={year}-12-31");
            return Math.Round(v.GetProperty("value").GetDecimal() * 100m, 2);
        }
        // 市中区: 法治政府 = reviewed 8 + 10 of 20 = 90; 法治感受 = (4.5 - 1) / 4 x 100 = 87.5; 法治保障 = the accounts rate.
        var shizhongAccounts = await AccountsAsync(Shizhong);
        var sz = results[Shizhong];
        Assert.Equal(Math.Round((60m * 90m + 20m * shizhongAccounts + 40m * 87.5m) / 120m, 2), sz.GetProperty("total").GetDecimal());
        var components = sz.GetProperty("detail").GetProperty("dimensions").EnumerateArray()
            .SelectMany(d => d.GetProperty("components").EnumerateArray()).ToDictionary(c => c.GetProperty("source").GetString()!);
        Assert.Equal(90m, components["Campaign"].GetProperty("value").GetDecimal());
        Assert.Contains("2 项审定评分 18/20", components["Campaign"].GetProperty("basis").GetString());
        Assert.Equal(87.5m, components["Survey"].GetProperty("value").GetDecimal());
        Assert.Equal(shizhongAccounts, components["Computed"].GetProperty("value").GetDecimal());
        // 薛城区: no reviewed score yet (its submission awaits review), so 法治政府 has no value and does not count as 0.
        var xc = results[Xuecheng];
        var xcAccounts = await AccountsAsync(Xuecheng);
        Assert.Equal(Math.Round((20m * xcAccounts + 40m * 25m) / 60m, 2), xc.GetProperty("total").GetDecimal());
        // The city: all reviewed scores (90) and all answers: mean (5 + 4 + 2) / 3.
        var cityAccounts = await AccountsAsync("370400");
        var citySurvey = Math.Round((Math.Round(11m / 3m, 4) - 1m) / 4m * 100m, 2);
        Assert.Equal(Math.Round((60m * 90m + 20m * cityAccounts + 40m * citySurvey) / 120m, 2), results["370400"].GetProperty("total").GetDecimal());

        var trend = (await leader.GetFromJsonAsync<JsonElement>("/api/assessment/indexes/trend")).EnumerateArray().Where(p => p.GetProperty("year").GetInt32() == year).ToList();
        Assert.Equal(7, trend.Count);

        var browser = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Leader));
        var detail = await browser.GetStringAsync($"/assessment/index/{indexId}");
        Assert.Contains("2 项审定评分 18/20", detail);
        Assert.Contains("data-chart=\"chart-index-totals\"", detail);
        var list = await browser.GetStringAsync("/assessment/index");
        Assert.Contains("data-chart=\"chart-index-trend\"", list);
        Assert.DoesNotContain("create-index", list); // leaders read, they do not define
    }
}
