using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Rulemaking.Legislation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Tests;

/// <summary>
/// Legislation projects (地方性法规、政府规章, ADR 0034) through HTTP: the yearly plan and its recorded changes; the stages
/// 立项 → 起草 → 征求意见 → 审查 → 决定 → 公布 → 备案 with a skipped stage refused naming it; versions compared by article;
/// public comment of at least 30 days (规章制定程序条例 第十五条) on a given article, anchored to the version it was made on;
/// answers readable by the commenter with the number and query code; a contact point's bulk submission counted; effect
/// 30 days after publication unless an exception is stated (第三十二条); filing due 30 days after publication (第三十四条),
/// overdue raised.
/// </summary>
public sealed class LegislationTests(RulemakingHost host) : IClassFixture<RulemakingHost>
{
    private const string V1 = """
        第一条 为了规范城市照明管理，制定本办法。
        第二条 本办法适用于本市城市规划区内的城市照明设施。
        第三条 任何单位和个人不得擅自在城市照明设施上张贴广告、悬挂物品。
        第四条 违反本办法第三条规定的，由城市管理部门责令改正，可以处二百元以下罚款。
        """;

    // Version 2 inserts a new 第三条: the old 第三条 becomes 第四条 unchanged, the old 第四条 becomes 第五条 and changes.
    private const string V2 = """
        第一条 为了规范城市照明管理，制定本办法。
        第二条 本办法适用于本市城市规划区内的城市照明设施。
        第三条 城市照明应当节约能源，优先采用高效节能的照明产品。
        第四条 任何单位和个人不得擅自在城市照明设施上张贴广告、悬挂物品。
        第五条 违反本办法第四条规定的，由城市管理部门责令改正，可以处五百元以下罚款。
        """;

    private async Task<HttpClient> OfficeAsync() => await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-legislation-office", "370400"));

