using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 13, pickers (ADR 0041): on a 390 px phone, demo-city chooses 市中区 for the dispute statistics from the organisation
/// tree instead of typing its code; the form posts the code, the page names the unit, and nothing scrolls sideways.
/// </summary>
public sealed class PickerTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";

    [Fact]
    public async Task A_unit_is_chosen_from_the_tree_picker_on_a_phone()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
        });
        var page = await phone.NewPageAsync();
        try
        {
            await page.GotoAsync(host.BaseUrl + "/account/login");
            await page.FillAsync("#username", "demo-city");
            await page.FillAsync("#password", DemoPassword);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);

            await page.GotoAsync(host.BaseUrl + "/disputes/statistics");
            // The unit field searches a datalist of the units in scope (name · units above · pinyin initials).
            Assert.Equal("stats-unit-units", await page.GetAttributeAsync("#stats-unit", "list"));
            Assert.True(await page.Locator("#stats-unit-units option[value='370402']").CountAsync() == 1);

            // The tree: open it, choose 市中区; the input now holds its code.
            await page.Locator("details.picker-tree > summary").ClickAsync();
            var shizhong = page.Locator("details.picker-tree .picker-pick[data-pick-value='370402']");
            await shizhong.ScrollIntoViewIfNeededAsync();
            Assert.Equal("市中区", (await shizhong.InnerTextAsync()).Trim());
            await BrowserFixture.AssertNoSidewaysScrollAsync(page);
            await BrowserFixture.ScreenshotAsync(page, "60-picker-tree-phone");
            await shizhong.ClickAsync();
            Assert.Equal("370402", await page.InputValueAsync("#stats-unit"));
            Assert.False(await page.Locator("details.picker-tree").GetAttributeAsync("open") is not null);

            // Posted as before (the code), and the page names the unit it now filters by.
            await page.ClickAsync("form.filters button[type=submit]");
            await page.WaitForURLAsync(u => u.Contains("unit=370402"), BrowserFixture.Committed);
            await page.Locator(".picker-chosen").WaitForAsync();
            Assert.Contains("市中区", await page.Locator(".picker-chosen").InnerTextAsync());
            await BrowserFixture.AssertNoSidewaysScrollAsync(page);
            await BrowserFixture.ScreenshotAsync(page, "61-picker-chosen-phone");
        }
        finally
        {
            await phone.CloseAsync();
        }
    }
}
