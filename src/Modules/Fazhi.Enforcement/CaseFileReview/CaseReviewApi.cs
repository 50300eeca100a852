using Fazhi.Enforcement.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Enforcement.CaseFileReview;

internal sealed record RubricResponse(Guid Id, string Code, int VersionNo, string Name, string Basis, string ChangeNote, string CreatedBy, DateTime CreatedAtUtc, bool Current,
    IReadOnlyList<RubricItemResponse> Items);

internal sealed record RubricItemResponse(Guid Id, int Seq, string Category, string Title, decimal Points, string DeductionRule);

internal sealed record PlanResponse(Guid Id, string Name, int Year, DateOnly PeriodFrom, DateOnly PeriodTo, Guid RubricId, int? SampleSize, int? SamplePercent, string Seed,
    ReviewPlanStatus Status, string StatusName, IReadOnlyList<PlanBodyResponse> Bodies, IReadOnlyList<SampleResponse> Samples, long Version);

internal sealed record PlanBodyResponse(Guid BodyUnitId, string BodyName, int ClosedCases, int Sampled);

internal sealed record SampleResponse(Guid Id, Guid BodyUnitId, Guid CaseId, string CaseNumber, int DrawOrder, decimal? Score, string Reviewer, string Comment);

internal sealed record SampleDetailResponse(SampleResponse Sample, IReadOnlyList<RubricItemResponse> Items, IReadOnlyList<DeductionResponse> Deductions);

internal sealed record DeductionResponse(Guid ItemId, decimal Points, string Reason);

internal sealed record ResultsResponse(Guid PlanId, decimal FullMarks, IReadOnlyList<BodyResult> Bodies, IReadOnlyList<LostItem> MostLost);

internal sealed record RectificationResponse(Guid Id, Guid PlanId, Guid BodyUnitId, string BodyName, string Requirement, DateOnly DueOn, RectificationStatus Status, string StatusName,
    bool Overdue, string Response, DateOnly? AnsweredOn, string SupervisorNote, DateOnly? ClosedOn, long Version);