    private async Task<(HttpClient Office, string PlanId)> PlanAsync(string title)
    {
        var office = await OfficeAsync();
        var today = await host.TodayAsync();
        var created = await office.PostAsJsonAsync("/api/rulemaking/legislation/plans", new { year = today.Year, title });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (office, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    private async Task<string> ItemAsync(HttpClient office, string planId, string title, string kind = "GovernmentRule", string? reason = null)
    {
        var today = await host.TodayAsync();
        var unit = await host.Factory.UnitIdAsync("370400-ZJJ");
        var response = await office.PostAsJsonAsync($"/api/rulemaking/legislation/plans/{planId}/items",
            new { title, kind, orgUnitId = unit, plannedSubmitOn = today.AddDays(30), plannedAdoptOn = today.AddDays(90), reason });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static Task<HttpResponseMessage> AdvanceAsync(HttpClient client, string id, object body) =>
        client.PostAsJsonAsync($"/api/rulemaking/legislation/projects/{id}/advance", body);

    private static async Task<JsonElement> VersionAsync(HttpClient client, string id, string text, string name)
    {
        var response = await client.PostAsJsonAsync($"/api/rulemaking/legislation/projects/{id}/versions", new { name, text, note = "" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Through 立项 and 起草 with version 1, then 征求意见 over the given period.</summary>
    private async Task OpenForCommentAsync(HttpClient office, string id, DateOnly from, DateOnly to)
    {
        await RulemakingHost.OkAsync(await AdvanceAsync(office, id, new { stage = "Initiated", note = "市政府同意立项。" }));
        await RulemakingHost.OkAsync(await AdvanceAsync(office, id, new { stage = "Drafting" }));
        await VersionAsync(office, id, V1, "征求意见稿");
        await RulemakingHost.OkAsync(await AdvanceAsync(office, id, new { stage = "PublicComment", on = from, commentTo = to, versionNo = 1 }));
    }

    [Fact]
    public async Task The_plan_records_its_changes_and_the_stages_cannot_be_skipped()
    {
        var (office, planId) = await PlanAsync("测试年度立法计划");
        var today = await host.TodayAsync();
        var drafter = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-legislation-drafter", "370400-ZJJ"));
        Assert.Equal(HttpStatusCode.Forbidden, (await drafter.PostAsJsonAsync($"/api/rulemaking/legislation/plans/{planId}/items", new { title = "越权列入" })).StatusCode);
        var id = await ItemAsync(office, planId, "枣庄市城市照明管理办法");
        await (await office.PostAsJsonAsync($"/api/rulemaking/legislation/plans/{planId}/items", new { title = "", kind = "GovernmentRule" })).AssertRefusedNamingAsync("orgUnitId");
        await RulemakingHost.OkAsync(await office.PostAsync($"/api/rulemaking/legislation/plans/{planId}/adopt", null));

        // Adopted: an added item and a change need a reason and are recorded.
        var unit = await host.Factory.UnitIdAsync("370400-ZJJ");
        await (await office.PostAsJsonAsync($"/api/rulemaking/legislation/plans/{planId}/items",
            new { title = "枣庄市户外广告设置管理办法", kind = "GovernmentRule", orgUnitId = unit, plannedSubmitOn = today.AddDays(30), plannedAdoptOn = today.AddDays(90) })).AssertRefusedNamingAsync("reason");
        await ItemAsync(office, planId, "枣庄市户外广告设置管理办法", reason: "市政府主要负责同志批示，增列。");
        var project = (await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/legislation/projects/{id}")).GetProperty("project");
        var change = new { plannedSubmitOn = today.AddDays(60), plannedAdoptOn = today.AddDays(120), reason = "", version = project.GetProperty("version").GetInt64() };
        await (await office.PostAsJsonAsync($"/api/rulemaking/legislation/projects/{id}/plan", change)).AssertRefusedNamingAsync("reason");
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/legislation/projects/{id}/plan", change with { reason = "需等待上位法修订。" }));
        var changes = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/legislation/plans/{planId}/changes");
        Assert.Equal(2, changes.GetArrayLength());
        Assert.Contains(changes.EnumerateArray(), c => c.GetProperty("kind").GetString() == "Changed" && c.GetProperty("reason").GetString() == "需等待上位法修订。");
        Assert.Contains(changes.EnumerateArray(), c => c.GetProperty("kind").GetString() == "Added" && c.GetProperty("reason").GetString()!.Contains("增列", StringComparison.Ordinal));

        // Skipping 立项 is refused naming it; 立项 needs its basis.
        var skipped = await AdvanceAsync(office, id, new { stage = "Drafting" });
        Assert.Equal(HttpStatusCode.Conflict, skipped.StatusCode);
        Assert.Contains("不得跳过“立项”", await skipped.Content.ReadAsStringAsync());
        await (await AdvanceAsync(office, id, new { stage = "Initiated" })).AssertRefusedNamingAsync("note");
        await RulemakingHost.OkAsync(await AdvanceAsync(office, id, new { stage = "Initiated", note = "市政府同意立项。" }));
        Assert.Equal(HttpStatusCode.Conflict, (await AdvanceAsync(office, id, new { stage = "Initiated", note = "再次立项" })).StatusCode);
        await RulemakingHost.OkAsync(await AdvanceAsync(office, id, new { stage = "Drafting" }));

        // Versions: articles must be numbered and unique; 征求意见 needs a version and 30 days or a reason (第十五条).
        await (await office.PostAsJsonAsync($"/api/rulemaking/legislation/projects/{id}/versions", new { text = "第一条 甲。\n第一条 乙。" })).AssertRefusedNamingAsync("text");
        await (await AdvanceAsync(office, id, new { stage = "PublicComment", commentTo = today.AddDays(40), versionNo = 1 })).AssertRefusedNamingAsync("versionNo");
        await VersionAsync(office, id, V1, "征求意见稿");
        var tooShort = await (await AdvanceAsync(office, id, new { stage = "PublicComment", on = today, commentTo = today.AddDays(19), versionNo = 1 })).AssertRefusedNamingAsync("shortReason");
        Assert.Contains("第十五条", tooShort.GetProperty("errors").GetProperty("shortReason")[0].GetString());
        var decideEarly = await AdvanceAsync(office, id, new { stage = "Decided", note = "常务会议" });
        Assert.Equal(HttpStatusCode.Conflict, decideEarly.StatusCode);
        Assert.Contains("不得跳过“征求意见”", await decideEarly.Content.ReadAsStringAsync());
        var opened = await RulemakingHost.OkAsync(await AdvanceAsync(office, id, new { stage = "PublicComment", on = today, commentTo = today.AddDays(19), versionNo = 1, shortReason = "上位法修订后须尽快衔接，经市政府同意缩短。" }));
        Assert.Equal("PublicComment", opened.GetProperty("project").GetProperty("stage").GetString());
        Assert.Equal(new[] { "立项", "起草", "征求意见" }, opened.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToArray());

        // The period is running: 审查 is refused until it ends.
        var early = await AdvanceAsync(office, id, new { stage = "Review" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("届满", await early.Content.ReadAsStringAsync());

        // The drafting unit of another department does not see the project.
        var other = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-legislation-drafter", "370400-GAJ"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/rulemaking/legislation/projects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await drafter.GetAsync($"/api/rulemaking/legislation/projects/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_comment_stays_on_its_article_across_versions_and_the_commenter_reads_the_answer()
    {
        var (office, planId) = await PlanAsync("测试征求意见计划");
        var today = await host.TodayAsync();
        var id = await ItemAsync(office, planId, "枣庄市城市照明设施管理办法");
        await OpenForCommentAsync(office, id, today, today.AddDays(30));

        // A citizen, no account: the draft's articles, a comment on 第三条.
        var citizen = host.Factory.CreateClient();
        var draft = await citizen.GetFromJsonAsync<JsonElement>($"/api/rulemaking/public/legislation/{id}");
        Assert.Contains(draft.GetProperty("articles").EnumerateArray(), a => a.GetProperty("label").GetString() == "第三条");
        await (await citizen.PostAsJsonAsync("/api/rulemaking/public/legislation/comments", new { projectId = id, article = "第九条", text = "意见" })).AssertRefusedNamingAsync("article");
        await (await citizen.PostAsJsonAsync("/api/rulemaking/public/legislation/comments", new { projectId = id, article = "第三条", text = " " })).AssertRefusedNamingAsync("text");
        var posted = await CommentKit.CommentAsync(host.Factory, citizen, id, "第三条", "建议允许社区在节日期间经批准悬挂灯笼。", "13806320001", "王女士");
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var receipt = await posted.Content.ReadFromJsonAsync<JsonElement>();
        var number = receipt.GetProperty("number").GetString()!;
        var code = receipt.GetProperty("queryCode").GetString()!;
        Assert.StartsWith("LFYJ-", number, StringComparison.Ordinal);

        // The query code is stored hashed, never as given.
        var stored = await host.Factory.InScopeAsync(async sp =>
        {
            var system = sp.GetRequiredService<Fazhi.Platform.Kit.ISystemWork>();
            await using var db = system.Db<Data.RulemakingDb>("test");
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.LegislationComments, c => c.Number == number);
        });
        Assert.NotEqual(code, stored.QueryCodeHash);
        Assert.DoesNotContain(code, stored.QueryCodeHash, StringComparison.Ordinal);

        // Version 2 inserts an article: the comparison pairs by content, and the comment stays on version 1's 第三条.
        await VersionAsync(office, id, V2, "送审稿");
        var compare = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/legislation/projects/{id}/compare?from=1&to=2");
        var rows = compare.GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("change").GetString() == "Added" && r.GetProperty("toLabel").GetString() == "第三条");
        Assert.Contains(rows, r => r.GetProperty("change").GetString() == "Renumbered" && r.GetProperty("fromLabel").GetString() == "第三条" && r.GetProperty("toLabel").GetString() == "第四条");
        Assert.Contains(rows, r => r.GetProperty("change").GetString() == "Changed" && r.GetProperty("fromLabel").GetString() == "第四条" && r.GetProperty("toLabel").GetString() == "第五条");
        Assert.Contains(rows, r => r.GetProperty("change").GetString() == "Same" && r.GetProperty("fromLabel").GetString() == "第一条");
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/legislation/projects/{id}");
        var comment = detail.GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("number").GetString() == number);
        Assert.Equal(1, comment.GetProperty("versionNo").GetInt32());
        Assert.Equal("第三条", comment.GetProperty("articleLabel").GetString());
        Assert.Contains("张贴广告", comment.GetProperty("articleText").GetString());
        Assert.Equal("第四条", comment.GetProperty("nowLabel").GetString());

        // A citizen commenting now still comments on version 1 (the version open for comment).
        var second = await CommentKit.CommentAsync(host.Factory, citizen, id, "第四条", "罚款偏低。", "13806320001");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var secondNumber = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
        detail = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/legislation/projects/{id}");
        var onFine = detail.GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("number").GetString() == secondNumber);
        Assert.Equal("第五条", onFine.GetProperty("nowLabel").GetString());
        Assert.Contains("二百元", onFine.GetProperty("articleText").GetString());

        // The commenter reads the answer with number and query code; a wrong code reads nothing.
        var wrong = await citizen.PostAsJsonAsync("/api/rulemaking/public/legislation/comments/track", new { number, queryCode = "WRONGCOD" });
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        var before = await RulemakingHost.OkAsync(await citizen.PostAsJsonAsync("/api/rulemaking/public/legislation/comments/track", new { number, queryCode = code.ToLowerInvariant() }));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("answerName").ValueKind);
        var commentId = comment.GetProperty("id").GetString();
        await (await office.PostAsJsonAsync($"/api/rulemaking/legislation/comments/{commentId}/answer", new { answer = "NotAdopted", reason = "" })).AssertRefusedNamingAsync("reason");
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/legislation/comments/{commentId}/answer", new { answer = "NotAdopted", reason = "节日临时悬挂已由第九条另行规定。" }));
        var after = await RulemakingHost.OkAsync(await citizen.PostAsJsonAsync("/api/rulemaking/public/legislation/comments/track", new { number, queryCode = code }));
        Assert.Equal("不采纳", after.GetProperty("answerName").GetString());
        Assert.Equal("节日临时悬挂已由第九条另行规定。", after.GetProperty("answerReason").GetString());
        Assert.Equal("第三条", after.GetProperty("article").GetString());

        // A contact point (临城街道; the demo has 中心街街道) submits in bulk: one bad line refuses all, naming it; then all are saved and counted.
        var town = await host.Factory.UnitIdAsync("370403001");
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync("/api/rulemaking/legislation/contact-points", new { orgUnitId = town, name = "临城街道基层立法联系点", establishedOn = today.AddYears(-1) })).StatusCode);
        var point = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-contact-point", "370403001"));
        var bad = new { items = new[] { new { article = "第一条", text = "同意。", commenter = "居民代表" }, new { article = "第十条", text = "没有这一条。", commenter = "" } } };
        await (await point.PostAsJsonAsync($"/api/rulemaking/legislation/contact/drafts/{id}/comments", bad)).AssertRefusedNamingAsync("items[1].article");
        var good = new { items = new[] { new { article = "第一条", text = "同意。", commenter = "居民代表" }, new { article = "第三条", text = "建议明确临时悬挂的审批部门。", commenter = "商户" } } };
        Assert.Equal(HttpStatusCode.Created, (await point.PostAsJsonAsync($"/api/rulemaking/legislation/contact/drafts/{id}/comments", good)).StatusCode);
        var points = await office.GetFromJsonAsync<JsonElement>("/api/rulemaking/legislation/contact-points");
        var mine = points.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "临城街道基层立法联系点");
        Assert.Equal(2, mine.GetProperty("comments").GetInt32());
        Assert.Equal(1, mine.GetProperty("drafts").GetInt32());
        detail = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/legislation/projects/{id}");
        Assert.Equal(2, detail.GetProperty("comments").EnumerateArray().Count(c => c.GetProperty("contactPoint").GetString() == "临城街道基层立法联系点"));
        var notAPoint = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-contact-point", "370403"));
        Assert.Equal(HttpStatusCode.Forbidden, (await notAPoint.PostAsJsonAsync($"/api/rulemaking/legislation/contact/drafts/{id}/comments", good)).StatusCode);
    }

    /// <summary>Moves a project's current comment round (and the project's copy of it) into the past: the period ended yesterday.</summary>
    private Task EndRoundAsync(string projectId, int round, DateOnly today) => host.Factory.InScopeAsync(async sp =>
    {
        await using var db = sp.GetRequiredService<Fazhi.Platform.Kit.ISystemWork>().Db<Data.RulemakingDb>("test");
        var id = Guid.Parse(projectId);
        await db.CommentRounds.Where(r => r.ProjectId == id && r.No == round)
            .ExecuteUpdateAsync(x => x.SetProperty(r => r.From, today.AddDays(-40)).SetProperty(r => r.To, today.AddDays(-1)));
        await db.LegislationProjects.Where(p => p.Id == id)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.CommentFrom, today.AddDays(-40)).SetProperty(p => p.CommentTo, today.AddDays(-1)));
    });

