using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Rulemaking.Advisers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Tests;

/// <summary>
/// Government legal advisers (政府法律顾问, ADR 0036) through HTTP: the register and engagements with their periods; a request
/// only to an adviser engaged by the unit (refused naming <c>adviserId</c> otherwise); the adviser's account sees and answers
/// only the requests sent to it, once; counts per adviser and unit; reminders and the adviser's to-do; the demo, with an
/// opinion shown at a major decision's legality-review step.
/// </summary>
public sealed class AdviserTests(RulemakingHost host) : IClassFixture<RulemakingHost>
{
    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(HttpClient Office, HttpClient Unit, TestUser AdviserUser, string AdviserId)> EngagedAdviserAsync(string name)
    {
        var office = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-advisers-office", "370400"));
        var unit = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-advisers-unit", "370403"));
        var adviserUser = await host.Factory.CreateUserAsync("rulemaking-legal-adviser", "370402");
        var today = await host.TodayAsync();
        var adviser = await CreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/advisers",
            new { name, kind = "ExternalLawyer", organisation = "测试律师事务所", specialty = "行政法", userName = adviserUser.UserName }));
        var id = adviser.GetProperty("id").GetString()!;
        await CreatedAsync(await office.PostAsJsonAsync($"/api/rulemaking/advisers/{id}/engagements",
            new { orgUnitId = await host.Factory.UnitIdAsync("370403"), from = today.AddDays(-10), to = today.AddDays(365), contractNo = "TEST-01" }));
        return (office, unit, adviserUser, id);
    }

    [Fact]
    public async Task A_unit_asks_an_engaged_adviser_who_alone_sees_and_answers_it_once()
    {
        var (office, unit, adviserUser, adviserId) = await EngagedAdviserAsync("测试顾问甲");
        var today = await host.TodayAsync();
        var xuecheng = await host.Factory.UnitIdAsync("370403");

        // The register: a name is required, an account must exist; a unit cannot register.
        await (await office.PostAsJsonAsync("/api/rulemaking/advisers", new { kind = "Expert" })).AssertRefusedNamingAsync("name");
        await (await office.PostAsJsonAsync("/api/rulemaking/advisers", new { name = "某", kind = "Expert", userName = "no-such-account" })).AssertRefusedNamingAsync("userName");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync("/api/rulemaking/advisers", new { name = "某", kind = "Expert" })).StatusCode);
        // Engagements: the end not before the start; one unit's periods do not overlap.
        await (await office.PostAsJsonAsync($"/api/rulemaking/advisers/{adviserId}/engagements", new { orgUnitId = xuecheng, from = today, to = today.AddDays(-1) }))
            .AssertRefusedNamingAsync("to");
        Assert.Equal(HttpStatusCode.Conflict,
            (await office.PostAsJsonAsync($"/api/rulemaking/advisers/{adviserId}/engagements", new { orgUnitId = xuecheng, from = today.AddDays(30), to = today.AddDays(60) })).StatusCode);

        // Another adviser, registered but not engaged by Xuecheng: refused, naming the rule's field.
        var otherUser = await host.Factory.CreateUserAsync("rulemaking-legal-adviser", "370400");
        var other = await CreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/advisers", new { name = "测试顾问乙", kind = "PublicLawyer", userName = otherUser.UserName }));
        var refused = await (await unit.PostAsJsonAsync("/api/rulemaking/advisers/requests", new
        {
            orgUnitId = xuecheng, adviserId = other.GetProperty("id").GetString(), subject = "Contract", subjectTitle = "测试合同", question = "请审查。", dueOn = today.AddDays(5),
        })).AssertRefusedNamingAsync("adviserId");
        Assert.Equal("adviser-engaged", refused.GetProperty("rule").GetString());
        await (await unit.PostAsJsonAsync("/api/rulemaking/advisers/requests", new { orgUnitId = xuecheng, adviserId, subject = "Contract", subjectTitle = "测试合同", question = "请审查。" }))
            .AssertRefusedNamingAsync("dueOn");
        await (await unit.PostAsJsonAsync("/api/rulemaking/advisers/requests", new { orgUnitId = xuecheng, adviserId, subject = "Contract", question = "请审查。", dueOn = today.AddDays(5) }))
            .AssertRefusedNamingAsync("subjectTitle");
        var request = await CreatedAsync(await unit.PostAsJsonAsync("/api/rulemaking/advisers/requests", new
        {
            orgUnitId = xuecheng, adviserId, subject = "Contract", subjectTitle = "测试区停车场特许经营协议", question = "请审查违约责任条款。", dueOn = today.AddDays(5),
        }));
        var id = request.GetProperty("id").GetString()!;
        Assert.StartsWith("FLYJ-", request.GetProperty("number").GetString(), StringComparison.Ordinal);

        // Only the adviser it was sent to sees it; another adviser gets 404 and cannot answer; an adviser has no unit's list.
        var adviser = await host.Factory.ApiClientAsync(adviserUser);
        var otherAdviser = await host.Factory.ApiClientAsync(otherUser);
        Assert.Contains((await adviser.GetFromJsonAsync<JsonElement>("/api/rulemaking/adviser/requests")).EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        Assert.DoesNotContain((await otherAdviser.GetFromJsonAsync<JsonElement>("/api/rulemaking/adviser/requests")).EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdviser.GetAsync($"/api/rulemaking/adviser/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdviser.PostAsJsonAsync($"/api/rulemaking/adviser/requests/{id}/opinion", new { opinion = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adviser.GetAsync("/api/rulemaking/advisers/requests")).StatusCode);

        // The opinion: required, once.
        await (await adviser.PostAsJsonAsync($"/api/rulemaking/adviser/requests/{id}/opinion", new { opinion = " ", version = request.GetProperty("version").GetInt64() })).AssertRefusedNamingAsync("opinion");
        var answered = await RulemakingHost.OkAsync(await adviser.PostAsJsonAsync($"/api/rulemaking/adviser/requests/{id}/opinion", new { opinion = "第十二条违约金比例过低，建议提高。", version = request.GetProperty("version").GetInt64() }));
        Assert.Equal("已出具意见", answered.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await adviser.PostAsJsonAsync($"/api/rulemaking/adviser/requests/{id}/opinion", new { opinion = "再次", version = answered.GetProperty("version").GetInt64() })).StatusCode);

        // The unit reads it; another district's unit does not see it; the office counts it.
        var read = await unit.GetFromJsonAsync<JsonElement>($"/api/rulemaking/advisers/requests/{id}");
        Assert.Equal("第十二条违约金比例过低，建议提高。", read.GetProperty("opinion").GetString());
        var shizhong = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-advisers-unit", "370402"));
        Assert.Equal(HttpStatusCode.NotFound, (await shizhong.GetAsync($"/api/rulemaking/advisers/requests/{id}")).StatusCode);
        var counts = await office.GetFromJsonAsync<JsonElement>("/api/rulemaking/advisers/counts");
        var mine = counts.GetProperty("byAdviser").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "测试顾问甲");
        Assert.Equal(1, mine.GetProperty("answered").GetInt32());
        Assert.Equal(1, mine.GetProperty("onTime").GetInt32());
    }

    [Fact]
    public async Task An_overdue_request_reminds_the_adviser_and_shows_on_their_home_page()
    {
        var (_, unit, adviserUser, adviserId) = await EngagedAdviserAsync("测试顾问丙");
        var today = await host.TodayAsync();
        var request = await CreatedAsync(await unit.PostAsJsonAsync("/api/rulemaking/advisers/requests", new
        {
            orgUnitId = await host.Factory.UnitIdAsync("370403"), adviserId, subject = "Case", subjectTitle = "测试行政复议案", question = "请提出意见。", dueOn = today,
        }));
        var id = Guid.Parse(request.GetProperty("id").GetString()!);
        await host.Factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<Fazhi.Platform.Kit.ISystemWork>().Db<Data.RulemakingDb>("test");
            await db.OpinionRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, today.AddDays(-1)));
        });
        var first = await host.Factory.InScopeAsync(sp => sp.GetRequiredService<AdviserReminders>().RemindAsync(CancellationToken.None));
        Assert.True(first.Sent > 0);
        Assert.Equal(0, (await host.Factory.InScopeAsync(sp => sp.GetRequiredService<AdviserReminders>().RemindAsync(CancellationToken.None))).Sent);
        var browser = await host.Factory.SignedInBrowserAsync(adviserUser);
        Assert.Equal("1", await HomeTodo.CountAsync(browser, "/rulemaking/advisers/mine"));
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/rulemaking/advisers/mine"));
        Assert.Contains("测试行政复议案", page);
        Assert.Contains("逾期未出具", page);
    }
}
