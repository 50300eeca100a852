using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 18, 政府信息公开申请: a citizen on a 390 px phone submits a request to 薛城区, the Xuecheng agency (demo-xuecheng)
/// answers it on the back office, and the citizen tracks it with the request number and query code and reads the reply.
/// </summary>
public sealed class DisclosureTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";

    [Fact]
    public async Task A_citizen_on_a_phone_requests_government_information_and_tracks_the_agencys_reply()
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
            // 1. The citizen fills the request on the phone; a missing phone number is refused naming the field.
            await citizen.GotoAsync(host.BaseUrl + "/public/disclosure");
            await citizen.Locator("#description").WaitForAsync();
            await citizen.SelectOptionAsync("#agency", new SelectOptionValue { Label = "薛城区" });
            await citizen.FillAsync("#name", "张三");
            await citizen.FillAsync("#description", "薛城区2026年老旧小区改造项目的立项批复文件");
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await citizen.ClickAsync("button:text-is('提交申请')");
            await citizen.Locator("text=请填写联系电话").First.WaitForAsync();
            await citizen.FillAsync("#phone", "13912345678");
            await citizen.ClickAsync("button:text-is('提交申请')");
            await citizen.Locator("#receipt").WaitForAsync();
            var number = (await citizen.Locator("#request-number").InnerTextAsync()).Trim();
            var code = (await citizen.Locator("#query-code").InnerTextAsync()).Trim();
            Assert.StartsWith("YSQGK", number);
            Assert.Equal(8, code.Length);
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await BrowserFixture.ScreenshotAsync(citizen, "50-public-disclosure-receipt");

            // 2. The citizen tracks it: in progress, with its due date.
            await citizen.ClickAsync("a:text-is('查询办理进度')");
            await citizen.Locator("#number").WaitForAsync();
            await citizen.FillAsync("#number", number);
            await citizen.FillAsync("#code", code);
            await citizen.ClickAsync("button:text-is('查询')");
            await citizen.Locator("#tracking").WaitForAsync();
            Assert.Contains("办理中", await citizen.Locator("#status").InnerTextAsync());
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);

            // 3. demo-xuecheng finds it in the list and answers it.
            await staff.GotoAsync(host.BaseUrl + "/account/login");
            await staff.FillAsync("#username", "demo-xuecheng");
            await staff.FillAsync("#password", DemoPassword);
            await staff.ClickAsync("button[type=submit]");
            await staff.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);
            await staff.GotoAsync(host.BaseUrl + "/oversight/disclosures?view=open&q=" + Uri.EscapeDataString(number));
            await staff.Locator("#disclosures a", new PageLocatorOptions { HasText = number }).ClickAsync();
            await staff.Locator("#reply-panel").WaitForAsync();
            await staff.SelectOptionAsync("#p-kind", "Disclosed");
            await staff.FillAsync("#p-date", DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"));
            await staff.FillAsync("#p-text", "已通过电子数据提供立项批复文件。");
            await staff.ClickAsync("button:text-is('保存答复')");
            await staff.Locator("#letter").WaitForAsync();
            Assert.Contains("已答复", await staff.Locator("#status").InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(staff, "51-oversight-disclosure-answered");

            // 4. The citizen reads the reply with the number and the query code.
            await citizen.GotoAsync(host.BaseUrl + "/public/disclosure/track");
            await citizen.FillAsync("#number", number);
            await citizen.FillAsync("#code", code);
            await citizen.ClickAsync("button:text-is('查询')");
            await citizen.Locator("#reply").WaitForAsync();
            Assert.Contains("予以公开", await citizen.Locator("#reply-kind").InnerTextAsync());
            Assert.Contains("立项批复文件", await citizen.Locator("#reply").InnerTextAsync());
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await BrowserFixture.ScreenshotAsync(citizen, "52-public-disclosure-reply");
        }
        catch
        {
            await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsDirectory, "failed-disclosure.txt"), $"{staff.Url}\n{citizen.Url}\n{host.Output}");
            await BrowserFixture.ScreenshotAsync(staff, "failed-disclosure-staff");
            await BrowserFixture.ScreenshotAsync(citizen, "failed-disclosure-citizen");
            throw;
        }
        await staffContext.CloseAsync();
        await phone.CloseAsync();
    }
}
