using Fazhi.Assessment.Campaigns;
using Fazhi.Assessment.Survey;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Assessment.Index;

internal sealed record IndexResponse(Guid Id, int Year, string Name, DateTime? ComputedAtUtc, long Version, IReadOnlyList<DimensionInput> Dimensions, IReadOnlyList<ComponentResponse> Components);

internal sealed record ComponentResponse(Guid Id, string Dimension, string Title, decimal Weight, ComponentSource Source, string SourceKey);

internal sealed record SurveyResponseDto(Guid Id, string Title, string Intro, int Year, bool IsOpen, string PublicLink, long Version, IReadOnlyList<QuestionDto> Questions);

internal sealed record SurveyUpdateRequest(string? Title, string? Intro, int Year, IReadOnlyList<QuestionInput>? Questions, long? Version);

internal sealed record QuestionDto(Guid Id, int Seq, QuestionKind Kind, string Text, IReadOnlyList<string> Options, string Dimension, bool Required);

internal sealed record PublicSurveyDto(string Title, string Intro, bool IsOpen, IReadOnlyList<QuestionDto> Questions, IReadOnlyList<District> Districts);

internal sealed record PublicAnswerRequest(string? DistrictCode, string? Phone, Dictionary<Guid, string?>? Answers, string? Code = null);

/// <summary>A mainland mobile to send a survey's answer code to.</summary>
internal sealed record SurveyCodeRequest(string? Phone);

