using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Oversight.Litigation;
using Fazhi.Platform.Features.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Oversight.Tests;

/// <summary>
/// What the shipped demo shows in the module (every state, both sides of each figure, the pages open), on a host of its own that
/// starts with the demo, so the demo's records never sit in the other tests' lists and rates.
/// </summary>
public sealed class DemoTests(FazhiDemoFactory factory) : IClassFixture<FazhiDemoFactory>
{
    private static int _n;

    private DateOnly Today => factory.Services.GetRequiredService<IDeadlineService>().Today;

    private static string Number() => $"演示页{Interlocked.Increment(ref _n)}{Random.Shared.Next(10000, 99999)}号";

    [Fact]
    public async Task The_demo_gives_every_state_and_each_figure_records_on_both_sides()
    {
        var city = await factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"));
        var xuecheng = await factory.ApiClientAsync(FazhiFactory.DemoUser("demo-xuecheng"));
        var xcSubtree = await factory.SubtreeIdsAsync(Kit.Xuecheng);

        foreach (var view in new[] { "answer-due", "answer-overdue", "appeal-open", "lost" })
        {
            var list = await city.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits?view={view}&q={Uri.EscapeDataString("行初9")}");
            Assert.True(list.GetProperty("total").GetInt32() >= 1, view);
        }
        var mine = await xuecheng.GetFromJsonAsync<JsonElement>("/api/oversight/lawsuits?pageSize=200");
        Assert.All(mine.GetProperty("items").EnumerateArray(), r => Assert.Contains(r.GetProperty("defendantId").GetGuid(), xcSubtree));
        var all = await city.GetFromJsonAsync<JsonElement>("/api/oversight/lawsuits?pageSize=200");
        Assert.Contains(all.GetProperty("items").EnumerateArray(), r => !xcSubtree.Contains(r.GetProperty("defendantId").GetGuid()));

        // The demo's hearings lie 30 to 90 days back: this year's figure, or last year's early in January.
        var items = new List<JsonElement>();
        foreach (var year in new[] { Today.Year - 1, Today.Year })
        {
            var records = await city.GetFromJsonAsync<JsonElement>($"/api/oversight/records?metric=appearance&year={year}&group=all&pageSize=200");
            items.AddRange(records.GetProperty("records").GetProperty("items").EnumerateArray().Where(i => i.GetProperty("caseNumber").GetString()!.Contains("行初9")));
        }
        Assert.Contains(items, i => i.GetProperty("counted").GetBoolean());
        Assert.Contains(items, i => !i.GetProperty("counted").GetBoolean());
        var staffOnly = items.First(i => !i.GetProperty("counted").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await xuecheng.GetAsync($"/api/oversight/lawsuits/{staffOnly.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_overdue_suggestion_reminds_the_agency_and_the_supervisor_and_the_demo_has_every_state()
    {
        var city = await factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"));
        foreach (var view in new[] { "awaiting", "overdue", "replied", "closed" })
        {
            Assert.True((await city.GetFromJsonAsync<JsonElement>($"/api/oversight/suggestions?view={view}")).GetProperty("total").GetInt32() >= 1, view);
        }
        var overdue = (await city.GetFromJsonAsync<JsonElement>($"/api/oversight/suggestions?view=overdue&q={Uri.EscapeDataString("枣中法建")}"))
            .GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();
        await factory.InScopeAsync(sp => sp.GetRequiredService<LitigationReminders>().RunAsync(CancellationToken.None));
        var inbox = await city.GetFromJsonAsync<JsonElement>("/api/platform/notifications?pageSize=200");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("link").GetString() == $"/oversight/suggestions/{overdue}"
            && n.GetProperty("title").GetString()!.StartsWith("【督办】", StringComparison.Ordinal));
        var page = WebUtility.HtmlDecode(await (await factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-city"))).GetStringAsync($"/oversight/suggestions/{overdue}"));
        Assert.Contains("尚未答复的建议不能办结。", page);
    }

    [Fact]
    public async Task The_demo_has_every_proposal_state_both_sides_of_each_figure_and_the_register_form_names_a_missing_title()
    {
        // The demo: every state for the city (liaison and justice bureau), both sides of each figure, and the pages open.
        await factory.SeedDemoAsync(); // idempotent over the demo the host starts with
        var city = await factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"));
        foreach (var view in new[] { "open", "overdue", "transfer", "replied", "reopened", "closed" })
        {
            var list = await city.GetFromJsonAsync<JsonElement>($"/api/oversight/proposals?view={view}&q={Uri.EscapeDataString("某某")}&pageSize=200");
            var demo = list.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("year").GetInt32() == Today.Year).ToList();
            Assert.True(demo.Count >= 1, view);
        }
        foreach (var metric in new[] { "proposal-replied", "proposal-on-time", "proposal-satisfaction" })
        {
            var records = await city.GetFromJsonAsync<JsonElement>($"/api/oversight/records?metric={metric}&year={Today.Year}&group=all&pageSize=200");
            var items = records.GetProperty("records").GetProperty("items").EnumerateArray().ToList();
            Assert.Contains(items, i => i.GetProperty("counted").GetBoolean());
            Assert.Contains(items, i => !i.GetProperty("counted").GetBoolean());
        }
        var transfer = (await city.GetFromJsonAsync<JsonElement>($"/api/oversight/proposals?view=transfer&q={Uri.EscapeDataString("某某")}"))
            .GetProperty("items").EnumerateArray().First(r => r.GetProperty("year").GetInt32() == Today.Year).GetProperty("id").GetGuid();
        var browser = await factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-city"));
        Assert.Contains("决定是否调整", WebUtility.HtmlDecode(await browser.GetStringAsync($"/oversight/proposals/{transfer}")));
        Assert.Contains("id=\"proposals\"", await browser.GetStringAsync("/oversight/proposals?view=reopened"));
        Assert.Contains("建议提案满意度", WebUtility.HtmlDecode(await browser.GetStringAsync("/oversight/proposals/rates")));
        Assert.NotNull(await HomeTodo.CountAsync(browser, "/oversight/proposals?view=transfer"));

        // 薛城区 co-handles two demo items of city departments: its opinion given on one, awaited on the other, each page open.
        var xuecheng = await factory.ApiClientAsync(FazhiFactory.DemoUser("demo-xuecheng"));
        var coHandled = (await xuecheng.GetFromJsonAsync<JsonElement>("/api/oversight/proposals/co-handled")).EnumerateArray()
            .Where(r => r.GetProperty("year").GetInt32() == Today.Year && r.GetProperty("leadUnit").GetString() != "薛城区").ToList();
        Assert.Contains(coHandled, r => r.GetProperty("givenOn").ValueKind == JsonValueKind.Null);
        Assert.Contains(coHandled, r => r.GetProperty("givenOn").ValueKind == JsonValueKind.String);
        var xuechengBrowser = await factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-xuecheng"));
        var waitingDemo = coHandled.First(r => r.GetProperty("givenOn").ValueKind == JsonValueKind.Null).GetProperty("id").GetGuid();
        Assert.Contains("提交协办意见", WebUtility.HtmlDecode(await xuechengBrowser.GetStringAsync($"/oversight/proposals/{waitingDemo}")));
        Assert.Contains("id=\"co-handled\"", await xuechengBrowser.GetStringAsync("/oversight/proposals"));
        var givenDemo = coHandled.First(r => r.GetProperty("givenOn").ValueKind == JsonValueKind.String).GetProperty("id").GetGuid();
        Assert.Contains("演示协办意见", WebUtility.HtmlDecode(await browser.GetStringAsync($"/oversight/proposals/{givenDemo}")));

        // The register form on the page: refused without a title (the page shows the reason), assigned without co-units.
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "CppccProposal", ["Input.Year"] = Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Number"] = Number(),
            ["Input.Title"] = "", ["Input.Proposer"] = "委员页面某", ["Input.Content"] = "页面登记", ["Input.LeadUnitId"] = (await factory.UnitIdAsync(Kit.Xuecheng)).ToString(),
            ["Input.AssignedOn"] = Today.ToString("yyyy-MM-dd"),
        };
        var refused = await Forms.SubmitAsync(browser, "/oversight/proposals", "register", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请填写标题", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        fields["Input.Title"] = "关于页面登记的提案";
        var registered = await Forms.SubmitAsync(browser, "/oversight/proposals", "register", fields);
        Assert.True(registered.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, await registered.Content.ReadAsStringAsync());
        Assert.StartsWith("/oversight/proposals/", registered.Headers.Location!.IsAbsoluteUri ? registered.Headers.Location.PathAndQuery : registered.Headers.Location.ToString());
        var published = await factory.BrowserClient().GetStringAsync("/public/proposals");
        Assert.Contains("关于加强耕地保护执法的建议", WebUtility.HtmlDecode(published));
    }
}
