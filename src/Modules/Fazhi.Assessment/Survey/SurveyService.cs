using System.Security.Cryptography;
using Fazhi.Assessment.Campaigns;
using Fazhi.Assessment.Data;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Notifications;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Security.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Assessment.Survey;

internal sealed record QuestionInput(QuestionKind Kind, string? Text, IReadOnlyList<string>? Options, string? Dimension, bool Required = true);

internal sealed record SurveyInput(string? Title, string? Intro, int Year, IReadOnlyList<QuestionInput>? Questions);

/// <summary>A public answer: the district, the mobile (only hashed), the SMS code that proves it, and the answers by question id.</summary>
internal sealed record PublicAnswers(string? DistrictCode, string? Phone, IReadOnlyDictionary<Guid, string?> Answers, string? Code = null);


internal sealed record District(Guid Id, string Code, string Name);

internal sealed record PublicSurveyForm(PublicSurvey Survey, IReadOnlyList<SurveyQuestion> Questions, IReadOnlyList<District> Districts);

/// <summary>Per district and dimension: responses, the mean rating (1..5) and the score 0..100 = (mean - 1) / 4 x 100.</summary>
internal sealed record DimensionResult(string Dimension, int Ratings, decimal? MeanRating, decimal? Score);

internal sealed record DistrictResult(string Code, string Name, int Responses, IReadOnlyList<DimensionResult> Dimensions);

internal sealed record ChoiceCount(Guid QuestionId, string Question, string Option, int Count);

internal sealed record SurveyResults(int Responses, IReadOnlyList<DistrictResult> ByDistrict, DistrictResult City, IReadOnlyList<ChoiceCount> Choices);

/// <summary>
/// Public satisfaction surveys: defined by the office, answered by the public without an account, one response per mobile
/// number proved by an SMS code (ADR 0055), so that the rule-of-law index it feeds cannot be stuffed.
/// </summary>
internal sealed class SurveyService(AssessmentDb db, IOrgDirectory orgs, ISystemWork systemWork, TimeProvider clock, IPhoneVerification phones, ITextMessageGateway sms)
{
    /// <summary>How long an answer code works.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Codes one mobile may ask for per hour (per survey use).</summary>
    public const int CodesPerNumberPerHour = 3;

    /// <summary>Codes one client (address) may ask for per hour, whatever the numbers: one household, a few respondents.</summary>
    public const int CodesPerClientPerHour = 10;

    /// <summary>Wrong codes one code tolerates.</summary>
    public const int CodeAttempts = 5;

    /// <summary>The kit's SMS codes with the survey's rules; the scope is the survey.</summary>
    public static readonly PhoneCodeRules CodeRules = new("assessment.survey", CodeLifetime, CodesPerNumberPerHour, CodesPerClientPerHour, CodeAttempts);

    public const string CodeSentMessage = "验证码已发送至该手机，10 分钟内有效。";

    public Task<List<PublicSurvey>> ListAsync(CancellationToken ct) => db.Set<PublicSurvey>().AsNoTracking().OrderByDescending(s => s.Id).ToListAsync(ct);

