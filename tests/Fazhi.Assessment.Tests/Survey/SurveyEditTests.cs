using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Tests.Infrastructure;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Survey;

/// <summary>A survey's questions can be corrected before it opens and while it has no answers, never after.</summary>
[Collection(HostCollection.Name)]
public sealed class SurveyEditTests(FazhiFactory factory)
{
    [Fact]
    public async Task The_office_edits_an_unopened_survey_on_the_page_and_an_answered_one_is_refused()
    {
        var office = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        var created = await office.PostAsJsonAsync("/api/assessment/surveys", new
        {
            title = $"待修改调查-{Guid.NewGuid():N}"[..14], year = 2026, questions = new object[] { new { kind = "Rating", text = "总体满意度", dimension = "法治感受" } },
        });
        await ExpectAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // On the page: the current questions are offered in the one-a-line form; a malformed line is named and nothing changes.
        var browser = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Office));
        var page = await browser.GetStringAsync($"/assessment/surveys/{id}");
        Assert.Contains("评分|总体满意度@法治感受", page);
        var bad = await Forms.SubmitAsync(browser, $"/assessment/surveys/{id}", "edit-survey", new Dictionary<string, string>
        {
            ["Edit.Title"] = "改后的调查", ["Edit.Year"] = "2026", ["Edit.Questions"] = "评分|总体满意度@法治感受\n多选|不支持的题型",
        });
        Assert.Contains("第 2 行", await bad.Content.ReadAsStringAsync());
        var saved = await Forms.SubmitAsync(browser, $"/assessment/surveys/{id}", "edit-survey", new Dictionary<string, string>
        {
            ["Edit.Title"] = "改后的调查", ["Edit.Year"] = "2026", ["Edit.Questions"] = "评分|总体满意度@法治感受\n单选|是否参加过普法活动|参加过/没有参加\n文字|意见建议?",
        });
        Assert.Contains("调查已保存。", await saved.Content.ReadAsStringAsync());
        var survey = await office.GetFromJsonAsync<JsonElement>($"/api/assessment/surveys/{id}");
        Assert.Equal("改后的调查", survey.GetProperty("title").GetString());
        var questions = survey.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(3, questions.Count);
        Assert.Equal(["参加过", "没有参加"], questions[1].GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToArray());
        Assert.False(questions[2].GetProperty("required").GetBoolean());

        // A stale version is refused.
        var stale = await office.PutAsJsonAsync($"/api/assessment/surveys/{id}", new
        {
            title = "再改", year = 2026, version = survey.GetProperty("version").GetInt64() - 1, questions = new object[] { new { kind = "Text", text = "意见" } },
        });
        await ExpectAsync(stale, HttpStatusCode.Conflict);

        // Once open and answered, the questions are fixed.
        var open = await SurveyKit.OpenSurveyAsync(office, $"已答调查-{Guid.NewGuid():N}"[..14]);
        await ExpectAsync(await SurveyKit.AnswerAsync(factory.CreateClient(), open, "370402", "13700000111", 5), HttpStatusCode.NoContent);
        var refused = await office.PutAsJsonAsync($"/api/assessment/surveys/{open.Id}", new { title = "改", year = 2026, questions = new object[] { new { kind = "Text", text = "意见" } } });
        await ExpectAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains("不能修改", await DetailAsync(refused));
    }
}
