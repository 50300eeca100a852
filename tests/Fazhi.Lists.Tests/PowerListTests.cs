using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Documents;

namespace Fazhi.Lists.Tests;

/// <summary>
/// The power and responsibility list (权责清单): three levels, reviewed versions, the legal-change flag through the library
/// (山东省行政执法监督条例 第十九条), the 市县同权 view and town delegations.
/// </summary>
public sealed class PowerListTests(ListsHost host) : IClassFixture<ListsHost>
{
    internal static object Item(string matter, string name, string kind, string level, Guid unit, string basis) => new
    {
        matterCode = matter,
        name,
        kind,
        level,
        unitId = unit,
        legalBasis = basis,
        responsibilities = "受理、审查、决定、送达、监管",
        accountability = "不履行或不正确履行职责的，依法追责",
    };

    internal static async Task<JsonElement> ProposeAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/lists/powers/changes", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static async Task AcceptAndPublishAsync(HttpClient owner, DateOnly? on = null)
    {
        var draft = await owner.GetFromJsonAsync<JsonElement>("/api/lists/powers/draft");
        foreach (var c in draft.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("reviewStatus").GetString() == "Pending"))
        {
            (await owner.PostAsJsonAsync($"/api/lists/powers/changes/{c.GetProperty("id")}/review", new { accept = true })).EnsureSuccessStatusCode();
        }
        var published = await owner.PostAsJsonAsync("/api/lists/powers/draft/publish", new { effectiveOn = on });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_parity_view_shows_a_district_lacking_a_city_power_and_the_town_delegation_with_its_document()
    {
        var owner = await host.OwnerAsync();
        var city = await host.Factory.UnitIdAsync("370400-ZHZF");
        var shizhong = await host.Factory.UnitIdAsync("370402");
        var town = await host.Factory.UnitIdAsync("370402001");
        await ProposeAsync(owner, new { kind = "Add", item = Item("T-LH-9", "同权测试砍伐审批", "License", "City", city, "《枣庄市城市绿化条例》第三十一条") });
        var county = await ProposeAsync(owner, new { kind = "Add", item = Item("T-LH-9", "同权测试砍伐审批", "License", "County", shizhong, "《枣庄市城市绿化条例》第三十一条") });
        await AcceptAndPublishAsync(owner);

        var parity = await host.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/lists/powers/parity?q=T-LH-9");
        var row = Assert.Single(parity.EnumerateArray());
        Assert.Equal(["枣庄市综合行政执法局"], row.GetProperty("city").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.Equal(["市中区"], row.GetProperty("counties").EnumerateArray().Select(x => x.GetString()!).ToArray());
        var lacking = row.GetProperty("countiesLacking").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Contains("薛城区", lacking);
        Assert.DoesNotContain("市中区", lacking);

        var code = county.GetProperty("itemCode").GetString();
        await (await owner.PostAsJsonAsync("/api/lists/powers/delegations", new { itemCode = code, townUnitId = town, documentNumber = "市中政发2025第3号", documentTitle = "赋权决定", delegatedOn = "2025-03-01" }))
            .AssertRefusedNamingAsync("documentNumber");
        var delegated = await owner.PostAsJsonAsync("/api/lists/powers/delegations", new { itemCode = code, townUnitId = town, documentNumber = "市中政发〔2025〕3号", documentTitle = "赋权决定", delegatedOn = "2025-03-01" });
        Assert.Equal(HttpStatusCode.Created, delegated.StatusCode);
        var withTown = Assert.Single((await host.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/lists/powers/parity?q=T-LH-9")).EnumerateArray());
        Assert.Single(withTown.GetProperty("towns").EnumerateArray());
        var unit = await host.UnitAsync("370402");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync("/api/lists/powers/delegations", new { itemCode = code, townUnitId = town, documentNumber = "市中政发〔2025〕4号", documentTitle = "x", delegatedOn = "2025-03-01" })).StatusCode);
    }

    [Fact]
    public async Task A_unit_proposes_only_for_itself_at_its_own_level_and_with_an_article_cited()
    {
        var shizhong = await host.Factory.UnitIdAsync("370402");
        var xuecheng = await host.UnitAsync("370403");
        await (await xuecheng.PostAsJsonAsync("/api/lists/powers/changes", new { kind = "Add", item = Item("T-X", "越权事项", "Penalty", "County", shizhong, "《枣庄市城市绿化条例》第四十一条") }))
            .AssertRefusedNamingAsync("item.unitId");
        var own = await host.Factory.UnitIdAsync("370403");
        await (await xuecheng.PostAsJsonAsync("/api/lists/powers/changes", new { kind = "Add", item = Item("T-X", "层级错误事项", "Penalty", "City", own, "《枣庄市城市绿化条例》第四十一条") }))
            .AssertRefusedNamingAsync("item.level");
        await (await xuecheng.PostAsJsonAsync("/api/lists/powers/changes", new { kind = "Add", item = Item("T-X", "无依据事项", "Penalty", "County", own, "依照有关规定") }))
            .AssertRefusedNamingAsync("item.legalBasis");
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-unit", "370403"));
        foreach (var url in new[] { "/lists/powers", "/lists/powers/draft", "/lists/powers/parity", "/lists/powers/delegations" })
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(url)).StatusCode);
        }
    }

    private static readonly string[] Headers =
        ["序号", "事项编码", "基本目录编码", "权力类别", "事项名称", "子项", "设定依据", "实施主体", "层级", "责任事项", "追责情形", "状态", "取消原因"];

    private static object?[] Row(int i, string matter, string kind, string name, string unit, string level, string basis = "《枣庄市城市绿化条例》第三十一条") =>
        [i, "", matter, kind, name, "", basis, unit, level, "受理、审查、决定、送达", "不履行或不正确履行职责的，依法追责", "在用", ""];

    private static MultipartFormDataContent Upload(IEnumerable<object?[]> rows)
    {
        var bytes = XlsxWriter.Write(new XlsxSheet("权责清单", Headers.Select(h => new XlsxColumn(h)).ToList(), rows.Select(r => (IReadOnlyList<object?>)r)));
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(XlsxWriter.ContentType);
        return new MultipartFormDataContent { { file, "file", "权责清单.xlsx" } };
    }

    [Fact]
    public async Task A_three_level_power_list_imports_from_xlsx_with_row_errors_named_then_publishes_exports_and_shows_on_the_public_page()
    {
        var owner = await host.OwnerAsync();
        // One matter family at the city (the enforcement bureau), a district (市中区) and a town (370402001).
        var good = new List<object?[]>
        {
            Row(1, "XL-QM-1", "行政许可", "导入三级砍伐审批", "370400-ZHZF", "市级"),
            Row(2, "XL-QM-1", "行政许可", "导入三级砍伐审批", "370402", "县级"),
            Row(3, "XL-QM-2", "行政处罚", "导入三级擅自砍伐处罚", "370402", "县级", "《枣庄市城市绿化条例》第四十一条"),
            Row(4, "XL-QM-2", "行政处罚", "导入三级擅自砍伐处罚", "370402001", "乡镇（街道）", "《枣庄市城市绿化条例》第四十一条"),
            Row(5, "XL-QM-3", "行政检查", "导入三级绿化检查", "370402001", "乡镇（街道）"),
        };
        var bad = good.Select(r => (object?[])r.Clone()).ToList();
        bad[1][8] = "乡镇（街道）";          // sheet row 3: 市中区 is a county-level unit
        bad[2][3] = "行政管理";              // sheet row 4: no such kind
        bad[3][6] = "依照有关规定";          // sheet row 5: no article cited
        bad[4][7] = "不存在的镇";            // sheet row 6: unknown unit
        var refused = await owner.PostAsync("/api/lists/powers/import", Upload(bad));
        var problem = await refused.AssertRefusedNamingAsync("rows[3]");
        var errors = problem.GetProperty("errors");
        Assert.StartsWith("第 3 行 I 列（层级）：", errors.GetProperty("rows[3]")[0].GetString());
        Assert.StartsWith("第 4 行 D 列（权力类别）：", errors.GetProperty("rows[4]")[0].GetString());
        Assert.StartsWith("第 5 行 G 列（设定依据）：", errors.GetProperty("rows[5]")[0].GetString());
        Assert.StartsWith("第 6 行 H 列（实施主体）：", errors.GetProperty("rows[6]")[0].GetString());
        Assert.Equal(4, errors.EnumerateObject().Count());
        var draft = await owner.GetFromJsonAsync<JsonElement>("/api/lists/powers/draft");
        Assert.DoesNotContain(draft.GetProperty("changes").EnumerateArray(), c => c.GetProperty("matterCode").GetString()!.StartsWith("XL-QM", StringComparison.Ordinal));
        var unit = await host.UnitAsync("370402");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsync("/api/lists/powers/import", Upload(good))).StatusCode);

        var imported = await owner.PostAsync("/api/lists/powers/import", Upload(good));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        Assert.Equal(5, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        await AcceptAndPublishAsync(owner);

        var anonymous = host.Factory.CreateClient();
        var towns = await anonymous.GetFromJsonAsync<JsonElement>("/api/lists/powers?q=导入三级&level=Town");
        Assert.Equal(["导入三级擅自砍伐处罚", "导入三级绿化检查"], towns.GetProperty("items").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).Order().ToArray());
        var shizhong = await host.Factory.UnitIdAsync("370402");
        var byUnit = await anonymous.GetFromJsonAsync<JsonElement>($"/api/lists/powers?q=导入三级&unit={shizhong}");
        Assert.Equal(2, byUnit.GetProperty("items").GetProperty("total").GetInt32());
        var page = await anonymous.GetStringAsync("/public/powers?q=" + Uri.EscapeDataString("导入三级") + "&level=Town");
        Assert.Contains("导入三级绿化检查", page);
        Assert.DoesNotContain("导入三级砍伐审批", page);
        Assert.Contains("/public/powers", await anonymous.GetStringAsync("/"));

        // The export is the import's layout: importing it again changes nothing; one edited row is one change.
        var export = await anonymous.GetAsync("/api/lists/powers/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = XlsxReader.Read(await export.Content.ReadAsStreamAsync());
        Assert.Equal(Headers, rows[0].Cells.Take(Headers.Length));
        var again = rows.Skip(1).Select(r => Enumerable.Range(0, Headers.Length).Select(c => (object?)r[c]).ToArray()).ToList();
        Assert.Contains(again, r => (string?)r[4] == "导入三级绿化检查" && (string?)r[8] == "乡镇（街道）");
        await (await owner.PostAsync("/api/lists/powers/import", Upload(again))).AssertRefusedNamingAsync("file");
        var i5 = again.FindIndex(r => (string?)r[4] == "导入三级绿化检查");
        again[i5][5] = "日常检查、专项检查";
        var second = await owner.PostAsync("/api/lists/powers/import", Upload(again));
        Assert.True(second.IsSuccessStatusCode, await second.Content.ReadAsStringAsync());
        var counts = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 1, 0), (counts.GetProperty("added").GetInt32(), counts.GetProperty("changed").GetInt32(), counts.GetProperty("cancelled").GetInt32()));
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-owner", "370400"));
        Assert.Contains("power-import", await browser.GetStringAsync("/lists/powers/draft"));
    }

    [Fact]
    public async Task Penalty_and_inspection_items_link_to_enforcement_matters_by_code_and_the_gaps_are_reported()
    {
        var owner = await host.OwnerAsync();
        var city = await host.Factory.UnitIdAsync("370400-ZHZF");
        // SL-370400-001 and SL-370400-002 are the enforcement module's sample matters (seeded on every start).
        var linked = await ProposeAsync(owner, new { kind = "Add", item = Item("SL-370400-001", "对未按规定公示年度报告的行政处罚", "Penalty", "City", city, "《枣庄市城市绿化条例》第四十一条") });
        var orphan = await ProposeAsync(owner, new { kind = "Add", item = Item("T-ENF-GAP", "对绿化养护的行政检查（无执法事项）", "Inspection", "City", city, "《枣庄市城市绿化条例》第三十一条") });
        await AcceptAndPublishAsync(owner);

        var report = await owner.GetFromJsonAsync<JsonElement>("/api/lists/powers/enforcement-gaps");
        var pair = Assert.Single(report.GetProperty("linked").EnumerateArray(), r => r.GetProperty("itemCode").GetString() == linked.GetProperty("itemCode").GetString());
        Assert.Equal("SL-370400-001", pair.GetProperty("matter").GetProperty("code").GetString());
        Assert.True(pair.GetProperty("matter").GetProperty("benchmarksInForce").GetInt32() >= 1, pair.ToString());
        Assert.Contains(report.GetProperty("itemsWithoutMatter").EnumerateArray(), r => r.GetProperty("itemCode").GetString() == orphan.GetProperty("itemCode").GetString());
        var missing = report.GetProperty("mattersWithoutItem").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ToList();
        Assert.Contains("SL-370400-002", missing);
        Assert.DoesNotContain("SL-370400-001", missing);

        var unit = await host.UnitAsync("370403");
        var filtered = await unit.GetFromJsonAsync<JsonElement>("/api/lists/powers/enforcement-gaps?q=T-ENF-GAP");
        Assert.Single(filtered.GetProperty("itemsWithoutMatter").EnumerateArray());
        Assert.Empty(filtered.GetProperty("linked").EnumerateArray());
        Assert.Contains((await host.Factory.CreateClient().GetAsync("/api/lists/powers/enforcement-gaps")).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-unit", "370403"));
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/lists/powers/enforcement"));
        Assert.Contains("T-ENF-GAP", html);
        Assert.Contains("SL-370400-002", html);
    }
}
