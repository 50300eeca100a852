using System.Net;
using System.Net.Http.Json;
using Fazhi.Enforcement.Tests.Infrastructure;

namespace Fazhi.Enforcement.Tests.Cases;

/// <summary>
/// Issue 12: a deadline that falls in a year whose official working-day calendar is not loaded (the test host loads
/// 2020-2026) is counted with weekends only and says so on the case page and in the case API.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CalendarWarningTests(FazhiFactory factory)
{
    private const string Warning = "2027 年工作日历尚未导入，期限按周末推算";

    private readonly CaseTestKit _kit = new(factory);

    [Fact]
    public async Task A_decision_due_in_a_year_without_a_calendar_carries_the_warning_on_the_api_and_the_page()
    {
        var (_, officers) = await _kit.TeamAsync();
        var user = await factory.CreateUserAsync("enforcement-officer", CaseTestKit.Market);
        var api = await factory.ApiClientAsync(user);
        var matter = await CaseTestKit.MatterAsync(api);
        // Opened 2026-11-20: the 90 days of 第六十条 end on 2027-02-18.
        var opened = await CaseTestKit.OkAsync(await api.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = matter, party = CaseTestKit.Company(CaseTestKit.Unique("日历公司")), summary = "", openedOn = new DateOnly(2026, 11, 20), officerIds = officers,
        }), HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetGuid();

        var view = await CaseTestKit.OkAsync(await api.GetAsync($"/api/enforcement/cases/{id}"));
        Assert.Equal("2027-02-18", view.GetProperty("decisionDueOn").GetString());
        Assert.Equal(Warning, view.GetProperty("decisionCalendarWarning").GetString());

        var browser = await factory.SignedInBrowserAsync(user);
        var html = await browser.GetStringAsync($"/enforcement/cases/{id}");
        Assert.Contains(Warning, html);
        Assert.Contains("calendar-notice", html);
    }

    [Fact]
    public async Task A_decision_due_within_the_loaded_calendar_carries_no_warning()
    {
        var (_, officers) = await _kit.TeamAsync();
        var user = await factory.CreateUserAsync("enforcement-officer", CaseTestKit.Market);
        var api = await factory.ApiClientAsync(user);
        var matter = await CaseTestKit.MatterAsync(api);
        var opened = await CaseTestKit.OkAsync(await api.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = matter, party = CaseTestKit.Company(CaseTestKit.Unique("日历公司")), summary = "", openedOn = new DateOnly(2026, 6, 1), officerIds = officers,
        }), HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetGuid();

        var view = await CaseTestKit.OkAsync(await api.GetAsync($"/api/enforcement/cases/{id}"));
        Assert.StartsWith("2026-", view.GetProperty("decisionDueOn").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("decisionCalendarWarning").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("publicationCalendarWarning").ValueKind);

        var browser = await factory.SignedInBrowserAsync(user);
        var html = await browser.GetStringAsync($"/enforcement/cases/{id}");
        Assert.DoesNotContain("工作日历尚未导入", html);
        Assert.DoesNotContain("calendar-notice", html);
    }
}
