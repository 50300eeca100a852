using Microsoft.Playwright;
using OtpNet;

namespace Fazhi.Browser.Tests;

/// <summary>
/// What an operator does on day one, in Chromium against the real executable: read the one-time password from the
/// console, sign in, change it, enrol TOTP (mandatory for administrators), open a scoped list, sign out.
/// </summary>
public sealed class FirstStartTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NewPassword = "Zaozhuang-spring-river-2026";

    [Fact]
    public async Task First_administrator_signs_in_changes_password_enrols_totp_and_signs_out()
    {
        await using var host = await HostProcess.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var page = await context.NewPageAsync();
        try
        {
            await WalkThroughAsync(host, page);
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "failed-first-start");
            throw;
        }
        await context.CloseAsync();
    }

    private static async Task WalkThroughAsync(HostProcess host, IPage page)
    {
        // Anonymous `/` is the citizens' portal; staff sign in through its one link (ADR 0029).
        await page.GotoAsync(host.BaseUrl + "/");
        await page.ClickAsync("a[href='/account/login']");
        await page.WaitForURLAsync("**/account/login**", BrowserFixture.Committed);
        await BrowserFixture.ScreenshotAsync(page, "01-login");

        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", host.FirstAdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/account/change-password**", BrowserFixture.Committed);
        await page.FillAsync("#current", host.FirstAdminPassword);
        await page.FillAsync("#new", NewPassword);
        await page.FillAsync("#confirm", NewPassword);
        await page.ClickAsync("button:has-text('保存新密码')");

        // Administrators cannot use the system before enrolling a second factor (等保 2.0).
        await page.WaitForURLAsync("**/account/two-factor**", BrowserFixture.Committed);
        await page.GotoAsync(host.BaseUrl + "/admin/users");
        Assert.Contains("/account/two-factor", page.Url);
        await BrowserFixture.ScreenshotAsync(page, "02-two-factor-enrolment");
        var key = await page.GetAttributeAsync("code.shared-key", "data-key");
        Assert.False(string.IsNullOrEmpty(key));
        await page.FillAsync("#enable-code", new Totp(Base32Encoding.ToBytes(key!.Replace(" ", ""))).ComputeTotp());
        await page.ClickAsync("button:has-text('验证并启用')");
        await page.GetByText("恢复码").First.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "03-recovery-codes");

        await page.GotoAsync(host.BaseUrl + "/admin/users");
        await page.Locator("table.grid").WaitForAsync();
        Assert.Contains("admin", await page.Locator("table.grid").InnerTextAsync());
        Assert.Contains("枣庄市", await page.Locator(".topbar").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "04-users");

        await page.ClickAsync(".topbar button:has-text('退出')");
        await page.WaitForURLAsync("**/account/login**", BrowserFixture.Committed);
        await page.GotoAsync(host.BaseUrl + "/admin/users");
        Assert.Contains("/account/login", page.Url);
    }
}