/// <summary>/api/enforcement/case-review: rubrics, plans, the draw, scoring, results and rectification.</summary>
internal static class CaseReviewApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/case-review").RequireAuthorization();
        g.MapGet("/rubrics", async (CaseReviewService s, CancellationToken ct) =>
        {
            var list = new List<RubricResponse>();
            foreach (var r in await s.RubricsAsync(ct))
            {
                list.Add(ToResponse(r, await s.ItemsAsync(r.Id, ct)));
            }
            return TypedResults.Ok(list);
        });
        g.MapPost("/rubrics/{code}/versions", (string code, RubricVersionInput i, CaseReviewService s, CancellationToken ct) =>
            RunAsync(async () =>
            {
                var r = await s.SaveRubricVersionAsync(code, i, ct);
                return ToResponse(r, await s.ItemsAsync(r.Id, ct));
            }, created: true));
        g.MapGet("/plans", async (CaseReviewService s, CancellationToken ct) =>
        {
            var list = new List<PlanResponse>();
            foreach (var p in await s.PlansAsync(ct))
            {
                list.Add(await PlanResponseAsync(p, s, ct));
            }
            return TypedResults.Ok(list);
        });
        g.MapPost("/plans", (CreatePlanInput i, CaseReviewService s, CancellationToken ct) => RunAsync(async () => await PlanResponseAsync(await s.CreatePlanAsync(i, ct), s, ct), created: true));
        g.MapGet("/plans/{id:guid}", (Guid id, CaseReviewService s, CancellationToken ct) => RunAsync(async () => await PlanResponseAsync(await s.PlanAsync(id, ct), s, ct)));
        g.MapPost("/plans/{id:guid}/draw", (Guid id, CaseReviewService s, CancellationToken ct) => RunAsync(async () => await PlanResponseAsync(await s.DrawAsync(id, ct), s, ct)));
        g.MapGet("/plans/{id:guid}/draw/verify", (Guid id, CaseReviewService s, CancellationToken ct) => RunAsync(() => s.VerifyDrawAsync(id, ct)));
        g.MapPost("/plans/{id:guid}/finish", (Guid id, CaseReviewService s, CancellationToken ct) => RunAsync(async () => await PlanResponseAsync(await s.FinishAsync(id, ct), s, ct)));
        g.MapGet("/plans/{id:guid}/results", (Guid id, CaseReviewService s, CancellationToken ct) => RunAsync(async () =>
        {
            var r = await s.ResultsAsync(id, ct);
            return new ResultsResponse(r.Plan.Id, r.FullMarks, r.Bodies, r.MostLost);
        }));
        g.MapGet("/samples/{id:guid}", (Guid id, CaseReviewService s, CancellationToken ct) => RunAsync(async () =>
        {
            var (_, sample, items, deductions) = await s.SampleAsync(id, ct);
            return new SampleDetailResponse(ToResponse(sample), items.Select(ToResponse).ToList(), deductions.Select(d => new DeductionResponse(d.ItemId, d.Points, d.Reason)).ToList());
        }));
        g.MapPost("/samples/{id:guid}/score", (Guid id, ScoreInput i, CaseReviewService s, CancellationToken ct) => RunAsync(async () => ToResponse(await s.ScoreAsync(id, i, ct))));
        g.MapGet("/rectifications", async (Guid? planId, CaseReviewService s, CancellationToken ct) =>
            TypedResults.Ok((await s.RectificationsAsync(planId, ct)).Select(r => ToResponse(r, s)).ToList()));
        g.MapPost("/plans/{id:guid}/rectifications", (Guid id, RectificationInput i, CaseReviewService s, CancellationToken ct) =>
            RunAsync(async () => ToResponse(await s.CreateRectificationAsync(id, i, ct), s), created: true));
        g.MapPost("/rectifications/{id:guid}/answer", (Guid id, AnswerInput i, CaseReviewService s, CancellationToken ct) => RunAsync(async () => ToResponse(await s.AnswerAsync(id, i, ct), s)));
        g.MapPost("/rectifications/{id:guid}/review", (Guid id, RectificationReviewInput i, CaseReviewService s, CancellationToken ct) =>
            RunAsync(async () => ToResponse(await s.ReviewRectificationAsync(id, i, ct), s)));
    }

    /// <summary>Runs a command; a refusal goes to the platform's exception handler (400/404/409 ProblemDetails).</summary>
    private static async Task<Results<Ok<T>, Created<T>>> RunAsync<T>(Func<Task<T>> work, bool created = false)
    {
        var value = await work();
        return created ? TypedResults.Created((string?)null, value) : TypedResults.Ok(value);
    }

    private static async Task<PlanResponse> PlanResponseAsync(ReviewPlan p, CaseReviewService s, CancellationToken ct)
    {
        var bodies = await s.PlanBodiesAsync(p, ct);
        var samples = await s.SamplesAsync(p, ct);
        return new PlanResponse(p.Id, p.Name, p.Year, p.PeriodFrom, p.PeriodTo, p.RubricId, p.SampleSize, p.SamplePercent, p.Seed, p.Status, CaseReviewService.StatusName(p.Status),
            bodies.Select(b => new PlanBodyResponse(b.BodyUnitId, b.BodyName, b.ClosedCases, b.Sampled)).ToList(), samples.Select(ToResponse).ToList(), p.Version);
    }

    internal static RubricResponse ToResponse(ReviewRubric r, IEnumerable<RubricItem> items) =>
        new(r.Id, r.Code, r.VersionNo, r.Name, r.Basis, r.ChangeNote, r.CreatedBy, DateTime.SpecifyKind(r.CreatedAtUtc, DateTimeKind.Utc), r.SupersededAtUtc is null, items.Select(ToResponse).ToList());

    internal static RubricItemResponse ToResponse(RubricItem i) => new(i.Id, i.Seq, i.Category, i.Title, i.Points, i.DeductionRule);

    internal static SampleResponse ToResponse(ReviewSample s) => new(s.Id, s.BodyUnitId, s.CaseId, s.CaseNumber, s.DrawOrder, s.Score, s.Reviewer, s.Comment);

    internal static RectificationResponse ToResponse(Rectification r, CaseReviewService s) => new(r.Id, r.PlanId, r.BodyUnitId, r.BodyName, r.Requirement, r.DueOn, r.Status,
        CaseReviewService.StatusName(r.Status), s.IsOverdue(r), r.Response, r.AnsweredOn, r.SupervisorNote, r.ClosedOn, r.Version);
}
