using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Data;
using Fazhi.Assessment.Survey;
using Fazhi.Assessment.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Survey;

[Collection(HostCollection.Name)]
public sealed class SurveyTests(FazhiFactory factory)
{
    [Fact]
    public async Task The_public_answers_without_an_account_once_per_phone_number_and_the_number_is_not_kept()
    {
        var office = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        var s = await SurveyKit.OpenSurveyAsync(office, $"满意度调查-{Guid.NewGuid():N}"[..20]);
        var anonymous = factory.CreateClient();

        var form = await anonymous.GetFromJsonAsync<JsonElement>($"/api/assessment/public/surveys/{s.Token}");
        Assert.Equal(6, form.GetProperty("districts").GetArrayLength());
        Assert.Equal(["370402", "370403", "370404", "370405", "370406", "370481"], form.GetProperty("districts").EnumerateArray().Select(d => d.GetProperty("code").GetString()));

        await ExpectAsync(await SurveyKit.AnswerAsync(factory, anonymous, s, "370402", "13800000001", 5), HttpStatusCode.NoContent);
        // The same number again, written differently: refused, saying why.
        var again = await SurveyKit.AnswerAsync(factory, anonymous, s, "370403", "+86 138-0000-0001", 1);
        await ExpectAsync(again, HttpStatusCode.BadRequest);
        Assert.Contains("只能提交一次", await DetailAsync(again));
        // Invalid answers name the field.
        var bad = await anonymous.PostAsJsonAsync($"/api/assessment/public/surveys/{s.Token}", new
        {
            districtCode = "999999", phone = "12345", answers = new Dictionary<Guid, string> { [s.Perception] = "7" },
        });
        await ExpectAsync(bad, HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("district", out _));
        Assert.True(errors.TryGetProperty("phone", out _));
        Assert.Contains("1 至 5", errors.GetProperty("q1")[0].GetString());
        Assert.True(errors.TryGetProperty("q2", out _)); // required, unanswered
        Assert.False(errors.TryGetProperty("q4", out _)); // optional text

        await ExpectAsync(await SurveyKit.AnswerAsync(factory, anonymous, s, "370402", "13800000002", 4), HttpStatusCode.NoContent);
        await ExpectAsync(await SurveyKit.AnswerAsync(factory, anonymous, s, "370403", "13800000003", 2), HttpStatusCode.NoContent);

        var stored = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AssessmentDb>();
            return await db.Set<SurveyResponse>().Where(r => r.SurveyId == s.Id).Select(r => r.RespondentHash).ToListAsync();
        });
        Assert.Equal(3, stored.Count);
        Assert.All(stored, h => Assert.Matches("^[0-9a-f]{64}$", h));
        Assert.DoesNotContain(stored, h => h.Contains("13800000001", StringComparison.Ordinal));

        // Aggregated per district and dimension: 市中区 法治感受 (5 + 4) / 2 = 4.5 -> 87.5; 薛城区 2 -> 25.
        var leader = await factory.ApiClientAsync(await factory.CreateUserAsync(Leader));
        var results = await leader.GetFromJsonAsync<JsonElement>($"/api/assessment/surveys/{s.Id}/results");
        Assert.Equal(3, results.GetProperty("responses").GetInt32());
        decimal? Score(string code, string dimension) => results.GetProperty("byDistrict").EnumerateArray().Single(d => d.GetProperty("code").GetString() == code)
            .GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == dimension).GetProperty("score") is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;
        Assert.Equal(87.5m, Score("370402", "法治感受"));
        Assert.Equal(25m, Score("370403", "法治感受"));
        Assert.Equal(50m, Score("370402", "法治政府"));
        Assert.Null(Score("370481", "法治感受"));
        Assert.Contains(results.GetProperty("choices").EnumerateArray(), c => c.GetProperty("option").GetString() == "参加过" && c.GetProperty("count").GetInt32() == 3);

        // Closing destroys the salt: no more answers, and the survey cannot be reopened.
        await ExpectAsync(await office.PostAsync($"/api/assessment/surveys/{s.Id}/close", null), HttpStatusCode.NoContent);
        var closed = await SurveyKit.AnswerAsync(factory, anonymous, s, "370404", "13800000004", 3);
        await ExpectAsync(closed, HttpStatusCode.BadRequest);
        Assert.Contains("未开放或已结束", await DetailAsync(closed));
        await ExpectAsync(await office.PostAsync($"/api/assessment/surveys/{s.Id}/open", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_public_survey_page_works_without_an_account()
    {
        var office = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        var s = await SurveyKit.OpenSurveyAsync(office, $"网页调查-{Guid.NewGuid():N}"[..20]);
        var browser = factory.BrowserClient();
        var page = await browser.GetStringAsync($"/survey/{s.Token}");
        Assert.Contains("width=device-width", page);
        Assert.Contains("滕州市", page);
        Assert.Contains("name=\"q1\"", page);

        var fields = new Dictionary<string, string> { ["Input.DistrictCode"] = "370481", ["Input.Phone"] = "13900000009", ["q1"] = "4", ["q2"] = "5", ["q3"] = "没有参加", ["q4"] = "希望多开展普法活动。" };
        // Asking for the code on the page keeps what was answered so far.
        var asked = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, $"/survey/{s.Token}", "answer-survey",
            new Dictionary<string, string>(fields) { ["Input.Command"] = "send-code" })).Content.ReadAsStringAsync());
        Assert.Contains(SurveyService.CodeSentMessage, asked);
        Assert.Matches("value=\"没有参加\"[^>]*checked", asked);
        Assert.Contains("希望多开展普法活动。", asked);
        // Without the code nothing is stored.
        var noCode = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, $"/survey/{s.Token}", "answer-survey", fields)).Content.ReadAsStringAsync());
        Assert.Contains("6 位数字验证码", noCode);
        fields["Input.Code"] = await SurveyKit.CodeAsync(factory, s.Token, "13900000009");
        fields["Input.Command"] = "submit";
        var response = await Forms.SubmitAsync(browser, $"/survey/{s.Token}", "answer-survey", fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, html);
        Assert.Contains("提交成功", html);

        var again = await Forms.SubmitAsync(browser, $"/survey/{s.Token}", "answer-survey", fields);
        Assert.Contains("只能提交一次", await again.Content.ReadAsStringAsync());

        var results = await office.GetFromJsonAsync<JsonElement>($"/api/assessment/surveys/{s.Id}/results");
        Assert.Equal(1, results.GetProperty("responses").GetInt32());
        var tengzhou = results.GetProperty("byDistrict").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "370481");
        Assert.Equal(75m, tengzhou.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "法治感受").GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Only_the_office_defines_surveys_leaders_read_and_the_public_reaches_nothing_else()
    {
        var body = new { title = "越权调查", year = 2026, questions = new[] { new { kind = "Rating", text = "满意度" } } };
        var leader = await factory.ApiClientAsync(await factory.CreateUserAsync(Leader));
        var unit = await factory.ApiClientAsync(await factory.CreateUserAsync(Unit, "370402"));
        await ExpectAsync(await leader.PostAsJsonAsync("/api/assessment/surveys", body), HttpStatusCode.Forbidden);
        await ExpectAsync(await unit.PostAsJsonAsync("/api/assessment/surveys", body), HttpStatusCode.Forbidden);
        await ExpectAsync(await unit.GetAsync("/api/assessment/surveys"), HttpStatusCode.Forbidden);
        await ExpectAsync(await leader.GetAsync("/api/assessment/surveys"), HttpStatusCode.OK);
        await ExpectAsync(await leader.PostAsJsonAsync("/api/assessment/indexes", new { year = 2090 }), HttpStatusCode.Forbidden);
        var anonymous = factory.CreateClient();
        await ExpectAsync(await anonymous.GetAsync("/api/assessment/surveys"), HttpStatusCode.Unauthorized);
        await ExpectAsync(await anonymous.GetAsync("/api/assessment/indexes"), HttpStatusCode.Unauthorized);
        await ExpectAsync(await anonymous.GetAsync("/api/assessment/public/surveys/nope"), HttpStatusCode.NotFound);
    }
}
