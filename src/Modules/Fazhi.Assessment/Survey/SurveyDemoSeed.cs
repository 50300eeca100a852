using Fazhi.Assessment.Data;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Survey;

/// <summary>
/// Demo data (演示, <c>--demo</c> only): an open satisfaction survey built with the builder's example questions and
/// answered by eighteen demo respondents in six districts, each through the verified-mobile path (a kit code per number,
/// ADR 0055), so the results page, the chart and the index's survey source have data, and a demo visitor can answer it
/// on a phone with the code from the SMS outbox. Idempotent (keyed by title).
/// </summary>
internal sealed class SurveyDemoSeed(AssessmentDb db, SurveyService surveys, IPhoneVerification phones, TimeProvider clock) : IDemoSeed
{
    public const string Title = "法治建设满意度调查（演示）";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<PublicSurvey>().AnyAsync(s => s.Title == Title, ct))
        {
            return;
        }
        var (questions, _) = QuestionRows.ToInputs(QuestionRows.Example());
        var (survey, errors) = await surveys.CreateAsync(new SurveyInput(Title, "（演示）请根据您的切身感受作答，约需 1 分钟。", clock.ChinaToday().Year, questions), ct);
        if (survey is null)
        {
            throw new InvalidOperationException("Demo survey refused: " + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        await surveys.SetOpenAsync(survey.Id, true, ct);
        var form = (await surveys.PublicFormAsync(survey.Token, ct))!;
        var districts = form.Districts.Take(6).ToList();
        var q = form.Questions.OrderBy(x => x.Seq).ToList();
        for (var n = 0; n < 18; n++)
        {
            // Demo numbers (139 0000 01xx), never real subscribers; each proves itself with a kit code like any respondent.
            var phone = $"139000001{n:D2}";
            var code = await phones.RequestAsync(SurveyService.CodeRules, survey.Id.ToString(), phone, null, issue: true, ct);
            var answers = new Dictionary<Guid, string?>
            {
                [q[0].Id] = $"{3 + (n % 3)}",
                [q[1].Id] = $"{2 + (n * 7 % 4)}",
                [q[2].Id] = q[2].OptionList[n % 3 == 0 ? 1 : 0],
                [q[3].Id] = n % 4 == 0 ? "（演示）希望多开展社区普法活动。" : null,
            };
            await surveys.SubmitAsync(survey.Token, new PublicAnswers(districts[n % districts.Count].Code, phone, answers, code), ct);
        }
    }
}
