using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Fazhi.Browser.Tests;

/// <summary>A district clerk sees their district's records and nothing of a sibling district, in the browser.</summary>
public sealed class DataScopeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo-Fazhi-2026-zz";

    [Fact]
    public async Task District_clerk_sees_only_their_district_and_gets_not_found_for_a_sibling()
    {
        await using var host = await HostProcess.StartAsync("--demo");
        var siblingId = await UserIdAsync(host, "demo-xuecheng");

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/account/login");
        await page.FillAsync("#username", "demo-shizhong");
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(host.BaseUrl + "/", BrowserFixture.Committed);

        await page.GotoAsync(host.BaseUrl + "/admin/users");
        var table = await page.Locator("table.grid").InnerTextAsync();
        await BrowserFixture.ScreenshotAsync(page, "05-scoped-users");
        Assert.Contains("demo-shizhong", table);
        Assert.Contains("demo-town", table);        // a town below 市中区
        Assert.DoesNotContain("demo-xuecheng", table); // the sibling district
        Assert.DoesNotContain("demo-city", table);     // the city above

        var response = await page.GotoAsync($"{host.BaseUrl}/admin/users/{siblingId}");
        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        await context.CloseAsync();
    }

    /// <summary>Looks a user up through the API as the city-level demo clerk, whose scope covers every district.</summary>
    private static async Task<Guid> UserIdAsync(HostProcess host, string userName)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await http.PostAsJsonAsync("/api/platform/account/token", new { userName = "demo-city", password = DemoPassword });
        token.EnsureSuccessStatusCode();
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
        var list = await http.GetFromJsonAsync<JsonElement>($"/api/platform/users?q={userName}");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        return items.Single(i => i.GetProperty("userName").GetString() == userName).GetProperty("id").GetGuid();
    }
}
