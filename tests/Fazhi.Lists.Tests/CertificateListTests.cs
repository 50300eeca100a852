using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Lists.Tests;

/// <summary>
/// The certification-item list (证明事项清单): a legal basis is required and resolved through the library (优化营商环境条例
/// 第四十四条), units propose only their own items, the list owner reviews, and publishing without review is refused.
/// </summary>
public sealed class CertificateListTests(ListsHost host) : IClassFixture<ListsHost>
{
    [Fact]
    public async Task An_item_without_a_legal_basis_or_without_an_article_is_refused_naming_the_basis()
    {
        var unit = await host.UnitAsync();
        var xuecheng = await host.Factory.UnitIdAsync("370403");
        var none = await unit.PostAsJsonAsync("/api/lists/certificates/changes", new { kind = "Add", item = ListsHost.Item("无依据证明", xuecheng, basis: "") });
        await none.AssertRefusedNamingAsync("item.legalBasis");
        var vague = await unit.PostAsJsonAsync("/api/lists/certificates/changes", new { kind = "Add", item = ListsHost.Item("模糊依据证明", xuecheng, basis: "依据有关规定") });
        var problem = await vague.AssertRefusedNamingAsync("item.legalBasis");
        Assert.Contains("第四十四条", problem.GetProperty("errors").GetProperty("item.legalBasis")[0].GetString());
        // Notify-and-commit needs the commitment, its verification and the consequence of a false one (山东省优化营商环境条例 第二十九条).
        var bare = await unit.PostAsJsonAsync("/api/lists/certificates/changes", new
        {
            kind = "Add",
            item = new { name = "承诺缺项证明", matter = "法律援助申请", requestingUnitId = xuecheng, issuingUnit = "村委会", legalBasis = "《法律援助法》第四十一条", notifyCommit = true },
        });
        await bare.AssertRefusedNamingAsync("item.verificationMethod");
        var draft = await (await host.OwnerAsync()).GetFromJsonAsync<JsonElement>("/api/lists/certificates/draft");
        Assert.DoesNotContain(draft.GetProperty("changes").EnumerateArray(), c => c.GetProperty("name").GetString()!.Contains("依据证明", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_proposal_is_published_only_after_review_and_then_the_public_finds_it_with_its_article_linked()
    {
        var unit = await host.UnitAsync();
        var owner = await host.OwnerAsync();
        var xuecheng = await host.Factory.UnitIdAsync("370403");
        var proposed = await unit.PostAsJsonAsync("/api/lists/certificates/changes", new { kind = "Add", item = ListsHost.Item("发布流程测试证明", xuecheng), reason = "新增事项" });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var change = await proposed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pending", change.GetProperty("reviewStatus").GetString());

        // Publishing while a proposal is unreviewed is refused (409) and says why.
        var early = await owner.PostAsJsonAsync("/api/lists/certificates/draft/publish", new { });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("未经审核", await early.Content.ReadAsStringAsync());
        // A unit cannot review or publish.
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync("/api/lists/certificates/draft/publish", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/api/lists/certificates/changes/{change.GetProperty("id")}/review", new { accept = true })).StatusCode);
        // A rejection needs a reason.
        await (await owner.PostAsJsonAsync($"/api/lists/certificates/changes/{change.GetProperty("id")}/review", new { accept = false })).AssertRefusedNamingAsync("note");

        var reviewed = await owner.PostAsJsonAsync($"/api/lists/certificates/changes/{change.GetProperty("id")}/review", new { accept = true, note = "符合" });
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        var version = await ListsHost.AcceptAndPublishAsync(owner);

        var anonymous = host.Factory.CreateClient();
        var list = await ListsHost.ListAsync(anonymous, "发布流程测试证明");
        Assert.Equal(version, list.GetProperty("version").GetInt32());
        var item = Assert.Single(list.GetProperty("items").GetProperty("items").EnumerateArray());
        Assert.Equal(change.GetProperty("itemCode").GetString(), item.GetProperty("itemCode").GetString());
        var citation = Assert.Single(item.GetProperty("citations").EnumerateArray());
        Assert.Equal("Current", citation.GetProperty("state").GetString());
        Assert.Contains("/library/", citation.GetProperty("url").GetString());

        var page = await anonymous.GetStringAsync("/public/certificates?q=" + Uri.EscapeDataString("发布流程测试证明"));
        Assert.Contains("发布流程测试证明", page);
        Assert.Contains("告知承诺", page);
        Assert.Contains(citation.GetProperty("url").GetString()!, page);

        // The published version is immutable: the draft is gone, a new proposal opens the next one.
        var nothing = await owner.PostAsJsonAsync("/api/lists/certificates/draft/publish", new { });
        Assert.Equal(HttpStatusCode.Conflict, nothing.StatusCode);
    }

    [Fact]
    public async Task A_unit_proposes_only_for_its_own_items_and_sees_only_its_own_proposals()
    {
        var xuecheng = await host.Factory.UnitIdAsync("370403");
        var shizhong = await host.Factory.UnitAsync("370402");
        var xuechengUnit = await host.UnitAsync("370403");
        var shizhongUnit = await host.UnitAsync("370402");
        var foreign = await shizhongUnit.PostAsJsonAsync("/api/lists/certificates/changes", new { kind = "Add", item = ListsHost.Item("越权证明", xuecheng) });
        var problem = await foreign.AssertRefusedNamingAsync("item.requestingUnitId");
        Assert.Contains("数据范围", problem.ToString());

        var own = await xuechengUnit.PostAsJsonAsync("/api/lists/certificates/changes", new { kind = "Add", item = ListsHost.Item("薛城范围证明", xuecheng) });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var other = await shizhongUnit.PostAsJsonAsync("/api/lists/certificates/changes", new { kind = "Add", item = ListsHost.Item("市中范围证明", shizhong.Id) });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        var seenByShizhong = await shizhongUnit.GetFromJsonAsync<JsonElement>("/api/lists/certificates/draft");
        var names = seenByShizhong.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("市中范围证明", names);
        Assert.DoesNotContain("薛城范围证明", names);
        var owner = await host.OwnerAsync();
        var all = (await owner.GetFromJsonAsync<JsonElement>("/api/lists/certificates/draft")).GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("薛城范围证明", all);
        Assert.Contains("市中范围证明", all);
        await ListsHost.AcceptAndPublishAsync(owner);

        // Once published, Shizhong may not change or cancel Xuecheng's item.
        var code = (await ListsHost.ListAsync(owner, "薛城范围证明")).GetProperty("items").GetProperty("items")[0].GetProperty("itemCode").GetString();
        var cancel = await shizhongUnit.PostAsJsonAsync("/api/lists/certificates/changes", new { kind = "Cancel", itemCode = code, cancelReason = "试图取消" });
        await cancel.AssertRefusedNamingAsync("itemCode");
    }

    [Fact]
    public async Task Every_staff_page_of_the_list_renders_for_the_owner()
    {
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-owner", "370400"));
        foreach (var url in new[] { "/lists/certificates", "/lists/certificates/draft", "/lists/certificates/versions", "/lists/reports", "/lists/settings", "/public/certificates",
                     "/public/certificates/report", "/public/certificates/track" })
        {
            var response = await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
    }
}