    public Task<PublicSurvey?> FindAsync(Guid id, CancellationToken ct) => db.Set<PublicSurvey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);

    public async Task<List<SurveyQuestion>> QuestionsAsync(Guid surveyId, CancellationToken ct) =>
        (await db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == surveyId).ToListAsync(ct)).OrderBy(q => q.Seq).ToList();

    /// <summary>The districts (区（市）) a respondent chooses from: county-level governments with a 6-digit administrative division code.</summary>
    public async Task<List<District>> DistrictsAsync(CancellationToken ct) =>
        (await orgs.ActiveUnitsAsync(ct)).Where(u => u.Level == OrgLevel.County && u.Kind == OrgKind.Government && u.Code.Length == 6 && u.Code.All(char.IsAsciiDigit))
            .OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new District(u.Id, u.Code, u.Name)).ToList();

    /// <summary>The most questions a survey may have (a public questionnaire answered on a phone).</summary>
    public const int MaxQuestions = 50;

    private static Dictionary<string, string[]> Validate(SurveyInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors["title"] = ["请填写调查名称。"];
        }
        else if (input.Title.Trim().Length > 256)
        {
            errors["title"] = ["调查名称不超过 256 字。"];
        }
        if (input.Intro?.Trim().Length > 2000)
        {
            errors["intro"] = ["说明不超过 2000 字。"];
        }
        if (input.Year is < 2000 or > 2100)
        {
            errors["year"] = ["请填写调查年度（如 2026）。"];
        }
        var questions = input.Questions ?? [];
        if (questions.Count == 0)
        {
            errors["questions"] = ["调查至少需要一个问题。"];
        }
        if (questions.Count > MaxQuestions)
        {
            errors["questions"] = [$"调查最多 {MaxQuestions} 题。"];
        }
        for (var k = 0; k < questions.Count; k++)
        {
            // Each refusal names the question by its number on the form (第3题) and the field (ADR 0055).
            var q = questions[k];
            var n = $"第{k + 1}题：";
            if (q is null)
            {
                errors[$"questions[{k}]"] = [n + "请填写题型和问题内容。"];
                continue;
            }
            if (!Enum.IsDefined(q.Kind))
            {
                errors[$"questions[{k}].kind"] = [n + "题型须为评分、单选或文字。"];
            }
            if (string.IsNullOrWhiteSpace(q.Text))
            {
                errors[$"questions[{k}].text"] = [n + "请填写问题内容。"];
            }
            else if (q.Text.Trim().Length > 500)
            {
                errors[$"questions[{k}].text"] = [n + "问题内容不超过 500 字。"];
            }
            var options = (q.Options ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).ToList();
            if (q.Kind == QuestionKind.SingleChoice)
            {
                if (options.Count < 2)
                {
                    errors[$"questions[{k}].options"] = [n + "单选题至少需要两个选项。"];
                }
                else if (options.Distinct().Count() != options.Count)
                {
                    errors[$"questions[{k}].options"] = [n + "选项不能重复。"];
                }
                else if (options.Any(o => o.Length > 200) || string.Join('\n', options).Length > 2000)
                {
                    errors[$"questions[{k}].options"] = [n + "每个选项不超过 200 字，全部选项合计不超过 2000 字。"];
                }
            }
            if (q.Dimension is { Length: > 0 } d && !IndexDimensions.All.Contains(d))
            {
                errors[$"questions[{k}].dimension"] = [n + $"维度须为：{string.Join("、", IndexDimensions.All)}。"];
            }
        }
        return errors;
    }

    private void AddQuestions(Guid surveyId, IReadOnlyList<QuestionInput> questions)
    {
        var seq = 0;
        foreach (var q in questions)
        {
            db.Set<SurveyQuestion>().Add(new SurveyQuestion
            {
                SurveyId = surveyId, Seq = ++seq, Kind = q.Kind, Text = q.Text!.Trim(), Required = q.Required,
                // Only a single-choice question has options; others typed by an API client are not kept.
                Options = q.Kind == QuestionKind.SingleChoice ? string.Join('\n', (q.Options ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim())) : "",
                Dimension = string.IsNullOrWhiteSpace(q.Dimension) ? IndexDimensions.Perception : q.Dimension,
            });
        }
    }

    public async Task<(PublicSurvey? Survey, Dictionary<string, string[]> Errors)> CreateAsync(SurveyInput input, CancellationToken ct)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var survey = new PublicSurvey
        {
            Title = input.Title!.Trim(), Intro = input.Intro?.Trim() ?? "", Year = input.Year, IsOpen = false,
            Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), Salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<PublicSurvey>().Add(survey);
        AddQuestions(survey.Id, input.Questions!);
        await db.SaveChangesAsync(ct);
        return (survey, errors);
    }

    /// <summary>
    /// Changes a survey's title, introduction, year and questions. Only before the first answer and while the link is
    /// closed: answers already given must stay answers to the questions people saw.
    /// </summary>
    public async Task UpdateAsync(Guid id, SurveyInput input, long? version, CancellationToken ct)
    {
        var survey = await db.Set<PublicSurvey>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw Missing.Of("调查");
        if (survey.IsOpen || survey.Salt.Length == 0)
        {
            throw Refuse.Conflict(survey.IsOpen ? "调查正在进行，问题不能修改；如需调整请新建调查。" : "调查已结束，问题不能修改；如需调整请新建调查。");
        }
        if (await db.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == id, ct))
        {
            throw Refuse.Conflict("调查已有答卷，问题不能再修改，以免答卷与问题不符；如需调整请新建调查。");
        }
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "调查未保存：" + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        if (version is { } expected)
        {
            db.Entry(survey).Property(x => x.Version).OriginalValue = expected;
        }
        survey.Title = input.Title!.Trim();
        survey.Intro = input.Intro?.Trim() ?? "";
        survey.Year = input.Year;
        db.Entry(survey).State = EntityState.Modified;
        db.Set<SurveyQuestion>().RemoveRange(await db.Set<SurveyQuestion>().Where(q => q.SurveyId == id).ToListAsync(ct));
        AddQuestions(id, input.Questions!);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Opens or closes the public link. Closing destroys the salt: the stored respondent hashes can no longer be linked to a phone number.</summary>
    public async Task SetOpenAsync(Guid id, bool open, CancellationToken ct)
    {
        var survey = await db.Set<PublicSurvey>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw Missing.Of("调查");
        if (open && survey.Salt.Length == 0)
        {
            throw Refuse.Conflict("调查已结束，去重用的密钥已销毁，不能重新开放；如需继续调查请新建一次调查。");
        }
        survey.IsOpen = open;
        if (!open)
        {
            survey.Salt = "";
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The surveys open for answers now, newest first (the citizens' portal lists them; they are public by their link anyway).</summary>
    public async Task<List<(string Title, string Token)>> OpenSurveysAsync(CancellationToken ct) =>
        (await db.Set<PublicSurvey>().AsNoTracking().Where(s => s.IsOpen).OrderByDescending(s => s.CreatedAtUtc).Take(10)
            .Select(s => new { s.Title, s.Token }).ToListAsync(ct)).Select(s => (s.Title, s.Token)).ToList();

    public async Task<PublicSurveyForm?> PublicFormAsync(string token, CancellationToken ct)
    {
        var survey = await db.Set<PublicSurvey>().AsNoTracking().FirstOrDefaultAsync(s => s.Token == token, ct);
        if (survey is null)
        {
            return null;
        }
        return new PublicSurveyForm(survey, await QuestionsAsync(survey.Id, ct), await DistrictsAsync(ct));
    }

    /// <summary>
    /// Hash that identifies a respondent within one survey: SM3 over the survey's secret salt and the normalised mobile
    /// number. The number itself is never stored.
    /// </summary>
    public static string RespondentHash(string salt, string phone) => Sm3.HashHex($"{salt}|{phone}");

    /// <summary>
    /// Sends an answer code to a mainland mobile for an open survey. The code proves the number when the answers are
    /// submitted; the number itself is only kept encrypted by the kit for the throttle (per number and per client).
    /// </summary>
    public async Task SendCodeAsync(string token, string? phoneInput, string? client, CancellationToken ct)
    {
        var survey = await db.Set<PublicSurvey>().AsNoTracking().FirstOrDefaultAsync(s => s.Token == token, ct);
        if (survey is null || !survey.IsOpen || survey.Salt.Length == 0)
        {
            throw Refuse.Field("survey", "本次调查未开放或已结束。");
        }
        var phone = MainlandMobile.Normalise(phoneInput) ?? throw Refuse.Field("phone", MobileMessage);
        var code = await phones.RequestAsync(CodeRules, survey.Id.ToString(), phone, client, issue: true, ct);
        await sms.SendAsync(new TextMessage("assessment.survey-code", phone,
            $"【法治枣庄】您正在参加“{survey.Title}”，验证码 {code}，{CodeLifetime.TotalMinutes:0} 分钟内有效。如非本人操作，请忽略本短信。", survey.Id.ToString()), ct);
    }

    private const string MobileMessage = "请填写 11 位手机号码（1 开头，第二位为 3 至 9；用于接收验证码、防止重复提交，不会保存号码）。";

    /// <summary>A public response without an account: validated, de-duplicated by the phone hash, stored as system work.</summary>
    /// <summary>Saves one verified answer; refused (the kit's refusal, every field named) when anything is wrong, with nothing saved.</summary>
    public async Task SubmitAsync(string token, PublicAnswers input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var form = await PublicFormAsync(token, ct);
        if (form is null || !form.Survey.IsOpen || form.Survey.Salt.Length == 0)
        {
            throw Refused("survey", "本次调查未开放或已结束。");
        }
        var district = form.Districts.FirstOrDefault(d => d.Code == input.DistrictCode);
        if (district is null)
        {
            errors["district"] = ["请选择您居住的区（市）。"];
        }
        var phone = MainlandMobile.Normalise(input.Phone);
        if (phone is null)
        {
            errors["phone"] = [MobileMessage];
        }
        var code = input.Code?.Trim() ?? "";
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            errors["code"] = ["请填写短信中的 6 位数字验证码（先点“获取验证码”）。"];
        }
        var answers = new List<SurveyAnswer>();
        foreach (var q in form.Questions)
        {
            var raw = input.Answers.GetValueOrDefault(q.Id)?.Trim() ?? "";
            var field = $"q{q.Seq}";
            if (raw.Length == 0)
            {
                if (q.Required)
                {
                    errors[field] = [$"请回答第 {q.Seq} 题。"];
                }
                continue;
            }
            switch (q.Kind)
            {
                case QuestionKind.Rating when int.TryParse(raw, out var r) && r is >= 1 and <= 5:
                    answers.Add(new SurveyAnswer { SurveyId = form.Survey.Id, QuestionId = q.Id, Rating = r });
                    break;
                case QuestionKind.Rating:
                    errors[field] = [$"第 {q.Seq} 题请选择 1 至 5 分。"];
                    break;
                case QuestionKind.SingleChoice when q.OptionList.Contains(raw):
                    answers.Add(new SurveyAnswer { SurveyId = form.Survey.Id, QuestionId = q.Id, Choice = raw });
                    break;
                case QuestionKind.SingleChoice:
                    errors[field] = [$"第 {q.Seq} 题请从选项中选择。"];
                    break;
                default:
                    answers.Add(new SurveyAnswer { SurveyId = form.Survey.Id, QuestionId = q.Id, Text = raw.Length > 2000 ? raw[..2000] : raw });
                    break;
            }
        }
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, NotSubmitted + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        var hash = RespondentHash(form.Survey.Salt, phone!);
        // The public has no account and so no data scope: the write is named system work (ADR 0022), audited as "system:公开问卷".
        await using var systemDb = systemWork.Db<AssessmentDb>("公开问卷");
        if (await systemDb.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == form.Survey.Id && r.RespondentHash == hash, ct))
        {
            throw Refused("phone", AnsweredMessage);
        }
        // The code proves the respondent holds the number (used up here: one code, one answer); a wrong code is the kit's refusal.
        await phones.VerifyAsync(CodeRules, form.Survey.Id.ToString(), phone!, code, ct);
        var response = new SurveyResponse
        {
            SurveyId = form.Survey.Id, DistrictId = district!.Id, DistrictCode = district.Code, RespondentHash = hash, SubmittedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        systemDb.Set<SurveyResponse>().Add(response);
        foreach (var a in answers)
        {
            a.ResponseId = response.Id;
            systemDb.Set<SurveyAnswer>().Add(a);
        }
        // Two submissions with the same number at once: the unique index keeps one, the other is refused.
        await systemDb.SaveChangesAsync(ct).RefusingDuplicateAsync(() => Refused("phone", AnsweredMessage));
    }

    private const string NotSubmitted = "问卷未提交：";

    private const string AnsweredMessage = "该手机号已参加过本次调查，每人只能提交一次。";

    private static RefusalException Refused(string field, string message) =>
        Refuse.Fields(new Dictionary<string, string[]> { [field] = [message] }, NotSubmitted + message);


    public static decimal? ScoreOf(decimal? meanRating) => meanRating is { } m ? Math.Round((m - 1m) / 4m * 100m, 2) : null;

    /// <summary>Responses aggregated per district and dimension (ratings only), plus the city as a whole and the single-choice counts.</summary>
    public async Task<SurveyResults> ResultsAsync(Guid surveyId, CancellationToken ct)
    {
        var questions = (await QuestionsAsync(surveyId, ct)).ToDictionary(q => q.Id);
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == surveyId)
            .Select(r => new { r.Id, r.DistrictCode }).ToListAsync(ct);
        var answers = await db.Set<SurveyAnswer>().AsNoTracking().Where(a => a.SurveyId == surveyId)
            .Select(a => new { a.ResponseId, a.QuestionId, a.Rating, a.Choice }).ToListAsync(ct);
        var districtOf = responses.ToDictionary(r => r.Id, r => r.DistrictCode);
        var ratings = answers.Where(a => a.Rating is not null && questions.ContainsKey(a.QuestionId))
            .Select(a => (District: districtOf.GetValueOrDefault(a.ResponseId, ""), questions[a.QuestionId].Dimension, Rating: a.Rating!.Value)).ToList();
        var dimensions = questions.Values.Where(q => q.Kind == QuestionKind.Rating).Select(q => q.Dimension).Distinct()
            .OrderBy(d => IndexOf(d)).ToList();
        DistrictResult Result(string code, string name, int count, Func<string, bool> inDistrict) => new(code, name, count, dimensions.Select(d =>
        {
            var list = ratings.Where(r => r.Dimension == d && inDistrict(r.District)).Select(r => r.Rating).ToList();
            decimal? mean = list.Count == 0 ? null : Math.Round((decimal)list.Sum() / list.Count, 4);
            return new DimensionResult(d, list.Count, mean, ScoreOf(mean));
        }).ToList());
        var byDistrict = (await DistrictsAsync(ct)).Select(d => Result(d.Code, d.Name, responses.Count(r => r.DistrictCode == d.Code), c => c == d.Code)).ToList();
        var city = Result("", "全市", responses.Count, _ => true);
        var choices = questions.Values.Where(q => q.Kind == QuestionKind.SingleChoice).OrderBy(q => q.Seq)
            .SelectMany(q => q.OptionList.Select(o => new ChoiceCount(q.Id, q.Text, o, answers.Count(a => a.QuestionId == q.Id && a.Choice == o)))).ToList();
        return new SurveyResults(responses.Count, byDistrict, city, choices);
    }

    private static int IndexOf(string dimension)
    {
        var k = IndexDimensions.All.ToList().IndexOf(dimension);
        return k < 0 ? int.MaxValue : k;
    }
}
