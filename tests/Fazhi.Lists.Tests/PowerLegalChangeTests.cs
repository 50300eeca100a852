using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Lists.Tests;

/// <summary>
/// The legal-change flag (山东省行政执法监督条例 第十九条: 行政权力事项动态管理) on its own host: the list takes effect on a
/// date before the library's amendment.
/// </summary>
public sealed class PowerLegalChangeTests(ListsHost host) : IClassFixture<ListsHost>
{
    [Fact]
    public async Task An_amended_article_flags_the_item_with_the_change_and_a_new_revision_clears_it()
    {
        var owner = await host.OwnerAsync();
        var justice = await host.Factory.UnitIdAsync("370400-SFJ");
        var item = await PowerListTests.ProposeAsync(owner, new { kind = "Add", item = PowerListTests.Item("T-FY-1", "复议决定履行监督测试", "Inspection", "City", justice, "《行政复议法》第三十二条") });
        // Unreviewed: publishing is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsJsonAsync("/api/lists/powers/draft/publish", new { })).StatusCode);
        // In force from 2022, when 行政复议法 (2017) 第三十二条 read "被申请人应当履行行政复议决定"; the 2023 revision changed it.
        await PowerListTests.AcceptAndPublishAsync(owner, new DateOnly(2022, 6, 1));
        var run = await (await owner.PostAsync("/api/lists/powers/legal-check", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(run.GetProperty("flagged").GetInt32() >= 1, run.ToString());

        var flagged = await owner.GetFromJsonAsync<JsonElement>("/api/lists/powers?flagged=true&q=" + Uri.EscapeDataString("复议决定履行监督测试"));
        var row = Assert.Single(flagged.GetProperty("items").GetProperty("items").EnumerateArray());
        var change = Assert.Single(row.GetProperty("legalChanges").EnumerateArray());
        Assert.Equal("Amended", change.GetProperty("state").GetString());
        Assert.Contains("/library/", change.GetProperty("currentUrl").GetString());
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-owner", "370400"));
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/lists/powers?flagged=true"));
        Assert.Contains("依据已变化", html);
        Assert.Contains("复议决定履行监督测试", html);

        // The unit reviews the basis and the list is republished: the new revision is checked anew and is not flagged.
        await PowerListTests.ProposeAsync(owner, new
        {
            kind = "Change", itemCode = item.GetProperty("itemCode").GetString(),
            item = PowerListTests.Item("T-FY-1", "复议决定履行监督测试", "Inspection", "City", justice, "《行政复议法》第七十七条"),
        });
        await PowerListTests.AcceptAndPublishAsync(owner);
        await owner.PostAsync("/api/lists/powers/legal-check", null);
        var after = await owner.GetFromJsonAsync<JsonElement>("/api/lists/powers?flagged=true&q=" + Uri.EscapeDataString("复议决定履行监督测试"));
        Assert.Equal(0, after.GetProperty("items").GetProperty("total").GetInt32());
    }
}
