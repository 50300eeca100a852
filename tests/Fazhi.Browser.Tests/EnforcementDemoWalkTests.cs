using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 13 (ADR 0040): a penalty case walked with the shipped demo accounts only. demo-city, an officer at the city market
/// regulator, opens a case for the regulator, uploads evidence, proposes a major decision and asks for legal review;
/// demo-sjj, the regulator's legal reviewer, opens the case file from the queue, reads the evidence and passes it; demo-city
/// decides (文号 from the numbering), serves and publishes; the decision is on /public/penalties.
/// </summary>
public sealed class EnforcementDemoWalkTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";
    private const string PartyName = "孙晓演";
    private const string IdNumber = "110102199101010078";

    private static async Task SignInAsync(IPage page, string baseUrl, string user)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(baseUrl + "/", BrowserFixture.Committed);
    }

    [Fact]
    public async Task Demo_accounts_take_a_penalty_case_from_opening_through_legal_review_to_publication()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)); // Beijing time, as the host's calendar
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var options = new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } };
        var officerContext = await browser.Browser.NewContextAsync(options);
        var officer = await officerContext.NewPageAsync();
        var reviewerContext = await browser.Browser.NewContextAsync(options);
        var reviewer = await reviewerContext.NewPageAsync();
        try
        {
            // 1. demo-city opens a case for the market regulator (its home unit is the justice bureau: it chooses the body).
            await SignInAsync(officer, host.BaseUrl, "demo-city");
            await officer.GotoAsync(host.BaseUrl + "/enforcement/cases");
            await officer.SelectOptionAsync("#body", new SelectOptionValue { Label = "枣庄市市场监督管理局" });
            var matter = await officer.Locator("#matter option", new PageLocatorOptions { HasText = "明码标价" }).GetAttributeAsync("value");
            await officer.SelectOptionAsync("#matter", matter!);
            await officer.SelectOptionAsync("#kind", new SelectOptionValue { Label = "公民" });
            await officer.FillAsync("#pname", PartyName);
            await officer.FillAsync("#pid", IdNumber);
            await officer.FillAsync("#opened", Day(-20));
            await officer.FillAsync("#summary", "个体摊位商品未标示价格（演示走查）。");
            var officers = officer.Locator("label", new PageLocatorOptions { HasText = "枣庄市市场监督管理局" }).Locator("input[name=officer]:not([disabled])");
            await officers.Nth(0).CheckAsync();
            await officers.Nth(1).CheckAsync();
            await officer.ClickAsync("button:text-is('立案')");
            await officer.WaitForURLAsync("**/enforcement/cases/*", BrowserFixture.Committed);
            await officer.Locator("#case").WaitForAsync();
            var caseUrl = officer.Url;
            var caseNumber = (await officer.Locator("h1").First.InnerTextAsync()).Trim();

            // 2. Evidence, a major proposal, notice, and the request for legal review.
            //    Each action is a button at the top of the case page that opens its own dialog (ADR 0052).
            await PenaltyDecisionTests.OpenDialogAsync(officer, "dlg-evidence");
            await officer.Locator("#dlg-evidence input[type=file][name=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "现场检查笔录.txt", MimeType = "text/plain", Buffer = "现场检查笔录：摊位 8 种商品未标价。"u8.ToArray(),
            });
            await officer.ClickAsync("#dlg-evidence button[type=submit]");
            await officer.GetByText("证据已上传并记入全过程记录。").WaitForAsync();
            await PenaltyDecisionTests.OpenDialogAsync(officer, "dlg-propose");
            await officer.FillAsync("#act", Day(-25));
            await officer.FillAsync("#age", "40");
            await officer.SelectOptionAsync("#harm", "Ordinary");
            await officer.FillAsync("#fine", "2000");
            await officer.Locator("#dlg-propose label", new PageLocatorOptions { HasText = "重大执法决定" }).Locator("input[type=checkbox]").CheckAsync();
            await officer.ClickAsync("#dlg-propose button[type=submit]");
            await officer.GetByText("已记录拟处罚意见及裁量建议。").WaitForAsync();
            await PenaltyDecisionTests.OpenDialogAsync(officer, "dlg-notify");
            await officer.FillAsync("#nd", Day(-10));
            await officer.ClickAsync("#dlg-notify button[type=submit]");
            await officer.GetByText("已记录告知。").WaitForAsync();
            await PenaltyDecisionTests.OpenDialogAsync(officer, "dlg-review");
            await officer.ClickAsync("#dlg-review button[type=submit]");
            await officer.GetByText("已提请法制审核。").WaitForAsync();
            // A major decision waits for the review (行政处罚法第五十八条): the button says so.
            Assert.True(await officer.Locator("button[data-action='dlg-decide']").IsDisabledAsync());
            Assert.Contains("第五十八条", await officer.Locator("#dlg-decide-why").InnerTextAsync());
            Assert.Equal(0, await officer.Locator("#dlg-review-open").CountAsync());

            // 3. demo-sjj opens the case file from its queue and reads the evidence (行政处罚法第五十八条), then passes it.
            await SignInAsync(reviewer, host.BaseUrl, "demo-sjj");
            await reviewer.GotoAsync(host.BaseUrl + "/enforcement/legal-reviews");
            var row = reviewer.Locator("#queue tbody tr", new PageLocatorOptions { HasText = caseNumber });
            await row.Locator("a", new LocatorLocatorOptions { HasText = "查看案卷" }).ClickAsync();
            await reviewer.Locator("#readonly").WaitForAsync();
            var evidenceLink = reviewer.Locator("#steps a", new PageLocatorOptions { HasText = "现场检查笔录.txt" });
            var href = await evidenceLink.GetAttributeAsync("href");
            var evidence = await reviewerContext.APIRequest.GetAsync(host.BaseUrl + href);
            Assert.Equal(200, evidence.Status);
            Assert.Contains("8 种商品未标价", await evidence.TextAsync());
            Assert.Contains(PartyName, await reviewer.Locator("#case").InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(reviewer, "40-enforcement-review-case-file");
            await reviewer.GotoAsync(host.BaseUrl + "/enforcement/legal-reviews");
            await reviewer.Locator("#queue tbody tr", new PageLocatorOptions { HasText = caseNumber }).Locator("a", new LocatorLocatorOptions { HasText = "审核" }).Last.ClickAsync();
            await reviewer.Locator("#op").WaitForAsync();
            await reviewer.SelectOptionAsync("#op", "Pass");
            await reviewer.FillAsync("#reason", "事实清楚，证据确凿，程序合法，适用依据正确。");
            await reviewer.ClickAsync("button:text-is('出具意见')");
            await reviewer.GetByText("已出具审核意见。").WaitForAsync();

            // 4. demo-city decides (the 文号 left to the numbering), serves and publishes.
            await officer.GotoAsync(caseUrl);
            await PenaltyDecisionTests.OpenDialogAsync(officer, "dlg-decide");
            await officer.FillAsync("#dd", Day(0));
            await officer.ClickAsync("#dlg-decide button[type=submit]");
            await officer.GetByText("已作出处罚决定。").WaitForAsync();
            var decision = Regex.Match(await officer.Locator("#case").InnerTextAsync(), @"[^\s（]+〔\d{4}〕\d+号").Value;
            Assert.NotEmpty(decision);
            Assert.Equal(1, await officer.Locator("a", new PageLocatorOptions { HasText = "下载行政处罚决定书" }).CountAsync());
            await PenaltyDecisionTests.OpenDialogAsync(officer, "dlg-serve");
            await officer.FillAsync("#sd", Day(0));
            await officer.ClickAsync("#dlg-serve button[type=submit]");
            await officer.GetByText("已记录送达。").WaitForAsync();
            await PenaltyDecisionTests.OpenDialogAsync(officer, "dlg-publish");
            await officer.ClickAsync("#dlg-publish button[type=submit]");
            await officer.GetByText("已公示。", new PageGetByTextOptions { Exact = true }).WaitForAsync();
            await BrowserFixture.ScreenshotAsync(officer, "41-enforcement-demo-published");

            // 5. The decision is public, the person's name masked.
            var visitor = await browser.Browser.NewContextAsync(options);
            var publicPage = await visitor.NewPageAsync();
            await publicPage.GotoAsync(host.BaseUrl + "/public/penalties");
            var published = await publicPage.Locator("#penalties tbody tr", new PageLocatorOptions { HasText = decision }).InnerTextAsync();
            Assert.Contains("明码标价", published);
            Assert.DoesNotContain(PartyName, await publicPage.ContentAsync());
            await visitor.CloseAsync();
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(officer, "failed-enforcement-walk-officer");
            await BrowserFixture.ScreenshotAsync(reviewer, "failed-enforcement-walk-reviewer");
            throw;
        }
        await officerContext.CloseAsync();
        await reviewerContext.CloseAsync();
    }
}
