using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Survey;
using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Survey;

/// <summary>A survey with two rating questions (法治感受, 法治政府), a single choice and an optional text, opened for answers.</summary>
internal static class SurveyKit
{
    public sealed record Created(Guid Id, string Token, Guid Perception, Guid Government, Guid Choice, Guid Text);

    public static async Task<Created> OpenSurveyAsync(HttpClient office, string title)
    {
        var response = await office.PostAsJsonAsync("/api/assessment/surveys", new
        {
            title, year = 2026, intro = "请您根据切身感受作答。",
            questions = new object[]
            {
                new { kind = "Rating", text = "您对本地法治建设的总体满意度", dimension = "法治感受" },
                new { kind = "Rating", text = "您对执法人员规范文明执法的满意度", dimension = "法治政府" },
                new { kind = "SingleChoice", text = "近一年是否参加过法治宣传活动", options = new[] { "参加过", "没有参加" } },
                new { kind = "Text", text = "意见建议", required = false },
            },
        });
        await ExpectAsync(response, HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        var token = body.GetProperty("publicLink").GetString()!.Split('/')[^1];
        var q = body.GetProperty("questions").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ToList();
        await ExpectAsync(await office.PostAsync($"/api/assessment/surveys/{id}/open", null), HttpStatusCode.NoContent);
        return new(id, token, q[0], q[1], q[2], q[3]);
    }

    /// <summary>Answers through the public API with a code sent to the number (as a respondent's phone would receive it).</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(FazhiFactory factory, HttpClient anonymous, Created s, string district, string phone, int perception, int government = 3)
    {
        string code;
        try
        {
            code = await CodeAsync(factory, s.Token, phone);
        }
        catch (RefusalException)
        {
            code = "000000"; // no code for a closed survey: the answer is refused for that reason first
        }
        return await anonymous.PostAsJsonAsync($"/api/assessment/public/surveys/{s.Token}", new
        {
            districtCode = district, phone, code,
            answers = new Dictionary<Guid, string> { [s.Perception] = $"{perception}", [s.Government] = $"{government}", [s.Choice] = "参加过" },
        });
    }

    /// <summary>
    /// Asks for an answer code the way the public page does (the survey service, as the host builds it) and reads it from
    /// the text message, sent here to a recording gateway instead of the shipped logging one.
    /// </summary>
    public static Task<string> CodeAsync(FazhiFactory factory, string token, string phone, string? client = null) =>
        TextMessageCodes.ReadAsync(factory, "assessment.survey-code", (sp, sms) =>
            ActivatorUtilities.CreateInstance<SurveyService>(sp, sms).SendCodeAsync(token, phone, client, CancellationToken.None));
}
