using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Lists.Search;
using Fazhi.Platform.Kit;

namespace Fazhi.Lists.Tests;

/// <summary>
/// The published lists' in-memory search (ADR 0044): exactly a case-insensitive substring scan, one- and two-character words
/// included, with the filters, orders and pages the SQL list had; the power list's notice; the legal-change check's pieces.
/// </summary>
public sealed class ListSearchTests(ListsHost host) : IClassFixture<ListsHost>
{
    private static readonly string[] Words = ["城市绿化", "绿化", "市", "Ab", "ab-12", "（3）", "行政许可", "建筑", "薛城区", "区城", "PB-0001", "x"];

    [Fact]
    public void The_substring_index_finds_exactly_what_a_substring_scan_finds()
    {
        var rnd = new Random(7);
        string[] parts = ["城市", "绿化", "许可", "薛城区", "市中区", "AB", "ab", "-", "12", "（3）", "建筑", "施工", "行政", "x", " "];
        var records = Enumerable.Range(0, 400).Select(_ => Enumerable.Range(0, 3)
            .Select(_ => string.Concat(Enumerable.Range(0, rnd.Next(0, 6)).Select(_ => parts[rnd.Next(parts.Length)]))).ToArray()).ToList();
        var index = new SubstringIndex(records);
        foreach (var word in Words.Concat(["", "  ", "不存在", "化许", "市绿"]))
        {
            var expected = Enumerable.Range(0, records.Count)
                .Where(d => word.Trim().Length == 0 || records[d].Any(f => f.Contains(word.Trim(), StringComparison.OrdinalIgnoreCase))).ToArray();
            Assert.Equal(expected, index.Find(word));
        }
        // A match never spans two fields.
        var spanning = new SubstringIndex([["城市", "绿化"]]);
        Assert.Empty(spanning.Find("市绿"));
        Assert.Equal([0], spanning.Find("城市"));
    }

    [Fact]
    public void A_snapshot_filters_orders_and_pages_as_the_sql_list_did()
    {
        var rows = Enumerable.Range(0, 300).Select(i => new SearchRow<int>(Guid.CreateVersion7(), i % 3,
            new Dictionary<string, string> { ["name"] = $"事项{(i * 37) % 101:000}", ["unit"] = i % 2 == 0 ? "甲" : "乙" }, [$"事项{(i * 37) % 101:000}", i % 5 == 0 ? "绿化" : "许可"])).ToList();
        var snapshot = new VersionSnapshot<int>(rows, ["name", "unit"]);
        foreach (var (keyword, sort, desc) in new[] { ((string?)null, "name", false), ("绿化", "name", true), ("事项0", "unit", false), ("许可", "unit", true) })
        {
            var expected = rows.Where(r => r.Filter != 1 && (keyword is null || r.Text.Any(t => t!.Contains(keyword)))).ToList();
            expected.Sort((a, b) =>
            {
                var c = string.CompareOrdinal(a.SortKeys[sort], b.SortKeys[sort]);
                c = c != 0 ? c : a.Id.CompareTo(b.Id);
                return desc ? -c : c;
            });
            for (var page = 1; page <= 4; page++)
            {
                var (ids, total) = snapshot.Page(keyword, (_, f) => f != 1, sort, desc, new PageRequest(page, 20));
                Assert.Equal(expected.Count, total);
                Assert.Equal(expected.Skip((page - 1) * 20).Take(20).Select(r => r.Id), ids);
            }
        }
    }

    [Fact]
    public void A_legal_basis_is_cut_into_pieces_that_each_name_their_work()
    {
        Assert.Equal(["《行政处罚法》第十八条、", "《枣庄市城市绿化条例》第四十一条"], Fazhi.Lists.Powers.PowerService.CitationPieces("《行政处罚法》第十八条、《枣庄市城市绿化条例》第四十一条"));
        Assert.Equal(["依据", "《行政许可法》第三条、第五条"], Fazhi.Lists.Powers.PowerService.CitationPieces("依据《行政许可法》第三条、第五条"));
        Assert.Equal(["行政处罚法第三十二条"], Fazhi.Lists.Powers.PowerService.CitationPieces("行政处罚法第三十二条"));
        Assert.Empty(Fazhi.Lists.Powers.PowerService.CitationPieces(" "));
    }

