using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 19, ADR 0039: a citizen on a 390 px phone opens the power list from the portal and narrows it to the towns'
/// powers; demo-xuecheng records a false commitment found when verifying a notify-and-commit item, and a record without
/// measures is refused naming the field first.
/// </summary>
public sealed class PowerListAndVerificationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";

    [Fact]
    public async Task A_citizen_reads_the_town_powers_on_a_phone_and_Xuecheng_records_a_false_commitment()
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
            // 1. From the portal to the power list; the towns' powers only.
            await citizen.GotoAsync(host.BaseUrl + "/");
            await citizen.ClickAsync("a.portal-card[href='/public/powers']");
            await citizen.Locator("#powers").WaitForAsync();
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await citizen.SelectOptionAsync("#level", "Town");
            await citizen.ClickAsync("button:text-is('查找')");
            await citizen.WaitForURLAsync(u => u.Contains("level=Town", StringComparison.Ordinal), BrowserFixture.Committed);
            var cards = await citizen.Locator("#powers .cert-card").AllInnerTextsAsync();
            Assert.NotEmpty(cards);
            Assert.All(cards, c => Assert.Contains("乡镇（街道）", c));
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await BrowserFixture.ScreenshotAsync(citizen, "60-public-powers-town");

            // 2. demo-xuecheng records a false commitment; without measures it is refused naming the field.
            await staff.GotoAsync(host.BaseUrl + "/account/login");
            await staff.FillAsync("#username", "demo-xuecheng");
            await staff.FillAsync("#password", DemoPassword);
            await staff.ClickAsync("button[type=submit]");
            await staff.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);
            await staff.GotoAsync(host.BaseUrl + "/lists/verifications");
            await staff.Locator("#record").WaitForAsync();
            await staff.SelectOptionAsync("#item", new SelectOptionValue { Index = 1 });
            await staff.SelectOptionAsync("#vresult", "FalseCommitment");
            await staff.FillAsync("#applicant", "浏览器测试申请人");
            await staff.FillAsync("#case", "BJ-BROWSER-1");
            await staff.FillAsync("#finding", "经部门协查，承诺的家庭收入与登记不符。");
            await staff.ClickAsync("button:text-is('保存核查记录')");
            await staff.Locator("#record .field-error").First.WaitForAsync();
            Assert.Contains("处理措施", await staff.Locator("#record").InnerTextAsync());
            await staff.FillAsync("#measures", "撤销救助决定，记入信用记录。");
            await staff.ClickAsync("button:text-is('保存核查记录')");
            await staff.Locator("#verifications td", new PageLocatorOptions { HasText = "BJ-BROWSER-1" }).WaitForAsync();
            await BrowserFixture.ScreenshotAsync(staff, "61-lists-verification-recorded");
        }
        finally
        {
            await phone.CloseAsync();
            await staffContext.CloseAsync();
        }
    }
}
