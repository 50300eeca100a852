using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>
/// Issue 5: a unit's liaison sees its assessment tasks, fills in and submits one with evidence; the office's reviewer
/// returns it with a reason; the unit sees the reason on its task list.
/// </summary>
public sealed class AssessmentReturnTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";
    private const string Unit = "370400-SFJ"; // 枣庄市司法局, the lead unit of the sample framework's indicators
    private const string Indicator = "依法全面履行政府职能工作部署落实情况（示例）";
    private const string Reason = "佐证材料缺少会议纪要，请补充后重新报送。";

    [Fact]
    public async Task Reviewer_returns_a_submitted_task_and_the_unit_sees_the_reason_on_its_task_list()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        // --demo gives demo-city the office role (and runs a demo campaign whose rows the unit's list also shows).
        await host.RunCliAsync("admin", "create", "demo-shizhong", "--role", "assessment-unit", "--org", Unit);
        var campaign = $"演示考评活动 {Guid.NewGuid():N}"[..16];
        await StartCampaignAsync(host, campaign);

        var unitContext = await NewContextAsync();
        var reviewerContext = await NewContextAsync();
        var unit = await unitContext.NewPageAsync();
        var reviewer = await reviewerContext.NewPageAsync();
        try
        {
            // 1. The unit's liaison sees its task list with the indicator, not started.
            await SignInAsync(unit, host, "demo-shizhong");
            await unit.GotoAsync(host.BaseUrl + "/assessment/tasks?q=" + Uri.EscapeDataString(campaign)); // the list is paged: the clerk searches by campaign
            var row = unit.Locator("#tasks tbody tr", new PageLocatorOptions { HasText = Indicator }).Filter(new LocatorFilterOptions { HasText = campaign });
            Assert.Contains("未开始", await row.InnerTextAsync());
            Assert.Contains(campaign, await row.InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(unit, "14-assessment-task-list");

            // 2. Opens the task, adds a figure as evidence, writes the statement and submits.
            await row.Locator("a").First.ClickAsync();
            await unit.Locator("#statement").WaitForAsync();
            var taskUrl = unit.Url;
            await unit.FillAsync("#ev-title", "年度法治政府建设工作会议次数");
            await unit.FillAsync("#ev-value", "4");
            await unit.FillAsync("#ev-unit", "次");
            await unit.ClickAsync("button:text-is('添加佐证')");
            await unit.GetByText("已添加佐证材料。").WaitForAsync();
            Assert.Contains("年度法治政府建设工作会议次数", await unit.Locator("#evidence").InnerTextAsync());
            await unit.FillAsync("#statement", "已印发年度工作方案，召开专题会议四次。");
            await unit.ClickAsync("form button:text-is('保存')");
            await unit.Locator(".alert-success", new PageLocatorOptions { HasText = "已保存。" }).WaitForAsync();
            await unit.ClickAsync("button:text-is('报送')");
            await unit.Locator(".alert-success", new PageLocatorOptions { HasText = "已报送。" }).WaitForAsync();
            Assert.Contains("已报送", await unit.Locator("#status").InnerTextAsync());

            // 3. The office's reviewer opens the submitted task and returns it with a reason.
            await SignInAsync(reviewer, host, "demo-city");
            await reviewer.GotoAsync(taskUrl);
            Assert.Contains("已印发年度工作方案", await reviewer.ContentAsync());
            await reviewer.ClickAsync("#review button:text-is('退回')");
            // A return without a reason is refused: the unit must be told why.
            await reviewer.Locator(".alert-error").WaitForAsync();
            Assert.Contains("已报送", await reviewer.Locator("#status").InnerTextAsync());
            await reviewer.FillAsync("#return-reason-input", Reason);
            await reviewer.ClickAsync("#review button:text-is('退回')");
            await reviewer.GetByText("已退回，单位可看到退回理由。").WaitForAsync();
            Assert.Contains("已退回", await reviewer.Locator("#status").InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(reviewer, "15-assessment-returned");

            // 4. The unit sees the reason on its task list.
            await unit.GotoAsync(host.BaseUrl + "/assessment/tasks?q=" + Uri.EscapeDataString(campaign)); // the list is paged: the clerk searches by campaign
            var returned = await unit.Locator("#tasks tbody tr", new PageLocatorOptions { HasText = Indicator }).Filter(new LocatorFilterOptions { HasText = campaign }).InnerTextAsync();
            Assert.Contains("已退回", returned);
            Assert.Contains("退回理由：" + Reason, returned);
            await BrowserFixture.ScreenshotAsync(unit, "16-assessment-task-list-returned");
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(unit, "failed-assessment-unit");
            await BrowserFixture.ScreenshotAsync(reviewer, "failed-assessment-reviewer");
            throw;
        }
        await unitContext.CloseAsync();
        await reviewerContext.CloseAsync();
    }

    private Task<IBrowserContext> NewContextAsync() =>
        browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });

    private static async Task SignInAsync(IPage page, HostProcess host, string user)
    {
        await page.GotoAsync(host.BaseUrl + "/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);
    }

    /// <summary>The office creates a campaign on the sample framework and assigns its indicators to the lead units, through the API.</summary>
    private static async Task StartCampaignAsync(HostProcess host, string name)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await http.PostAsJsonAsync("/api/platform/account/token", new { userName = "demo-city", password = DemoPassword });
        token.EnsureSuccessStatusCode();
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);

        var frameworks = await http.GetFromJsonAsync<JsonElement>("/api/assessment/frameworks");
        var version = frameworks.EnumerateArray().Single(f => f.GetProperty("code").GetString() == "SAMPLE-FZZF-2021")
            .GetProperty("versions").EnumerateArray().First().GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var created = await http.PostAsJsonAsync("/api/assessment/campaigns", new
        {
            name,
            frameworkVersionId = version,
            periodStart = new DateOnly(today.Year, 1, 1),
            periodEnd = new DateOnly(today.Year, 12, 31),
            startsOn = (DateOnly?)null,
            deadline = today.AddDays(60),
            bottomUpApproval = false,
            unitCodes = new[] { Unit },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var assigned = await http.PostAsync($"/api/assessment/campaigns/{id}/assign-from-framework", null);
        Assert.True(assigned.IsSuccessStatusCode, await assigned.Content.ReadAsStringAsync());
    }
}