/// <summary>Endpoints of the index, surveys (office and public), under /api/assessment.</summary>
internal static class IndexApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/indexes", ListIndexesAsync)
            .RequirePermission(AssessmentPermissions.Read);
        api.MapPost("/indexes", CreateIndexAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapGet("/indexes/trend", async (IndexService s, CancellationToken ct) => TypedResults.Ok(await s.TrendAsync(ct))).RequirePermission(AssessmentPermissions.Read);
        api.MapGet("/indexes/{id:guid}", GetIndexAsync).RequirePermission(AssessmentPermissions.Read);
        api.MapPost("/indexes/{id:guid}/components", AddComponentAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapPut("/indexes/{id:guid}/weights", UpdateWeightsAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapPost("/indexes/{id:guid}/compute", ComputeAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapGet("/indexes/{id:guid}/results", async (Guid id, IndexService s, CancellationToken ct) => TypedResults.Ok(await s.ResultsAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Read);

        api.MapGet("/surveys", async (SurveyService s, CancellationToken ct) => TypedResults.Ok((await s.ListAsync(ct)).Select(x => new { x.Id, x.Title, x.Year, x.IsOpen, PublicLink = PublicLink(x) })))
            .RequirePermission(AssessmentPermissions.Read);
        api.MapPost("/surveys", CreateSurveyAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapGet("/surveys/{id:guid}", GetSurveyAsync).RequirePermission(AssessmentPermissions.Read);
        api.MapPut("/surveys/{id:guid}", UpdateSurveyAsync).RequirePermission(AssessmentPermissions.Define);
        api.MapPost("/surveys/{id:guid}/open", (Guid id, SurveyService s, CancellationToken ct) => RunAsync(s.SetOpenAsync(id, true, ct))).RequirePermission(AssessmentPermissions.Define);
        api.MapPost("/surveys/{id:guid}/close", (Guid id, SurveyService s, CancellationToken ct) => RunAsync(s.SetOpenAsync(id, false, ct))).RequirePermission(AssessmentPermissions.Define);
        api.MapGet("/surveys/{id:guid}/results", async (Guid id, SurveyService s, CancellationToken ct) => TypedResults.Ok(await s.ResultsAsync(id, ct)))
            .RequirePermission(AssessmentPermissions.Read);

        // The public answers surveys without an account; nothing else of the module is reachable anonymously.
        api.MapGet("/public/surveys/{token}", PublicSurveyAsync).AllowAnonymous();
        api.MapPost("/public/surveys/{token}", PublicAnswerAsync).AllowAnonymous().RequireRateLimiting(IndexFeature.PublicRateLimit);
        api.MapPost("/public/surveys/{token}/code", SurveyCodeAsync).AllowAnonymous().RequireRateLimiting(IndexFeature.PublicRateLimit);
    }

    public static string PublicLink(PublicSurvey s) => $"/survey/{s.Token}";

    private static async Task<NoContent> RunAsync(Task action)
    {
        await action;
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<IndexResponse>>> ListIndexesAsync(IndexService s, CancellationToken ct)
    {
        var list = new List<IndexResponse>();
        foreach (var i in await s.ListAsync(ct))
        {
            list.Add(await DtoAsync(s, i, ct));
        }
        return TypedResults.Ok(list);
    }

    private static async Task<IndexResponse> DtoAsync(IndexService s, RuleOfLawIndex i, CancellationToken ct) => new(i.Id, i.Year, i.Name, i.ComputedAtUtc, i.Version,
        (await s.DimensionsAsync(i.Id, ct)).Select(d => new DimensionInput(d.Dimension, d.Weight)).ToList(),
        (await s.ComponentsAsync(i.Id, ct)).Select(c => new ComponentResponse(c.Id, c.Dimension, c.Title, c.Weight, c.Source, c.SourceKey)).ToList());

    private static async Task<Results<Created<IndexResponse>, ValidationProblem>> CreateIndexAsync(IndexInput input, IndexService s, CancellationToken ct)
    {
        var (index, errors) = await s.CreateAsync(input, ct);
        return index is null
            ? throw Refuse.Fields(errors, "法治指数未保存：" + string.Join(" ", errors.Values.SelectMany(v => v)))
            : TypedResults.Created($"/api/assessment/indexes/{index.Id}", await DtoAsync(s, index, ct));
    }

    private static async Task<Ok<IndexResponse>> GetIndexAsync(Guid id, IndexService s, CancellationToken ct) =>
        TypedResults.Ok(await DtoAsync(s, await s.FindAsync(id, ct) ?? throw Missing.Of("法治指数"), ct));

    private static async Task<Results<Created<ComponentResponse>, ValidationProblem>> AddComponentAsync(Guid id, ComponentInput input, IndexService s, CancellationToken ct)
    {
        var (c, errors) = await s.AddComponentAsync(id, input, ct);
        return c is null
            ? throw Refuse.Fields(errors, "指数构成项未保存：" + string.Join(" ", errors.Values.SelectMany(v => v)))
            : TypedResults.Created($"/api/assessment/indexes/{id}", new ComponentResponse(c.Id, c.Dimension, c.Title, c.Weight, c.Source, c.SourceKey));
    }

    private static async Task<Ok<IndexResponse>> UpdateWeightsAsync(Guid id, WeightsInput input, IndexService s, CancellationToken ct)
    {
        if (await s.UpdateWeightsAsync(id, input, ct) is { } errors)
        {
            throw errors.ContainsKey("index") ? Missing.Of("法治指数") : Refuse.Fields(errors, "权重未保存：" + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        return TypedResults.Ok(await DtoAsync(s, (await s.FindAsync(id, ct))!, ct));
    }

    private static async Task<Ok<List<AreaResult>>> ComputeAsync(Guid id, IndexService s, CancellationToken ct) =>
        TypedResults.Ok(await s.ComputeAsync(id, ct) ?? throw Missing.Of("法治指数"));

    private static QuestionDto Dto(SurveyQuestion q) => new(q.Id, q.Seq, q.Kind, q.Text, q.OptionList, q.Dimension, q.Required);

    private static async Task<Results<Created<SurveyResponseDto>, ValidationProblem>> CreateSurveyAsync(SurveyInput input, SurveyService s, CancellationToken ct)
    {
        var (survey, errors) = await s.CreateAsync(input, ct);
        if (survey is null)
        {
            throw Refuse.Fields(errors, "调查未保存：" + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        return TypedResults.Created($"/api/assessment/surveys/{survey.Id}", new SurveyResponseDto(survey.Id, survey.Title, survey.Intro, survey.Year, survey.IsOpen,
            PublicLink(survey), survey.Version, (await s.QuestionsAsync(survey.Id, ct)).Select(Dto).ToList()));
    }

    private static async Task<Ok<SurveyResponseDto>> UpdateSurveyAsync(Guid id, SurveyUpdateRequest input, SurveyService s, CancellationToken ct)
    {
        await s.UpdateAsync(id, new SurveyInput(input.Title, input.Intro, input.Year, input.Questions), input.Version, ct);
        var survey = (await s.FindAsync(id, ct))!;
        return TypedResults.Ok(new SurveyResponseDto(survey.Id, survey.Title, survey.Intro, survey.Year, survey.IsOpen, PublicLink(survey), survey.Version,
            (await s.QuestionsAsync(survey.Id, ct)).Select(Dto).ToList()));
    }

    private static async Task<Ok<SurveyResponseDto>> GetSurveyAsync(Guid id, SurveyService s, CancellationToken ct)
    {
        var survey = await s.FindAsync(id, ct) ?? throw Missing.Of("调查");
        return TypedResults.Ok(new SurveyResponseDto(survey.Id, survey.Title, survey.Intro, survey.Year, survey.IsOpen, PublicLink(survey), survey.Version,
            (await s.QuestionsAsync(survey.Id, ct)).Select(Dto).ToList()));
    }

    private static async Task<Ok<PublicSurveyDto>> PublicSurveyAsync(string token, SurveyService s, CancellationToken ct)
    {
        var f = await s.PublicFormAsync(token, ct) ?? throw Missing.Of("调查");
        return TypedResults.Ok(new PublicSurveyDto(f.Survey.Title, f.Survey.Intro, f.Survey.IsOpen, f.Questions.Select(Dto).ToList(), f.Districts));
    }

    private static async Task<NoContent> PublicAnswerAsync(string token, PublicAnswerRequest input, SurveyService s, CancellationToken ct)
    {
        await s.SubmitAsync(token, new PublicAnswers(input.DistrictCode, input.Phone, input.Answers ?? [], input.Code), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Sends a 6-digit answer code to the mobile (throttled per number and per client); 202 with the same sentence every time.</summary>
    private static async Task<Accepted<object>> SurveyCodeAsync(string token, SurveyCodeRequest input, SurveyService s, HttpContext http, CancellationToken ct)
    {
        await s.SendCodeAsync(token, input.Phone, http.Connection.RemoteIpAddress?.ToString(), ct);
        return TypedResults.Accepted((string?)null, (object)new { message = SurveyService.CodeSentMessage });
    }
}
