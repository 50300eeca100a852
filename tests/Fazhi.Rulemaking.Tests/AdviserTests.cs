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

    /// <summary>
    /// ADR 0069: the subject of a request is a decision, a normative document or a legislation project chosen from the picker
    /// (searched by title or number within the caller's data scope) and linked, or a typed contract or case. A subject out of
    /// scope, unknown or not chosen is refused naming <c>subjectId</c>; the opinion shows on the subject's page (法律顾问意见).
    /// </summary>
    [Fact]
    public async Task A_request_is_linked_to_a_decision_a_draft_or_a_project_in_scope_and_shows_on_its_page()
    {
        var (_, unit, adviserUser, adviserId) = await EngagedAdviserAsync("测试顾问丁");
        var today = await host.TodayAsync();
        var xuecheng = await host.Factory.UnitIdAsync("370403");

        // Three subjects of Xuecheng: a normative draft, a major decision, a legislation project; and a draft of Shizhong.
        var draft = await RulemakingHost.SubmitAsync(await host.DrafterAsync("370403"),
            RulemakingHost.Draft("薛城区测试顾问链接管理办法", "第一条 为了规范本区测试工作，制定本办法。\n第二条 本办法自施行之日起有效期五年。", today.AddDays(30)));
        var draftId = draft.GetProperty("draft").GetProperty("id").GetString()!;
        var foreign = await RulemakingHost.SubmitAsync(await host.DrafterAsync("370402"),
            RulemakingHost.Draft("市中区测试顾问链接管理办法", "第一条 为了规范本区测试工作，制定本办法。\n第二条 本办法自施行之日起有效期五年。", today.AddDays(30)));
        var foreignId = foreign.GetProperty("draft").GetProperty("id").GetString()!;
        var government = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-government-office", "370400"));
        var catalogue = await CreatedAsync(await government.PostAsJsonAsync("/api/rulemaking/decisions/catalogues", new { year = today.Year, title = "测试顾问链接决策目录" }));
        var decision = await CreatedAsync(await government.PostAsJsonAsync("/api/rulemaking/decisions",
            new { catalogueId = catalogue.GetProperty("id").GetString(), title = "薛城区测试顾问链接决策", summary = "测试。", orgUnitId = xuecheng }));
        var decisionId = decision.GetProperty("decision").GetProperty("id").GetString()!;
        var legislation = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-legislation-office", "370400"));
        var plan = await CreatedAsync(await legislation.PostAsJsonAsync("/api/rulemaking/legislation/plans", new { year = today.Year, title = "测试顾问链接立法计划" }));
        var project = await CreatedAsync(await legislation.PostAsJsonAsync($"/api/rulemaking/legislation/plans/{plan.GetProperty("id").GetString()}/items",
            new { title = "枣庄市测试顾问链接管理办法", kind = "GovernmentRule", orgUnitId = xuecheng, plannedSubmitOn = today.AddDays(30), plannedAdoptOn = today.AddDays(90) }));
        var projectId = project.GetProperty("id").GetString()!;

        // The picker's search: by title, within the caller's scope only (Shizhong's draft is not offered); the kind checked.
        var found = (await unit.GetFromJsonAsync<JsonElement>("/api/rulemaking/advisers/subjects?q=" + Uri.EscapeDataString("测试顾问链接"))).EnumerateArray().ToList();
        Assert.Contains(found, p => p.GetProperty("value").GetString()!.EndsWith("#" + Guid.Parse(draftId).ToString("N"), StringComparison.Ordinal));
        Assert.Contains(found, p => p.GetProperty("value").GetString()!.EndsWith("#" + Guid.Parse(decisionId).ToString("N"), StringComparison.Ordinal));
        Assert.Contains(found, p => p.GetProperty("value").GetString()!.EndsWith("#" + Guid.Parse(projectId).ToString("N"), StringComparison.Ordinal)
            && p.GetProperty("label").GetString()!.StartsWith("立法项目", StringComparison.Ordinal));
        Assert.DoesNotContain(found, p => p.GetProperty("value").GetString()!.Contains(Guid.Parse(foreignId).ToString("N"), StringComparison.Ordinal));
        var onlyProjects = (await unit.GetFromJsonAsync<JsonElement>("/api/rulemaking/advisers/subjects?kind=LegislationProject&q=" + Uri.EscapeDataString("测试顾问链接"))).EnumerateArray().ToList();
        Assert.Single(onlyProjects);
        await (await unit.GetAsync("/api/rulemaking/advisers/subjects?kind=Contract")).AssertRefusedNamingAsync("kind");

        object Ask(string subject, string? subjectId, string? title = null) => new
        {
            orgUnitId = xuecheng, adviserId, subject, subjectId, subjectTitle = title, question = "请就合法性出具意见。", dueOn = today.AddDays(5),
        };
        const string Url = "/api/rulemaking/advisers/requests";
        // Not chosen, unknown, out of scope, or of another kind: refused naming subjectId, in Chinese; nothing saved.
        var before = (await unit.GetFromJsonAsync<JsonElement>(Url)).GetArrayLength();
        var missing = await (await unit.PostAsJsonAsync(Url, Ask("NormativeDocument", null, "随便写的标题"))).AssertRefusedNamingAsync("subjectId");
        Assert.Contains("请从列表中选择", missing.ToString());
        await (await unit.PostAsJsonAsync(Url, Ask("Decision", Guid.NewGuid().ToString()))).AssertRefusedNamingAsync("subjectId");
        var outside = await (await unit.PostAsJsonAsync(Url, Ask("NormativeDocument", foreignId))).AssertRefusedNamingAsync("subjectId");
        Assert.Contains("不在您的数据范围内", outside.ToString());
        await (await unit.PostAsJsonAsync(Url, Ask("LegislationProject", draftId))).AssertRefusedNamingAsync("subjectId");
        Assert.Equal(before, (await unit.GetFromJsonAsync<JsonElement>(Url)).GetArrayLength());

        // Linked: the title is the record's, the link its page.
        var onDraft = await CreatedAsync(await unit.PostAsJsonAsync(Url, Ask("NormativeDocument", draftId, "不用的标题")));
        Assert.Equal("薛城区测试顾问链接管理办法", onDraft.GetProperty("subjectTitle").GetString());
        Assert.Equal($"/rulemaking/documents/{draftId}", onDraft.GetProperty("subjectUrl").GetString());
        var onDecision = await CreatedAsync(await unit.PostAsJsonAsync(Url, Ask("Decision", decisionId)));
        Assert.Equal($"/rulemaking/decisions/{decisionId}", onDecision.GetProperty("subjectUrl").GetString());
        var onContract = await CreatedAsync(await unit.PostAsJsonAsync(Url, Ask("Contract", null, "测试顾问链接服务合同")));
        Assert.Equal(JsonValueKind.Null, onContract.GetProperty("subjectUrl").ValueKind);

        // The page: the picker posts "title #id"; a pick out of scope is refused inline, naming the rule, and saves nothing.
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-advisers-unit", "370403"));
        Dictionary<string, string> Form(string subject, string pick) => new()
        {
            ["Request.OrgUnitId"] = xuecheng.ToString(), ["Request.AdviserId"] = adviserId, ["Request.Subject"] = subject, ["Request.SubjectPick"] = pick,
            ["Request.SubjectTitle"] = "", ["Request.Question"] = "请审查立法项目的罚款设定。", ["Request.DueOn"] = today.AddDays(7).ToString("yyyy-MM-dd"),
        };
        var refusedPage = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, "/rulemaking/advisers/requests", "request",
            Form("NormativeDocument", $"市中区测试顾问链接管理办法 #{Guid.Parse(foreignId):N}"))).Content.ReadAsStringAsync());
        Assert.Contains("不在您的数据范围内", refusedPage);
        var page = await Forms.SubmitAsync(browser, "/rulemaking/advisers/requests", "request", Form("LegislationProject", $"枣庄市测试顾问链接管理办法 #{Guid.Parse(projectId):N}"));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("征询已发出", html);
        Assert.Contains($"href=\"/rulemaking/legislation/{projectId}\" class=\"subject-link\">枣庄市测试顾问链接管理办法", html);
        Assert.Equal(before + 4, (await unit.GetFromJsonAsync<JsonElement>(Url)).GetArrayLength());
        // From a subject's page the form comes with the subject chosen.
        var preset = WebUtility.HtmlDecode(await browser.GetStringAsync($"/rulemaking/advisers/requests?subject=NormativeDocument&subjectId={draftId}"));
        Assert.Contains($"value=\"薛城区测试顾问链接管理办法 #{Guid.Parse(draftId):N}\"", preset);

        // The adviser answers; the opinion shows on the draft's page and on the project's (法律顾问意见), as the scope allows.
        var adviser = await host.Factory.ApiClientAsync(adviserUser);
        await RulemakingHost.OkAsync(await adviser.PostAsJsonAsync($"/api/rulemaking/adviser/requests/{onDraft.GetProperty("id").GetString()}/opinion",
            new { opinion = "第一条未写明制定依据，建议补充上位法依据。", version = onDraft.GetProperty("version").GetInt64() }));
        var drafterPage = WebUtility.HtmlDecode(await (await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-drafter", "370403")))
            .GetStringAsync($"/rulemaking/documents/{draftId}"));
        Assert.Contains("id=\"adviser-opinions\"", drafterPage);
        Assert.Contains("第一条未写明制定依据，建议补充上位法依据。", drafterPage);
        var projectPage = WebUtility.HtmlDecode(await (await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-legislation-office", "370400")))
            .GetStringAsync($"/rulemaking/legislation/{projectId}"));
        Assert.Contains("id=\"adviser-opinions\"", projectPage);
        Assert.Contains("测试顾问丁", projectPage);
        Assert.Contains("待出具意见", projectPage);
        // Another district's drafter does not reach the draft at all.
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.DrafterAsync("370402")).GetAsync($"/api/rulemaking/normative-documents/{draftId}")).StatusCode);
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
