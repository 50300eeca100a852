using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Tests.Infrastructure;
using Fazhi.Platform.Features.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.Tests.Discretion;

[Collection(HostCollection.Name)]
public sealed class EnforcementApiTests(FazhiFactory factory)
{
    private const string Officer = "enforcement-officer";
    private const string BenchmarkAdmin = "enforcement-benchmark-admin";

    private async Task<Guid> SampleMatterIdAsync(HttpClient client, string code)
    {
        var matters = await client.GetFromJsonAsync<JsonElement>("/api/enforcement/matters");
        return matters.EnumerateArray().Single(m => m.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task An_officer_evaluates_a_16_year_old_and_gets_lighter_with_article_30()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(Officer));
        var matterId = await SampleMatterIdAsync(client, "SL-370400-002");

        var response = await client.PostAsJsonAsync("/api/enforcement/evaluate", new
        {
            matterId,
            facts = new { partyAge = 16, actDate = "2026-05-01", decisionDate = "2026-06-01", orderToCorrectRecorded = true, harm = "Ordinary", proposedAmount = 800 },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Lighter", result.GetProperty("tier").GetString());
        Assert.Equal("从轻处罚", result.GetProperty("tierName").GetString());
        Assert.Equal(1000m, result.GetProperty("range").GetProperty("max").GetDecimal());
        Assert.Contains(result.GetProperty("rules").EnumerateArray(), r => r.GetProperty("article").GetString() == "行政处罚法第三十条");
        Assert.True(result.GetProperty("canDecide").GetBoolean());
    }

    [Fact]
    public async Task Evaluate_refuses_facts_without_dates_with_the_field_named()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(Officer));
        var matterId = await SampleMatterIdAsync(client, "SL-370400-002");

        var response = await client.PostAsJsonAsync("/api/enforcement/evaluate", new { matterId, facts = new { partyAge = 30 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("facts.decisionDate", out _));
    }

    [Fact]
    public async Task An_officer_without_the_manage_permission_gets_403_on_manage_endpoints()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(Officer));

        var response = await client.PostAsJsonAsync("/api/enforcement/matters", new { code = "X-" + Guid.NewGuid().ToString("N")[..8], name = "测试事项", kind = "Penalty", legalBasis = "某法", issuingOrgCode = "", issuingBody = "" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_new_benchmark_version_closes_the_old_one_and_evaluation_by_old_id_keeps_its_range()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(BenchmarkAdmin));
        var code = "T-" + Guid.NewGuid().ToString("N")[..10];
        var created = await client.PostAsJsonAsync("/api/enforcement/matters", new { code, name = "对测试违法行为的处罚", kind = "Penalty", legalBasis = "测试法第一条", issuingOrgCode = "370400", issuingBody = "测试局" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var matterId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        object Version(string from, int max) => new
        {
            violation = "测试违法行为", violationBasis = "测试法第一条", penaltyBasis = "测试法第二条", issuingAuthority = "测试局", effectiveFrom = from,
            tiers = new[] { new { tier = "Ordinary", conditions = "一般情形", rangeKind = "FixedAmount", min = 100, max, rangeText = $"处 100 元以上 {max} 元以下罚款", onNoLightList = false } },
        };
        var v1 = await client.PostAsJsonAsync($"/api/enforcement/matters/{matterId}/benchmarks", Version("2024-01-01", 1000));
        Assert.Equal(HttpStatusCode.Created, v1.StatusCode);
        var v1Id = (await v1.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var v2 = await client.PostAsJsonAsync($"/api/enforcement/matters/{matterId}/benchmarks", Version("2026-01-01", 2000));
        Assert.Equal(HttpStatusCode.Created, v2.StatusCode);

        var versions = await client.GetFromJsonAsync<JsonElement>($"/api/enforcement/matters/{matterId}/benchmarks");
        Assert.Equal(2, versions.GetArrayLength());
        Assert.Equal("2025-12-31", versions[1].GetProperty("effectiveTo").GetString());

        var now = await client.PostAsJsonAsync("/api/enforcement/evaluate", new { matterId, facts = new { actDate = "2026-03-01", decisionDate = "2026-04-01" } });
        Assert.Equal(2000m, (await now.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("range").GetProperty("max").GetDecimal());
        var past = await client.PostAsJsonAsync("/api/enforcement/evaluate", new { matterId, facts = new { actDate = "2025-03-01", decisionDate = "2025-04-01" } });
        var pastResult = await past.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(v1Id, pastResult.GetProperty("benchmarkId").GetGuid());
        Assert.Equal(1000m, pastResult.GetProperty("range").GetProperty("max").GetDecimal());
    }

    [Fact]
    public async Task An_import_posted_with_the_session_cookie_and_no_antiforgery_token_is_refused()
    {
        var bytes = Sheet([1, "导入测试事项" + Guid.NewGuid().ToString("N")[..6], "违法行为甲", "某法第一条", "初次违法", "不予处罚", "不予行政处罚"]);
        foreach (var (role, url) in new[] { (BenchmarkAdmin, "/api/enforcement/benchmarks/import"), ("enforcement-registry-admin", "/api/enforcement/officers/import") })
        {
            var browser = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(role));
            var response = await browser.PostAsync(url, Upload(bytes));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(Fazhi.Platform.Web.CookieAntiforgery.RefusedMessage, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Import_with_a_bad_row_reports_the_row_and_imports_nothing()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(BenchmarkAdmin));
        var name = "导入测试事项" + Guid.NewGuid().ToString("N")[..6];
        var bytes = Sheet(
            [1, name, "违法行为甲", "某法第一条", "初次违法", "不予处罚", "不予行政处罚"],
            [2, name, "违法行为甲", "某法第一条", "一般情形", "随便罚", "处 1000 元以下罚款"]);

        var response = await client.PostAsync("/api/enforcement/benchmarks/import", Upload(bytes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("rows[3]", out var row3), problem.ToString());
        Assert.Contains("裁量阶次", row3[0].GetString());
        var imported = await factory.InScopeAsync(sp => sp.GetRequiredService<EnforcementDb>().Matters.AnyAsync(m => m.Name == name));
        Assert.False(imported);
    }

    [Fact]
    public async Task Import_then_export_round_trips_the_published_layout()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(BenchmarkAdmin));
        var name = "导入测试事项" + Guid.NewGuid().ToString("N")[..6];
        var bytes = Sheet(
            [1, name, "违法行为乙", "某法第二条", "初次违法，及时改正", "不予处罚", "不予行政处罚"],
            [2, name, "违法行为乙", "某法第二条", "一般情形", "一般", "处 1000 元以上 5000 元以下罚款"]);

        var response = await client.PostAsync("/api/enforcement/benchmarks/import", Upload(bytes));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var anonymous = factory.CreateClient();
        var export = await anonymous.GetAsync("/api/enforcement/benchmarks/export?listOnly=true");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = XlsxReader.Read(await export.Content.ReadAsStreamAsync());
        Assert.Equal(["序号", "事项名称", "违法行为", "法律依据", "适用条件", "裁量阶次", "裁量幅度"], rows[0].Cells.Take(7));
        Assert.Contains(rows, r => r[1] == name && r[5] == "不予处罚");
        Assert.DoesNotContain(rows, r => r[1] == name && r[5] == "一般处罚");
    }

    [Fact]
    public async Task Reimporting_an_adjusted_list_adds_a_version_keeps_the_old_and_publishes_only_the_new()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(BenchmarkAdmin));
        var name = "调整测试事项" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/enforcement/benchmarks/import", Upload(Sheet(
            [1, name, "违法行为丙", "某法第三条", "一般情形", "一般", "处 1000 元以上 3000 元以下罚款"],
            [2, name, "违法行为丁", "某法第四条", "一般情形", "一般", "处 200 元以下罚款"])))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/enforcement/benchmarks/import", Upload(Sheet(
            [1, name, "违法行为丙", "某法第三条", "一般情形", "一般", "处 1000 元以上 5000 元以下罚款"])))).StatusCode);

        var published = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/enforcement/public/benchmarks?q={Uri.EscapeDataString(name)}");
        var rows = published.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.GetProperty("violation").GetString() == "违法行为丙" && r.GetProperty("rangeText").GetString() == "处 1000 元以上 5000 元以下罚款" && r.GetProperty("benchmarkNumber").GetInt32() == 2);
        Assert.Contains(rows, r => r.GetProperty("violation").GetString() == "违法行为丁" && r.GetProperty("benchmarkNumber").GetInt32() == 1);
        var matterId = rows.Single(r => r.GetProperty("violation").GetString() == "违法行为丙").GetProperty("matterId").GetGuid();
        var versions = await client.GetFromJsonAsync<JsonElement>($"/api/enforcement/matters/{matterId}/benchmarks");
        Assert.Equal(2, versions.GetArrayLength());
    }

    [Fact]
    public async Task The_public_list_is_anonymous_and_searchable()
    {
        var anonymous = factory.CreateClient();

        var page = await anonymous.GetAsync("/public/benchmarks?q=明码标价");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("对经营者未明码标价的行政处罚", html);
        Assert.Contains("示例", html);
        Assert.DoesNotContain("对食品经营者未按要求进行食品贮存", html);

        var api = await anonymous.GetFromJsonAsync<JsonElement>("/api/enforcement/public/benchmarks?listOnly=true");
        Assert.All(api.EnumerateArray(), r => Assert.True(r.GetProperty("onNoLightList").GetBoolean()));
    }

    [Fact]
    public async Task Public_benchmarks_in_english_read_the_module_strings_and_the_shared_ones()
    {
        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/public/benchmarks?culture=en"));
        Assert.Contains("<h1>Published penalty discretion benchmarks</h1>", html); // EnforcementText.en.resx
        Assert.Contains("<title>Published penalty discretion benchmarks · Fazhi Zaozhuang</title>", html); // the platform's PageHeader and Text.en.resx
        Assert.Contains("Staff sign-in", html); // the public header
        Assert.DoesNotContain("class=\"breadcrumb\"", html); // a public page shows no back-office breadcrumb (ADR 0029)
        Assert.DoesNotContain("行政处罚裁量基准公示", html);
    }

    [Fact]
    public async Task The_rules_profile_holds_the_statutory_numbers_and_refuses_nonsense()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(BenchmarkAdmin));

        var profile = await client.GetFromJsonAsync<JsonElement>("/api/enforcement/rules-profile");
        Assert.Equal(14, profile.GetProperty("noPenaltyBelowAge").GetInt32());
        Assert.Equal(2, profile.GetProperty("limitationYears").GetInt32());
        Assert.Equal(5, profile.GetProperty("extendedLimitationYears").GetInt32());

        var bad = await client.PutAsJsonAsync("/api/enforcement/rules-profile", new
        {
            version = profile.GetProperty("version").GetInt64(), noPenaltyBelowAge = 14, minorBelowAge = 18, limitationYears = 5, extendedLimitationYears = 2, orderToCorrectBeforeLeniency = true,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var officer = await factory.ApiClientAsync(await factory.CreateUserAsync(Officer));
        var forbidden = await officer.PutAsJsonAsync("/api/enforcement/rules-profile", new
        {
            version = 0, noPenaltyBelowAge = 14, minorBelowAge = 18, limitationYears = 2, extendedLimitationYears = 5, orderToCorrectBeforeLeniency = true,
        });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static byte[] Sheet(params object[][] rows) =>
        XlsxWriter.Write(new XlsxSheet("清单", new[] { "序号", "事项名称", "违法行为", "法律依据", "适用条件", "裁量阶次", "裁量幅度" }.Select(h => new XlsxColumn(h)).ToList(),
            rows.Select(r => (IReadOnlyList<object?>)r.ToList<object?>())));

    private static MultipartFormDataContent Upload(byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new(XlsxWriter.ContentType);
        content.Add(file, "file", "list.xlsx");
        content.Add(new StringContent("测试局"), "authority");
        return content;
    }
}
