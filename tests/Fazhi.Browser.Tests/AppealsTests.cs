using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 19, 企业诉求: an enterprise on a 390 px phone opens the portal, submits a complaint about a matter of the power
/// list (routed to Xuecheng, the matter's unit), demo-xuecheng confirms and replies on the back office, and the
/// enterprise reads the reply with the number and query code and rates it 满意, which closes the appeal.
/// </summary>
public sealed class AppealsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";

    [Fact]
    public async Task An_enterprise_submits_on_a_phone_Xuecheng_replies_and_the_enterprise_rates_it()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
        });
        var enterprise = await phone.NewPageAsync();
        var staffContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var staff = await staffContext.NewPageAsync();
        try
        {
            // 1. From the portal to the appeal form; a complaint about Xuecheng's matter in the power list.
            await enterprise.GotoAsync(host.BaseUrl + "/");
            await enterprise.ClickAsync("a.portal-card[href='/public/appeals']");
            await enterprise.Locator("#subject").WaitForAsync();
            await enterprise.SelectOptionAsync("#kind", "Complaint");
            await enterprise.FillAsync("#enterprise", "山东鲁南新材料科技有限公司");
            await enterprise.FillAsync("#credit", "91340600MA2PBM9HXD");
            // The matter picker searches the power list in force as the enterprise types (ADR 0054), then the chosen code posts.
            await enterprise.Locator("#matter").PressSequentiallyAsync("薛城");
            await enterprise.WaitForFunctionAsync("() => { const o = [...document.querySelectorAll('#matter-matters option')]; return o.length > 0 && o.every(x => x.label.includes('薛城')); }");
            var option = enterprise.Locator("#matter-matters option[label='城市绿化监督检查（薛城区）']");
            await option.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            await enterprise.FillAsync("#matter", (await option.GetAttributeAsync("value"))!);
            await enterprise.FillAsync("#subject", "一个月内三次绿化检查");
            await enterprise.FillAsync("#content", "本月已接受三次绿化监督检查，影响生产，请统筹安排。");
            await enterprise.FillAsync("#phone", "13912345678");
            await BrowserFixture.AssertNoSidewaysScrollAsync(enterprise);
            await enterprise.ClickAsync("button:text-is('提交')");
            await enterprise.Locator("#receipt").WaitForAsync();
            var number = (await enterprise.Locator("#appeal-number").InnerTextAsync()).Trim();
            var code = (await enterprise.Locator("#query-code").InnerTextAsync()).Trim();
            Assert.StartsWith("QYSQ", number);
            Assert.Equal("薛城区", (await enterprise.Locator("#unit").InnerTextAsync()).Trim());
            await BrowserFixture.AssertNoSidewaysScrollAsync(enterprise);
            await BrowserFixture.ScreenshotAsync(enterprise, "50-public-appeal-receipt");

            // 2. demo-xuecheng finds it, sees why it was routed there, confirms and replies.
            await staff.GotoAsync(host.BaseUrl + "/account/login");
            await staff.FillAsync("#username", "demo-xuecheng");
            await staff.FillAsync("#password", DemoPassword);
            await staff.ClickAsync("button[type=submit]");
            await staff.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);
            await staff.GotoAsync(host.BaseUrl + "/lists/appeals?status=Routed");
            await staff.Locator("#appeals a", new PageLocatorOptions { HasText = number }).ClickAsync();
            await staff.Locator("#appeal").WaitForAsync();
            Assert.Contains("城市绿化监督检查", await staff.Locator("#routing-reason").InnerTextAsync());
            await staff.ClickAsync("#confirm");
            await staff.Locator("#reply-text").WaitForAsync();
            await staff.FillAsync("#reply-text", "已与市中区统筹检查计划，本季度不再重复检查。");
            await staff.ClickAsync("button:text-is('提交答复')");
            await staff.Locator("#reply").WaitForAsync();
            Assert.Contains("已答复", await staff.Locator("#status").InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(staff, "51-lists-appeal-replied");

            // 3. The enterprise reads the reply and rates it 满意 on the phone.
            await enterprise.GotoAsync(host.BaseUrl + "/public/appeals/track");
            await enterprise.FillAsync("#number", number);
            await enterprise.FillAsync("#code", code);
            await enterprise.ClickAsync("button:text-is('查询')");
            await enterprise.Locator("#tracking").WaitForAsync();
            Assert.Contains("本季度不再重复检查", await enterprise.Locator("#reply").InnerTextAsync());
            await BrowserFixture.AssertNoSidewaysScrollAsync(enterprise);
            await enterprise.SelectOptionAsync("#rating-choice", "Satisfied");
            await enterprise.ClickAsync("button:text-is('提交评价')");
            await enterprise.Locator("#rating").WaitForAsync();
            Assert.Equal("满意", (await enterprise.Locator("#rating").InnerTextAsync()).Trim());
            Assert.Equal("已办结", (await enterprise.Locator("#status").InnerTextAsync()).Trim());
            await BrowserFixture.AssertNoSidewaysScrollAsync(enterprise);
            await BrowserFixture.ScreenshotAsync(enterprise, "52-public-appeal-rated");
        }
        catch (Exception e)
        {
            await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsDirectory, "failed-appeals.txt"), $"{e}\n{staff.Url}\n{enterprise.Url}\n{host.Output}");
            await BrowserFixture.ScreenshotAsync(staff, "failed-appeals-staff");
            await BrowserFixture.ScreenshotAsync(enterprise, "failed-appeals-enterprise");
            throw;
        }
        await staffContext.CloseAsync();
        await phone.CloseAsync();
    }
}
