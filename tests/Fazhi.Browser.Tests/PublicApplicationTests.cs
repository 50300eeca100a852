using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// A citizen on a phone, with no account: applies for mediation online, keeps the case number and query code,
/// then tracks the case with them (the dispute centre's front desk, 前台统一受理).
/// </summary>
public sealed class PublicApplicationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_citizen_applies_on_a_phone_and_tracks_the_case_with_the_query_code()
    {
        await using var host = await HostProcess.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
        });
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(host.BaseUrl + "/apply");
            await page.ClickAsync("button:has-text('提交申请')");
            // Nothing filled in: the form stays, with messages under the fields, and nothing is lost.
            await page.Locator(".field-error, .validation-message").First.WaitForAsync();
            Assert.Contains("/apply", page.Url);

            await page.SelectOptionAsync("#caseType", new SelectOptionValue { Label = "人民调解" });
            await page.SelectOptionAsync("#category", new SelectOptionValue { Index = 1 });
            await page.SelectOptionAsync("#place", new SelectOptionValue { Index = 1 });
            await page.FillAsync("#name", "张三");
            await page.FillAsync("#id", "110102199101010078");
            await page.FillAsync("#phone", "13812345678");
            await page.FillAsync("#description", "邻居装修噪音持续三个月，多次协商未果，申请人民调解。");
            await page.CheckAsync("#consent"); // 个人信息保护法 第十三条、第十七条 (ADR 0029)
            await page.ClickAsync("button:has-text('提交申请')");

            var number = (await page.Locator("#case-number").InnerTextAsync()).Trim();
            var code = (await page.Locator("#query-code").InnerTextAsync()).Trim();
            Assert.Matches(@"^枣非诉〔\d{4}〕\d{4}号$", number);
            Assert.False(string.IsNullOrEmpty(code));
            await BrowserFixture.ScreenshotAsync(page, "06-public-application-done");

            await page.GotoAsync(host.BaseUrl + "/track");
            await page.FillAsync("#number", number);
            await page.FillAsync("#code", code);
            await page.ClickAsync("button:has-text('查询')");
            var tracking = await page.Locator("#tracking").InnerTextAsync();
            Assert.Contains("状态", tracking);
            Assert.DoesNotContain("110102199101010078", await page.ContentAsync());
            await BrowserFixture.ScreenshotAsync(page, "07-public-tracking");
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "failed-public-application");
            throw;
        }
        await context.CloseAsync();
    }
}
