using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Oversight.Proposals;
using Fazhi.Platform.Features.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Oversight.Tests;

/// <summary>
/// Deputies' suggestions and CPPCC proposals (建议提案办理) through HTTP: assignment by the liaison office, the transfer request
/// within five days (山东条例 第十条、第十二条), the reply refused without a recorded contact (代表法 第五十一条), the three-month
/// period extendable once to at most six (代表法 第五十一条; 山东条例 第十九条), 不满意 reopening the item (第二十四条), public
/// replies; and 办结率, 按期办结率, 满意度 against known data, on the rates API, the drill-down and the computed indicators.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ProposalTests(FazhiFactory factory)
{
    private const string Liaison = "oversight-liaison";

    private readonly Kit _kit = new(factory);

    private DateOnly Today => factory.Services.GetRequiredService<IDeadlineService>().Today;

    private static async Task<List<JsonElement>> InboxAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/platform/notifications?pageSize=200")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("link").GetString() == $"/oversight/proposals/{id}").ToList();

    private static int _n;

    private static string Number() => $"第{Interlocked.Increment(ref _n)}{Random.Shared.Next(10000, 99999)}号";

    private static object Item(Guid lead, string assignedOn, int year = 2026, string kind = "DeputySuggestion", Guid[]? co = null, string title = "关于规范行政执法的建议") => new
    {
        kind, year, number = Number(), title, proposer = "代表测试某", content = "建议规范行政执法程序", leadUnitId = lead, coUnitIds = co ?? [], assignedOn,
    };

    private static async Task<JsonElement> RegisterAsync(HttpClient client, object item) =>
        await Kit.OkAsync(await client.PostAsJsonAsync("/api/oversight/proposals", item), HttpStatusCode.Created);

    private static async Task<long> VersionAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/oversight/proposals/{id}")).GetProperty("version").GetInt64();

    private static async Task<HttpResponseMessage> StepAsync(HttpClient client, Guid id, string step, Func<long, object> body) =>
        await client.PostAsJsonAsync($"/api/oversight/proposals/{id}/{step}", body(await VersionAsync(client, id)));

    private static async Task<JsonElement> OkStepAsync(HttpClient client, Guid id, string step, Func<long, object> body) =>
        await Kit.OkAsync(await StepAsync(client, id, step, body));

    private static Func<long, object> Contact(string on) => v => new { version = v, contactedOn = on, method = "电话", note = "听取代表意见" };

    private static Func<long, object> Reply(string on, bool isPublic = false) => v => new { version = v, repliedOn = on, reply = "已研究落实", @public = isPublic };

    private static async Task<HttpResponseMessage> CoOpinionStepAsync(HttpClient client, Guid id, string givenOn, string? opinion)
    {
        var view = await Kit.OkAsync(await client.GetAsync($"/api/oversight/proposals/{id}"));
        // The latest round's row (rows come by round): the second once 不满意 reopened the item (ADR 0066).
        var row = view.GetProperty("coOpinions").EnumerateArray().Last();
        return await client.PostAsJsonAsync($"/api/oversight/proposals/{id}/co-opinion", new
        {
            version = row.GetProperty("version").GetInt64(), coUnitId = row.GetProperty("coUnitId").GetGuid(), givenOn, opinion,
        });
    }

    private static async Task<JsonElement> CoOpinionAsync(HttpClient client, Guid id, string givenOn, string opinion) =>
        await Kit.OkAsync(await CoOpinionStepAsync(client, id, givenOn, opinion));

    private static Func<long, object> Evaluate(string evaluation, string on, string? note = null) => v => new { version = v, evaluation, evaluatedOn = on, note };

    [Fact]
    public async Task An_item_goes_from_assignment_through_contact_extension_reply_and_dissatisfaction_to_a_second_reply_each_refusal_naming_its_rule()
    {
        var liaison = await _kit.ClientAsync(Liaison, "370400");
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var xuecheng = await factory.UnitIdAsync(Kit.Xuecheng);
        var shizhong = await factory.UnitIdAsync(Kit.Shizhong);

        // Only the liaison office assigns; 2026-05-15 + 3 months = 08-15, a Saturday → 08-17; + 6 months = 11-15, a Sunday → 11-16; 5 days → 05-20.
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PostAsJsonAsync("/api/oversight/proposals", Item(xuecheng, "2026-05-15"))).StatusCode);
        await (await liaison.PostAsJsonAsync("/api/oversight/proposals", Item(xuecheng, "2026-05-15", co: [xuecheng]))).AssertRefusedNamingAsync("coUnitIds");
        await (await liaison.PostAsJsonAsync("/api/oversight/proposals", Item(Guid.Empty, "2026-05-15"))).AssertRefusedNamingAsync("leadUnitId");
        var created = await RegisterAsync(liaison, Item(xuecheng, "2026-05-15", co: [shizhong]));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(("2026-08-17", "2026-11-16", "2026-05-20"),
            (created.GetProperty("dueOn").GetString(), created.GetProperty("latestDueOn").GetString(), created.GetProperty("transferDueOn").GetString()));
        var duplicate = await liaison.PostAsJsonAsync("/api/oversight/proposals", new
        {
            kind = "DeputySuggestion", year = 2026, number = created.GetProperty("number").GetString(), title = "重复", proposer = "某", content = "某", leadUnitId = xuecheng,
            assignedOn = "2026-05-15",
        });
        await duplicate.AssertRefusedNamingAsync("number");

        // The reply is refused before the deputy was contacted, naming the rule.
        var noContact = await StepAsync(agency, id, "reply", Reply("2026-06-01"));
        Assert.Equal(HttpStatusCode.Conflict, noContact.StatusCode);
        var problem = await noContact.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("代表法》第五十一条", problem.GetProperty("detail").GetString());

        // A transfer request after the fifth day is refused naming the date and the provincial rules; within it, the liaison decides.
        var late = await (await StepAsync(agency, id, "transfer-request", v => new { version = v, requestedOn = "2026-05-21", reason = "非本单位职责" }))
            .AssertRefusedNamingAsync("requestedOn");
        Assert.Contains("第十二条", late.GetProperty("detail").GetString());
        await OkStepAsync(agency, id, "transfer-request", v => new { version = v, requestedOn = "2026-05-19", reason = "非本单位职责" });
        Assert.Equal(HttpStatusCode.Conflict, (await StepAsync(agency, id, "contact", Contact("2026-05-20"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(agency, id, "transfer-decision", v => new { version = v, grant = false, decidedOn = "2026-05-20" })).StatusCode);
        var kept = await OkStepAsync(liaison, id, "transfer-decision", v => new { version = v, grant = false, decidedOn = "2026-05-20", note = "属于本单位职责" });
        Assert.Equal("Assigned", kept.GetProperty("status").GetString());
        Assert.Contains("不同意调整", kept.GetProperty("transferDecision").GetString());

        // Contact, then an extension: beyond six months refused naming newDueOn (past dates are refused once the period ended, so none here).
        await (await StepAsync(agency, id, "contact", v => new { version = v, contactedOn = "2026-05-10", method = "电话", note = "沟通" })).AssertRefusedNamingAsync("contactedOn");
        await OkStepAsync(agency, id, "contact", Contact("2026-06-01"));
        var extension = await StepAsync(agency, id, "extension", v => new { version = v, newDueOn = "2026-12-01", reason = "办理难度大" });
        Assert.Equal(HttpStatusCode.Conflict, extension.StatusCode); // 08-17 has passed: the period cannot be extended any more.

        // The co-unit (市中区) has not given its opinion: the reply is refused naming the rule (山东条例 第二十一条) until it does.
        var waiting = await (await StepAsync(agency, id, "reply", Reply("2026-07-01"))).AssertRefusedNamingAsync("withoutCoOpinions");
        Assert.Contains("第二十一条", waiting.GetProperty("detail").GetString() + waiting.GetProperty("errors").GetProperty("withoutCoOpinions")[0].GetString());
        var coUnit = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        await CoOpinionAsync(coUnit, id, "2026-06-20", "同意主办单位办理意见");

        // The reply; only the liaison office enters the evaluation; 不满意 needs the deputy's words and reopens the item.
        var replied = await OkStepAsync(agency, id, "reply", Reply("2026-07-01"));
        Assert.Equal("Replied", replied.GetProperty("status").GetString());
        Assert.False(replied.GetProperty("repliedLate").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(agency, id, "evaluation", Evaluate("Satisfied", "2026-07-05"))).StatusCode);
        await (await StepAsync(liaison, id, "evaluation", Evaluate("Dissatisfied", "2026-07-05"))).AssertRefusedNamingAsync("note");
        var reopened = await OkStepAsync(liaison, id, "evaluation", Evaluate("Dissatisfied", "2026-07-05", "未说明落实时限"));
        Assert.Equal(("Reopened", "2026-08-05"), (reopened.GetProperty("status").GetString(), reopened.GetProperty("reReplyDueOn").GetString()));

        // The second reply again needs a contact after the dissatisfaction, and the co-unit's opinion of the second round (ADR 0066).
        Assert.Equal(HttpStatusCode.Conflict, (await StepAsync(agency, id, "reply", Reply("2026-07-20"))).StatusCode);
        await OkStepAsync(agency, id, "contact", Contact("2026-07-10"));
        await (await StepAsync(agency, id, "reply", Reply("2026-07-20"))).AssertRefusedNamingAsync("withoutCoOpinions");
        await CoOpinionAsync(coUnit, id, "2026-07-15", "同意重新答复的意见");
        await OkStepAsync(agency, id, "reply", Reply("2026-07-20", isPublic: true));
        var closed = await OkStepAsync(liaison, id, "evaluation", Evaluate("BasicallySatisfied", "2026-07-25"));
        Assert.Equal(("Closed", "Dissatisfied", "BasicallySatisfied"),
            (closed.GetProperty("status").GetString(), closed.GetProperty("firstEvaluation").GetString(), closed.GetProperty("evaluation").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await StepAsync(liaison, id, "evaluation", Evaluate("Satisfied", "2026-07-26"))).StatusCode);

        // Published: anyone reads it on the public list, with both replies.
        var anonymous = factory.CreateClient();
        var published = await anonymous.GetFromJsonAsync<JsonElement>("/api/oversight/public/proposals?year=2026");
        var mine = published.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id);
        Assert.Equal("2026-07-20", mine.GetProperty("secondRepliedOn").GetString());
        var page = await factory.BrowserClient().GetStringAsync("/public/proposals?year=2026");
        Assert.Contains(created.GetProperty("number").GetString()!, page);
    }

    [Fact]
    public async Task A_co_unit_sees_only_the_items_it_co_handles_gives_its_opinion_once_before_the_reply_and_the_lead_unit_replies_after_it_or_records_why_not()
    {
        var liaison = await _kit.ClientAsync(Liaison, "370400");
        var lead = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var co = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var stranger = await _kit.ClientAsync(Kit.Agency, "370400-ZRZY");
        var xuecheng = await factory.UnitIdAsync(Kit.Xuecheng);
        var shizhong = await factory.UnitIdAsync(Kit.Shizhong);
        var today = Today;
        var assigned = today.AddDays(-10).ToString("yyyy-MM-dd");
        var on = today.ToString("yyyy-MM-dd");
        var id = (await RegisterAsync(liaison, Item(shizhong, assigned, co: [xuecheng], title: "关于协办测试的建议"))).GetProperty("id").GetGuid();
        var notMine = (await RegisterAsync(liaison, Item(shizhong, assigned))).GetProperty("id").GetGuid();

        // The co-unit sees the item it co-handles (told at assignment), with only its own opinion row, and no other item of the lead unit.
        Assert.Single(await InboxAsync(co, id));
        var seen = await Kit.OkAsync(await co.GetAsync($"/api/oversight/proposals/{id}"));
        Assert.True(seen.GetProperty("coHandling").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Assert.Single(seen.GetProperty("coOpinions").EnumerateArray()).GetProperty("givenOn").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await co.GetAsync($"/api/oversight/proposals/{notMine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/oversight/proposals/{id}")).StatusCode);
        var coHandled = await co.GetFromJsonAsync<JsonElement>("/api/oversight/proposals/co-handled");
        Assert.Contains(coHandled.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(coHandled.EnumerateArray(), r => r.GetProperty("id").GetGuid() == notMine);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/oversight/proposals/co-handled")).EnumerateArray());
        // It cannot act as the lead unit, nor give an opinion on an item it does not co-handle.
        Assert.Equal(HttpStatusCode.NotFound, (await co.PostAsJsonAsync($"/api/oversight/proposals/{id}/contact", new { version = 0, contactedOn = on, method = "电话", note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/oversight/proposals/{id}/co-opinion", new { version = 0, givenOn = on, opinion = "x" })).StatusCode);

        // The lead unit sees the opinion pending; its reply is refused naming the rule until the co-unit gives it.
        await OkStepAsync(lead, id, "contact", Contact(on));
        var pending = await Kit.OkAsync(await lead.GetAsync($"/api/oversight/proposals/{id}"));
        Assert.False(pending.GetProperty("coHandling").GetBoolean());
        Assert.Equal(xuecheng, Assert.Single(pending.GetProperty("coOpinions").EnumerateArray()).GetProperty("coUnitId").GetGuid());
        var refused = await (await StepAsync(lead, id, "reply", Reply(on))).AssertRefusedNamingAsync("withoutCoOpinions");
        Assert.Contains("山东省代表建议办理条例第二十一条", refused.GetProperty("errors").GetProperty("withoutCoOpinions")[0].GetString());
        Assert.Equal("Assigned", (await lead.GetFromJsonAsync<JsonElement>($"/api/oversight/proposals/{id}")).GetProperty("status").GetString()); // nothing half-saved

        // The co-unit's opinion: refused without text or dated before the assignment, then given once.
        await (await CoOpinionStepAsync(co, id, on, " ")).AssertRefusedNamingAsync("opinion");
        await (await CoOpinionStepAsync(co, id, today.AddDays(-11).ToString("yyyy-MM-dd"), "意见")).AssertRefusedNamingAsync("givenOn");
        var given = await CoOpinionAsync(co, id, on, "建议明确分工，本单位负责配套措施");
        Assert.Equal(on, given.GetProperty("coOpinions")[0].GetProperty("givenOn").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await CoOpinionStepAsync(co, id, on, "再提一次")).StatusCode);
        Assert.Single(await InboxAsync(lead, id).ContinueWith(t => t.Result.Where(n => n.GetProperty("title").GetString()!.StartsWith("协办单位已提出意见", StringComparison.Ordinal)).ToList()));

        // The lead unit reads it on the item and on its page, and replies; no waiver is kept.
        var withOpinion = await Kit.OkAsync(await lead.GetAsync($"/api/oversight/proposals/{id}"));
        Assert.Equal("建议明确分工，本单位负责配套措施", withOpinion.GetProperty("coOpinions")[0].GetProperty("opinion").GetString());
        var leadPage = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Kit.Agency, Kit.Shizhong));
        Assert.Contains("建议明确分工，本单位负责配套措施", WebUtility.HtmlDecode(await leadPage.GetStringAsync($"/oversight/proposals/{id}")));
        var replied = await OkStepAsync(lead, id, "reply", v => new { version = v, repliedOn = on, reply = "已综合协办意见答复", withoutCoOpinions = "不需要" });
        Assert.Equal(JsonValueKind.Null, replied.GetProperty("coOpinionsWaiver").ValueKind);

        // A second item: the lead unit proceeds without the opinion, recording why; the co-unit's page then offers no form and its opinion is refused.
        var second = (await RegisterAsync(liaison, Item(shizhong, assigned, co: [xuecheng]))).GetProperty("id").GetGuid();
        var coPage = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Kit.Agency, Kit.Xuecheng));
        var form = WebUtility.HtmlDecode(await coPage.GetStringAsync($"/oversight/proposals/{second}"));
        Assert.Contains("提交协办意见", form);
        Assert.DoesNotContain("id=\"reply-panel\"", form);
        await OkStepAsync(lead, second, "contact", Contact(on));
        var waived = await OkStepAsync(lead, second, "reply", v => new { version = v, repliedOn = on, reply = "先行答复", withoutCoOpinions = "代表要求尽快答复，协办单位逾期未提出意见" });
        Assert.Equal("代表要求尽快答复，协办单位逾期未提出意见", waived.GetProperty("coOpinionsWaiver").GetString());
        var late = await CoOpinionStepAsync(co, second, on, "迟到的意见");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("第二十一条", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.DoesNotContain("提交协办意见", WebUtility.HtmlDecode(await coPage.GetStringAsync($"/oversight/proposals/{second}")));

        // A third item: the co-unit gives its opinion through the page form.
        var third = (await RegisterAsync(liaison, Item(shizhong, assigned, co: [xuecheng]))).GetProperty("id").GetGuid();
        var row = (await co.GetFromJsonAsync<JsonElement>($"/api/oversight/proposals/{third}")).GetProperty("coOpinions")[0];
        var posted = await Forms.SubmitAsync(coPage, $"/oversight/proposals/{third}", "co-opinion", new Dictionary<string, string>
        {
            ["CoForm.Version"] = row.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CoForm.CoUnitId"] = xuecheng.ToString(), ["CoForm.GivenOn"] = on, ["CoForm.Opinion"] = "页面提交的协办意见",
        });
        Assert.Contains("已提交协办意见", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()));
        Assert.Equal("页面提交的协办意见", (await lead.GetFromJsonAsync<JsonElement>($"/api/oversight/proposals/{third}")).GetProperty("coOpinions")[0].GetProperty("opinion").GetString());
    }

    [Fact]
    public async Task Dissatisfaction_asks_the_co_units_again_and_the_second_reply_waits_for_their_second_opinions_or_records_why_with_both_rounds_on_the_record()
    {
        var liaison = await _kit.ClientAsync(Liaison, "370400");
        var lead = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var co = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var xuecheng = await factory.UnitIdAsync(Kit.Xuecheng);
        var shizhong = await factory.UnitIdAsync(Kit.Shizhong);
        var deadlines = factory.Services.GetRequiredService<IDeadlineService>();
        var today = Today;
        string D(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        var id = (await RegisterAsync(liaison, Item(shizhong, D(-20), co: [xuecheng], title: "关于第二轮协办的建议"))).GetProperty("id").GetGuid();

        // The first round: opinion, contact, reply; 不满意 two days ago reopens the item.
        await CoOpinionAsync(co, id, D(-15), "第一轮协办意见");
        await OkStepAsync(lead, id, "contact", Contact(D(-12)));
        await OkStepAsync(lead, id, "reply", Reply(D(-10)));
        var reopened = await OkStepAsync(liaison, id, "evaluation", Evaluate("Dissatisfied", D(-2), "措施不具体"));
        Assert.Equal("Reopened", reopened.GetProperty("status").GetString());

        // A second-round row per co-unit, pending, due the settings' 30 days after the dissatisfaction but not after the second reply's own due date.
        var rows = reopened.GetProperty("coOpinions").EnumerateArray().ToList();
        Assert.Equal([1, 2], rows.Select(r => r.GetProperty("round").GetInt32()));
        Assert.Equal("第一轮协办意见", rows[0].GetProperty("opinion").GetString());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("givenOn").ValueKind);
        var thirty = (await deadlines.AddCalendarDaysAsync(today.AddDays(-2), 30)).Date;
        var reReplyDue = DateOnly.Parse(reopened.GetProperty("reReplyDueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((thirty < reReplyDue ? thirty : reReplyDue).ToString("yyyy-MM-dd"), rows[1].GetProperty("dueOn").GetString());
        Assert.False(rows[1].GetProperty("overdue").GetBoolean());

        // The co-unit is told, lists the item as awaiting its opinion again, and its page offers the form for the second round.
        Assert.Contains(await InboxAsync(co, id), n => n.GetProperty("title").GetString()!.StartsWith("建议提案重新办理，请再次提出协办意见", StringComparison.Ordinal));
        var listed = (await co.GetFromJsonAsync<JsonElement>("/api/oversight/proposals/co-handled")).EnumerateArray()
            .First(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal((2, JsonValueKind.Null), (listed.GetProperty("round").GetInt32(), listed.GetProperty("givenOn").ValueKind));
        var coPage = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Kit.Agency, Kit.Xuecheng));
        var form = WebUtility.HtmlDecode(await coPage.GetStringAsync($"/oversight/proposals/{id}"));
        Assert.Contains("id=\"co-round-2\"", form);

        // The second reply is refused naming the rule while the second opinion is awaited (nothing half-saved).
        await OkStepAsync(lead, id, "contact", Contact(D(-1)));
        var refused = await (await StepAsync(lead, id, "reply", Reply(D(0)))).AssertRefusedNamingAsync("withoutCoOpinions");
        Assert.Contains("重新办理的协办意见", refused.GetProperty("errors").GetProperty("withoutCoOpinions")[0].GetString());
        Assert.Contains("第二十一条", refused.GetProperty("errors").GetProperty("withoutCoOpinions")[0].GetString());
        Assert.Equal("Reopened", (await lead.GetFromJsonAsync<JsonElement>($"/api/oversight/proposals/{id}")).GetProperty("status").GetString());

        // The second opinion: not dated before the dissatisfaction; once; the lead unit is told.
        await (await CoOpinionStepAsync(co, id, D(-3), "早于不满意评价")).AssertRefusedNamingAsync("givenOn");
        await CoOpinionAsync(co, id, D(-1), "第二轮协办意见");
        Assert.Equal(HttpStatusCode.Conflict, (await CoOpinionStepAsync(co, id, D(0), "再提一次")).StatusCode);
        Assert.Contains(await InboxAsync(lead, id), n => n.GetProperty("body").GetString()!.Contains("重新办理的协办意见", StringComparison.Ordinal));

        // The second reply goes through; the record keeps both rounds, on the API and the lead unit's page.
        var replied = await OkStepAsync(lead, id, "reply", Reply(D(0)));
        Assert.Equal(JsonValueKind.Null, replied.GetProperty("reReplyCoOpinionsWaiver").ValueKind);
        Assert.Equal(["第一轮协办意见", "第二轮协办意见"], replied.GetProperty("coOpinions").EnumerateArray().Select(r => r.GetProperty("opinion").GetString()));
        var leadPage = WebUtility.HtmlDecode(await (await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Kit.Agency, Kit.Shizhong)))
            .GetStringAsync($"/oversight/proposals/{id}"));
        Assert.Contains("第一轮协办意见", leadPage);
        Assert.Contains("第二轮协办意见", leadPage);
        Assert.Contains("data-round=\"2\"", leadPage);

        // Another item: the first round's opinion never came (waived); once reopened, that row is no longer awaited nor overdue,
        // the second round's is; the lead unit proceeds recording why, kept apart from the first reply's reason.
        var other = (await RegisterAsync(liaison, Item(shizhong, D(-60), co: [xuecheng], title: "关于第二轮先行答复的建议"))).GetProperty("id").GetGuid();
        await OkStepAsync(lead, other, "contact", Contact(D(-50)));
        await OkStepAsync(lead, other, "reply", v => new { version = v, repliedOn = D(-50), reply = "首次答复", withoutCoOpinions = "第一轮理由" });
        await OkStepAsync(liaison, other, "evaluation", Evaluate("Dissatisfied", D(-45), "不满意"));
        var waiting = await Kit.OkAsync(await lead.GetAsync($"/api/oversight/proposals/{other}"));
        var both = waiting.GetProperty("coOpinions").EnumerateArray().ToList();
        Assert.False(both[0].GetProperty("overdue").GetBoolean()); // the first round's: its reply is made
        Assert.True(both[1].GetProperty("overdue").GetBoolean()); // the second round's: due before today, still awaited
        await OkStepAsync(lead, other, "contact", Contact(D(-1)));
        var waived = await OkStepAsync(lead, other, "reply", v => new { version = v, repliedOn = D(0), reply = "重新答复", withoutCoOpinions = "第二轮理由" });
        Assert.Equal(("第一轮理由", "第二轮理由"), (waived.GetProperty("coOpinionsWaiver").GetString(), waived.GetProperty("reReplyCoOpinionsWaiver").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await CoOpinionStepAsync(co, other, D(0), "迟到的第二轮意见")).StatusCode);
    }

    [Fact]
    public async Task A_granted_transfer_assigns_the_item_afresh_to_the_new_unit_and_the_old_one_no_longer_sees_it_and_an_extension_is_once_and_at_most_six_months()
    {
        var liaison = await _kit.ClientAsync(Liaison, "370400");
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var other = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var xuecheng = await factory.UnitIdAsync(Kit.Xuecheng);
        var shizhong = await factory.UnitIdAsync(Kit.Shizhong);
        var today = Today;
        var assigned = today.AddDays(-2).ToString("yyyy-MM-dd");

        var id = (await RegisterAsync(liaison, Item(xuecheng, assigned, kind: "CppccProposal"))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/oversight/proposals/{id}")).StatusCode);
        await OkStepAsync(agency, id, "transfer-request", v => new { version = v, requestedOn = today.ToString("yyyy-MM-dd"), reason = "属于市中区职责" });
        await (await StepAsync(liaison, id, "transfer-decision", v => new { version = v, grant = true, decidedOn = today.ToString("yyyy-MM-dd") }))
            .AssertRefusedNamingAsync("newLeadUnitId");
        var moved = await OkStepAsync(liaison, id, "transfer-decision", v => new { version = v, grant = true, newLeadUnitId = shizhong, decidedOn = today.ToString("yyyy-MM-dd") });
        Assert.Equal((shizhong, today.ToString("yyyy-MM-dd")), (moved.GetProperty("leadUnitId").GetGuid(), moved.GetProperty("assignedOn").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync($"/api/oversight/proposals/{id}")).StatusCode);

        var view = await other.GetFromJsonAsync<JsonElement>($"/api/oversight/proposals/{id}");
        var latest = view.GetProperty("latestDueOn").GetString()!;
        var beyond = DateOnly.Parse(latest).AddDays(1).ToString("yyyy-MM-dd");
        await (await StepAsync(other, id, "extension", v => new { version = v, newDueOn = beyond, reason = "涉及面广" })).AssertRefusedNamingAsync("newDueOn");
        await (await StepAsync(other, id, "extension", v => new { version = v, newDueOn = latest })).AssertRefusedNamingAsync("reason");
        var extended = await OkStepAsync(other, id, "extension", v => new { version = v, newDueOn = latest, reason = "涉及面广、处理难度大" });
        Assert.Equal(latest, extended.GetProperty("dueOn").GetString());
        var again = await StepAsync(other, id, "extension", v => new { version = v, newDueOn = latest, reason = "再延" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("第五十一条", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Replied_on_time_and_satisfaction_rates_count_known_items_with_their_edge_cases_on_the_page_the_drill_down_and_the_indicators()
    {
        var liaison = await _kit.ClientAsync(Liaison, "370400");
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var xuecheng = await factory.UnitIdAsync(Kit.Xuecheng);
        const int Year = 2019;
        async Task<Guid> NewAsync(string assignedOn) => (await RegisterAsync(liaison, Item(xuecheng, assignedOn, Year))).GetProperty("id").GetGuid();
        // 2025-02-03 + 3 months = 2025-05-03, inside the Labour Day holiday → due 2025-05-06.
        var a = await NewAsync("2025-02-03"); // replied on time, 满意
        await OkStepAsync(agency, a, "contact", Contact("2025-02-10"));
        await OkStepAsync(agency, a, "reply", Reply("2025-04-01"));
        await OkStepAsync(liaison, a, "evaluation", Evaluate("Satisfied", "2025-04-10"));
        var b = await NewAsync("2025-02-03"); // replied late, 基本满意
        await OkStepAsync(agency, b, "contact", Contact("2025-02-10"));
        Assert.True((await OkStepAsync(agency, b, "reply", Reply("2025-06-10"))).GetProperty("repliedLate").GetBoolean());
        await OkStepAsync(liaison, b, "evaluation", Evaluate("BasicallySatisfied", "2025-06-20"));
        var c = await NewAsync("2025-02-03"); // never replied, overdue
        var e = await NewAsync("2025-02-03"); // replied on time, 不满意 and reopened: counts as not satisfied
        await OkStepAsync(agency, e, "contact", Contact("2025-02-10"));
        await OkStepAsync(agency, e, "reply", Reply("2025-03-01"));
        await OkStepAsync(liaison, e, "evaluation", Evaluate("Dissatisfied", "2025-03-05", "答复空泛"));
        var today = Today;
        var d = await NewAsync(today.AddDays(-3).ToString("yyyy-MM-dd")); // not due, not replied: left out of 按期办结率

        var report = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/proposals/report?year={Year}");
        static (int, int) Figure(JsonElement row) => (row.GetProperty("counted").GetInt32(), row.GetProperty("total").GetInt32());
        Assert.Equal((3, 5), Figure(report.GetProperty("replied")));
        Assert.Equal((2, 4), Figure(report.GetProperty("onTime")));
        Assert.Equal((2, 3), Figure(report.GetProperty("satisfaction")));
        Assert.Equal(0.6667m, report.GetProperty("satisfaction").GetProperty("rate").GetDecimal());
        Assert.Equal((3, 5), Figure(report.GetProperty("repliedByUnit").EnumerateArray().Single(r => r.GetProperty("group").GetString() == $"unit:{xuecheng}")));

        var onTime = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/records?metric=proposal-on-time&year={Year}&group=unit:{xuecheng}");
        var ids = onTime.GetProperty("records").GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("id").GetGuid(), r.GetProperty("counted").GetBoolean())).ToList();
        Assert.Equal(4, ids.Count);
        Assert.DoesNotContain(ids, x => x.Item1 == d);
        Assert.False(ids[0].Item2); // those against the figure first
        Assert.Contains((c, false), ids);
        Assert.Contains((b, false), ids);
        Assert.Contains((e, true), ids);
        var satisfaction = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/records?metric=proposal-satisfaction&year={Year}&group=kind:DeputySuggestion");
        Assert.Equal((2, 3), (satisfaction.GetProperty("counted").GetInt32(), satisfaction.GetProperty("total").GetInt32()));
        Assert.Equal(e, satisfaction.GetProperty("records").GetProperty("items")[0].GetProperty("id").GetGuid());
        await (await agency.GetAsync($"/api/oversight/records?metric=proposal-nonsense&year={Year}")).AssertRefusedNamingAsync("metric");
        await (await agency.GetAsync($"/api/oversight/records?metric=proposal-replied&year={Year}&group=kind:Other")).AssertRefusedNamingAsync("group");

        // The rates page shows the figures with their definitions and links to the drill-down.
        var browser = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Liaison, "370400"));
        var page = await browser.GetStringAsync($"/oversight/proposals/rates?year={Year}");
        Assert.Contains("66.67%", page);
        Assert.Contains($"/oversight/records?metric=proposal-satisfaction&amp;year={Year}", page);

        // The computed indicators for campaigns, over the assignment dates in the period and the asked scope.
        var scope = await factory.SubtreeIdsAsync(Kit.Xuecheng);
        async Task<Fazhi.Assessment.Contracts.ComputedIndicatorValue> ComputeAsync(string key) => await factory.InScopeAsync(sp =>
            sp.GetServices<Fazhi.Assessment.Contracts.IComputedIndicatorProvider>().Single(p => p.Key == key)
                .ComputeAsync(new Fazhi.Assessment.Contracts.ComputedIndicatorQuery(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), xuecheng, scope), CancellationToken.None));
        Assert.Equal((3m, 4m), ((await ComputeAsync("oversight.proposals-replied")).Numerator, (await ComputeAsync("oversight.proposals-replied")).Denominator));
        var indicatorOnTime = await ComputeAsync("oversight.proposals-on-time");
        Assert.Equal((2m, 4m), (indicatorOnTime.Numerator, indicatorOnTime.Denominator));
        var indicatorSatisfaction = await ComputeAsync("oversight.proposals-satisfaction");
        Assert.Equal((2m, 3m), (indicatorSatisfaction.Numerator, indicatorSatisfaction.Denominator));
        Assert.All(indicatorSatisfaction.Records, r => Assert.StartsWith("/oversight/proposals/", r.Link));
        Assert.Null((await factory.InScopeAsync(sp => sp.GetServices<Fazhi.Assessment.Contracts.IComputedIndicatorProvider>().Single(p => p.Key == "oversight.proposals-replied")
            .ComputeAsync(new Fazhi.Assessment.Contracts.ComputedIndicatorQuery(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), xuecheng, [Guid.NewGuid()]), CancellationToken.None))).Value);

        // Fazhi.Oversight.Contracts gives the dashboard the same figures, every oversight rate with its page, for the units it passes.
        var rates = await factory.InScopeAsync(sp => sp.GetRequiredService<Fazhi.Oversight.Contracts.IOversightRates>()
            .GetAsync(new Fazhi.Oversight.Contracts.OversightRatesQuery(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), scope), CancellationToken.None));
        var byKey = rates.Rates.ToDictionary(r => r.Key);
        Assert.Equal(9, byKey.Count);
        Assert.Equal("/oversight/performance/rates", byKey["oversight.reconsideration-performance"].Link);
        Assert.Equal((2, 3, 0.6667m, "/oversight/proposals/rates"),
            (byKey["oversight.proposals-satisfaction"].Numerator, byKey["oversight.proposals-satisfaction"].Denominator, byKey["oversight.proposals-satisfaction"].Value,
                byKey["oversight.proposals-satisfaction"].Link));
        Assert.Equal((2, 4), (byKey["oversight.proposals-on-time"].Numerator, byKey["oversight.proposals-on-time"].Denominator));
        Assert.True(byKey["oversight.loss"].LowerIsBetter);
        Assert.False(byKey["oversight.appearance"].LowerIsBetter);
        var none = await factory.InScopeAsync(sp => sp.GetRequiredService<Fazhi.Oversight.Contracts.IOversightRates>()
            .GetAsync(new Fazhi.Oversight.Contracts.OversightRatesQuery(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), [Guid.NewGuid()]), CancellationToken.None));
        Assert.All(none.Rates, r => Assert.Equal((0, null), (r.Denominator, r.Value)));

        // The lead unit's home page counts the overdue items among its to-dos.
        var home = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Kit.Agency, Kit.Xuecheng));
        Assert.NotNull(await HomeTodo.CountAsync(home, "/oversight/proposals?view=overdue"));
    }

    [Fact]
    public async Task An_overdue_item_reminds_the_lead_unit_and_the_liaison_office_once_and_the_demo_has_every_state_on_its_pages()
    {
        var liaisonUser = await factory.CreateUserAsync(Liaison, "370400");
        var liaison = await factory.ApiClientAsync(liaisonUser);
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var other = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var id = (await RegisterAsync(liaison, Item(await factory.UnitIdAsync(Kit.Xuecheng), "2025-01-06", 2018))).GetProperty("id").GetGuid();
        Assert.Single(await InboxAsync(agency, id)); // told at assignment

        var first = await factory.InScopeAsync(sp => sp.GetRequiredService<ProposalReminders>().RunAsync(CancellationToken.None));
        Assert.True(first.Sent >= 2, first.ToString());
        var notices = await InboxAsync(agency, id);
        Assert.Equal(2, notices.Count);
        Assert.Contains(notices, n => n.GetProperty("title").GetString()!.StartsWith("建议提案逾期未答复", StringComparison.Ordinal)
            && n.GetProperty("body").GetString()!.Contains("第五十一条", StringComparison.Ordinal));
        Assert.StartsWith("【督办】", Assert.Single(await InboxAsync(liaison, id)).GetProperty("title").GetString());
        Assert.Empty(await InboxAsync(other, id));
        await factory.InScopeAsync(sp => sp.GetRequiredService<ProposalReminders>().RunAsync(CancellationToken.None));
        Assert.Equal(2, (await InboxAsync(agency, id)).Count);
    }
}
