using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 19, 清单之外无证明: a citizen on a 390 px phone finds the certification list, reports a certificate demanded
/// outside it, the Xuecheng unit (demo-xuecheng) answers on the back office, and the citizen reads the answer with the
/// report number and query code.
/// </summary>
public sealed class ListsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";

    [Fact]
    public async Task A_citizen_reports_a_certificate_demanded_outside_the_list_and_reads_the_units_answer()
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
            // 1. The citizen reads the public list on the phone and searches it.
            await citizen.GotoAsync(host.BaseUrl + "/public/certificates");
            await citizen.FillAsync("#q", "经济困难");
            await citizen.ClickAsync("form.filters button[type=submit]");
            await citizen.Locator("#certificates .cert-card", new PageLocatorOptions { HasText = "经济困难状况证明" }).First.WaitForAsync();
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await BrowserFixture.ScreenshotAsync(citizen, "40-public-certificates");

            // 2. Reports a certificate demanded outside the list, naming Xuecheng.
            await citizen.ClickAsync("a:text-is('反映被索要清单之外的证明')");
            await citizen.Locator("#matter").WaitForAsync();
            await citizen.SelectOptionAsync("#unit", new SelectOptionValue { Label = "薛城区" });
            await citizen.FillAsync("#matter", "临时救助申请");
            await citizen.FillAsync("#cert", "亲属无收入证明");
            await citizen.FillAsync("#desc", "窗口要求开具村委会证明");
            await citizen.FillAsync("#phone", "13912345678");
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await citizen.ClickAsync("button:text-is('提交')");
            await citizen.Locator("#receipt").WaitForAsync();
            var number = (await citizen.Locator("#report-number").InnerTextAsync()).Trim();
            var code = (await citizen.Locator("#query-code").InnerTextAsync()).Trim();
            Assert.StartsWith("ZMJB", number);
            Assert.Equal(8, code.Length);
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await BrowserFixture.ScreenshotAsync(citizen, "41-public-report-receipt");

            // 3. demo-xuecheng signs in, finds the report and answers it.
            await staff.GotoAsync(host.BaseUrl + "/account/login");
            await staff.FillAsync("#username", "demo-xuecheng");
            await staff.FillAsync("#password", DemoPassword);
            await staff.ClickAsync("button[type=submit]");
            await staff.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);
            await staff.GotoAsync(host.BaseUrl + "/lists/reports?status=Open");
            await staff.Locator("#reports a", new PageLocatorOptions { HasText = number }).ClickAsync();
            await staff.Locator("#report").WaitForAsync();
            Assert.Contains("亲属无收入证明", await staff.Locator("#report").InnerTextAsync());
            await staff.SelectOptionAsync("#finding", "ConfirmedCorrected");
            await staff.FillAsync("#text", "经核实，已纠正窗口做法，改为书面承诺办理。");
            await staff.ClickAsync("button:text-is('提交答复')");
            await staff.Locator("#answer").WaitForAsync();
            Assert.Contains("已答复", await staff.Locator("#status").InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(staff, "42-lists-report-answered");

            // 4. The citizen reads the answer with the number and the query code.
            await citizen.GotoAsync(host.BaseUrl + "/public/certificates/track");
            await citizen.FillAsync("#number", number);
            await citizen.FillAsync("#code", code);
            await citizen.ClickAsync("button:text-is('查询')");
            await citizen.Locator("#tracking").WaitForAsync();
            Assert.Contains("改为书面承诺办理", await citizen.Locator("#answer").InnerTextAsync());
            await BrowserFixture.AssertNoSidewaysScrollAsync(citizen);
            await BrowserFixture.ScreenshotAsync(citizen, "43-public-report-answer");
        }
        catch
        {
            await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsDirectory, "failed-lists.txt"), $"{staff.Url}\n{citizen.Url}\n{host.Output}");
            await BrowserFixture.ScreenshotAsync(staff, "failed-lists-staff");
            await BrowserFixture.ScreenshotAsync(citizen, "failed-lists-citizen");
            throw;
        }
        await staffContext.CloseAsync();
        await phone.CloseAsync();
    }
}
