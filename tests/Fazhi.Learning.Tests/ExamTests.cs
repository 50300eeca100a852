using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Learning.Data;
using Fazhi.Learning.Exams;
using Fazhi.Learning.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Learning.Tests;

/// <summary>Papers and exams: the draw and shuffle, publishing, taking, the server's clock, auto-submission, release and scope.</summary>
public sealed class ExamTests(LearningHost host) : IClassFixture<LearningHost>
{
    internal static string Session() => Guid.NewGuid().ToString("N");

    /// <summary>A category of its own with <paramref name="count"/> easy single-choice questions whose right option reads “正确项n”.</summary>
    private static async Task<string> BankAsync(HttpClient office, int count, string? category = null)
    {
        category ??= "考试测试" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 1; i <= count; i++)
        {
            await LearningHost.QuestionAsync(office, new
            {
                kind = "Single", stem = $"{category} 第 {i} 题", options = $"错误项{i}甲\n正确项{i}\n错误项{i}乙\n错误项{i}丙", answer = "B", explanation = $"解析{category}{i}",
                category, difficulty = 1, basis = "《行政处罚法》第三十六条",
            });
        }
        return category;
    }

    private static async Task<JsonElement> ExamAsync(HttpClient office, string rules, Guid person, int minutes = 30, int passMark = 3, int attempts = 2, bool publish = true, Guid? also = null)
    {
        var paper = await office.PostAsJsonAsync("/api/learning/papers", new { title = "测试试卷", mode = "Random", rules, pointsEach = 1 });
        Assert.True(paper.IsSuccessStatusCode, await paper.Content.ReadAsStringAsync());
        var paperId = (await paper.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var created = await office.PostAsJsonAsync("/api/learning/exams", new
        {
            title = "测试考试", paperId, opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(1), timeLimitMinutes = minutes, maxAttempts = attempts, passMark,
            people = also is { } other ? new[] { person, other } : new[] { person },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var exam = await created.Content.ReadFromJsonAsync<JsonElement>();
        if (!publish)
        {
            return exam;
        }
        var published = await office.PostAsJsonAsync($"/api/learning/exams/{exam.GetProperty("id").GetGuid()}/publish", new { version = exam.GetProperty("version").GetInt64() });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return await published.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static async Task<Guid> StartAsync(HttpClient taker, Guid exam, string session)
    {
        var started = await taker.PostAsJsonAsync($"/api/learning/exams/{exam}/start", new { session });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attemptId").GetGuid();
    }

    /// <summary>A taker's paper as text, with the clock left out (it moves between two reads).</summary>
    private static string Paper(JsonElement paper) =>
        $"{paper.GetProperty("id").GetGuid()} {paper.GetProperty("status")} {paper.GetProperty("maxScore").GetDecimal():0.##} {paper.GetProperty("deadlineMs")}\n"
        + string.Join("\n", paper.GetProperty("items").EnumerateArray().Select(i =>
            $"{i.GetProperty("position")} {i.GetProperty("kind")} {i.GetProperty("stem")} [{string.Join("|", i.GetProperty("options").EnumerateArray())}] {i.GetProperty("answer")} "
            + $"{i.GetProperty("maxPoints").GetDecimal():0.##} {i.GetProperty("points")} {i.GetProperty("rightAnswer")} {i.GetProperty("explanation")}"));

    /// <summary>The shown letter of the option reading “正确项…” in an item.</summary>
    private static string RightLetter(JsonElement item) =>
        ((char)('A' + item.GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToList().FindIndex(o => o.StartsWith("正确项", StringComparison.Ordinal)))).ToString();

    private Task SetDeadlineAsync(Guid attempt, long deadlineMs) => host.Factory.InScopeAsync(async sp =>
        await sp.GetRequiredService<LearningDb>().Attempts.Where(a => a.Id == attempt).ExecuteUpdateAsync(s => s.SetProperty(a => a.DeadlineMs, deadlineMs)));

    [Fact]
    public void The_same_seed_draws_the_same_paper_and_another_seed_shuffles_it()
    {
        var pool = Enumerable.Range(0, 40).Select(i => new PoolQuestion(Guid.CreateVersion7(), QuestionKind.Single, i < 20 ? "甲" : "乙", 1 + (i % 2), 4)).ToList();
        var rules = new List<DrawRule> { new("甲", 1, 5), new("乙", 2, 4) };
        var a = PaperDraw.Draw(42, rules, pool);
        var b = PaperDraw.Draw(42, rules, pool.AsEnumerable().Reverse().ToList());
        Assert.Equal(a.Select(x => (x.QuestionId, string.Join(",", x.OptionOrder))), b.Select(x => (x.QuestionId, string.Join(",", x.OptionOrder))));
        Assert.Equal(9, a.Count);
        Assert.Equal(5, a.Count(x => pool.First(p => p.Id == x.QuestionId) is { Category: "甲", Difficulty: 1 }));
        Assert.Equal(4, a.Count(x => pool.First(p => p.Id == x.QuestionId) is { Category: "乙", Difficulty: 2 }));
        Assert.All(a, x => Assert.Equal([0, 1, 2, 3], x.OptionOrder.Order()));
        var c = PaperDraw.Draw(43, rules, pool);
        Assert.NotEqual(a.Select(x => x.QuestionId + string.Join(",", x.OptionOrder)), c.Select(x => x.QuestionId + string.Join(",", x.OptionOrder)));
        var checks = new Fazhi.Platform.Kit.FieldChecks();
        Assert.Empty(PaperDraw.ParseRules("甲|很难|3", checks));
        Assert.Contains("第 1 条", string.Join(" ", checks.Errors.SelectMany(e => e.Value)));
    }

    [Fact]
    public async Task An_exam_whose_paper_cannot_be_drawn_is_refused_at_publishing_and_flagged_questions_do_not_count()
    {
        var office = await host.OfficeAsync();
        var (_, person, _) = await host.TakerAsync(office);
        var category = await BankAsync(office, 2);
        // Written against 行政复议法 (2017) 第三十二条, since amended: flagged, so not in use.
        await LearningHost.QuestionAsync(office, new
        {
            kind = "TrueFalse", stem = category + " 已变化的法条题", answer = "对", category, difficulty = 1, basis = "《行政复议法》第三十二条", basisOn = "2022-06-01",
        });
        await office.PostAsync("/api/learning/questions/legal-check", null);
        var exam = await ExamAsync(office, $"{category}|易|3", person, publish: false);
        var refused = await office.PostAsJsonAsync($"/api/learning/exams/{exam.GetProperty("id").GetGuid()}/publish", new { version = exam.GetProperty("version").GetInt64() });
        var problem = await refused.AssertRefusedNamingAsync("paperId");
        Assert.Contains("需要 3 道，可用 2 道", problem.GetRawText());
        await (await office.PostAsJsonAsync("/api/learning/papers", new { title = "坏规则", mode = "Random", rules = "甲|很难|3" })).AssertRefusedNamingAsync("rules");
        await (await office.PostAsJsonAsync("/api/learning/exams", new { title = "无人", paperId = exam.GetProperty("paperId").GetGuid(), opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddHours(1) }))
            .AssertRefusedNamingAsync("units");
        // A draft is not visible to the taker.
        var (taker, _, _) = await host.TakerAsync(office);
        Assert.Equal(HttpStatusCode.NotFound, (await taker.PostAsJsonAsync($"/api/learning/exams/{exam.GetProperty("id").GetGuid()}/start", new { session = Session() })).StatusCode);
    }

    [Fact]
    public async Task A_taker_answers_resumes_the_same_frozen_paper_submits_and_sees_the_answers_only_after_release()
    {
        var office = await host.OfficeAsync();
        var (taker, person, _) = await host.TakerAsync(office);
        var category = await BankAsync(office, 6);
        var exam = await ExamAsync(office, $"{category}|易|4", person, passMark: 3);
        var examId = exam.GetProperty("id").GetGuid();
        var session = Session();
        var mine = await taker.GetFromJsonAsync<JsonElement>("/api/learning/my/exams");
        Assert.Contains(mine.EnumerateArray(), e => e.GetProperty("id").GetGuid() == examId && e.GetProperty("open").GetBoolean());

        var startedResponse = await taker.PostAsJsonAsync($"/api/learning/exams/{examId}/start", new { session });
        Assert.True(startedResponse.IsSuccessStatusCode, await startedResponse.Content.ReadAsStringAsync());
        var started = await startedResponse.Content.ReadFromJsonAsync<JsonElement>();
        var attempt = started.GetProperty("attemptId").GetGuid();
        var first = await taker.GetFromJsonAsync<JsonElement>($"/api/learning/attempts/{attempt}");
        var items = first.GetProperty("items").EnumerateArray().ToList();
        // The start answers with the same paper the attempt's page reads (ADR 0071), built from the frozen draw.
        Assert.Equal(Paper(first), Paper(started.GetProperty("paper")));
        Assert.Equal(4, items.Count);
        // No right answer and no explanation before release, anywhere in the taker's view.
        Assert.All(items, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("rightAnswer").ValueKind));
        Assert.DoesNotContain("解析" + category, first.GetRawText());
        Assert.InRange(first.GetProperty("remainingSeconds").GetInt64(), 29 * 60, 30 * 60);

        // Three right, one wrong; a bad answer and a missing question name their fields.
        for (var n = 0; n < 4; n++)
        {
            var letter = n < 3 ? RightLetter(items[n]) : RightLetter(items[n]) == "A" ? "B" : "A";
            var saved = await taker.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/{items[n].GetProperty("position").GetInt32()}", new { session, answer = letter });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }
        await (await taker.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/1", new { session, answer = "AB" })).AssertRefusedNamingAsync("answer");
        await (await taker.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/99", new { session, answer = "A" })).AssertRefusedNamingAsync("position");

        // Resume (a reload in the same browser): the same attempt, the same questions and option order, the answers kept,
        // in the start's answer as in the attempt's.
        var again = await (await taker.PostAsJsonAsync($"/api/learning/exams/{examId}/start", new { session })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(attempt, again.GetProperty("attemptId").GetGuid());
        var resumed = await taker.GetFromJsonAsync<JsonElement>($"/api/learning/attempts/{attempt}");
        Assert.Equal(Paper(resumed), Paper(again.GetProperty("paper")));
        Assert.Equal(RightLetter(items[0]), again.GetProperty("paper").GetProperty("items")[0].GetProperty("answer").GetString());
        Assert.Equal(items.Select(i => i.GetProperty("stem").GetString() + string.Join("|", i.GetProperty("options").EnumerateArray())),
            resumed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("stem").GetString() + string.Join("|", i.GetProperty("options").EnumerateArray())));
        Assert.Equal(RightLetter(items[0]), resumed.GetProperty("items")[0].GetProperty("answer").GetString());

        // A second session (another device) is refused with the reason, to start and to answer.
        var other = await taker.PostAsJsonAsync($"/api/learning/exams/{examId}/start", new { session = Session() });
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("另一设备", await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await taker.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/1", new { session = Session(), answer = "A" })).StatusCode);
        (await taker.PostAsJsonAsync($"/api/learning/attempts/{attempt}/away", new { session })).EnsureSuccessStatusCode();

        // Another taker can neither read nor answer this attempt.
        var (stranger, _, _) = await host.TakerAsync(office);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/learning/attempts/{attempt}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/1", new { session, answer = "A" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync($"/api/learning/exams/{examId}/start", new { session = Session() })).StatusCode);

        // Submitted: marked at once (3 of 4, pass mark 3), still no right answers; answers after it are refused with the reason.
        var submitted = await (await taker.PostAsJsonAsync($"/api/learning/attempts/{attempt}/submit", new { session })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(3m, submitted.GetProperty("score").GetDecimal());
        Assert.True(submitted.GetProperty("passed").GetBoolean());
        Assert.False(submitted.GetProperty("timedOut").GetBoolean());
        Assert.All(submitted.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("rightAnswer").ValueKind));
        Assert.DoesNotContain("解析" + category, submitted.GetRawText());
        var late = await taker.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/1", new { session, answer = "A" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("答卷已交", await late.Content.ReadAsStringAsync());

        // Released: the right answers (in this taker's letters) and the explanations.
        var version = (await office.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{examId}")).GetProperty("version").GetInt64();
        (await office.PostAsJsonAsync($"/api/learning/exams/{examId}/release", new { version })).EnsureSuccessStatusCode();
        var released = await taker.GetFromJsonAsync<JsonElement>($"/api/learning/attempts/{attempt}");
        Assert.All(released.GetProperty("items").EnumerateArray(), i => Assert.Equal(RightLetter(i), i.GetProperty("rightAnswer").GetString()));
        Assert.Contains("解析" + category, released.GetRawText());
        // With the cited article's text as in force on the exam date.
        var article = Assert.Single(released.GetProperty("items")[0].GetProperty("articles").EnumerateArray());
        Assert.Contains("行政处罚法", article.GetProperty("work").GetString());
        Assert.Contains("违法行为在二年内未被发现的", article.GetProperty("text").GetString());
    }

    [Fact]
    public async Task After_release_a_question_shows_its_cited_article_as_it_stood_on_the_exam_date_not_as_today()
    {
        var office = await host.OfficeAsync();
        var (taker, person, _) = await host.TakerAsync(office);
        var category = "条文测试" + Guid.NewGuid().ToString("N")[..6];
        await LearningHost.QuestionAsync(office, new { kind = "TrueFalse", stem = $"{category}：被申请人应当履行行政复议决定。", options = "", answer = "对", explanation = "解析", category, difficulty = 1, basis = "《行政复议法》第三十二条" });
        var examId = (await ExamAsync(office, $"{category}|易|1", person, passMark: 1)).GetProperty("id").GetGuid();
        var session = Session();
        var attempt = await StartAsync(taker, examId, session);
        (await taker.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/1", new { session, answer = "对" })).EnsureSuccessStatusCode();
        var submitted = await (await taker.PostAsJsonAsync($"/api/learning/attempts/{attempt}/submit", new { session })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, submitted.GetProperty("items")[0].GetProperty("articles").ValueKind);
        // The exam sat on 2020-06-01, under the 2017 text (the article was rewritten by the 2023 revision).
        await host.Factory.InScopeAsync(async sp => await sp.GetRequiredService<LearningDb>().Attempts.Where(a => a.Id == attempt)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.StartedAt, new DateTimeOffset(2020, 6, 1, 2, 0, 0, TimeSpan.Zero))));
        var version = (await office.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{examId}")).GetProperty("version").GetInt64();
        (await office.PostAsJsonAsync($"/api/learning/exams/{examId}/release", new { version })).EnsureSuccessStatusCode();
        var released = await taker.GetFromJsonAsync<JsonElement>($"/api/learning/attempts/{attempt}");
        var article = Assert.Single(released.GetProperty("items")[0].GetProperty("articles").EnumerateArray());
        Assert.Contains("被申请人应当履行行政复议决定。", article.GetProperty("text").GetString());
        Assert.DoesNotContain("电子技术监控设备", article.GetProperty("text").GetString());
        Assert.Equal("第三十二条", article.GetProperty("article").GetString());
        Assert.False(string.IsNullOrEmpty(article.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task After_a_restart_the_taker_resumes_with_the_right_time_and_at_the_end_the_attempt_is_submitted_as_it_stands()
    {
        var office = await host.OfficeAsync();
        var (taker, person, user) = await host.TakerAsync(office);
        var category = await BankAsync(office, 3);
        var examId = (await ExamAsync(office, $"{category}|易|3", person, minutes: 20, attempts: 2)).GetProperty("id").GetGuid();
        var session = Session();
        var attempt = await StartAsync(taker, examId, session);
        var view = await taker.GetFromJsonAsync<JsonElement>($"/api/learning/attempts/{attempt}");
        var item = view.GetProperty("items")[0];
        (await taker.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/{item.GetProperty("position").GetInt32()}", new { session, answer = RightLetter(item) })).EnsureSuccessStatusCode();
        var deadline = view.GetProperty("deadlineMs").GetInt64();

        // The server restarts (a new process on the same database): the deadline was stored, so the time left is right.
        var restarted = FazhiFactory.SharingWith(host.Factory);
        await ((IAsyncLifetime)restarted).InitializeAsync();
        try
        {
            var again = await restarted.ApiClientAsync(user);
            Assert.Equal(attempt, await StartAsync(again, examId, session));
            var resumed = await again.GetFromJsonAsync<JsonElement>($"/api/learning/attempts/{attempt}");
            var expected = (deadline - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) / 1000;
            Assert.InRange(resumed.GetProperty("remainingSeconds").GetInt64(), expected - 5, expected + 1);
            Assert.InRange(resumed.GetProperty("remainingSeconds").GetInt64(), 18 * 60, 20 * 60);
            Assert.Equal(deadline, resumed.GetProperty("deadlineMs").GetInt64());
            Assert.Equal(RightLetter(item), resumed.GetProperty("items")[0].GetProperty("answer").GetString());
        }
        finally
        {
            await ((IAsyncLifetime)restarted).DisposeAsync();
        }

        // The time runs out: an answer given now is refused with the reason, and the attempt is submitted as it stood.
        await SetDeadlineAsync(attempt, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1000);
        var late = await taker.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/2", new { session, answer = "A" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("时间已到", await late.Content.ReadAsStringAsync());
        var done = await taker.GetFromJsonAsync<JsonElement>($"/api/learning/attempts/{attempt}");
        Assert.Equal("Submitted", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("timedOut").GetBoolean());
        Assert.Equal(1m, done.GetProperty("score").GetDecimal());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("items")[1].GetProperty("answer").ValueKind);

        // The second attempt is left alone past its end: the sweep (system work) submits it without any request of the taker.
        var second = await StartAsync(taker, examId, session);
        Assert.NotEqual(attempt, second);
        await SetDeadlineAsync(second, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1000);
        var swept = await host.Factory.InScopeAsync(async sp => await sp.GetRequiredService<ExamService>().SweepAsync(CancellationToken.None));
        Assert.True(swept >= 1);
        var state = await host.Factory.InScopeAsync(async sp => await sp.GetRequiredService<LearningDb>().Attempts.AsNoTracking().FirstAsync(a => a.Id == second));
        Assert.Equal(AttemptStatus.Submitted, state.Status);
        Assert.True(state.TimedOut);
        var used = await taker.PostAsJsonAsync($"/api/learning/exams/{examId}/start", new { session });
        Assert.Equal(HttpStatusCode.Conflict, used.StatusCode);
        Assert.Contains("已用完", await used.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_proctor_sees_who_is_answering_and_switched_away_extends_one_takers_time_and_lets_them_change_devices()
    {
        var office = await host.OfficeAsync();
        var (taker, person, _) = await host.TakerAsync(office);
        var (_, absent, _) = await host.TakerAsync(office);
        var category = await BankAsync(office, 3);
        var examId = (await ExamAsync(office, $"{category}|易|3", person, also: absent)).GetProperty("id").GetGuid();
        var session = Session();
        var attempt = await StartAsync(taker, examId, session);
        (await taker.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/1", new { session, answer = "A" })).EnsureSuccessStatusCode();
        (await taker.PostAsJsonAsync($"/api/learning/attempts/{attempt}/away", new { session })).EnsureSuccessStatusCode();

        var view = await office.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{examId}/proctor");
        Assert.Equal(2, view.GetProperty("assigned").GetInt32());
        Assert.Equal(1, view.GetProperty("started").GetInt32());
        Assert.Equal(1, view.GetProperty("switchedAway").GetInt32());
        var row = Assert.Single(view.GetProperty("rows").EnumerateArray());
        Assert.Equal("作答中", row.GetProperty("state").GetString());
        Assert.Equal(1, row.GetProperty("answered").GetInt32());
        Assert.Equal(1, row.GetProperty("switchCount").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await taker.GetAsync($"/api/learning/exams/{examId}/proctor")).StatusCode);

        // One taker's time is extended, with the reason.
        var before = (await taker.GetFromJsonAsync<JsonElement>($"/api/learning/attempts/{attempt}")).GetProperty("deadlineMs").GetInt64();
        var version = row.GetProperty("version").GetInt64();
        await (await office.PostAsJsonAsync($"/api/learning/attempts/{attempt}/extend", new { minutes = 10, version })).AssertRefusedNamingAsync("reason");
        (await office.PostAsJsonAsync($"/api/learning/attempts/{attempt}/extend", new { minutes = 10, reason = "考场断电", version })).EnsureSuccessStatusCode();
        var after = await taker.GetFromJsonAsync<JsonElement>($"/api/learning/attempts/{attempt}");
        Assert.Equal(before + 600_000, after.GetProperty("deadlineMs").GetInt64());

        // The phone breaks: another device is refused until the proctor releases the session; then it takes the attempt over.
        var device = Session();
        Assert.Equal(HttpStatusCode.Conflict, (await taker.PostAsJsonAsync($"/api/learning/exams/{examId}/start", new { session = device })).StatusCode);
        version = (await office.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{examId}/proctor")).GetProperty("rows")[0].GetProperty("version").GetInt64();
        (await office.PostAsJsonAsync($"/api/learning/attempts/{attempt}/release-session", new { reason = "手机损坏，换用电脑", version })).EnsureSuccessStatusCode();
        Assert.Equal(attempt, await StartAsync(taker, examId, device));
        Assert.Equal(HttpStatusCode.Conflict, (await taker.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/2", new { session, answer = "A" })).StatusCode);
        (await taker.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/2", new { session = device, answer = "A" })).EnsureSuccessStatusCode();

        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("learning-office", "370400"));
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/learning/exams/{examId}/proctor"));
        Assert.Contains("考场断电", html);
        Assert.Contains("应考 2 人，已开考 1 人", html);
    }
}

/// <summary>The shipped demo's exam, results and records, on a host that starts with the demo.</summary>
public sealed class ExamDemoTests(LearningDemoHost host) : IClassFixture<LearningDemoHost>
{
    [Fact]
    public async Task Every_demo_account_is_a_registered_official_who_can_take_the_open_demo_exam()
    {
        await host.Factory.SeedDemoAsync();
        await host.Factory.SeedDemoAsync(); // idempotent

        // Demo results: five officials without accounts sat the demo exam; three short answers are marked, two wait for demo-city.
        var office = await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"));
        var queue = await office.GetFromJsonAsync<JsonElement>("/api/learning/marking");
        var pending = Assert.Single(queue.GetProperty("exams").EnumerateArray(), e => e.GetProperty("title").GetString()!.Contains("演示"));
        Assert.Equal(2, pending.GetProperty("pending").GetInt32());
        var demoResults = await office.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{pending.GetProperty("examId").GetGuid()}/results");
        var states = demoResults.GetProperty("people").EnumerateArray().Where(p => p.GetProperty("attempts").GetInt32() > 0).Select(p => p.GetProperty("state").GetString()).ToList();
        Assert.Equal(["不合格", "合格", "合格", "待阅卷", "待阅卷"], states.Order(StringComparer.Ordinal));
        Assert.Equal(2, demoResults.GetProperty("people").EnumerateArray().Count(p => p.GetProperty("certificateNumber").ValueKind == JsonValueKind.String));
        foreach (var name in new[] { "demo-city", "demo-town", "demo-shizhong" })
        {
            var client = await host.Factory.ApiClientAsync(FazhiFactory.DemoUser(name));
            Assert.StartsWith("演示·", (await client.GetFromJsonAsync<JsonElement>("/api/learning/me")).GetProperty("name").GetString());
            var exam = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/learning/my/exams")).EnumerateArray(), e => e.GetProperty("title").GetString()!.Contains("演示"));
            Assert.True(exam.GetProperty("open").GetBoolean());
            var attempt = await ExamTests.StartAsync(client, exam.GetProperty("id").GetGuid(), ExamTests.Session());
            var view = await client.GetFromJsonAsync<JsonElement>($"/api/learning/attempts/{attempt}");
            Assert.Equal(8, view.GetProperty("items").GetArrayLength());
            Assert.Equal(80m, view.GetProperty("maxScore").GetDecimal());
        }

        // The office's pages show the demo records; the taker's pages render for a phone.
        var browser = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-city"));
        var questions = WebUtility.HtmlDecode(await browser.GetStringAsync("/learning/questions?flagged=true"));
        Assert.Contains("法条已变化", questions);
        Assert.Contains("被申请人应当履行行政复议决定", questions);
        Assert.Contains("演示·市中区工作人员", WebUtility.HtmlDecode(await browser.GetStringAsync("/learning/people")));
        Assert.Contains("2026 年度全市法治能力测试（演示）", WebUtility.HtmlDecode(await browser.GetStringAsync("/learning/exams")));
        Assert.Contains("待阅 2 份", WebUtility.HtmlDecode(await browser.GetStringAsync("/learning/marking")));
        var records = WebUtility.HtmlDecode(await browser.GetStringAsync("/learning/records"));
        foreach (var demo in new[] { "市政府常务会议学法", "法治讲座：行政处罚法适用中的常见问题（演示）", "某商贸公司诉区市场监督管理局行政处罚案（演示）", "新任命国家工作人员宪法宣誓仪式（演示）", "张明华（演示）", "刘洋（演示）" })
        {
            Assert.Contains(demo, records);
        }
        Assert.Contains("张明华（演示）", WebUtility.HtmlDecode(await browser.GetStringAsync($"/learning/results?exam={pending.GetProperty("examId").GetGuid()}")));
        var my = WebUtility.HtmlDecode(await browser.GetStringAsync("/learning/my"));
        Assert.Contains("继续作答", my);
        var examId = System.Text.RegularExpressions.Regex.Match(my, "/learning/take/([0-9a-f-]{36})").Groups[1].Value;
        var take = WebUtility.HtmlDecode(await browser.GetStringAsync("/learning/take/" + examId));
        Assert.Contains("take.js", take);
        Assert.Contains("data-exam=\"" + examId + "\"", take);
    }
}