    [Fact]
    public async Task The_public_power_list_is_searched_filtered_and_paged_then_a_new_version_is_searched_anew_and_has_its_notice()
    {
        var owner = await host.OwnerAsync();
        var xuecheng = await host.Factory.UnitIdAsync("370403");
        var shizhong = await host.Factory.UnitIdAsync("370402");
        var first = await PowerListTests.ProposeAsync(owner, new { kind = "Add", item = PowerListTests.Item("SS-1", "搜索测试对城市绿化的许可", "License", "County", xuecheng, "《枣庄市城市绿化条例》第三十一条") });
        await PowerListTests.ProposeAsync(owner, new { kind = "Add", item = PowerListTests.Item("SS-2", "搜索测试城市绿化监督检查", "Inspection", "County", shizhong, "《枣庄市城市绿化条例》第三十三条") });
        await PowerListTests.ProposeAsync(owner, new { kind = "Add", item = PowerListTests.Item("SS-3", "搜索测试建筑施工处罚", "Penalty", "County", xuecheng, "《枣庄市城市绿化条例》第四十一条") });
        await PowerListTests.AcceptAndPublishAsync(owner);
        var anonymous = host.Factory.CreateClient();

        async Task<(int Version, int Total, List<string> Names)> SearchAsync(string query)
        {
            var list = await anonymous.GetFromJsonAsync<JsonElement>("/api/lists/powers?" + query);
            var items = list.GetProperty("items");
            return (list.GetProperty("version").GetInt32(), items.GetProperty("total").GetInt32(),
                items.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList());
        }

        var (v1, total, names) = await SearchAsync("q=" + Uri.EscapeDataString("城市绿化") + "&sort=name");
        Assert.Equal(2, total);
        Assert.Equal(["搜索测试城市绿化监督检查", "搜索测试对城市绿化的许可"], names);
        Assert.Equal(["搜索测试对城市绿化的许可", "搜索测试城市绿化监督检查"], (await SearchAsync("q=" + Uri.EscapeDataString("城市绿化") + "&sort=name&dir=desc")).Names);
        Assert.Equal(["搜索测试建筑施工处罚"], (await SearchAsync("q=" + Uri.EscapeDataString("搜索测试") + "&kind=Penalty")).Names);
        Assert.Equal(["搜索测试城市绿化监督检查"], (await SearchAsync("q=" + Uri.EscapeDataString("搜索测试") + $"&unit={shizhong}")).Names);
        Assert.Equal(["搜索测试对城市绿化的许可"], (await SearchAsync("q=ss-1")).Names);
        Assert.Equal(0, (await SearchAsync("q=" + Uri.EscapeDataString("绿化建筑"))).Total);
        var paged = await SearchAsync("q=" + Uri.EscapeDataString("搜索测试") + "&sort=name&pageSize=2&page=2");
        Assert.Equal((3, 1), (paged.Total, paged.Names.Count));
        await (await anonymous.GetAsync("/api/lists/powers?sort=nope")).AssertRefusedNamingAsync("sort");

        // The next version renames an item: the list in force is searched anew.
        await PowerListTests.ProposeAsync(owner, new { kind = "Change", itemCode = first.GetProperty("itemCode").GetString(),
            item = PowerListTests.Item("SS-1", "搜索测试古树名木迁移许可", "License", "County", xuecheng, "《枣庄市城市绿化条例》第三十一条") });
        await PowerListTests.ProposeAsync(owner, new { kind = "Cancel", itemCode = (await CodeAsync(anonymous, "建筑施工")), cancelReason = "职能划转" });
        await PowerListTests.AcceptAndPublishAsync(owner);
        var (v2, _, renamed) = await SearchAsync("q=" + Uri.EscapeDataString("城市绿化"));
        Assert.Equal(v1 + 1, v2);
        Assert.Equal(["搜索测试城市绿化监督检查"], renamed);
        Assert.Equal(["搜索测试古树名木迁移许可"], (await SearchAsync("q=" + Uri.EscapeDataString("古树"))).Names);
        Assert.Contains("搜索测试古树名木迁移许可", await anonymous.GetStringAsync("/public/powers?q=" + Uri.EscapeDataString("古树")));

        // Its public notice lists the change and the cancellation, not the untouched item.
        var notice = await anonymous.GetAsync($"/api/lists/powers/versions/{v2}/notice");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        var (text, fonts) = NoticeText.Read(await notice.Content.ReadAsByteArrayAsync());
        Assert.Contains("仿宋", fonts);
        Assert.Matches("枣清单〔\\d{4}〕\\d+号", text);
        Assert.Contains("新增权力事项 0 项，调整 1 项，取消 1 项", text);
        Assert.Contains("搜索测试古树名木迁移许可", text);
        Assert.Contains("职能划转", text);
        Assert.DoesNotContain("搜索测试城市绿化监督检查", text);
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-owner", "370400"));
        Assert.Contains($"/api/lists/powers/versions/{v2}/notice", await browser.GetStringAsync("/lists/powers"));
        await (await anonymous.GetAsync("/api/lists/powers/versions/999/notice")).AssertRefusedNamingAsync("version");
    }

    private static async Task<string> CodeAsync(HttpClient client, string q)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/lists/powers?q=" + Uri.EscapeDataString(q));
        return Assert.Single(list.GetProperty("items").GetProperty("items").EnumerateArray()).GetProperty("itemCode").GetString()!;
    }
}
