using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

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
}