    /// <summary>
    /// 规章制定程序条例 第十五条 (while drafting) and 第二十一条 (at review) each allow publishing the draft for comment (ADR 0069):
    /// at 审查 the legislative office opens a second round on a later version only; its comments are anchored to that version
    /// and the first round's comments and answers are kept; the decision waits for the round to end and every comment to be
    /// answered; the project page shows the rounds.
    /// </summary>
    [Fact]
    public async Task A_second_comment_round_at_review_takes_a_later_version_and_keeps_the_first_rounds_answers()
    {
        var (office, planId) = await PlanAsync("测试两轮征求意见计划");
        var today = await host.TodayAsync();
        var id = await ItemAsync(office, planId, "枣庄市城市照明两轮征求意见办法");
        await OpenForCommentAsync(office, id, today, today.AddDays(30));
        var citizen = host.Factory.CreateClient();
        var first = await CommentKit.CommentAsync(host.Factory, citizen, id, "第三条", "建议允许节日期间经批准悬挂灯笼。", "13806320021", "赵先生");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstReceipt = await first.Content.ReadFromJsonAsync<JsonElement>();
        var firstNumber = firstReceipt.GetProperty("number").GetString()!;
        string RoundsUrl() => $"/api/rulemaking/legislation/projects/{id}/comment-rounds";
        long VersionOf(JsonElement detail) => detail.GetProperty("project").GetProperty("version").GetInt64();

        // A second round is for the review stage (第二十一条): refused while drafting's round is on, naming the article.
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/legislation/projects/{id}");
        var early = await office.PostAsJsonAsync(RoundsUrl(), new { versionNo = 1, commentTo = today.AddDays(40), version = VersionOf(detail) });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("第二十一条", await early.Content.ReadAsStringAsync());
        // The drafting unit may not open a round (the legislative office does).
        var drafter = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-legislation-drafter", "370400-ZJJ"));
        Assert.Equal(HttpStatusCode.Forbidden, (await drafter.PostAsJsonAsync(RoundsUrl(), new { versionNo = 1 })).StatusCode);

        // Round 1 ends and is answered; the project goes to review.
        await EndRoundAsync(id, 1, today);
        detail = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/legislation/projects/{id}");
        var firstId = detail.GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("number").GetString() == firstNumber).GetProperty("id").GetString();
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/legislation/comments/{firstId}/answer", new { answer = "NotAdopted", reason = "节日临时悬挂另行规定。" }));
        await RulemakingHost.OkAsync(await AdvanceAsync(office, id, new { stage = "Review", note = "市司法局审查。" }));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/rulemaking/public/legislation/{id}")).StatusCode);

