using System.Net;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Library.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.Tests.Profiles;

/// <summary>The case-type profiles' statutory articles as links into the regulation library, checked on each version's date (issue 15).</summary>
[Collection(HostCollection.Name)]
public sealed class ProfileLawLinkTests(FazhiFactory factory)
{
    [Fact]
    public async Task The_reconsideration_profile_links_its_articles_and_a_law_missing_from_the_library_is_flagged()
    {
        await factory.ImportDemoLawsAsync();
        var art30 = await factory.InScopeAsync(sp =>
            sp.GetRequiredService<ILawReferences>().ResolveAsync("行政复议法第三十条", new DateOnly(2024, 1, 1), CancellationToken.None));
        Assert.Equal(ReferenceState.Current, art30.State);
        var browser = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("dispute-front-desk-admin", "370400"));

        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/disputes/profiles?code=AdministrativeReconsideration"));
        Assert.Contains($"<a href=\"{art30.Url}\" title=\"现行有效\">行政复议法 第三十条</a>", html);

        var arbitration = WebUtility.HtmlDecode(await browser.GetStringAsync("/disputes/profiles?code=Arbitration"));
        Assert.Contains("劳动争议调解仲裁法 第二十九条<span class=\"tag tag-warn\">法规库中未找到</span>", arbitration);
    }
}
