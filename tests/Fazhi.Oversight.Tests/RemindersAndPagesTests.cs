using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Oversight.Litigation;
using Fazhi.Platform.Features.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Oversight.Tests;

/// <summary>Reminders and to-dos of the litigation deadlines, the settings as data, and the pages an agency works on.</summary>
[Collection(HostCollection.Name)]
public sealed class RemindersAndPagesTests(FazhiFactory factory)
{
    private readonly Kit _kit = new(factory);

    private DateOnly Today => factory.Services.GetRequiredService<IDeadlineService>().Today;

    private static async Task<List<JsonElement>> InboxAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/platform/notifications?pageSize=200")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("link").GetString() == $"/oversight/lawsuits/{id}").ToList();

    [Fact]
    public async Task An_overdue_answer_reminds_the_agency_and_the_justice_bureau_above_it_once_and_not_another_agency()
    {
        var agencyUser = await factory.CreateUserAsync(Kit.Agency, Kit.Xuecheng);
        var agency = await factory.ApiClientAsync(agencyUser);
        var office = await _kit.ClientAsync(Kit.Office, "370400");
        var other = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var received = Today.AddDays(-20);
        var id = await Kit.RegisterAsync(agency, Kit.Suit(await factory.UnitIdAsync(Kit.Xuecheng), Kit.UniqueNumber(), received.AddDays(-2).ToString("yyyy-MM-dd"), received.ToString("yyyy-MM-dd")));

        var first = await factory.InScopeAsync(sp => sp.GetRequiredService<LitigationReminders>().RunAsync(CancellationToken.None));
        Assert.True(first.Sent >= 2, first.ToString());

        var notice = Assert.Single(await InboxAsync(agency, id));
        Assert.Contains("第六十七条", notice.GetProperty("body").GetString());
        Assert.StartsWith("逾期未答辩", notice.GetProperty("title").GetString());
        var supervised = Assert.Single(await InboxAsync(office, id));
        Assert.StartsWith("【督办】", supervised.GetProperty("title").GetString());
        Assert.Empty(await InboxAsync(other, id));

        await factory.InScopeAsync(sp => sp.GetRequiredService<LitigationReminders>().RunAsync(CancellationToken.None));
        Assert.Single(await InboxAsync(agency, id));

        var browser = await factory.SignedInBrowserAsync(agencyUser);
        Assert.NotNull(await HomeTodo.CountAsync(browser, "/oversight/lawsuits?view=answer-overdue"));
    }

    [Fact]
    public async Task An_answer_coming_due_reminds_only_the_agency_and_a_hearing_reminds_the_head_in_time()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var office = await _kit.ClientAsync(Kit.Office, "370400");
        var received = Today.AddDays(-13);
        var id = await Kit.RegisterAsync(agency, Kit.Suit(await factory.UnitIdAsync(Kit.Xuecheng), Kit.UniqueNumber(), received.AddDays(-1).ToString("yyyy-MM-dd"), received.ToString("yyyy-MM-dd")));
        await Kit.OkAsync(await agency.PostAsJsonAsync($"/api/oversight/lawsuits/{id}/schedule", new { version = await Kit.VersionAsync(agency, id), hearingOn = Today.AddDays(2).ToString("yyyy-MM-dd") }));

        await factory.InScopeAsync(sp => sp.GetRequiredService<LitigationReminders>().RunAsync(CancellationToken.None));

        var notices = await InboxAsync(agency, id);
        Assert.Contains(notices, n => n.GetProperty("title").GetString()!.StartsWith("答辩期限提醒", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.GetProperty("title").GetString()!.StartsWith("开庭提醒", StringComparison.Ordinal) && n.GetProperty("body").GetString()!.Contains("第三条第三款"));
        Assert.Empty(await InboxAsync(office, id));
    }