        // At review: the same version again is refused naming versionNo (a later version is needed); a short period needs a reason.
        detail = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/legislation/projects/{id}");
        var sameVersion = await (await office.PostAsJsonAsync(RoundsUrl(), new { versionNo = 1, commentTo = today.AddDays(40), version = VersionOf(detail) })).AssertRefusedNamingAsync("versionNo");
        Assert.Contains("第二十一条", sameVersion.GetProperty("errors").GetProperty("versionNo")[0].GetString());
        await VersionAsync(office, id, V2, "送审稿");
        var tooShort = await (await office.PostAsJsonAsync(RoundsUrl(), new { versionNo = 2, commentTo = today.AddDays(9), version = VersionOf(detail) })).AssertRefusedNamingAsync("shortReason");
        Assert.Contains("第二十一条", tooShort.GetProperty("errors").GetProperty("shortReason")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync(RoundsUrl(), new { versionNo = 2, commentTo = today.AddDays(40), version = VersionOf(detail) - 1 })).StatusCode);
        await (await office.PostAsJsonAsync(RoundsUrl(), new { versionNo = 2, commentTo = today.AddDays(40) })).AssertRefusedNamingAsync("version");
        detail = await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync(RoundsUrl(), new { versionNo = 2, commentTo = today.AddDays(29), version = VersionOf(detail) }));
        Assert.Equal("Review", detail.GetProperty("project").GetProperty("stage").GetString());
        var rounds = detail.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal(2, rounds.Count);
        Assert.Equal(("PublicComment", 1), (rounds[0].GetProperty("stage").GetString(), rounds[0].GetProperty("versionNo").GetInt32()));
        Assert.Equal(("Review", 2), (rounds[1].GetProperty("stage").GetString(), rounds[1].GetProperty("versionNo").GetInt32()));
        Assert.Contains("第二十一条", rounds[1].GetProperty("name").GetString());
        // While it runs, a third round is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync(RoundsUrl(), new { versionNo = 2, commentTo = today.AddDays(60), version = VersionOf(detail) })).StatusCode);

        // The public page shows version 2; the same mobile comments on 第三条 of version 2 (a new version counts afresh).
        var draft = await citizen.GetFromJsonAsync<JsonElement>($"/api/rulemaking/public/legislation/{id}");
        Assert.Equal(2, draft.GetProperty("version").GetInt32());
        Assert.Contains("节约能源", draft.GetProperty("articles").EnumerateArray().Single(a => a.GetProperty("label").GetString() == "第三条").GetProperty("text").GetString());
        var second = await CommentKit.CommentAsync(host.Factory, citizen, id, "第三条", "建议写明节能照明产品的标准。", "13806320021", "赵先生");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var secondNumber = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;

        // Each comment stays on its round and version; round 1's answer is kept.
        detail = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/legislation/projects/{id}");
        var c1 = detail.GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("number").GetString() == firstNumber);
        var c2 = detail.GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("number").GetString() == secondNumber);
        Assert.Equal((1, 1, "第三条", "NotAdopted"), (c1.GetProperty("round").GetInt32(), c1.GetProperty("versionNo").GetInt32(), c1.GetProperty("articleLabel").GetString(), c1.GetProperty("answer").GetString()));
        Assert.Contains("张贴广告", c1.GetProperty("articleText").GetString());
        Assert.Equal("第四条", c1.GetProperty("nowLabel").GetString());
        Assert.Equal((2, 2, "第三条"), (c2.GetProperty("round").GetInt32(), c2.GetProperty("versionNo").GetInt32(), c2.GetProperty("articleLabel").GetString()));
        Assert.Contains("节约能源", c2.GetProperty("articleText").GetString());
        Assert.Equal(JsonValueKind.Null, c2.GetProperty("answer").ValueKind);
        Assert.Equal((1, 1), (detail.GetProperty("rounds")[0].GetProperty("comments").GetInt32(), detail.GetProperty("rounds")[0].GetProperty("answered").GetInt32()));
        Assert.Equal((1, 0), (detail.GetProperty("rounds")[1].GetProperty("comments").GetInt32(), detail.GetProperty("rounds")[1].GetProperty("answered").GetInt32()));
        // The first commenter still reads the first answer.
        var tracked = await RulemakingHost.OkAsync(await citizen.PostAsJsonAsync("/api/rulemaking/public/legislation/comments/track",
            new { number = firstNumber, queryCode = firstReceipt.GetProperty("queryCode").GetString() }));
        Assert.Equal("不采纳", tracked.GetProperty("answerName").GetString());

        // The project page shows the rounds, each with its comments.
        var page = WebUtility.HtmlDecode(await (await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-legislation-office", "370400")))
            .GetStringAsync($"/rulemaking/legislation/{id}"));
        Assert.Contains("id=\"comment-rounds\"", page);
        Assert.Contains("第1轮 · 起草阶段（规章制定程序条例 第十五条）", page);
        Assert.Contains("第2轮 · 审查阶段（规章制定程序条例 第二十一条）", page);
        var roundTwo = page[page.IndexOf("id=\"round-2\"", StringComparison.Ordinal)..];
        Assert.Contains(secondNumber, roundTwo);
        Assert.DoesNotContain(firstNumber, roundTwo);
        Assert.Contains(firstNumber, page[page.IndexOf("id=\"round-1\"", StringComparison.Ordinal)..page.IndexOf("id=\"round-2\"", StringComparison.Ordinal)]);

        // The decision waits: while the round runs, then while its comment is unanswered (第二十一条).
        var running = await AdvanceAsync(office, id, new { stage = "Decided", note = "市政府常务会议通过。" });
        Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);
        Assert.Contains("届满", await running.Content.ReadAsStringAsync());
        await EndRoundAsync(id, 2, today);
        var unanswered = await AdvanceAsync(office, id, new { stage = "Decided", note = "市政府常务会议通过。" });
        Assert.Equal(HttpStatusCode.Conflict, unanswered.StatusCode);
        Assert.Contains("未答复", await unanswered.Content.ReadAsStringAsync());
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/legislation/comments/{c2.GetProperty("id").GetString()}/answer", new { answer = "Adopted" }));
        await RulemakingHost.OkAsync(await AdvanceAsync(office, id, new { stage = "Decided", note = "市政府常务会议通过。" }));
    }

    [Fact]
    public async Task One_comment_per_verified_mobile_per_article_through_an_sms_code()
    {
        var (office, planId) = await PlanAsync("测试短信验证征求意见计划");
        var today = await host.TodayAsync();
        var id = await ItemAsync(office, planId, "枣庄市城市照明节能管理办法");
        await OpenForCommentAsync(office, id, today, today.AddDays(30));
        var citizen = host.Factory.CreateClient();
        const string Url = "/api/rulemaking/public/legislation/comments";

        // No mobile or no code: refused naming the field, nothing saved. A malformed mobile is refused before any code is sent.
        var missing = await (await citizen.PostAsJsonAsync(Url, new { projectId = id, article = "第一条", text = "同意。" })).AssertRefusedNamingAsync("phone");
        Assert.True(missing.GetProperty("errors").TryGetProperty("code", out _));
        await (await citizen.PostAsJsonAsync($"/api/rulemaking/public/legislation/{id}/code", new { phone = "1234" })).AssertRefusedNamingAsync("phone");
        // The code endpoint sends through the host's SMS interface.
        Assert.Equal(HttpStatusCode.OK, (await citizen.PostAsJsonAsync($"/api/rulemaking/public/legislation/{id}/code", new { phone = "13806320011", article = "第一条" })).StatusCode);

        // A wrong code is the kit's refusal on `code`; nothing is saved and the right code still works after it.
        var code = await CommentKit.CodeAsync(host.Factory, id, "13806320012");
        var wrong = code == "000000" ? "111111" : "000000";
        var refused = await (await citizen.PostAsJsonAsync(Url, new { projectId = id, article = "第二条", text = "建议扩大适用范围。", phone = "13806320012", code = wrong }))
            .AssertRefusedNamingAsync("code");
        Assert.Contains(Fazhi.Platform.Kit.PhoneCodeRules.FailedMessage, refused.ToString());
        Assert.Equal(0, await CommentsFromAsync(id, "13806320012"));
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync(Url, new { projectId = id, article = "第二条", text = "建议扩大适用范围。", phone = "138 0632 0012", code })).StatusCode);

        // The code is used up: the same code does not post a second comment.
        await (await citizen.PostAsJsonAsync(Url, new { projectId = id, article = "第一条", text = "同意。", phone = "13806320012", code })).AssertRefusedNamingAsync("code");

        // A second comment on the same article from the same mobile is refused naming the rule, with a fresh code or without
        // (the code request itself is refused once the article is given); nothing is saved.
        var twice = await CommentKit.CommentAsync(host.Factory, citizen, id, "第二条", "再补充一点。", "+86 13806320012");
        var problem = await twice.AssertRefusedNamingAsync("phone");
        Assert.Contains("每个经短信验证的手机号码对每一条只能提出一条意见", problem.ToString());
        Assert.Contains("第二条", problem.ToString());
        await (await citizen.PostAsJsonAsync($"/api/rulemaking/public/legislation/{id}/code", new { phone = "13806320012", article = "第二条" })).AssertRefusedNamingAsync("phone");
        Assert.Equal(1, await CommentsFromAsync(id, "13806320012"));

        // The same mobile on another article, and another mobile on the same article, are received.
        Assert.Equal(HttpStatusCode.Created, (await CommentKit.CommentAsync(host.Factory, citizen, id, "第一条", "同意。", "13806320012")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CommentKit.CommentAsync(host.Factory, citizen, id, "第二条", "同意扩大。", "13806320013")).StatusCode);
        Assert.Equal(2, await CommentsFromAsync(id, "13806320012"));

        // The mobile is stored encrypted with its blind index (never as typed) and not shown to the office.
        var stored = await host.Factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<Fazhi.Platform.Kit.ISystemWork>().Db<Data.RulemakingDb>("test");
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.LegislationComments.Where(c => c.ProjectId == Guid.Parse(id)).Select(c => new
                {
                    c.CommenterPhone, Index = Microsoft.EntityFrameworkCore.EF.Property<string>(c, "CommenterPhoneBlindIndex"),
                }));
        });
        Assert.Equal(3, stored.Count);
        Assert.All(stored, c => Assert.DoesNotContain("1380632", c.Index, StringComparison.Ordinal));
        Assert.Contains(stored, c => c.CommenterPhone!.Masked == "138****0013");
        var detail = await office.GetStringAsync($"/api/rulemaking/legislation/projects/{id}");
        Assert.DoesNotContain("13806320012", detail, StringComparison.Ordinal);
    }

    private Task<int> CommentsFromAsync(string projectId, string phone) => host.Factory.InScopeAsync(async sp =>
    {
        await using var db = sp.GetRequiredService<Fazhi.Platform.Kit.ISystemWork>().Db<Data.RulemakingDb>("test");
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            Fazhi.Platform.Features.PersonalData.SensitiveModelExtensions.WhereSensitiveEquals(db.LegislationComments, c => c.CommenterPhone, phone), c => c.ProjectId == Guid.Parse(projectId));
    });

    [Fact]
    public async Task A_rule_takes_effect_thirty_days_after_publication_and_an_overdue_filing_is_raised()
    {
        var (office, planId) = await PlanAsync("测试公布备案计划");
        var today = await host.TodayAsync();
        var id = await ItemAsync(office, planId, "枣庄市城市道路照明管理办法");
        // A period held in the past (31 days, ended 20 days ago) with one comment answered later.
        await OpenForCommentAsync(office, id, today.AddDays(-80), today.AddDays(-50));
        await RulemakingHost.OkAsync(await AdvanceAsync(office, id, new { stage = "Review", on = today.AddDays(-49), note = "市司法局审查。" }));
        await (await AdvanceAsync(office, id, new { stage = "Decided", on = today.AddDays(-45) })).AssertRefusedNamingAsync("note");
        await RulemakingHost.OkAsync(await AdvanceAsync(office, id, new { stage = "Decided", on = today.AddDays(-45), note = "市政府第 40 次常务会议通过。" }));

        // 第三十二条: effect 10 days after publication without a stated exception is refused; 30 days is accepted.
        var published = today.AddDays(-40);
        var early = await (await AdvanceAsync(office, id, new { stage = "Published", on = published, documentNo = "枣庄市人民政府令第 200 号", effectiveOn = published.AddDays(10) }))
            .AssertRefusedNamingAsync("effectiveOn");
        Assert.Contains("第三十二条", early.GetProperty("errors").GetProperty("effectiveOn")[0].GetString());
        var done = await RulemakingHost.OkAsync(await AdvanceAsync(office, id, new { stage = "Published", on = published, documentNo = "枣庄市人民政府令第 200 号", effectiveOn = published.AddDays(30) }));
        var project = done.GetProperty("project");
        Assert.Equal(published.AddDays(30).ToString("yyyy-MM-dd"), project.GetProperty("filingDueOn").GetString());

        // Filing is overdue: raised on the home page (urgent) and as a reminder, once.
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-legislation-office", "370400"));
        Assert.NotNull(await HomeTodo.CountAsync(browser, "/rulemaking/legislation#filing"));
        Assert.Contains("card-todo card-urgent\" href=\"/rulemaking/legislation#filing\"", WebUtility.HtmlDecode(await browser.GetStringAsync("/")));
        var first = await host.Factory.InScopeAsync(sp => sp.GetRequiredService<LegislationReminders>().RemindAsync(CancellationToken.None));
        Assert.True(first.Sent + first.NoRecipients >= 1);
        var again = await host.Factory.InScopeAsync(sp => sp.GetRequiredService<LegislationReminders>().RemindAsync(CancellationToken.None));
        Assert.Equal(0, again.Sent);

        await (await AdvanceAsync(office, id, new { stage = "Filed", on = today })).AssertRefusedNamingAsync("filedWith");
        var filed = await RulemakingHost.OkAsync(await AdvanceAsync(office, id, new { stage = "Filed", on = today, filedWith = "国务院；山东省人大常委会；枣庄市人大常委会；山东省人民政府" }));
        Assert.Equal("Filed", filed.GetProperty("project").GetProperty("stage").GetString());

        // An exception stated lets a rule take effect on publication; a local regulation is not held to the 30 days.
        var urgent = await ItemAsync(office, planId, "枣庄市突发事件应急处置办法");
        await OpenForCommentAsync(office, urgent, today.AddDays(-80), today.AddDays(-50));
        await RulemakingHost.OkAsync(await AdvanceAsync(office, urgent, new { stage = "Review" }));
        await RulemakingHost.OkAsync(await AdvanceAsync(office, urgent, new { stage = "Decided", note = "市政府常务会议通过。" }));
        await RulemakingHost.OkAsync(await AdvanceAsync(office, urgent, new { stage = "Published", on = today, documentNo = "枣庄市人民政府令第 201 号", effectiveOn = today, exceptionReason = "公布后不立即施行将有碍规章施行。" }));
        var law = await ItemAsync(office, planId, "枣庄市物业服务条例", kind: "LocalRegulation");
        await OpenForCommentAsync(office, law, today.AddDays(-80), today.AddDays(-50));
        await RulemakingHost.OkAsync(await AdvanceAsync(office, law, new { stage = "Review" }));
        await RulemakingHost.OkAsync(await AdvanceAsync(office, law, new { stage = "Decided", note = "市人大常委会第 20 次会议表决通过。" }));
        await RulemakingHost.OkAsync(await AdvanceAsync(office, law, new { stage = "Published", on = today, documentNo = "枣庄市人民代表大会常务委员会公告第 5 号", effectiveOn = today.AddDays(10) }));
    }
}
