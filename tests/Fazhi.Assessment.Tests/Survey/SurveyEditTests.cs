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

        // On the page: the current questions are offered as rows of the builder; an unknown type is named and nothing changes.
        var browser = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Office));
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/assessment/surveys/{id}"));
        Assert.Contains("name=\"Edit.Questions[0].Text\" value=\"总体满意度\"", page);
        var fields = new Dictionary<string, string>
        {
            ["Edit.Title"] = "改后的调查", ["Edit.Year"] = "2026", ["Edit.Command"] = "save",
            ["Edit.Questions[0].Kind"] = "Rating", ["Edit.Questions[0].Text"] = "总体满意度", ["Edit.Questions[0].Dimension"] = "法治感受",
            ["Edit.Questions[1].Kind"] = "Multiple", ["Edit.Questions[1].Text"] = "不支持的题型", ["Edit.Questions[1].Dimension"] = "法治感受",
        };
        var bad = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, $"/assessment/surveys/{id}", "edit-survey", fields)).Content.ReadAsStringAsync());
        Assert.Contains("第2题：请选择题型", bad);
        Assert.Contains("value=\"不支持的题型\"", bad);
        fields["Edit.Questions[1].Kind"] = "SingleChoice";
        fields["Edit.Questions[1].Text"] = "是否参加过普法活动";
        fields["Edit.Questions[1].Options"] = "参加过\n没有参加";
        fields["Edit.Questions[2].Kind"] = "Text";
        fields["Edit.Questions[2].Text"] = "意见建议";
        fields["Edit.Questions[2].Dimension"] = "法治感受";
        fields["Edit.Questions[2].Optional"] = "true";
        var saved = await Forms.SubmitAsync(browser, $"/assessment/surveys/{id}", "edit-survey", fields);
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
        await ExpectAsync(await SurveyKit.AnswerAsync(factory, factory.CreateClient(), open, "370402", "13700000111", 5), HttpStatusCode.NoContent);
        var refused = await office.PutAsJsonAsync($"/api/assessment/surveys/{open.Id}", new { title = "改", year = 2026, questions = new object[] { new { kind = "Text", text = "意见" } } });
        await ExpectAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains("不能修改", await DetailAsync(refused));
    }

    [Fact]
    public async Task The_api_takes_structured_questions_and_refuses_naming_the_question_and_field()
    {
        var office = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        // A type the model does not have is refused naming the question's field.
        var unknown = await office.PostAsJsonAsync("/api/assessment/surveys", new
        {
            title = "结构化调查", year = 2026, questions = new object[] { new { kind = "Rating", text = "总体满意度" }, new { kind = 7, text = "未知题型" } },
        });
        await ExpectAsync(unknown, HttpStatusCode.BadRequest);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("questions[1].kind", out _));

        var refused = await office.PostAsJsonAsync("/api/assessment/surveys", new
        {
            title = "结构化调查", year = 2026, questions = new object[]
            {
                new { kind = "Rating", text = "总体满意度", dimension = "法治感受" },
                new { kind = "Text", text = "意见" },
                new { kind = "SingleChoice", text = "只有一个选项", options = new[] { "是" } },
                new { kind = "SingleChoice", text = "重复选项", options = new[] { "是", "是" } },
                new { kind = "Rating", text = "", dimension = "不存在的维度" },
            },
        });
        await ExpectAsync(refused, HttpStatusCode.BadRequest);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.False(errors.TryGetProperty("questions[1].text", out _));
        Assert.Equal("第3题：单选题至少需要两个选项。", errors.GetProperty("questions[2].options")[0].GetString());
        Assert.Equal("第4题：选项不能重复。", errors.GetProperty("questions[3].options")[0].GetString());
        Assert.Equal("第5题：请填写问题内容。", errors.GetProperty("questions[4].text")[0].GetString());
        Assert.StartsWith("第5题：维度须为", errors.GetProperty("questions[4].dimension")[0].GetString());

        // Options typed for a question that is not single choice are not kept.
        var created = await office.PostAsJsonAsync("/api/assessment/surveys", new
        {
            title = "结构化调查", year = 2026, questions = new object[]
            {
                new { kind = "Rating", text = "总体满意度", dimension = "法治政府", options = new[] { "多余" } },
                new { kind = "SingleChoice", text = "是否参加过", options = new[] { " 参加过 ", "", "没有参加" } },
            },
        });
        await ExpectAsync(created, HttpStatusCode.Created);
        var questions = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(0, questions[0].GetProperty("options").GetArrayLength());
        Assert.Equal("法治政府", questions[0].GetProperty("dimension").GetString());
        Assert.Equal(["参加过", "没有参加"], questions[1].GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToArray());
    }
}
