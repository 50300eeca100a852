using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>One demo host for the rulemaking browser tests (one host per class).</summary>
public sealed class RulemakingHostFixture : IAsyncLifetime
{
    public HostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await HostProcess.StartAsync("--demo");

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Issue 16 in the browser. 行政规范性文件合法性审核: a drafting unit (demo-xuecheng) submits a draft that sets a fine, the
/// automatic pre-check finds it (行政处罚法 第十六条); the review office (demo-city) reads the finding, accepts it, gives the
/// article a 删除 opinion and returns the draft; the drafting unit sees it returned. 清理: demo-city opens a campaign and lists
/// a document of 薛城区; demo-xuecheng proposes 废止 with the reason; demo-city decides and publishes; the lists show the result.
/// </summary>
public sealed class RulemakingTests(BrowserFixture browser, RulemakingHostFixture fixture) : IClassFixture<BrowserFixture>, IClassFixture<RulemakingHostFixture>
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

    /// <summary>A page in a context of its own (its own sign-in), Chinese, at a desktop width.</summary>
    private async Task<(IBrowserContext Context, IPage Page)> DesktopPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        return (context, await context.NewPageAsync());
    }

    [Fact]
    public async Task A_drafting_unit_submits_and_the_reviewer_reads_the_findings_and_returns_the_draft()
    {
        var host = fixture.Host;
        var (unitContext, unit) = await DesktopPageAsync();
        var (officeContext, office) = await DesktopPageAsync();
        try
        {
            // 1. The drafting unit submits; the pre-check lists the fine with its rule.
            await SignInAsync(unit, host.BaseUrl, "demo-xuecheng");
            await unit.GotoAsync(host.BaseUrl + "/rulemaking/documents/new");
            await unit.FillAsync("#title", "薛城区门前三包管理办法");
            await unit.FillAsync("#authority", "枣庄市薛城区人民政府");
            await unit.FillAsync("#text", "枣庄市薛城区人民政府\n第一条 为了规范沿街单位门前三包管理，制定本办法。\n第二条 沿街单位未履行门前三包责任的，由区城市管理局处以二百元罚款。\n第三条 本办法自2027年6月1日起施行，有效期五年。");
            await unit.FillAsync("#basis", "《城市市容和环境卫生管理条例》");
            await unit.FillAsync("#explanation", "为落实门前三包责任制起草。");
            await unit.FillAsync("#comments", "公开征求意见 30 日，未收到意见。");
            await unit.FillAsync("#effective", "2027-06-01");
            await unit.ClickAsync("#submit-draft");
            await unit.Locator("#findings").WaitForAsync();
            var finding = unit.Locator("#findings tr.finding[data-rule=penalty]");
            Assert.Contains("中华人民共和国行政处罚法 第十六条", await finding.InnerTextAsync());
            Assert.Contains("处以二百元罚款", await finding.InnerTextAsync());
            var url = unit.Url;
            await BrowserFixture.ScreenshotAsync(unit, "50-rulemaking-submitted");

            // 2. The review office reads the finding, accepts it, opines 删除 on 第二条 and returns the draft.
            await SignInAsync(office, host.BaseUrl, "demo-city");
            await office.GotoAsync(url);
            var row = office.Locator("#findings tr.finding[data-rule=penalty]");
            await row.WaitForAsync();
            await row.Locator("select[name='Finding.Decision']").SelectOptionAsync("Accepted");
            await row.Locator("input[name='Finding.Reason']").FillAsync("规范性文件不得设定罚款。");
            await row.Locator("button").ClickAsync();
            await office.Locator("#findings tr.finding[data-rule=penalty] .tag", new PageLocatorOptions { HasText = "采纳" }).WaitForAsync();
            await office.SelectOptionAsync("#op-article", "第二条");
            await office.SelectOptionAsync("#op-verdict", "Delete");
            await office.FillAsync("#op-reason", "没有法律、法规、规章依据，应删除（行政处罚法第十六条）。");
            await office.ClickAsync("button:text-is('记录意见')");
            await office.Locator("#articles .tag", new PageLocatorOptions { HasText = "删除" }).WaitForAsync();
            await office.FillAsync("#conclusion-text", "第二条设定罚款，应删除后重新报送。");
            await office.ClickAsync("#conclude");
            await office.Locator("#standing", new PageLocatorOptions { HasText = "退回修改" }).WaitForAsync();
            await BrowserFixture.ScreenshotAsync(office, "51-rulemaking-returned");

            // 3. The drafting unit sees it returned, with the opinion, and may resubmit.
            await unit.GotoAsync(url);
            Assert.Contains("退回修改", await unit.Locator("#standing").InnerTextAsync());
            Assert.Contains("第二条设定罚款", await unit.Locator("#conclusion").InnerTextAsync());
            await unit.Locator("button:text-is('重新报送')").WaitForAsync();
        }
        finally
        {
            await unitContext.CloseAsync();
            await officeContext.CloseAsync();
        }
    }

    [Fact]
    public async Task A_unit_proposes_repeal_in_a_cleanup_the_office_decides_and_publishes_and_the_lists_show_it()
    {
        var host = fixture.Host;
        var (unitContext, unit) = await DesktopPageAsync();
        var (officeContext, office) = await DesktopPageAsync();
        try
        {
            // 1. The office opens a campaign and lists a published document of 薛城区.
            await SignInAsync(office, host.BaseUrl, "demo-city");
            await office.GotoAsync(host.BaseUrl + "/rulemaking/cleanup");
            const string campaign = "浏览器测试专项清理";
            await office.FillAsync("#cc-title", campaign);
            await office.SelectOptionAsync("#cc-kind", "Special");
            await office.FillAsync("#cc-basis", "优化营商环境专项清理。");
            await office.FillAsync("#cc-due", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));
            await office.ClickAsync("button:text-is('建立清理')");
            var link = office.Locator("#campaigns a", new PageLocatorOptions { HasText = campaign });
            await link.WaitForAsync();
            await link.ClickAsync();
            await office.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/rulemaking/cleanup/[0-9a-f-]{36}$"), BrowserFixture.Committed);
            var campaignUrl = office.Url;
            var candidate = office.Locator("#candidates tr.candidate", new PageLocatorOptions { HasText = "薛城区" }).First;
            await candidate.WaitForAsync();
            var title = (await candidate.Locator("td").First.InnerTextAsync()).Split('\n')[0].Trim();
            await candidate.Locator("button").ClickAsync();
            var item = office.Locator("#items tr.cleanup-item", new PageLocatorOptions { HasText = title });
            await item.WaitForAsync();

            // 2. The unit proposes 废止 with the reason.
            await SignInAsync(unit, host.BaseUrl, "demo-xuecheng");
            await unit.GotoAsync(campaignUrl);
            var mine = unit.Locator("#items tr.cleanup-item", new PageLocatorOptions { HasText = title });
            await mine.Locator("select[name=Outcome]").SelectOptionAsync("Repeal");
            await mine.Locator("input[name=Reason]").FillAsync("调整事项已由市级统一规定，建议废止。");
            await mine.Locator("button:text-is('提出意见')").ClickAsync();
            await unit.Locator("#items tr.cleanup-item[data-state=Proposed]", new PageLocatorOptions { HasText = title }).WaitForAsync();
            Assert.Contains("调整事项已由市级统一规定", await unit.Locator("#items tr.cleanup-item", new PageLocatorOptions { HasText = title }).InnerTextAsync());

            // 3. The office decides as proposed and publishes the result.
            await office.GotoAsync(campaignUrl);
            var proposed = office.Locator("#items tr.cleanup-item[data-state=Proposed]", new PageLocatorOptions { HasText = title });
            await proposed.Locator("select[aria-label='审定结果']").SelectOptionAsync("Repeal");
            await proposed.Locator("button:text-is('审定')").ClickAsync();
            await office.Locator("#items tr.cleanup-item[data-state=Decided]", new PageLocatorOptions { HasText = title }).WaitForAsync();
            await office.ClickAsync("#publish");
            await office.Locator("#campaign-state", new PageLocatorOptions { HasText = "结果已公布" }).WaitForAsync();
            await BrowserFixture.ScreenshotAsync(office, "52-rulemaking-cleanup-published");

            // 4. The lists show the result: the campaigns list, and the public result with the document 废止.
            await office.GotoAsync(host.BaseUrl + "/rulemaking/cleanup");
            Assert.Contains("结果已公布", await office.Locator("#campaigns tr", new PageLocatorOptions { HasText = campaign }).InnerTextAsync());
            var id = campaignUrl[(campaignUrl.LastIndexOf('/') + 1)..];
            await unit.GotoAsync(host.BaseUrl + "/public/cleanup/" + id);
            var row = unit.Locator("#public-cleanup tr", new PageLocatorOptions { HasText = title });
            Assert.Contains("废止", await row.First.InnerTextAsync());
        }
        finally
        {
            await unitContext.CloseAsync();
            await officeContext.CloseAsync();
        }
    }

    /// <summary>
    /// ADR 0069: demo-xuecheng asks a legal adviser about its draft under review by typing part of the title in the subject
    /// picker (the search refills the list), sends the request, follows the link to the draft and finds the request in its
    /// 法律顾问意见 panel; demo-city's legislation office sees the rule at review with its two comment rounds.
    /// </summary>
    [Fact]
    public async Task A_unit_picks_its_draft_for_a_legal_opinion_and_the_project_page_shows_two_comment_rounds()
    {
        var host = fixture.Host;
        var (unitContext, unit) = await DesktopPageAsync();
        var (officeContext, office) = await DesktopPageAsync();
        try
        {
            await SignInAsync(unit, host.BaseUrl, "demo-xuecheng");
            await unit.GotoAsync(host.BaseUrl + "/rulemaking/advisers/requests");
            await unit.Locator("#rq-subject").SelectOptionAsync("NormativeDocument");
            await unit.Locator("#rq-pick").PressSequentiallyAsync("夜市");
            var option = unit.Locator("#rq-pick-subjects option", new PageLocatorOptions { HasText = "薛城区城区夜市经营管理办法" });
            await option.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            await unit.Locator("#rq-pick").FillAsync((await option.First.GetAttributeAsync("value"))!);
            await unit.Locator("#rq-adviser").SelectOptionAsync(new SelectOptionValue { Label = "山东正义律师事务所（律师事务所）" });
            await unit.FillAsync("#rq-question", "请就第三条设定的摊位条件是否有上位法依据出具意见。");
            await unit.FillAsync("#rq-due", DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"));
            await unit.ClickAsync("button:text-is('发出征询')");
            await unit.Locator("text=征询已发出").WaitForAsync();
            var row = unit.Locator("tr.opinion-request", new PageLocatorOptions { HasText = "请就第三条设定的摊位条件" });
            var number = await row.GetAttributeAsync("data-request");
            await row.Locator("a.subject-link").ClickAsync();
            await unit.WaitForURLAsync("**/rulemaking/documents/**");
            await unit.Locator($"#adviser-opinions [data-request='{number}']").WaitForAsync();
            await BrowserFixture.ScreenshotAsync(unit, "53-rulemaking-adviser-opinion-on-draft");

            await SignInAsync(office, host.BaseUrl, "demo-city");
            await office.GotoAsync(host.BaseUrl + "/rulemaking/legislation");
            await office.Locator("a:text-is('枣庄市城市供热管理办法')").First.ClickAsync();
            await office.Locator("#comment-rounds tr[data-round='2']").WaitForAsync();
            Assert.Contains("第二十一条", await office.Locator("#comment-rounds tr[data-round='2']").InnerTextAsync());
            Assert.Contains("第十五条", await office.Locator("#comment-rounds tr[data-round='1']").InnerTextAsync());
            Assert.Contains("已答复 2 条", await office.Locator("#comment-rounds tr[data-round='1']").InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(office, "54-rulemaking-comment-rounds");
        }
        finally
        {
            await unitContext.CloseAsync();
            await officeContext.CloseAsync();
        }
    }
}
