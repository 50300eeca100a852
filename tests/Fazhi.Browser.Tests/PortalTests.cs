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
    public async Task Apply_with_the_page_script_choices_made_and_a_file_attached_fits_a_390_px_phone_and_submits()
    {
        var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(Host.BaseUrl + "/apply");
            await page.Locator("#caseType").WaitForAsync();
            // The page's own script is loaded and running (enhanced forms and navigation), as on a real phone.
            await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
            // The longest procedure name, a category and a place; a file with a long name attached.
            var procedures = await page.Locator("#caseType option").EvaluateAllAsync<string[]>("els => els.map(e => e.textContent)");
            var longest = procedures.OrderByDescending(p => p.Length).First();
            await page.SelectOptionAsync("#caseType", new SelectOptionValue { Label = longest });
            await page.SelectOptionAsync("#category", new SelectOptionValue { Label = "物业纠纷" });
            await page.SelectOptionAsync("#place", new SelectOptionValue { Label = "市中区" });
            await page.FillAsync("#name", "孙丽（演示）");
            await page.FillAsync("#id", "110102199101010078");
            await page.FillAsync("#phone", "13912340001");
            await page.FillAsync("#respondent", "枣庄市某某物业服务有限公司第三分公司（演示）");
            await page.FillAsync("#amount", "8600");
            await page.FillAsync("#description", "小区地下车库多次积水导致车辆受损，物业公司拒绝赔偿维修费用，申请调解。");
            const string fileName = "2026年3月地下车库积水车辆维修费用收据及现场照片说明材料（扫描件）.pdf";
            await page.SetInputFilesAsync("#files", new FilePayload
            {
                Name = fileName,
                MimeType = "application/pdf",
                Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(),
            });
            await page.CheckAsync("#consent");
            var (scroll, client) = await WidthsAsync(page);
            await BrowserFixture.ScreenshotAsync(page, "portal-04-apply-filled-390");
            Assert.True(scroll <= client, $"/apply filled in with a file is {scroll} px wide in {client} px");
            var wide = await WideElementsAsync(page, client);
            Assert.True(wide.Length == 0, "wider than the screen: " + string.Join("; ", wide));

            await page.ClickAsync("button:has-text('提交申请')");
            var number = (await page.Locator("#case-number").InnerTextAsync()).Trim();
            var code = (await page.Locator("#query-code").InnerTextAsync()).Trim();
            (scroll, client) = await WidthsAsync(page);
            await BrowserFixture.ScreenshotAsync(page, "portal-05-apply-with-file-done-390");
            Assert.True(scroll <= client, $"the receipt is {scroll} px wide in {client} px");

            // The file arrived with the application: tracking lists it by name, and that page fits the phone too.
            await page.ClickAsync("a[href='/track']");
            await page.FillAsync("#number", number);
            await page.FillAsync("#code", code);
            await page.ClickAsync("button:has-text('查询')");
            var tracking = await page.Locator("#tracking").InnerTextAsync();
            Assert.Contains(number, tracking);
            Assert.Contains(fileName, tracking);
            (scroll, client) = await WidthsAsync(page);
            await BrowserFixture.ScreenshotAsync(page, "portal-06-tracked-with-file-390");
            Assert.True(scroll <= client, $"the tracking page is {scroll} px wide in {client} px");
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "failed-portal-apply-with-file");
            throw;
        }
        await context.CloseAsync();
    }

    /// <summary>Elements whose right edge passes the screen's (tag, id or class, and width), to name what scrolls.</summary>
    private static Task<string[]> WideElementsAsync(IPage page, int client) =>
        page.EvaluateAsync<string[]>(@"(client) => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > client + 0.5)
            .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : ''} (${Math.round(e.getBoundingClientRect().right)} px)`)", client);

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

    [Fact]
    public async Task A_citizen_who_lost_the_query_code_recovers_it_by_sms_on_a_phone_and_tracks_with_the_new_one()
    {
        // ADR 0049: ID number + mobile given at application; a 6-digit code by SMS; a new query code, the old one void.
        const string IdNumber = "37040219850615123"; // check digit appended below (GB 11643)
        const string Phone = "13623456789";
        var id = IdNumber + IdCheckDigit(IdNumber);
        var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(Host.BaseUrl + "/apply");
            await page.SelectOptionAsync("#category", new SelectOptionValue { Label = "物业纠纷" });
            await page.SelectOptionAsync("#place", new SelectOptionValue { Label = "市中区" });
            await page.FillAsync("#name", "孙找回（演示）");
            await page.FillAsync("#id", id);
            await page.FillAsync("#phone", Phone);
            await page.FillAsync("#description", "小区电梯长期停运，物业拒不维修，请求调解。");
            await page.CheckAsync("#consent");
            await page.ClickAsync("button:has-text('提交申请')");
            var number = (await page.Locator("#case-number").InnerTextAsync()).Trim();
            var oldCode = (await page.Locator("#query-code").InnerTextAsync()).Trim();

            // The code is lost. On /track the citizen asks for an SMS code: the answer is the same sentence whether or not
            // anything matched, shown without sideways scrolling.
            await page.GotoAsync(Host.BaseUrl + "/track");
            await page.Locator("#recover").ScrollIntoViewIfNeededAsync();
            await page.FillAsync("#recover-id", id);
            await page.FillAsync("#recover-phone", Phone);
            await page.ClickAsync("#recover-send");
            await page.Locator("#recover .alert", new PageLocatorOptions { HasText = "验证码已通过短信发送至该手机" }).WaitForAsync();
            var (scroll, client) = await WidthsAsync(page);
            Assert.True(scroll <= client, $"/track is {scroll} px wide in {client} px");
            await BrowserFixture.ScreenshotAsync(page, "portal-05-recovery-sent");

            // Under --demo the SMS interface writes each message into the development outbox (ADR 0055): the test reads
            // the code the way the citizen's phone would show it.
            var code = await Host.SmsCodeAsync(Phone);
            var wrong = code == "000000" ? "000001" : "000000";

            // A wrong code is refused next to the field; the right one gives a new query code, shown once.
            await page.FillAsync("#recover-id", id);
            await page.FillAsync("#recover-phone", Phone);
            await page.FillAsync("#recover-code", wrong);
            await page.ClickAsync("#recover-verify");
            await page.Locator("#recover .field-error", new PageLocatorOptions { HasText = "验证码不正确或已过期" }).WaitForAsync();
            Assert.Equal(0, await page.Locator(".recovered-code").CountAsync());
            await page.FillAsync("#recover-code", code);
            await page.ClickAsync("#recover-verify");
            await page.Locator(".recovered-code").WaitForAsync();
            Assert.Equal(number, (await page.Locator(".recovered-number").InnerTextAsync()).Trim());
            var newCode = (await page.Locator(".recovered-code").InnerTextAsync()).Trim();
            Assert.NotEqual(oldCode, newCode);
            (scroll, client) = await WidthsAsync(page);
            Assert.True(scroll <= client, $"/track with the recovered code is {scroll} px wide in {client} px");
            Assert.DoesNotContain(id, await page.ContentAsync());
            await BrowserFixture.ScreenshotAsync(page, "portal-06-recovered");

            // The old code no longer opens the case; the new one does.
            await page.GotoAsync(Host.BaseUrl + "/track");
            await page.FillAsync("#number", number);
            await page.FillAsync("#code", oldCode);
            await page.ClickAsync("button:has-text('查询')");
            await page.GetByText("案件编号或查询码不正确").WaitForAsync();
            Assert.Equal(0, await page.Locator("#tracking").CountAsync());
            await page.FillAsync("#number", number);
            await page.FillAsync("#code", newCode);
            await page.ClickAsync("button:has-text('查询')");
            Assert.Contains(number, await page.Locator("#tracking").InnerTextAsync());
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "failed-portal-recovery");
            throw;
        }
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_answers_the_demo_survey_on_a_phone_with_the_code_from_the_sms_outbox_once_per_number()
    {
        // ADR 0055: one answer per verified mobile; the demo's SMS interface writes to the development outbox.
        const string Phone = "13712340055";
        var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(Host.BaseUrl + "/");
            await page.Locator("a.portal-card[href^='/survey/']", new PageLocatorOptions { HasText = "法治建设满意度调查（演示）" }).ClickAsync();
            await page.Locator("#district").WaitForAsync();
            var surveyUrl = page.Url;
            await page.SelectOptionAsync("#district", new SelectOptionValue { Label = "市中区" });
            await page.FillAsync("#phone", Phone);
            await page.CheckAsync("input[name=q1][value='5']");
            await page.CheckAsync("input[name=q2][value='4']");
            await page.Locator("input[name=q3]").First.CheckAsync();
            await page.FillAsync("textarea[name=q4]", "希望多开展社区普法活动。");
            await page.ClickAsync("#send-code");
            await page.Locator(".alert", new PageLocatorOptions { HasText = "验证码已发送至该手机" }).WaitForAsync();
            // Asking for the code kept every answer.
            Assert.True(await page.IsCheckedAsync("input[name=q1][value='5']"));
            Assert.Equal("希望多开展社区普法活动。", await page.InputValueAsync("textarea[name=q4]"));
            var (scroll, client) = await WidthsAsync(page);
            Assert.True(scroll <= client, $"the survey is {scroll} px wide in {client} px");
            await BrowserFixture.ScreenshotAsync(page, "portal-07-survey-code-sent");

            await page.FillAsync("#code", await Host.SmsCodeAsync(Phone));
            await page.ClickAsync("#submit-survey");
            await page.Locator(".alert", new PageLocatorOptions { HasText = "提交成功" }).WaitForAsync();
            await BrowserFixture.ScreenshotAsync(page, "portal-08-survey-answered");

            // The same number cannot answer again, even with a new code.
            await page.GotoAsync(surveyUrl);
            await page.SelectOptionAsync("#district", new SelectOptionValue { Label = "市中区" });
            await page.FillAsync("#phone", Phone);
            await page.CheckAsync("input[name=q1][value='1']");
            await page.CheckAsync("input[name=q2][value='1']");
            await page.Locator("input[name=q3]").First.CheckAsync();
            await page.ClickAsync("#send-code");
            await page.Locator(".alert", new PageLocatorOptions { HasText = "验证码已发送至该手机" }).WaitForAsync();
            await page.FillAsync("#code", await Host.SmsCodeAsync(Phone));
            await page.ClickAsync("#submit-survey");
            await page.Locator(".field-error", new PageLocatorOptions { HasText = "只能提交一次" }).WaitForAsync();
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "failed-portal-survey");
            throw;
        }
        await context.CloseAsync();
    }

    /// <summary>The check character of a resident ID number's first 17 digits (GB 11643-1999).</summary>
    private static char IdCheckDigit(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return "10X98765432"[sum % 11];
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
