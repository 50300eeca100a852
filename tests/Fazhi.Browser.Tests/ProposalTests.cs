using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 18, 建议提案办理: the liaison office (demo-city) assigns a deputy's suggestion to 薛城区; demo-xuecheng's reply is refused
/// until the contact with the deputy is recorded (代表法 第五十一条), then replies with the deputy's consent to publish; the
/// liaison office enters 满意; a visitor on a 390 px phone reads the reply on the public page.
/// </summary>
public sealed class ProposalTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";

    private static async Task SignInAsync(IPage page, string baseUrl, string user)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(baseUrl + "/", BrowserFixture.Committed);
    }

    [Fact]
    public async Task The_liaison_office_assigns_the_unit_contacts_the_deputy_and_replies_and_the_published_reply_reads_on_a_phone()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        var desk = new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } };
        var cityContext = await browser.Browser.NewContextAsync(desk);
        var unitContext = await browser.Browser.NewContextAsync(desk);
        var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true,
        });
        var city = await cityContext.NewPageAsync();
        var unit = await unitContext.NewPageAsync();
        var visitor = await phone.NewPageAsync();
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        var title = $"关于完善社区法律顾问制度的建议{Random.Shared.Next(1000, 9999)}";
        try
        {
            // 1. demo-city (liaison office) registers and assigns the item to 薛城区.
            await SignInAsync(city, host.BaseUrl, "demo-city");
            await city.GotoAsync(host.BaseUrl + "/oversight/proposals");
            await city.Locator("#r-number").WaitForAsync();
            await city.FillAsync("#r-number", $"第{Random.Shared.Next(10000, 99999)}号");
            await city.FillAsync("#r-title", title);
            await city.FillAsync("#r-proposer", "人大代表赵某");
            await city.FillAsync("#r-content", "建议每个社区配备法律顾问并公示联系方式。");
            await city.EvalOnSelectorAsync("#r-lead", "s => { s.value = [...s.options].find(o => o.text.trim() === '薛城区').value; }");
            await city.FillAsync("#r-assigned", today);
            await city.ClickAsync("button:text-is('交办')");
            await city.Locator("#summary").WaitForAsync();
            var itemUrl = city.Url.Split('?')[0];
            Assert.Contains("办理中", await city.Locator("#status").InnerTextAsync());

            // 2. demo-xuecheng: the reply is refused before the contact, naming the rule; then contact and reply with consent.
            await SignInAsync(unit, host.BaseUrl, "demo-xuecheng");
            await unit.GotoAsync(itemUrl);
            await unit.Locator("#reply-panel").WaitForAsync();
            await unit.FillAsync("#p-date", today);
            await unit.FillAsync("#p-reply", "已在全区社区配备法律顾问，联系方式在社区公示栏和网站公布。");
            await unit.ClickAsync("button:text-is('保存答复')");
            await unit.Locator(".alert", new PageLocatorOptions { HasText = "第五十一条" }).First.WaitForAsync();
            await unit.FillAsync("#c-date", today);
            await unit.FillAsync("#c-method", "当面座谈");
            await unit.FillAsync("#c-note", "听取赵某代表意见，代表同意公开答复。");
            await unit.ClickAsync("button:text-is('保存联系情况')");
            await unit.Locator("#contact").WaitForAsync();
            await unit.FillAsync("#p-date", today);
            await unit.FillAsync("#p-reply", "已在全区社区配备法律顾问，联系方式在社区公示栏和网站公布。");
            await unit.Locator("#reply-panel label", new PageLocatorOptions { HasText = "同意公开答复" }).Locator("input").CheckAsync();
            await unit.ClickAsync("button:text-is('保存答复')");
            await unit.Locator("#reply").WaitForAsync();
            Assert.Contains("已答复待评价", await unit.Locator("#status").InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(unit, "53-oversight-proposal-replied");

            // 3. demo-city enters the deputy's evaluation: 满意 closes it.
            await city.GotoAsync(itemUrl);
            await city.Locator("#evaluation-panel").WaitForAsync();
            await city.SelectOptionAsync("#v-eval", "Satisfied");
            await city.FillAsync("#v-date", today);
            await city.ClickAsync("button:text-is('保存评价')");
            await city.Locator("#evaluation").WaitForAsync();
            Assert.Contains("已办结", await city.Locator("#status").InnerTextAsync());

            // 4. A visitor on a phone reads the published reply.
            await visitor.GotoAsync(host.BaseUrl + "/public/proposals");
            await visitor.Locator("#public-replies").WaitForAsync();
            await visitor.Locator(".public-reply", new PageLocatorOptions { HasText = title }).WaitForAsync();
            await BrowserFixture.AssertNoSidewaysScrollAsync(visitor);
            await BrowserFixture.ScreenshotAsync(visitor, "54-public-proposal-replies");
        }
        catch
        {
            await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsDirectory, "failed-proposal.txt"), $"{city.Url}\n{unit.Url}\n{visitor.Url}\n{host.Output}");
            await BrowserFixture.ScreenshotAsync(city, "failed-proposal-city");
            await BrowserFixture.ScreenshotAsync(unit, "failed-proposal-unit");
            await BrowserFixture.ScreenshotAsync(visitor, "failed-proposal-visitor");
            throw;
        }
        await cityContext.CloseAsync();
        await unitContext.CloseAsync();
        await phone.CloseAsync();
    }
}
