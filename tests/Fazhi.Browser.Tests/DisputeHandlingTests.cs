using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 3: a citizen applies on a phone, the dispute centre (370400-FJZX) accepts and handles the case in its
/// worklist, and the citizen's tracking page shows the new status without any personal data.
/// </summary>
public sealed class DisputeHandlingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";
    private const string Centre = "370400-FJZX";
    private const string IdNumber = "110102199101010078";
    private const string Phone = "13812345678";

    [Fact]
    public async Task Centre_accepts_and_closes_a_public_application_and_the_citizen_tracks_the_result()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        // --demo makes demo-city the centre's front desk (ADR 0029); the operator adds the centre's mediator role from the console.
        await host.RunCliAsync("admin", "create", "demo-city", "--role", "dispute-mediator", "--org", Centre);

        // 1. The citizen applies on a phone.
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
            await citizen.GotoAsync(host.BaseUrl + "/apply");
            await citizen.SelectOptionAsync("#caseType", new SelectOptionValue { Label = "人民调解" });
            await citizen.SelectOptionAsync("#category", new SelectOptionValue { Index = 1 });
            await citizen.SelectOptionAsync("#place", new SelectOptionValue { Index = 1 });
            await citizen.FillAsync("#name", "李四");
            await citizen.FillAsync("#id", IdNumber);
            await citizen.FillAsync("#phone", Phone);
            await citizen.FillAsync("#description", "楼上住户漏水损坏我家吊顶，协商赔偿未果，申请人民调解。");
            await citizen.CheckAsync("#consent"); // 个人信息保护法 (ADR 0029)
            await citizen.ClickAsync("button:has-text('提交申请')");
            var number = (await citizen.Locator("#case-number").InnerTextAsync()).Trim();
            var code = (await citizen.Locator("#query-code").InnerTextAsync()).Trim();
            Assert.Matches(@"^枣非诉〔\d{4}〕\d{4}号$", number);

            // 2. The centre's clerk signs in and finds the case in the worklist, waiting for acceptance.
            await staff.GotoAsync(host.BaseUrl + "/account/login");
            await staff.FillAsync("#username", "demo-city");
            await staff.FillAsync("#password", DemoPassword);
            await staff.ClickAsync("button[type=submit]");
            await staff.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);
            await staff.GotoAsync(host.BaseUrl + "/disputes");
            var row = staff.Locator("table.grid tbody tr", new PageLocatorOptions { HasText = number });
            Assert.Contains("待受理", await row.InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(staff, "08-dispute-worklist");

            // 3. Opens it: personal data is masked for staff too. The actions open now are buttons at the top (ADR 0048):
            //    受理 and 不予受理 while the review runs; 办结 is shown disabled with the reason (行政复议法 第三十条 style rule).
            await row.Locator("a").First.ClickAsync();
            await staff.Locator("#dlg-accept-open").WaitForAsync();
            var detail = await staff.ContentAsync();
            Assert.DoesNotContain(IdNumber, detail);
            Assert.DoesNotContain(Phone, detail);
            Assert.True(await staff.Locator("button[data-action='dlg-close']").IsDisabledAsync());
            Assert.Contains("尚未受理", await staff.Locator("#dlg-close-why").InnerTextAsync());
            var dueBefore = (await staff.Locator("#due-on").InnerTextAsync()).Trim();
            var stageBefore = (await staff.Locator("#current-stage").InnerTextAsync()).Trim();
            Assert.False(await staff.Locator("#dlg-accept").IsVisibleAsync());

            // A dialog action that updates the page: 受理 opens its dialog; sending it shows the new state without a reload.
            await staff.ClickAsync("#dlg-accept-open");
            await staff.Locator("#dlg-accept").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
            await BrowserFixture.ScreenshotAsync(staff, "09a-dispute-accept-dialog");
            await staff.ClickAsync("#dlg-accept button[type=submit]");
            await staff.WaitForURLAsync(u => u.Contains("done=accept"), BrowserFixture.Committed);
            await staff.GetByText("已受理，下一环节已开始计时。").WaitForAsync();
            await staff.Locator("#case-status").GetByText("办理中").WaitForAsync();
            Assert.NotEqual(stageBefore, (await staff.Locator("#current-stage").InnerTextAsync()).Trim());
            Assert.NotEqual(dueBefore, (await staff.Locator("#due-on").InnerTextAsync()).Trim());
            Assert.Contains("受理", await staff.Locator("#history tbody tr").First.InnerTextAsync());
            Assert.Equal(0, await staff.Locator("#dlg-accept-open").CountAsync());
            Assert.False(await staff.Locator("#dlg-accept").IsVisibleAsync());
            Assert.False(await staff.Locator("#dlg-assign").IsVisibleAsync());

            // 4. Assigns it to themself (the only mediator at the centre) in the assignment dialog, then closes it.
            await staff.ClickAsync("#dlg-assign-open");
            await staff.SelectOptionAsync("#assign-user", new SelectOptionValue { Index = 0 });
            await staff.ClickAsync("#dlg-assign button[type=submit]");
            await staff.Locator("#assignee").GetByText("演示·市司法局工作人员").WaitForAsync();
            Assert.Contains("指派承办人", await staff.Locator("#history").InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(staff, "09-dispute-handling");

            // On a phone (390 px) the case page does not scroll sideways and its dialogs fit.
            await staff.SetViewportSizeAsync(390, 844);
            await BrowserFixture.AssertNoSidewaysScrollAsync(staff);
            await staff.ClickAsync("#dlg-close-open");
            var box = await staff.Locator("#dlg-close").BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 390, $"the dialog does not fit 390 px: {box?.X} + {box?.Width}");
            await BrowserFixture.ScreenshotAsync(staff, "09b-dispute-close-dialog-390");
            var result = await staff.Locator("#close-result option").First.InnerTextAsync();
            await staff.FillAsync("#close-summary", "双方当面协商，申请人撤回调解申请。");
            await staff.ClickAsync("#dlg-close button[type=submit]");
            await staff.Locator("#result").WaitForAsync();
            Assert.Contains(result.Trim(), await staff.Locator("#result").InnerTextAsync());
            Assert.Contains("已办结", await staff.Locator("#case-status").InnerTextAsync());

            // 5. The citizen tracks the case: new status, no personal data.
            await citizen.GotoAsync(host.BaseUrl + "/track");
            await citizen.FillAsync("#number", number);
            await citizen.FillAsync("#code", code);
            await citizen.ClickAsync("button:has-text('查询')");
            var tracking = await citizen.Locator("#tracking").InnerTextAsync();
            Assert.Contains(number, tracking);
            Assert.Contains("已办结", tracking);
            var page = await citizen.ContentAsync();
            Assert.DoesNotContain("李四", page);
            Assert.DoesNotContain(IdNumber, page);
            Assert.DoesNotContain(Phone, page);
            Assert.DoesNotContain("漏水", page);
            await BrowserFixture.ScreenshotAsync(citizen, "10-dispute-tracking-closed");
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(citizen, "failed-dispute-citizen");
            await BrowserFixture.ScreenshotAsync(staff, "failed-dispute-staff");
            throw;
        }
        await phone.CloseAsync();
        await staffContext.CloseAsync();
    }
}
