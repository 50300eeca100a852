using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Tests.Infrastructure;
using Fazhi.Library.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.Tests.Discretion;

/// <summary>
/// The legal basis of discretion rules and benchmarks as links into the regulation library (issue 15): each cited article
/// resolved on the date the rule took effect, and flagged when a later version of the law changed it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class LawLinkTests(FazhiFactory factory)
{
    private const string Reconsideration9 = "《中华人民共和国行政复议法》第九条";

    private Task<LawReference> ResolveAsync(string citation, DateOnly on) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<ILawReferences>().ResolveAsync(citation, on, CancellationToken.None));

    [Fact]
    public async Task The_contracts_lookup_flags_an_article_amended_in_a_later_version_and_passes_one_still_in_force()
    {
        await factory.ImportDemoLawsAsync();

        var amended = await ResolveAsync(Reconsideration9, new DateOnly(2020, 1, 1));
        Assert.Equal(ReferenceState.Amended, amended.State);
        Assert.NotNull(amended.Url);
        Assert.NotNull(amended.CurrentUrl);
        Assert.NotEqual(amended.Url, amended.CurrentUrl);
        Assert.True(amended.NeedsAttention());

        var current = await ResolveAsync("行政处罚法第三十二条", new DateOnly(2022, 1, 1));
        Assert.Equal(ReferenceState.Current, current.State);
        Assert.False(current.NeedsAttention());
    }

    [Fact]
    public async Task A_benchmark_citing_an_article_since_amended_shows_it_as_a_link_flagged_on_the_admin_and_public_pages()
    {
        await factory.ImportDemoLawsAsync();
        var admin = await factory.CreateUserAsync("enforcement-benchmark-admin", enrolTotp: false);
        var api = await factory.ApiClientAsync(admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var created = await api.PostAsJsonAsync("/api/enforcement/matters", new
        {
            code = "LR-" + tag, name = $"对复议引用测试{tag}的处罚", kind = "Penalty", legalBasis = Reconsideration9, issuingOrgCode = "370400", issuingBody = "测试局",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var matterId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var version = await api.PostAsJsonAsync($"/api/enforcement/matters/{matterId}/benchmarks", new
        {
            violation = $"复议引用测试{tag}", violationBasis = "", penaltyBasis = Reconsideration9 + "；行政处罚法第三十二条", issuingAuthority = "测试局", effectiveFrom = "2020-01-01",
            tiers = new[] { new { tier = "Ordinary", conditions = "一般情形", rangeKind = "NonMonetary", rangeText = "警告", onNoLightList = false } },
        });
        Assert.Equal(HttpStatusCode.Created, version.StatusCode);
        var amended = await ResolveAsync(Reconsideration9, new DateOnly(2020, 1, 1));
        var notYet = await ResolveAsync("行政处罚法第三十二条", new DateOnly(2020, 1, 1));

        var browser = await factory.SignedInBrowserAsync(admin);
        var adminHtml = WebUtility.HtmlDecode(await browser.GetStringAsync($"/enforcement/benchmarks/matters/{matterId}"));
        Assert.Contains($"<a href=\"{amended.Url}\"", adminHtml);
        Assert.Contains($"<a class=\"tag tag-warn\" href=\"{amended.CurrentUrl}\"", adminHtml);
        Assert.Contains(">已修改</a>", adminHtml);
        Assert.Contains(notYet.StateLabel, adminHtml); // the 2021 law was not yet in force on the version's date

        var publicHtml = WebUtility.HtmlDecode(await factory.BrowserClient().GetStringAsync($"/public/benchmarks?q=复议引用测试{tag}"));
        Assert.Contains($"<a href=\"{amended.Url}\"", publicHtml);
        Assert.Contains($"href=\"{amended.CurrentUrl}\"", publicHtml);
    }

    [Fact]
    public async Task The_rules_profile_links_its_articles_without_a_flag_while_they_are_in_force()
    {
        await factory.ImportDemoLawsAsync();
        var admin = await factory.CreateUserAsync("enforcement-benchmark-admin", enrolTotp: false);
        var art30 = await ResolveAsync("行政处罚法第三十条", new DateOnly(2021, 7, 15));
        Assert.Equal(ReferenceState.Current, art30.State);

        var html = WebUtility.HtmlDecode(await (await factory.SignedInBrowserAsync(admin)).GetStringAsync("/enforcement/benchmarks/rules"));

        Assert.Contains($"<a href=\"{art30.Url}\" title=\"现行有效\">行政处罚法第三十条</a>", html);
        Assert.DoesNotContain("cited-law-flagged", html);
    }
}
