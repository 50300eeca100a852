using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Platform.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Learning.Tests;

/// <summary>
/// Marking short answers (anonymous to the marker), final results, the certificate and its public check, and the results
/// per person, unit, post and question against known data, within the reader's scope (ADR 0033).
/// </summary>
public sealed class GradesTests(LearningHost host) : IClassFixture<LearningHost>
{
    private static string Session() => Guid.NewGuid().ToString("N");

    private static async Task<Guid> PublishedExamAsync(HttpClient office, string rules, int pointsEach, int passMark, params Guid[] people)
    {
        var paper = await office.PostAsJsonAsync("/api/learning/papers", new { title = "成绩测试试卷", mode = "Random", rules, pointsEach });
        Assert.True(paper.IsSuccessStatusCode, await paper.Content.ReadAsStringAsync());
        var paperId = (await paper.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var created = await office.PostAsJsonAsync("/api/learning/exams", new
        {
            title = "成绩测试" + Guid.NewGuid().ToString("N")[..6], paperId, opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(1),
            timeLimitMinutes = 30, maxAttempts = 1, passMark, people,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var exam = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = exam.GetProperty("id").GetGuid();
        var published = await office.PostAsJsonAsync($"/api/learning/exams/{id}/publish", new { version = exam.GetProperty("version").GetInt64() });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Easy single-choice questions n = 1..count: “{category} 第 n 题”, options 错误项n甲 / 正确项n / 错误项n乙 / 错误项n丙.</summary>
    private static async Task BankAsync(HttpClient office, string category, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await LearningHost.QuestionAsync(office, new
            {
                kind = "Single", stem = $"{category} 第 {i} 题", options = $"错误项{i}甲\n正确项{i}\n错误项{i}乙\n错误项{i}丙", answer = "B", category, difficulty = 1,
                basis = "《行政处罚法》第三十六条",
            });
        }
    }

    /// <summary>Takes the exam: question n answered with the option whose text starts with <paramref name="choose"/>(n), short answers with <paramref name="text"/>; hands in.</summary>
    private static async Task<(Guid Attempt, JsonElement HandedIn)> TakeAsync(HttpClient taker, Guid exam, Func<int, string> choose, string? text = null)
    {
        var session = Session();
        var started = await taker.PostAsJsonAsync($"/api/learning/exams/{exam}/start", new { session });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var attempt = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attemptId").GetGuid();
        var view = await taker.GetFromJsonAsync<JsonElement>($"/api/learning/attempts/{attempt}");
        foreach (var item in view.GetProperty("items").EnumerateArray())
        {
            string answer;
            if (item.GetProperty("kind").GetString() == "Short")
            {
                answer = text!;
            }
            else
            {
                var options = item.GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToList();
                var n = int.Parse(options.First(o => o.StartsWith("正确项", StringComparison.Ordinal))["正确项".Length..]);
                answer = ((char)('A' + options.FindIndex(o => o.StartsWith(choose(n), StringComparison.Ordinal)))).ToString();
            }
            var saved = await taker.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/{item.GetProperty("position").GetInt32()}", new { session, answer });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }
        var handedIn = await taker.PostAsJsonAsync($"/api/learning/attempts/{attempt}/submit", new { session });
        Assert.True(handedIn.IsSuccessStatusCode, await handedIn.Content.ReadAsStringAsync());
        return (attempt, await handedIn.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task A_short_answer_is_marked_without_the_takers_name_the_result_becomes_final_and_its_certificate_can_be_verified_by_anyone()
    {
        var office = await host.OfficeAsync();
        var (taker, person, user) = await host.TakerAsync(office);
        var category = "阅卷测试" + Guid.NewGuid().ToString("N")[..6];
        await BankAsync(office, category, 2);
        await LearningHost.QuestionAsync(office, new { kind = "Short", stem = category + " 简答：听证中当事人的权利。", answer = "陈述申辩、质证等。", category, difficulty = 3 });
        var exam = await PublishedExamAsync(office, $"{category}|易|2\n{category}|难|1", 10, 20, person);
        var token = "答案标记" + Guid.NewGuid().ToString("N")[..8];
        var (attempt, handedIn) = await TakeAsync(taker, exam, n => "正确项", "有权陈述申辩。" + token);

        // Handed in: the objective part is marked, the short answer waits, so there is no pass or fail and no certificate yet.
        Assert.Equal(20m, handedIn.GetProperty("score").GetDecimal());
        Assert.Equal(1, handedIn.GetProperty("pendingMarks").GetInt32());
        Assert.Equal(JsonValueKind.Null, handedIn.GetProperty("passed").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await taker.GetAsync($"/api/learning/attempts/{attempt}/certificate")).StatusCode);

        // The marker sees the answer, the question and the reference answer, but nothing that names the taker.
        var marker = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("learning-marker", "370400"));
        var queue = await marker.GetFromJsonAsync<JsonElement>($"/api/learning/marking?exam={exam}");
        var raw = queue.GetRawText();
        var item = Assert.Single(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("answer").GetString()!.Contains(token));
        Assert.Equal("陈述申辩、质证等。", item.GetProperty("referenceAnswer").GetString());
        Assert.DoesNotContain(user.UserName[^6..], raw);
        Assert.DoesNotContain(person.ToString(), raw);
        Assert.DoesNotContain(user.UserName, raw);
        Assert.Equal(HttpStatusCode.NotFound, (await marker.GetAsync($"/api/learning/attempts/{attempt}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marker.GetAsync($"/api/learning/exams/{exam}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await taker.GetAsync($"/api/learning/marking?exam={exam}")).StatusCode);
        var page = WebUtility.HtmlDecode(await (await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("learning-marker", "370400")))
            .GetStringAsync($"/learning/marking?exam={exam}"));
        Assert.Contains(token, page);
        Assert.DoesNotContain("考生" + user.UserName[^6..], page);

        // Marks within the question's points, in half points; objective questions are not marked by hand.
        var position = item.GetProperty("position").GetInt32();
        var url = $"/api/learning/marking/{attempt}/{position}";
        await (await marker.PostAsJsonAsync(url, new { points = 11, comment = "" })).AssertRefusedNamingAsync("points");
        await (await marker.PostAsJsonAsync(url, new { points = 2.3, comment = "" })).AssertRefusedNamingAsync("points");
        await (await marker.PostAsJsonAsync(url, new { comment = "无分" })).AssertRefusedNamingAsync("points");
        await (await marker.PostAsJsonAsync($"/api/learning/marking/{attempt}/{(position == 1 ? 2 : 1)}", new { points = 1 })).AssertRefusedNamingAsync("position");
        var marked = await marker.PostAsJsonAsync(url, new { points = 5.5, comment = "要点不全" });
        Assert.True(marked.IsSuccessStatusCode, await marked.Content.ReadAsStringAsync());
        var result = await marked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("final").GetBoolean());
        Assert.True(result.GetProperty("passed").GetBoolean());
        Assert.Equal(25.5m, result.GetProperty("score").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await marker.PostAsJsonAsync(url, new { points = 10 })).StatusCode);
        Assert.DoesNotContain(token, (await marker.GetFromJsonAsync<JsonElement>($"/api/learning/marking?exam={exam}")).GetRawText());
        Assert.Equal(1, await host.Factory.AuditAsync(q => q.CountAsync(e => e.Action == "learning.answer.marked" && e.EntityId == attempt.ToString())));

        // The taker sees the final result and downloads the certificate with its verification number.
        var final = await taker.GetFromJsonAsync<JsonElement>($"/api/learning/attempts/{attempt}");
        Assert.True(final.GetProperty("passed").GetBoolean());
        Assert.Equal(0, final.GetProperty("pendingMarks").GetInt32());
        var mine = Assert.Single((await taker.GetFromJsonAsync<JsonElement>("/api/learning/my/exams")).EnumerateArray(), e => e.GetProperty("id").GetGuid() == exam);
        Assert.Equal(attempt, mine.GetProperty("certificateAttemptId").GetGuid());
        var results = await office.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{exam}/results");
        var number = Assert.Single(results.GetProperty("people").EnumerateArray()).GetProperty("certificateNumber").GetString()!;
        Assert.Matches("^XF20[0-9]{2}-[2-9A-HJ-NP-Z]{10}$", number);
        var docx = await taker.GetAsync($"/api/learning/attempts/{attempt}/certificate");
        Assert.Equal(DocxTemplate.ContentType, docx.Content.Headers.ContentType!.MediaType);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(number, text);
            Assert.Contains("考生" + user.UserName[^6..], text);
            Assert.Contains("25.5分", text);
        }
        var (other, _, _) = await host.TakerAsync(office);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/learning/attempts/{attempt}/certificate")).StatusCode);

        // Anyone checks the number (typed in lower case too): name, exam, result and date only.
        var anonymous = host.Factory.CreateClient();
        var check = await anonymous.GetFromJsonAsync<JsonElement>($"/api/learning/public/certificates/{number.ToLowerInvariant()}");
        Assert.Equal(["date", "exam", "name", "number", "result"], check.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("考生" + user.UserName[^6..], check.GetProperty("name").GetString());
        Assert.Equal("合格", check.GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/learning/public/certificates/XF2026-2222222222")).StatusCode);
        var publicPage = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/learning/certificates?number={number}"));
        Assert.Contains("证书有效", publicPage);
        Assert.Contains("考生" + user.UserName[^6..], publicPage);
        Assert.DoesNotContain("25.5", publicPage);
        Assert.Contains("没有找到", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/public/learning/certificates?number=XF2026-2222222222")));
    }

    [Fact]
    public async Task Results_per_person_unit_post_and_question_match_known_answers_export_to_xlsx_and_a_unit_sees_only_its_own_people()
    {
        var office = await host.OfficeAsync();
        var (a, personA, userA) = await host.TakerAsync(office, "370402", "科员");
        var (b, personB, userB) = await host.TakerAsync(office, "370403", "科员");
        var (c, personC, userC) = await host.TakerAsync(office, "370403", "科长");
        var (_, personD, userD) = await host.TakerAsync(office, "370403", "科长");
        var category = "成绩分析" + Guid.NewGuid().ToString("N")[..6];
        await BankAsync(office, category, 4);
        var exam = await PublishedExamAsync(office, $"{category}|易|4", 1, 3, personA, personB, personC, personD);
        await TakeAsync(a, exam, _ => "正确项");                              // 4 right: passed
        await TakeAsync(b, exam, n => n <= 2 ? "正确项" : $"错误项{n}甲");       // 2 right: failed
        await TakeAsync(c, exam, n => n <= 3 ? "正确项" : $"错误项{n}甲");       // 3 right: passed; D does not take part

        var r = await office.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{exam}/results");
        Assert.Equal((4, 3, 3, 2), (r.GetProperty("assigned").GetInt32(), r.GetProperty("tookPart").GetInt32(), r.GetProperty("final").GetInt32(), r.GetProperty("passed").GetInt32()));
        Assert.Equal(75.0m, r.GetProperty("participationRate").GetDecimal());
        Assert.Equal(66.7m, r.GetProperty("passRate").GetDecimal());
        Assert.Equal(3.0m, r.GetProperty("averageScore").GetDecimal());
        var people = r.GetProperty("people").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("合格", people["考生" + userA.UserName[^6..]].GetProperty("state").GetString());
        Assert.Equal("不合格", people["考生" + userB.UserName[^6..]].GetProperty("state").GetString());
        Assert.Equal(2m, people["考生" + userB.UserName[^6..]].GetProperty("score").GetDecimal());
        Assert.Equal("未参加", people["考生" + userD.UserName[^6..]].GetProperty("state").GetString());

        // Units ranked by pass rate: 市中区 100 % (1 of 1) before 薛城区 50 % (1 of 2 final; 2 of 3 took part).
        var units = r.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(2, units.Count);
        Assert.Equal((1, 1, 1, 100.0m), (units[0].GetProperty("rank").GetInt32(), units[0].GetProperty("assigned").GetInt32(), units[0].GetProperty("passed").GetInt32(),
            units[0].GetProperty("passRate").GetDecimal()));
        Assert.Equal((2, 3, 2, 66.7m, 50.0m), (units[1].GetProperty("rank").GetInt32(), units[1].GetProperty("assigned").GetInt32(), units[1].GetProperty("tookPart").GetInt32(),
            units[1].GetProperty("participationRate").GetDecimal(), units[1].GetProperty("passRate").GetDecimal()));
        var posts = r.GetProperty("posts").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal((2, 1, 50.0m), (posts["科员"].GetProperty("assigned").GetInt32(), posts["科员"].GetProperty("passed").GetInt32(), posts["科员"].GetProperty("passRate").GetDecimal()));
        Assert.Equal((2, 1, 100.0m), (posts["科长"].GetProperty("assigned").GetInt32(), posts["科长"].GetProperty("tookPart").GetInt32(), posts["科长"].GetProperty("passRate").GetDecimal()));

        // Per question, the poorly known first: question 4 right once in three, most often answered with its option 甲 (A in the bank).
        var questions = r.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(4, questions.Count);
        Assert.Equal($"{category} 第 4 题", questions[0].GetProperty("stem").GetString());
        Assert.Equal((3, 1, 33.3m), (questions[0].GetProperty("set").GetInt32(), questions[0].GetProperty("right").GetInt32(), questions[0].GetProperty("correctRate").GetDecimal()));
        Assert.Equal(("A. 错误项4甲", 2), (questions[0].GetProperty("commonWrong").GetString(), questions[0].GetProperty("commonWrongCount").GetInt32()));
        Assert.Equal(($"{category} 第 3 题", 66.7m), (questions[1].GetProperty("stem").GetString(), questions[1].GetProperty("correctRate").GetDecimal()));
        Assert.All(questions.Skip(2), q => Assert.Equal(100.0m, q.GetProperty("correctRate").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, questions[3].GetProperty("commonWrong").ValueKind);

        // The export carries the same figures.
        var xlsx = await office.GetAsync($"/api/learning/exams/{exam}/results.xlsx");
        Assert.Equal(XlsxWriter.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        var sheetPeople = XlsxReader.Read(new MemoryStream(bytes), "个人成绩");
        Assert.Contains(sheetPeople, row => row.Cells[0] == "考生" + userB.UserName[^6..] && decimal.Parse(row.Cells[5], System.Globalization.CultureInfo.InvariantCulture) == 2m && row.Cells[7] == "不合格");
        var sheetUnits = XlsxReader.Read(new MemoryStream(bytes), "单位排名");
        Assert.Equal(["1", "2"], sheetUnits.Skip(1).Select(row => row.Cells[0]));
        var sheetQuestions = XlsxReader.Read(new MemoryStream(bytes), "试题分析");
        Assert.Equal("A. 错误项4甲", sheetQuestions[1].Cells[8]);

        // 薛城区's liaison sees its own three people only, and the question figures of their attempts only.
        var unit = await host.UnitAsync("370403");
        var own = await unit.GetFromJsonAsync<JsonElement>($"/api/learning/exams/{exam}/results");
        Assert.Equal(new[] { "考生" + userB.UserName[^6..], "考生" + userC.UserName[^6..], "考生" + userD.UserName[^6..] }.Order(StringComparer.Ordinal),
            own.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(userA.UserName[^6..], own.GetRawText());
        Assert.Equal((3, 2, 1), (own.GetProperty("assigned").GetInt32(), own.GetProperty("tookPart").GetInt32(), own.GetProperty("passed").GetInt32()));
        Assert.Single(own.GetProperty("units").EnumerateArray());
        Assert.Equal((2, 0), (own.GetProperty("questions")[0].GetProperty("set").GetInt32(), own.GetProperty("questions")[0].GetProperty("right").GetInt32()));
        var ownSheet = XlsxReader.Read(new MemoryStream(await unit.GetByteArrayAsync($"/api/learning/exams/{exam}/results.xlsx")), "个人成绩");
        Assert.Equal(4, ownSheet.Count); // the header and three people
        Assert.DoesNotContain(ownSheet, row => row.Cells[0] == "考生" + userA.UserName[^6..]);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/api/learning/marking?exam={exam}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/learning/exams/{exam}/results")).StatusCode);

        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("learning-unit", "370403"));
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/learning/results?exam={exam}"));
        Assert.Contains("应考 3 人，参考 2 人（参考率 66.7%）", html);
        Assert.Contains("考生" + userD.UserName[^6..], html);
        Assert.DoesNotContain("考生" + userA.UserName[^6..], html);
    }
}