    [Fact]
    public async Task The_answer_period_is_data_the_justice_bureau_changes_and_a_bad_value_is_refused_naming_its_field()
    {
        var office = await _kit.ClientAsync(Kit.Office, "370400");
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var before = await office.GetFromJsonAsync<JsonElement>("/api/oversight/settings");
        Assert.Equal(15, before.GetProperty("answerDays").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PutAsJsonAsync("/api/oversight/settings", new { answerDays = 20 })).StatusCode);
        await (await office.PutAsJsonAsync("/api/oversight/settings", new
        {
            answerDays = 0, judgmentAppealDays = 15, rulingAppealDays = 10, warnDays = 3, hearingNoticeDays = 3, version = before.GetProperty("version").GetInt64(),
        })).AssertRefusedNamingAsync("answerDays");
        try
        {
            var saved = await Kit.OkAsync(await office.PutAsJsonAsync("/api/oversight/settings", new
            {
                answerDays = 20, judgmentAppealDays = 15, rulingAppealDays = 10, warnDays = 3, hearingNoticeDays = 3, version = before.GetProperty("version").GetInt64(),
            }));
            Assert.Equal(20, saved.GetProperty("answerDays").GetInt32());
            var stale = await office.PutAsJsonAsync("/api/oversight/settings", new
            {
                answerDays = 21, judgmentAppealDays = 15, rulingAppealDays = 10, warnDays = 3, hearingNoticeDays = 3, version = before.GetProperty("version").GetInt64(),
            });
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

            // 2026-03-02 + 20 = 2026-03-22, a Sunday → Monday 2026-03-23.
            var created = await Kit.OkAsync(await agency.PostAsJsonAsync("/api/oversight/lawsuits",
                Kit.Suit(await factory.UnitIdAsync(Kit.Xuecheng), Kit.UniqueNumber(), "2026-03-01", "2026-03-02")), HttpStatusCode.Created);
            Assert.Equal("2026-03-23", created.GetProperty("answerDueOn").GetString());
        }
        finally
        {
            var now = await office.GetFromJsonAsync<JsonElement>("/api/oversight/settings");
            await Kit.OkAsync(await office.PutAsJsonAsync("/api/oversight/settings", new
            {
                answerDays = 15, judgmentAppealDays = 15, rulingAppealDays = 10, warnDays = 3, hearingNoticeDays = 3, version = now.GetProperty("version").GetInt64(),
            }));
        }
    }

    [Fact]
    public async Task An_agency_registers_a_lawsuit_and_answers_it_on_the_pages()
    {
        var user = await factory.CreateUserAsync(Kit.Agency, Kit.Xuecheng);
        var browser = await factory.SignedInBrowserAsync(user);
        var number = Kit.UniqueNumber();
        var registered = await Forms.SubmitAsync(browser, "/oversight/lawsuits", "register", new Dictionary<string, string>
        {
            ["Input.DefendantId"] = (await factory.UnitIdAsync(Kit.Xuecheng)).ToString(), ["Input.Court"] = "薛城区人民法院", ["Input.CaseNumber"] = number,
            ["Input.Level"] = "FirstInstance", ["Input.Plaintiff"] = "页面原告", ["Input.ActSued"] = "行政处罚决定", ["Input.ActKind"] = "Penalty",
            ["Input.Cause"] = "不服处罚", ["Input.FiledOn"] = "2026-09-10", ["Input.ComplaintReceivedOn"] = "2026-09-16", ["Input.RelatedRecord"] = "",
        });
        Assert.True(registered.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, await registered.Content.ReadAsStringAsync());
        var target = registered.Headers.Location!;
        var location = target.IsAbsoluteUri ? target.PathAndQuery : target.ToString();
        Assert.StartsWith("/oversight/lawsuits/", location);
        location = location.Split('?')[0];
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(location));
        Assert.Contains("2026-10-08", page);
        Assert.Contains("逾期未答辩", page);

        string Version(string html, string form) => System.Text.RegularExpressions.Regex.Match(html, $"name=\"{form}.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var refused = await Forms.SubmitAsync(browser, location, "answer", new Dictionary<string, string> { ["Answer.Version"] = Version(page, "Answer"), ["Answer.AnsweredOn"] = "2026-09-01" });
        Assert.Contains("答辩日期不能早于收到起诉状副本的日期", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var answered = await Forms.SubmitAsync(browser, location, "answer", new Dictionary<string, string> { ["Answer.Version"] = Version(page, "Answer"), ["Answer.AnsweredOn"] = "2026-09-28" });
        var html = WebUtility.HtmlDecode(await answered.Content.ReadAsStringAsync());
        Assert.Contains("已记录答辩。", html);
        Assert.Contains("已答辩", html);

        var refusedHearing = await Forms.SubmitAsync(browser, location, "hearing", new Dictionary<string, string>
        {
            ["Hearing.Version"] = Version(html, "Hearing"), ["Hearing.HeldOn"] = "2026-09-01", ["Hearing.Appearance"] = "Head", ["Hearing.AppearedName"] = "王某", ["Hearing.AppearedTitle"] = "区长",
        });
        Assert.Contains("立案登记之前不能记录庭审", WebUtility.HtmlDecode(await refusedHearing.Content.ReadAsStringAsync()));
    }
}
