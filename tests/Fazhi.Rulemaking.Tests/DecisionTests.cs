using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Rulemaking.Tests;

/// <summary>
/// Major administrative decisions (重大行政决策程序暂行条例) through HTTP: the catalogue published; each step needs its evidence;
/// public comment ≥ 30 days (第十五条) and legality review ≥ 7 working days (第二十六条) unless a reason is given; a step left out
/// only on its statutory ground, legality review never (第二十五条); 程序回流: the meeting is refused naming the missing step,
/// the office returns the decision to a step with its reason (recorded); then the meeting with minutes and the leader's
/// decision, publication, the public catalogue; the 承办单位's scope.
/// </summary>
public sealed class DecisionTests(RulemakingHost host) : IClassFixture<RulemakingHost>
{
    private static async Task<JsonElement> UploadAsync(HttpClient client, string id, string step, string name = "材料.pdf")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(step), "step" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n" + name + "\n%%EOF")), "file", name },
        };
        return await RulemakingHost.OkAsync(await client.PostAsync($"/api/rulemaking/decisions/{id}/evidence", form));
    }

    internal static string StateOf(JsonElement detail, string step) =>
        detail.GetProperty("steps").EnumerateArray().First(s => s.GetProperty("step").GetString() == step).GetProperty("state").GetString()!;

    [Fact]
    public async Task A_decision_reaches_the_meeting_only_with_every_step_and_its_evidence()
    {
        var today = await host.TodayAsync();
        var office = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-government-office", "370400"));
        var unit = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-decision-unit", "370403"));
        var other = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-decision-unit", "370402"));
        var xuecheng = await host.Factory.UnitIdAsync("370403");

        var catalogueResponse = await office.PostAsJsonAsync("/api/rulemaking/decisions/catalogues", new { year = today.Year, title = "测试重大行政决策事项目录" });
        Assert.Equal(HttpStatusCode.Created, catalogueResponse.StatusCode);
        var catalogueId = (await catalogueResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync("/api/rulemaking/decisions", new { catalogueId, title = "越权登记", orgUnitId = xuecheng })).StatusCode);
        var added = await office.PostAsJsonAsync("/api/rulemaking/decisions", new { catalogueId, title = "测试区公交线网优化方案", summary = "优化城区公交线路。", orgUnitId = xuecheng });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/rulemaking/decisions/{id}")).StatusCode);

        // Nothing done: the meeting is refused naming the first missing step.
        var meeting = new { heldOn = today, minutes = "常务会议讨论同意。", leaderDecision = "同意实施。" };
        var refused = await office.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/meeting", meeting);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("公众参与", await refused.Content.ReadAsStringAsync());

        // 公众参与: evidence first; 20 days without a reason is refused (第十五条), 31 days is accepted.
        var comment = new { startedOn = today.AddDays(-60), endedOn = today.AddDays(-40), note = "网上公开征求意见。" };
        await (await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/PublicParticipation/complete", comment)).AssertRefusedNamingAsync("evidence");
        await UploadAsync(unit, id, "PublicParticipation", "征求意见公告.pdf");
        var shortPeriod = await (await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/PublicParticipation/complete", comment)).AssertRefusedNamingAsync("reason");
        Assert.Contains("第十五条", shortPeriod.GetProperty("errors").GetProperty("reason")[0].GetString());
        var done = await RulemakingHost.OkAsync(await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/PublicParticipation/complete",
            new { startedOn = today.AddDays(-71), endedOn = today.AddDays(-40), note = "网上公开征求意见 31 日。" }));
        Assert.Equal("Done", StateOf(done, "PublicParticipation"));

        // 专家论证 done; 风险评估 not required only with its ground; 合法性审查 may never be left out (第二十五条).
        await UploadAsync(unit, id, "ExpertArgumentation", "专家论证意见.pdf");
        await RulemakingHost.OkAsync(await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/ExpertArgumentation/complete", new { startedOn = today.AddDays(-30), endedOn = today.AddDays(-30), note = "专家论证会。" }));
        await (await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/RiskAssessment/not-required", new { reason = "" })).AssertRefusedNamingAsync("reason");
        var risk = await RulemakingHost.OkAsync(await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/RiskAssessment/not-required", new { reason = "线路微调，不涉及社会稳定风险。" }));
        Assert.Equal("NotRequired", StateOf(risk, "RiskAssessment"));
        Assert.Contains("第二十二条", risk.GetProperty("steps").EnumerateArray().First(s => s.GetProperty("step").GetString() == "RiskAssessment").GetProperty("reason").GetString());
        var never = await (await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/LegalityReview/not-required", new { reason = "时间紧" })).AssertRefusedNamingAsync("step");
        Assert.Contains("不得省略", never.GetProperty("errors").GetProperty("step")[0].GetString());

        // Still no legality review: the meeting is refused naming it (第二十五条).
        var noReview = await office.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/meeting", meeting);
        Assert.Equal(HttpStatusCode.Conflict, noReview.StatusCode);
        Assert.Contains("合法性审查", await noReview.Content.ReadAsStringAsync());

        // 合法性审查: 3 working days without a reason is refused (第二十六条); with the reason recorded it is accepted.
        await UploadAsync(unit, id, "LegalityReview", "合法性审查意见.pdf");
        var hurried = new { startedOn = today.AddDays(-10), endedOn = today.AddDays(-9), note = "区司法局审查意见：合法。" };
        var hurriedRefused = await (await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/LegalityReview/complete", hurried)).AssertRefusedNamingAsync("reason");
        Assert.Contains("第二十六条", hurriedRefused.GetProperty("errors").GetProperty("reason")[0].GetString());
        await RulemakingHost.OkAsync(await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/LegalityReview/complete",
            new { startedOn = today.AddDays(-10), endedOn = today.AddDays(-9), note = "区司法局审查意见：合法。", reason = "事项简单，经审查机构同意缩短。" }));

        // 程序回流: the office returns it to 专家论证 with a reason; the return is recorded and the meeting is refused naming the step.
        await (await office.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/return", new { step = "ExpertArgumentation", reason = "" })).AssertRefusedNamingAsync("reason");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/return", new { step = "ExpertArgumentation", reason = "自行退回" })).StatusCode);
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/return", new { step = "ExpertArgumentation", reason = "论证专家与决策事项有利害关系，应重新论证（第二十条）。" }));
        var afterReturn = await unit.GetFromJsonAsync<JsonElement>($"/api/rulemaking/decisions/{id}");
        Assert.Equal("Pending", StateOf(afterReturn, "ExpertArgumentation"));
        Assert.Contains(afterReturn.GetProperty("returns").EnumerateArray(), r => r.GetProperty("reason").GetString()!.Contains("利害关系", StringComparison.Ordinal));
        var returned = await office.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/meeting", meeting);
        Assert.Equal(HttpStatusCode.Conflict, returned.StatusCode);
        Assert.Contains("专家论证", await returned.Content.ReadAsStringAsync());
        await RulemakingHost.OkAsync(await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/ExpertArgumentation/complete", new { startedOn = today.AddDays(-5), endedOn = today.AddDays(-5), note = "更换专家后重新论证。" }));

        // The meeting needs the minutes attached and the leader's decision; then publication and the public catalogue.
        await (await office.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/meeting", meeting)).AssertRefusedNamingAsync("evidence");
        await UploadAsync(office, id, "CollectiveDecision", "会议纪要.pdf");
        await (await office.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/meeting", new { heldOn = today, minutes = "讨论同意。", leaderDecision = "" })).AssertRefusedNamingAsync("leaderDecision");
        var decided = await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/meeting", meeting));
        Assert.Equal("Decided", decided.GetProperty("decision").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/ExpertArgumentation/not-required", new { reason = "事后省略" })).StatusCode);
        var published = await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/publish", new { publishedOn = today }));
        Assert.Equal("Published", published.GetProperty("decision").GetProperty("status").GetString());

        var anonymous = host.Factory.CreateClient();
        Assert.DoesNotContain("测试区公交线网优化方案", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/public/decisions")));
        await RulemakingHost.OkAsync(await office.PostAsync($"/api/rulemaking/decisions/catalogues/{catalogueId}/publish", null));
        Assert.Contains("测试区公交线网优化方案", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/public/decisions")));

        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-government-office", "370400"));
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/rulemaking/decisions/{id}"));
        Assert.Contains("程序回流记录", page);
        Assert.Contains("会议纪要.pdf", page);
    }

    /// <summary>
    /// The two periods are settings rows (ADR 0051), edited with the module's other limits at <c>/rulemaking/settings</c> and
    /// audited: public comment 30 days (重大行政决策程序暂行条例 第十五条) and legality review 7 working days (第二十六条) by default;
    /// raised, a period that met the old value is refused naming the new one and the article.
    /// </summary>
    [Fact]
    public async Task The_comment_and_legality_review_periods_are_editable_settings()
    {
        var today = await host.TodayAsync();
        var review = await host.OfficeAsync();
        var office = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-government-office", "370400"));
        var unit = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-decision-unit", "370403"));
        var settings = await review.GetFromJsonAsync<JsonElement>("/api/rulemaking/settings");
        Assert.Equal(30, settings.GetProperty("decisionCommentDays").GetInt32());
        Assert.Equal(7, settings.GetProperty("decisionReviewWorkingDays").GetInt32());
        object Body(int comment, int reviewDays, long version) => new
        {
            reviewWorkingDays = settings.GetProperty("reviewWorkingDays").GetInt32(), filingDays = settings.GetProperty("filingDays").GetInt32(),
            expiryReminderDays = settings.GetProperty("expiryReminderDays").GetInt32(), defaultValidityYears = settings.GetProperty("defaultValidityYears").GetInt32(),
            version, decisionCommentDays = comment, decisionReviewWorkingDays = reviewDays,
        };
        var version = settings.GetProperty("version").GetInt64();
        await (await review.PutAsJsonAsync("/api/rulemaking/settings", Body(0, 7, version))).AssertRefusedNamingAsync("decisionCommentDays");
        await (await review.PutAsJsonAsync("/api/rulemaking/settings", Body(30, 61, version))).AssertRefusedNamingAsync("decisionReviewWorkingDays");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PutAsJsonAsync("/api/rulemaking/settings", Body(1, 1, version))).StatusCode);
        var saved = await RulemakingHost.OkAsync(await review.PutAsJsonAsync("/api/rulemaking/settings", Body(45, 20, version)));
        try
        {
            Assert.Equal(45, saved.GetProperty("decisionCommentDays").GetInt32());
            Assert.True(await host.Factory.AuditAsync(q => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(q,
                e => e.EntityType == "RulemakingSettings" && e.Changes.Contains("DecisionCommentDays"))));

            var catalogue = await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/decisions/catalogues", new { year = today.Year, title = "期限设置测试决策目录" }));
            var added = await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/decisions",
                new { catalogueId = catalogue.GetProperty("id").GetString(), title = "测试区垃圾分类实施方案", summary = "生活垃圾分类。", orgUnitId = await host.Factory.UnitIdAsync("370403") }));
            var id = added.GetProperty("decision").GetProperty("id").GetString()!;
            // 31 days met the default 30; at 45 it is refused naming 45 and 第十五条.
            await UploadAsync(unit, id, "PublicParticipation", "征求意见公告.pdf");
            var comment = await (await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/PublicParticipation/complete",
                new { startedOn = today.AddDays(-71), endedOn = today.AddDays(-40), note = "网上公开征求意见 31 日。" })).AssertRefusedNamingAsync("reason");
            var message = comment.GetProperty("errors").GetProperty("reason")[0].GetString()!;
            Assert.Contains("45 日", message);
            Assert.Contains("第十五条", message);
            // Fifteen calendar days of review are fewer than 20 working days: refused naming 20 and 第二十六条.
            await UploadAsync(unit, id, "LegalityReview", "合法性审查意见.pdf");
            var hurried = await (await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/LegalityReview/complete",
                new { startedOn = today.AddDays(-20), endedOn = today.AddDays(-5), note = "区司法局审查意见：合法。" })).AssertRefusedNamingAsync("reason");
            message = hurried.GetProperty("errors").GetProperty("reason")[0].GetString()!;
            Assert.Contains("20 个工作日", message);
            Assert.Contains("第二十六条", message);

            // The settings page shows them with the articles.
            var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-office", "370400"));
            var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/rulemaking/settings"));
            Assert.Contains("决策公开征求意见期限（日）", page);
            Assert.Contains("第二十六条", page);
            Assert.Contains("value=\"45\"", page);
        }
        finally
        {
            await RulemakingHost.OkAsync(await review.PutAsJsonAsync("/api/rulemaking/settings", Body(30, 7, saved.GetProperty("version").GetInt64())));
        }
    }
}
