using System.Globalization;
using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 4: an enforcement officer opens a penalty case, records the facts, follows the discretion engine's advice
/// shown on the case page, decides and publishes; the decision appears on /public/penalties with the person's name masked.
/// </summary>
public sealed class PenaltyDecisionTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Body = "370400-SJJ"; // a demo enforcement body with registered officers (RegistryDemoSeed)
    private const string Officer = "officer-sjj";
    private const string NewPassword = "Officer-Fazhi-2026-zz!";
    private const string PartyName = "王小明";
    private const string IdNumber = "110102199101010078";

    [Fact]
    public async Task Officer_decides_with_the_engine_advice_and_the_public_sees_the_decision_with_the_name_masked()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        // The operator creates the body's officer account from the console; its home unit is the enforcement body.
        var created = await host.RunCliAsync("admin", "create", Officer, "--role", "enforcement-officer", "--org", Body);
        var oneTime = created[(created.LastIndexOf(':') + 1)..].Trim();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)); // Beijing time, as the host's calendar
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var number = $"枣市监罚〔{today.Year}〕{Random.Shared.Next(100, 999)}号";

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(host.BaseUrl + "/account/login");
            await page.FillAsync("#username", Officer);
            await page.FillAsync("#password", oneTime);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync("**/account/change-password**", BrowserFixture.Committed);
            await page.FillAsync("#current", oneTime);
            await page.FillAsync("#new", NewPassword);
            await page.FillAsync("#confirm", NewPassword);
            await page.ClickAsync("button:has-text('保存新密码')");
            await page.WaitForURLAsync(u => !u.Contains("change-password"), BrowserFixture.Committed);

            // 1. Opens a case against a person, with two officers holding valid certificates (行政处罚法 第四十二条).
            await page.GotoAsync(host.BaseUrl + "/enforcement/cases");
            var matter = await page.Locator("#matter option", new PageLocatorOptions { HasText = "明码标价" }).GetAttributeAsync("value");
            await page.SelectOptionAsync("#matter", matter!);
            await page.SelectOptionAsync("#kind", new SelectOptionValue { Label = "公民" });
            await page.FillAsync("#pname", PartyName);
            await page.FillAsync("#pid", IdNumber);
            await page.FillAsync("#opened", Day(-20));
            await page.FillAsync("#summary", "个体摊位商品未标示价格（演示）。");
            var officers = page.Locator("input[name=officer]:not([disabled])");
            await officers.Nth(0).CheckAsync();
            await officers.Nth(1).CheckAsync();
            await page.ClickAsync("button:text-is('立案')");
            await page.WaitForURLAsync("**/enforcement/cases/*", BrowserFixture.Committed);
            await page.Locator("#case").WaitForAsync();
            Assert.Contains(PartyName, await page.Locator("#case").InnerTextAsync());

            // 2. Records the facts: ordinary harm, no mitigating or aggravating circumstance; the engine advises. The case
            //    page's actions are buttons at the top, each opening a dialog (ADR 0052); the decision is not open yet.
            Assert.True(await page.Locator("button[data-action='dlg-decide']").IsDisabledAsync());
            Assert.Contains("第六十二条", await page.Locator("#dlg-decide-why").InnerTextAsync());
            await OpenDialogAsync(page, "dlg-propose");
            await page.FillAsync("#act", Day(-25));
            await page.FillAsync("#age", "40");
            await page.SelectOptionAsync("#harm", "Ordinary");
            await page.FillAsync("#fine", "2000");
            await page.ClickAsync("#dlg-propose button[type=submit]");
            await page.GetByText("已记录拟处罚意见及裁量建议。").WaitForAsync();
            Assert.False(await page.Locator("#dlg-propose").IsVisibleAsync());
            Assert.Equal("拟处罚", (await page.Locator("#case-stage").InnerTextAsync()).Trim());
            var caseTable = await page.Locator("#case").InnerTextAsync();
            Assert.Contains("裁量建议", caseTable);
            Assert.Contains("处 1000 元以上 3500 元以下罚款", caseTable);
            Assert.DoesNotContain("偏离基准", caseTable); // 2000 元 is within the advice: no supervision flag
            await BrowserFixture.ScreenshotAsync(page, "11-penalty-case-advice");

            // 3. Notifies (a date ahead is refused in the dialog, which stays open with the message), decides and publishes.
            await OpenDialogAsync(page, "dlg-notify");
            await page.FillAsync("#nd", Day(2));
            await page.ClickAsync("#dlg-notify button[type=submit]");
            await page.Locator("#dlg-notify .field-error").WaitForAsync();
            Assert.True(await page.Locator("#dlg-notify").IsVisibleAsync());
            await BrowserFixture.ScreenshotAsync(page, "11b-penalty-case-dialog-refused");
            await page.FillAsync("#nd", Day(-10));
            await page.ClickAsync("#dlg-notify button[type=submit]");
            await page.GetByText("已记录告知。").WaitForAsync();
            Assert.Equal("已告知", (await page.Locator("#case-stage").InnerTextAsync()).Trim());
            await OpenDialogAsync(page, "dlg-decide");
            await page.FillAsync("#dn", number);
            await page.FillAsync("#dd", Day(0));
            await page.ClickAsync("#dlg-decide button[type=submit]");
            await page.GetByText("已作出处罚决定。").WaitForAsync();
            Assert.Equal(0, await page.Locator("#dlg-decide-open").CountAsync());
            await OpenDialogAsync(page, "dlg-publish");
            await page.ClickAsync("#dlg-publish button[type=submit]");
            await page.GetByText("已公示。", new PageGetByTextOptions { Exact = true }).WaitForAsync();
            Assert.Contains(number, await page.Locator("#case").InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(page, "12-penalty-case-published");

            // 4. Anyone sees the decision on the public page, the person's name masked, no identity number.
            var visitor = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
            var publicPage = await visitor.NewPageAsync();
            await publicPage.GotoAsync(host.BaseUrl + "/public/penalties");
            var row = await publicPage.Locator("#penalties tbody tr", new PageLocatorOptions { HasText = number }).InnerTextAsync();
            Assert.Contains("明码标价", row);
            Assert.Contains("王", row);
            Assert.Contains("罚款 2000 元", row); // the penalty is described from the fine when its text was left blank
            var html = await publicPage.ContentAsync();
            Assert.DoesNotContain(PartyName, html);
            Assert.DoesNotContain(IdNumber, html);
            await BrowserFixture.ScreenshotAsync(publicPage, "13-public-penalties");
            await visitor.CloseAsync();
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "failed-penalty-decision");
            throw;
        }
        await context.CloseAsync();
    }

    /// <summary>Opens an action's dialog from its button at the top of the case page (kit ActionDialog).</summary>
    internal static async Task OpenDialogAsync(IPage page, string id)
    {
        await page.ClickAsync($"#{id}-open");
        await page.Locator($"#{id}").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }
}
