using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Tests.Infrastructure;

namespace Fazhi.Enforcement.Tests.NoLightList;

[Collection(HostCollection.Name)]
public sealed class NoLightListTests(FazhiFactory factory)
{
    [Fact]
    public async Task The_public_list_finds_a_new_item_by_keyword_authority_and_tier_and_pages()
    {
        var anonymous = factory.BrowserClient();
        // Build the read model first, so the new version below must invalidate it.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/public/no-light-list")).StatusCode);

        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-benchmark-admin"));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var authority = $"清单测试局{tag}";
        var created = await admin.PostAsJsonAsync("/api/enforcement/matters", new { code = "L-" + tag, name = $"对占道经营{tag}的处罚", kind = "Penalty", legalBasis = "某条例第十条", issuingOrgCode = "370400", issuingBody = authority });
        var matterId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var version = await admin.PostAsJsonAsync($"/api/enforcement/matters/{matterId}/benchmarks", new
        {
            violation = $"占道经营{tag}", violationBasis = "某条例第十条", penaltyBasis = "某条例第三十条", issuingAuthority = authority, effectiveFrom = "2024-01-01",
            tiers = new object[]
            {
                new { tier = "NoPenalty", conditions = "首次违法，当场改正", rangeKind = "NonMonetary", rangeText = "不予行政处罚", onNoLightList = true },
                new { tier = "Mitigated", conditions = "主动消除危害后果", rangeKind = "FixedAmount", min = 0, max = 100, rangeText = "处 100 元以下罚款", onNoLightList = true },
                new { tier = "Ordinary", conditions = "一般情形", rangeKind = "FixedAmount", min = 100, max = 500, rangeText = "处 100 元以上 500 元以下罚款", onNoLightList = false },
            },
        });
        Assert.Equal(HttpStatusCode.Created, version.StatusCode);

        var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/no-light-list?q=占道经营{tag}"));
        Assert.Contains("首次违法，当场改正", html);
        Assert.Contains("主动消除危害后果", html);
        Assert.DoesNotContain("处 100 元以上 500 元以下罚款", html); // not a list item
        Assert.Contains($"<option value=\"{authority}\"", html);

        var byTier = await anonymous.GetFromJsonAsync<JsonElement>($"/api/enforcement/public/no-light-list?authority={Uri.EscapeDataString(authority)}&tier=Mitigated");
        Assert.Equal(1, byTier.GetProperty("total").GetInt32());
        Assert.Equal("主动消除危害后果", byTier.GetProperty("items")[0].GetProperty("conditions").GetString());
        var byMatter = await anonymous.GetFromJsonAsync<JsonElement>($"/api/enforcement/public/no-light-list?matter={matterId}&pageSize=1&page=2");
        Assert.Equal(2, byMatter.GetProperty("total").GetInt32());
        Assert.Equal("Mitigated", byMatter.GetProperty("items")[0].GetProperty("tier").GetString());
        var none = await anonymous.GetFromJsonAsync<JsonElement>($"/api/enforcement/public/no-light-list?authority={Uri.EscapeDataString(authority)}&tier=Lighter");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }
}
