using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 16, 立法草案征求意见: a citizen on a 390 px phone goes from the portal to the demo draft under comment, taps
/// "对本条提意见" on 第五条, comments on it and gets a number and query code; the legislation office (demo-city) answers the
/// comment on the project page; the citizen reads the answer with the number and query code.
/// </summary>
public sealed class LegislationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";

    [Fact]
    public async Task A_citizen_on_a_phone_comments_on_an_article_and_reads_the_answer()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
        });
        var citizen = await phone.NewPageAsync();
        var staffContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var staff = await staffContext.NewPageAsync();
        try
        {
            // 1. From the portal to the draft; 第五条's link preselects it in the form.
            await citizen.GotoAsync(host.BaseUrl + "/");
            await citizen.ClickAsync("a.portal-card[href='/public/legislation']");
            await citizen.ClickAsync("a:text-is('枣庄市城市绿化管理办法')");
            var article = citizen.Locator("li[id='article-第五条']");
            await article.WaitForAsync();
            Assert.Contains("绿地率不得低于百分之三十", await article.InnerTextAsync());
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await article.Locator("a.comment-link").ClickAsync();
            await citizen.WaitForURLAsync("**article=*");
            await citizen.WaitForFunctionAsync("() => document.querySelector('#article')?.value === '第五条'");
            Assert.Equal("第五条", await citizen.InputValueAsync("#article"));

            // 2. An empty comment is refused naming the field; then it is received with a number and a query code.
            await citizen.ClickAsync("#submit-comment");
            await citizen.Locator("text=请填写意见内容").First.WaitForAsync();
            await citizen.FillAsync("#text", "建议新建居住区绿地率提高到百分之三十五。");
            await citizen.ClickAsync("#submit-comment");
            await citizen.Locator("#receipt").WaitForAsync();
            var number = (await citizen.Locator("#comment-number").InnerTextAsync()).Trim();
            var code = (await citizen.Locator("#query-code").InnerTextAsync()).Trim();
            Assert.StartsWith("LFYJ-", number);
            Assert.Equal(8, code.Length);
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await BrowserFixture.ScreenshotAsync(citizen, "60-legislation-comment-receipt");

            // 3. The legislation office sees it on 第五条 of the version for comment and answers it.
            await staff.GotoAsync(host.BaseUrl + "/account/login");
            await staff.FillAsync("#username", "demo-city");
            await staff.FillAsync("#password", DemoPassword);
            await staff.ClickAsync("button[type=submit]");
            await staff.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);
            await staff.GotoAsync(citizen.Url.Replace("/public/legislation/", "/rulemaking/legislation/", StringComparison.Ordinal).Split('?')[0]);
            var row = staff.Locator($"tr[data-comment='{number}']");
            await row.WaitForAsync();
            Assert.Contains("第五条", await row.InnerTextAsync());
            await row.Locator("select[name='Answer.Answer']").SelectOptionAsync("PartlyAdopted");
            await row.Locator("input[name='Answer.Reason']").FillAsync("新建居住区提高到百分之三十五，旧城改造区维持百分之二十五。");
            await row.Locator("button").ClickAsync();
            await staff.Locator($"tr[data-comment='{number}'] .tag", new PageLocatorOptions { HasText = "部分采纳" }).WaitForAsync();

            // 4. The citizen reads the answer with the number and query code.
            await citizen.GotoAsync(host.BaseUrl + "/public/legislation/track");
            await citizen.Locator("#number").WaitForAsync();
            await citizen.FillAsync("#number", number);
            await citizen.FillAsync("#code", code);
            await citizen.ClickAsync("button:text-is('查询')");
            await citizen.Locator("#tracking").WaitForAsync();
            var answer = await citizen.Locator("#answer").InnerTextAsync();
            Assert.Contains("部分采纳", answer);
            Assert.Contains("百分之三十五", answer);
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await BrowserFixture.ScreenshotAsync(citizen, "61-legislation-answer");
        }
        finally
        {
            await phone.CloseAsync();
            await staffContext.CloseAsync();
        }
    }
}
