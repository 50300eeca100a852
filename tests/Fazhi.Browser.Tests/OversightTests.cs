using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 18, oversight: a defendant agency (demo-xuecheng) follows its to-do to a lawsuit whose answer period is running and
/// records the answer; the justice bureau (demo-city) reads the appearance rate with its definition and opens the records
/// that count for and against it. The host's <c>--demo</c> seeds lawsuits in every state.
/// </summary>
public sealed class OversightTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";

    [Fact]
    public async Task An_agency_answers_a_lawsuit_in_time_and_the_office_reads_the_appearance_rates_records()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        var agencyContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var officeContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var agency = await agencyContext.NewPageAsync();
        var office = await officeContext.NewPageAsync();
        try
        {
            // 1. The agency signs in: the home page's to-do shows the lawsuit awaiting its answer.
            await SignInAsync(agency, host, "demo-xuecheng");
            var todo = agency.Locator("a[href='/oversight/lawsuits?view=answer-due']");
            await todo.WaitForAsync();
            await todo.ClickAsync();
            await agency.Locator("#lawsuits tbody tr a").First.WaitForAsync();
            await BrowserFixture.ScreenshotAsync(agency, "60-oversight-lawsuits-due");

            // 2. Opens it: the answer deadline (第六十七条) is shown; the answer is recorded today, in time.
            await agency.Locator("#lawsuits tbody tr a").First.ClickAsync();
            await agency.Locator("#answer-panel").WaitForAsync();
            Assert.Contains("第六十七条", await agency.Locator("#answer-due").InnerTextAsync());
            var due = DateOnly.Parse((await agency.Locator("#answer-due").InnerTextAsync()).Trim()[..10], System.Globalization.CultureInfo.InvariantCulture);
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            Assert.True(due >= today, $"the demo's answer-due lawsuit is due {due}, before today {today}");
            await agency.FillAsync("#a-date", today.ToString("yyyy-MM-dd"));
            await agency.ClickAsync("#answer-submit");
            await agency.Locator(".alert-success").WaitForAsync();
            Assert.Equal("已答辩", (await agency.Locator("#status").InnerTextAsync()).Trim());
            Assert.Equal(today.ToString("yyyy-MM-dd"), (await agency.Locator("#answered-on").InnerTextAsync()).Trim());
            Assert.Equal(0, await agency.Locator("#answer-late").CountAsync());
            await BrowserFixture.ScreenshotAsync(agency, "61-oversight-answered");

            // 3. The justice bureau reads the appearance rate with its definition, for the year of the demo's hearings (30 to 90 days
            // back: in the year of 40 days ago there are hearings with and without a head, whatever today's date).
            await SignInAsync(office, host, "demo-city");
            var year = today.AddDays(-40).Year;
            await office.GotoAsync($"{host.BaseUrl}/oversight/litigation/rates?year={year}");
            await office.Locator("#appearance-definition").WaitForAsync();
            Assert.Contains("负责人", await office.Locator("#appearance-definition").InnerTextAsync());
            Assert.True(await office.Locator("#appearance-by-agency tbody tr").CountAsync() >= 1);
            await BrowserFixture.ScreenshotAsync(office, "62-oversight-appearance-rate");

            // 4. Opens the total figure: the records counted against it (no head present) come first, then those for it.
            await office.Locator("#appearance-total a").ClickAsync();
            await office.Locator("#records").WaitForAsync();
            Assert.Contains("口径", await office.Locator("#definition").InnerTextAsync());
            Assert.True(await office.Locator("#records .not-counted").CountAsync() >= 1);
            Assert.True(await office.Locator("#records .counted").CountAsync() >= 1);
            Assert.Contains("负责人未出庭", await office.Locator("#records tbody tr").First.InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(office, "63-oversight-appearance-records");
            await office.Locator("#records tbody tr a").First.ClickAsync();
            await office.Locator("#hearings").WaitForAsync();
            Assert.Contains("仅工作人员出庭", await office.Locator("#hearings").InnerTextAsync());
        }
        catch
        {
            await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsDirectory, "failed-oversight.txt"), $"{agency.Url}\n{office.Url}\n{host.Output}");
            await BrowserFixture.ScreenshotAsync(agency, "failed-oversight-agency");
            await BrowserFixture.ScreenshotAsync(office, "failed-oversight-office");
            throw;
        }
        await agencyContext.CloseAsync();
        await officeContext.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, HostProcess host, string user)
    {
        await page.GotoAsync(host.BaseUrl + "/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);
    }
}
