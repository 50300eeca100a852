using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>One demo host for the portal's tests (issue 13, ADR 0029).</summary>
public sealed class PortalHostFixture : IAsyncLifetime
{
    public HostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await HostProcess.StartAsync("--demo");

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// The citizens' side on a 390 px phone: the portal at <c>/</c> and every public page it links to fit the screen without
/// sideways scrolling; a citizen who does not know which procedure applies applies and then tracks the case, typing the
/// number without 〔〕.
/// </summary>
public sealed partial class PortalTests(BrowserFixture browser, PortalHostFixture fixture) : IClassFixture<BrowserFixture>, IClassFixture<PortalHostFixture>
{
    private HostProcess Host => fixture.Host;

    private Task<IBrowserContext> PhoneAsync() => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        Locale = "zh-CN",
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
    });

    [Fact]
    public async Task No_public_page_scrolls_sideways_on_a_390_px_phone()
    {
        var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(Host.BaseUrl + "/");
            Assert.Equal(Host.BaseUrl + "/", page.Url); // the portal, not the staff login
            await page.Locator("#portal").WaitForAsync();
            await BrowserFixture.ScreenshotAsync(page, "portal-01-home-390");
            Assert.Equal(0, await page.Locator(".sidemenu, .breadcrumb").CountAsync());
            Assert.Equal(1, await page.Locator("a[href='/account/login']").CountAsync());

            // Every public page the portal links to (each module's lists, apply, track, surveys), and the portal itself.
            var links = await page.Locator("a.portal-card").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
            foreach (var expected in new[] { "/apply", "/track", "/public/penalties", "/public/benchmarks", "/public/no-light-list", "/public/credit-repair" })
            {
                Assert.Contains(expected, links);
            }
            var wide = new List<string>();
            foreach (var href in links.Prepend("/").Distinct())
            {
                await page.GotoAsync(Host.BaseUrl + href);
                var (scroll, client) = await WidthsAsync(page);
                await BrowserFixture.ScreenshotAsync(page, "portal-390" + Regex.Replace(href, "[^a-z0-9]+", "-"));
                if (scroll > client)
                {
                    wide.Add($"{href}: {scroll} px in {client} px");
                }
                Assert.Equal(0, await page.Locator(".breadcrumb, .sidemenu").CountAsync());
            }
            Assert.Empty(wide);
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "failed-portal-widths");
            throw;
        }
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_unsure_of_the_procedure_applies_on_a_phone_and_tracks_without_typing_brackets()
    {
        var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(Host.BaseUrl + "/");
            await page.ClickAsync("a.portal-card[href='/apply']");
            await page.Locator("#caseType").WaitForAsync();
            // The first choice: the centre decides the procedure; the citizen leaves it.
            Assert.Equal("unsure", await page.InputValueAsync("#caseType"));
            await page.SelectOptionAsync("#category", new SelectOptionValue { Label = "物业纠纷" });
            await page.SelectOptionAsync("#place", new SelectOptionValue { Label = "市中区" });
            await page.FillAsync("#name", "赵敏（演示）");
            await page.FillAsync("#id", "110102199101010078");
            await page.FillAsync("#phone", "1390000");
            await page.FillAsync("#description", "楼上卫生间漏水三个月，天花板发霉，物业不管，想请人调解赔偿。");
            await page.ClickAsync("button:has-text('提交申请')");
            // No consent, a short number: told next to the fields, nothing sent.
            await page.Locator("text=请阅读个人信息处理说明并勾选同意").WaitForAsync();
            Assert.Equal(1, await page.Locator("text=请填写 11 位手机号码").CountAsync());
            Assert.Equal(0, await page.Locator("#case-number").CountAsync());
            Assert.Equal("赵敏（演示）", await page.InputValueAsync("#name"));

            await page.FillAsync("#phone", "13912345678");
            await page.CheckAsync("#consent");
            await page.ClickAsync("button:has-text('提交申请')");
            var number = (await page.Locator("#case-number").InnerTextAsync()).Trim();
            var code = (await page.Locator("#query-code").InnerTextAsync()).Trim();
            var (width, client) = await WidthsAsync(page);
            Assert.True(width <= client, $"the receipt is {width} px wide in {client} px");
            await BrowserFixture.ScreenshotAsync(page, "portal-02-applied");

            var parts = NumberParts().Match(number);
            Assert.True(parts.Success, number);
            await page.ClickAsync("a[href='/track']");
            await page.FillAsync("#number", $"{parts.Groups[1].Value}-{parts.Groups[2].Value}");
            await page.FillAsync("#code", code.ToLowerInvariant());
            await page.ClickAsync("button:has-text('查询')");
            var tracking = await page.Locator("#tracking").InnerTextAsync();
            Assert.Contains(number, tracking);
            Assert.Contains("待受理", tracking);
            Assert.DoesNotContain("13912345678", await page.ContentAsync());
            await BrowserFixture.ScreenshotAsync(page, "portal-03-tracked");
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "failed-portal-apply");
            throw;
        }
        await context.CloseAsync();
    }

    private static async Task<(int Scroll, int Client)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    [GeneratedRegex(@"〔(\d{4})〕(\d+)号")]
    private static partial Regex NumberParts();
}
