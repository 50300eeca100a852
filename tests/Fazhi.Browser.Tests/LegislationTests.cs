using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 16, 立法草案征求意见: a citizen on a 390 px phone goes from the portal to the demo draft under comment, taps
/// "对本条提意见" on 第五条, proves the mobile with the SMS code (the demo outbox) and comments on it, getting a number and
/// query code (a second comment from that mobile on 第五条 is refused, ADR 0065); the legislation office (demo-city) answers the
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

            // One comment per verified mobile per article (ADR 0065): the code comes by SMS (the demo's outbox); what was typed stays.
            await citizen.FillAsync("#phone", "13906329999");
            await citizen.ClickAsync("#send-code");
            await citizen.Locator("text=验证码已发送至该手机").WaitForAsync();
            Assert.Equal("建议新建居住区绿地率提高到百分之三十五。", await citizen.InputValueAsync("#text"));
            Assert.Equal("第五条", await citizen.InputValueAsync("#article"));
            await citizen.FillAsync("#code", await host.SmsCodeAsync("13906329999"));
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
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
            var publicUrl = citizen.Url.Split('?')[0];
            await staff.GotoAsync(publicUrl.Replace("/public/legislation/", "/rulemaking/legislation/", StringComparison.Ordinal));
            var row = staff.Locator($"tr[data-comment='{number}']");
            await row.WaitForAsync();
            Assert.Contains("第五条", await row.InnerTextAsync());
            await row.Locator("select[name='Answer.Answer']").SelectOptionAsync("PartlyAdopted");
            await row.Locator("input[name='Answer.Reason']").FillAsync("新建居住区提高到百分之三十五，旧城改造区维持百分之二十五。");
            await row.Locator("button").ClickAsync();
            await staff.Locator($"tr[data-comment='{number}'] .tag", new PageLocatorOptions { HasText = "部分采纳" }).WaitForAsync();

            // 4. The same mobile cannot comment on 第五条 again: refused naming the rule, before any code is sent.
            await citizen.GotoAsync(publicUrl + "?article=" + Uri.EscapeDataString("第五条"));
            await citizen.FillAsync("#phone", "13906329999");
            await citizen.ClickAsync("#send-code");
            await citizen.Locator("text=每个经短信验证的手机号码对每一条只能提出一条意见").First.WaitForAsync();

            // 5. The citizen reads the answer with the number and query code.
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
