using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>One demo host for the portal's tests (issue 13, ADR 0029).</summary>
public sealed class PortalHostFixture : IAsyncLifetime
{
    public HostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await HostProcess.StartAsync("--demo");

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// The citizens' side on a 390 px phone: the portal at <c>/</c> and every public page it links to fit the screen without
/// sideways scrolling; a citizen who does not know which procedure applies applies and then tracks the case, typing the
/// number without 〔〕.
/// </summary>
public sealed partial class PortalTests(BrowserFixture browser, PortalHostFixture fixture) : IClassFixture<BrowserFixture>, IClassFixture<PortalHostFixture>
{
    private HostProcess Host => fixture.Host;

    private Task<IBrowserContext> PhoneAsync() => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        Locale = "zh-CN",
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
    });

    [Fact]
    public async Task No_public_page_scrolls_sideways_on_a_390_px_phone()
    {
        var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(Host.BaseUrl + "/");
            Assert.Equal(Host.BaseUrl + "/", page.Url); // the portal, not the staff login
            await page.Locator("#portal").WaitForAsync();
            await BrowserFixture.ScreenshotAsync(page, "portal-01-home-390");
            Assert.Equal(0, await page.Locator(".sidemenu, .breadcrumb").CountAsync());
            Assert.Equal(1, await page.Locator("a[href='/account/login']").CountAsync());

            // Every public page the portal links to (each module's lists, apply, track, surveys), and the portal itself.
            var links = await page.Locator("a.portal-card").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
            foreach (var expected in new[] { "/apply", "/track", "/public/penalties", "/public/benchmarks", "/public/no-light-list", "/public/credit-repair" })
            {
                Assert.Contains(expected, links);
            }
            var wide = new List<string>();
            foreach (var href in links.Prepend("/").Distinct())
            {
                await page.GotoAsync(Host.BaseUrl + href);
                var (scroll, client) = await WidthsAsync(page);
                await BrowserFixture.ScreenshotAsync(page, "portal-390" + Regex.Replace(href, "[^a-z0-9]+", "-"));
                if (scroll > client)
                {
                    wide.Add($"{href}: {scroll} px in {client} px");
                }
                Assert.Equal(0, await page.Locator(".breadcrumb, .sidemenu").CountAsync());
            }
            Assert.Empty(wide);
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "failed-portal-widths");
            throw;
        }
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_unsure_of_the_procedure_applies_on_a_phone_and_tracks_without_typing_brackets()
    {
        var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(Host.BaseUrl + "/");
            await page.ClickAsync("a.portal-card[href='/apply']");
            await page.Locator("#caseType").WaitForAsync();
            // The first choice: the centre decides the procedure; the citizen leaves it.
            Assert.Equal("unsure", await page.InputValueAsync("#caseType"));
            await page.SelectOptionAsync("#category", new SelectOptionValue { Label = "物业纠纷" });
            await page.SelectOptionAsync("#place", new SelectOptionValue { Label = "市中区" });
            await page.FillAsync("#name", "赵敏（演示）");
            await page.FillAsync("#id", "110102199101010078");
            await page.FillAsync("#phone", "1390000");
            await page.FillAsync("#description", "楼上卫生间漏水三个月，天花板发霉，物业不管，想请人调解赔偿。");
            await page.ClickAsync("button:has-text('提交申请')");
            // No consent, a short number: told next to the fields, nothing sent.
            await page.Locator("text=请阅读个人信息处理说明并勾选同意").WaitForAsync();
            Assert.Equal(1, await page.Locator("text=请填写 11 位手机号码").CountAsync());
            Assert.Equal(0, await page.Locator("#case-number").CountAsync());
            Assert.Equal("赵敏（演示）", await page.InputValueAsync("#name"));

            await page.FillAsync("#phone", "13912345678");
            await page.CheckAsync("#consent");
            await page.ClickAsync("button:has-text('提交申请')");
            var number = (await page.Locator("#case-number").InnerTextAsync()).Trim();
            var code = (await page.Locator("#query-code").InnerTextAsync()).Trim();
            var (width, client) = await WidthsAsync(page);
            Assert.True(width <= client, $"the receipt is {width} px wide in {client} px");
            await BrowserFixture.ScreenshotAsync(page, "portal-02-applied");

            var parts = NumberParts().Match(number);
            Assert.True(parts.Success, number);
            await page.ClickAsync("a[href='/track']");
            await page.FillAsync("#number", $"{parts.Groups[1].Value}-{parts.Groups[2].Value}");
            await page.FillAsync("#code", code.ToLowerInvariant());
            await page.ClickAsync("button:has-text('查询')");
            var tracking = await page.Locator("#tracking").InnerTextAsync();
            Assert.Contains(number, tracking);
            Assert.Contains("待受理", tracking);
            Assert.DoesNotContain("13912345678", await page.ContentAsync());
            await BrowserFixture.ScreenshotAsync(page, "portal-03-tracked");
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "failed-portal-apply");
            throw;
        }
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_citizens_application_from_a_district_is_routed_accepted_assigned_mediated_and_closed_by_the_demo_accounts_only()
    {
        // 1. A citizen in 市中区 applies on a phone, unsure of the procedure.
        var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        string number, code;
        try
        {
            await page.GotoAsync(Host.BaseUrl + "/apply");
            await page.SelectOptionAsync("#category", new SelectOptionValue { Label = "邻里纠纷" });
            await page.SelectOptionAsync("#place", new SelectOptionValue { Label = "市中区" });
            await page.FillAsync("#name", "钱进（演示）");
            await page.FillAsync("#id", "110102199101010078");
            await page.FillAsync("#phone", "13712345678");
            await page.FillAsync("#description", "邻居在公共楼道堆放杂物，多次沟通无果，请求调解清理。");
            await page.CheckAsync("#consent");
            await page.ClickAsync("button:has-text('提交申请')");
            number = (await page.Locator("#case-number").InnerTextAsync()).Trim();
            code = (await page.Locator("#query-code").InnerTextAsync()).Trim();
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "failed-portal-walk");
            throw;
        }

        // 2. The centre's front desk (demo-city) finds it waiting, recommended to 市中区 by the demo routing rules, and confirms.
        using var city = await SignedInAsync("demo-city");
        var pending = await city.GetFromJsonAsync<JsonElement>("/api/disputes/cases?status=Pending&pageSize=100");
        var id = pending.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("caseNumber").GetString() == number).GetProperty("id").GetGuid();
        var routing = (await city.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}/front-desk")).GetProperty("routing");
        Assert.Equal("370402", routing.GetProperty("recommendedUnitCode").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await city.PostAsJsonAsync($"/api/disputes/cases/{id}/routing/confirm", new { })).StatusCode);

        // 3. The district clerk (demo-shizhong) now sees it, accepts it and takes it on: the handlers offered are those of the
        //    case's own unit (a street's mediator needs 下派, not built yet).
        using var district = await SignedInAsync("demo-shizhong");
        Assert.Equal("待受理", (await district.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}")).GetProperty("statusName").GetString());
        await OkAsync(district.PostAsJsonAsync($"/api/disputes/cases/{id}/accept", new { }));
        var assignees = await district.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}/assignees");
        var mediator = assignees.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "演示·市中区工作人员").GetProperty("userId").GetGuid();
        await OkAsync(district.PostAsJsonAsync($"/api/disputes/cases/{id}/assign", new { userId = mediator }));

        // 4. The handler holds a mediation session and closes the case with a result of its type's procedure.
        await OkAsync(district.PostAsJsonAsync($"/api/disputes/cases/{id}/sessions", new
        {
            at = DateTime.SpecifyKind(DateTime.UtcNow.AddHours(8), DateTimeKind.Unspecified), place = "市中区人民调解委员会", participants = "申请人、被申请人（演示）", text = "双方同意三日内清理楼道杂物。",
        }));
        await OkAsync(district.PostAsJsonAsync($"/api/disputes/cases/{id}/close", new { result = "success", summary = "双方达成口头协议，楼道已清理。" }));

        // 5. The citizen tracks it without brackets and sees it closed.
        var parts = NumberParts().Match(number);
        await page.GotoAsync(Host.BaseUrl + "/track");
        await page.FillAsync("#number", $"{parts.Groups[1].Value} {parts.Groups[2].Value}");
        await page.FillAsync("#code", code);
        await page.ClickAsync("button:has-text('查询')");
        Assert.Contains("已办结", await page.Locator("#tracking").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "portal-04-walk-closed");
        await context.CloseAsync();
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var http = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        var token = await http.PostAsJsonAsync("/api/platform/account/token", new { userName, password = "Demo-Fazhi-2026-zz" });
        token.EnsureSuccessStatusCode();
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
        return http;
    }

    private static async Task OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<(int Scroll, int Client)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    [GeneratedRegex(@"〔(\d{4})〕(\d+)号")]
    private static partial Regex NumberParts();
}
