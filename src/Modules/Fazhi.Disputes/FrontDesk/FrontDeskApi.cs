using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Contracts;
using Fazhi.Disputes.Duplicates;
using Fazhi.Disputes.FollowUp;
using Fazhi.Disputes.Routing;
using Fazhi.Disputes.Statistics;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Disputes.FrontDesk;

internal sealed record CaseFrontDeskView(RoutingDecisionView? Routing, IReadOnlyList<DuplicateView> Duplicates, IReadOnlyList<MergeView> Merges, Guid? MergedInto, FollowUpView? FollowUp);

internal sealed record DraftRequest(string? Note);

internal sealed record PublishRequest(long? Version = null);

internal sealed record RatingLinkResponse(string Url, IReadOnlyList<string> SentTo);

/// <summary>
/// The front desk's API under <c>/api/disputes</c>: a case's routing and duplicates (and decisions on them), routing rule
/// sets (draft, test, publish), follow-ups and reviews, statistics (JSON and .xlsx).
/// </summary>
internal static class FrontDeskApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var c = api.MapGroup("/cases/{id:guid}");
        c.MapGet("/front-desk", CaseAsync).RequirePermission(DisputesPermissions.CasesRead);
        c.MapPost("/routing/confirm", (Guid id, RoutingDecideRequest? r, RoutingService s, CancellationToken ct) => RunAsync(() => s.DecideAsync(id, true, r ?? new(null, null, null), ct)))
            .RequirePermission(DisputesPermissions.CasesHandle);
        c.MapPost("/routing/override", (Guid id, RoutingDecideRequest r, RoutingService s, CancellationToken ct) => RunAsync(() => s.DecideAsync(id, false, r, ct)))
            .RequirePermission(DisputesPermissions.CasesHandle);
        c.MapPost("/unmerge", (Guid id, DuplicateDecisionRequest r, DuplicateService s, CancellationToken ct) => RunAsync(() => s.UnmergeAsync(id, r.Note, ct)))
            .RequirePermission(DisputesPermissions.CasesHandle);

        var d = api.MapGroup("/duplicates/{flagId:guid}");
        d.MapPost("/link", (Guid flagId, DuplicateDecisionRequest r, DuplicateService s, CancellationToken ct) => RunAsync(() => s.DecideAsync(flagId, DuplicateStatus.Linked, r.Note, r.Version, ct)))
            .RequirePermission(DisputesPermissions.CasesHandle);
        d.MapPost("/dismiss", (Guid flagId, DuplicateDecisionRequest r, DuplicateService s, CancellationToken ct) => RunAsync(() => s.DecideAsync(flagId, DuplicateStatus.Dismissed, r.Note, r.Version, ct)))
            .RequirePermission(DisputesPermissions.CasesHandle);
        d.MapPost("/merge", (Guid flagId, DuplicateDecisionRequest r, DuplicateService s, CancellationToken ct) => RunAsync(() => s.MergeAsync(flagId, r.Note, r.Version, ct)))
            .RequirePermission(DisputesPermissions.CasesHandle);

        var rs = api.MapGroup("/routing/rule-sets").RequirePermission(DisputesPermissions.RoutingManage);
        rs.MapGet("/", async (RoutingService s, CancellationToken ct) => TypedResults.Ok(await s.ListSetsAsync(ct)));
        rs.MapPost("/", async (DraftRequest? r, RoutingService s, CancellationToken ct) =>
        {
            var id = await s.CreateDraftAsync(r?.Note, ct);
            return TypedResults.Created($"/api/disputes/routing/rule-sets/{id}", await s.GetSetAsync(id, ct));
        });
        rs.MapGet("/{setId:guid}", async Task<Results<Ok<RuleSetView>, NotFound>> (Guid setId, RoutingService s, CancellationToken ct) =>
            await s.GetSetAsync(setId, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound());
        rs.MapPost("/{setId:guid}/rules", async Task<Results<Ok<RuleSetView>, NotFound, ValidationProblem>> (Guid setId, RuleInput r, RoutingService s, CancellationToken ct) =>
        {
            return await s.AddRuleAsync(setId, r, ct) is null ? TypedResults.NotFound() : TypedResults.Ok((await s.GetSetAsync(setId, ct))!);
        });
        rs.MapDelete("/{setId:guid}/rules/{ruleId:guid}", (Guid setId, Guid ruleId, RoutingService s, CancellationToken ct) => RunAsync(() => s.DeleteRuleAsync(setId, ruleId, ct)));
        rs.MapPost("/{setId:guid}/test", async Task<Results<Ok<IReadOnlyList<SampleResult>>, NotFound>> (Guid setId, TestRequest r, RoutingService s, CancellationToken ct) =>
            await s.TestAsync(setId, r.Samples, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound());
        rs.MapPost("/{setId:guid}/publish", (Guid setId, PublishRequest? r, RoutingService s, CancellationToken ct) => RunAsync(() => s.PublishAsync(setId, r?.Version, ct)));

        var f = api.MapGroup("/follow-ups");
        f.MapGet("/", async (bool? done, FollowUpService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(done ?? false, ct)))
            .RequirePermission(DisputesPermissions.CasesRead);
        f.MapPost("/{taskId:guid}/link", async Task<Results<Ok<RatingLinkResponse>, NotFound, ValidationProblem>> (Guid taskId, FollowUpService s, HttpRequest http, CancellationToken ct) =>
        {
            return await s.IssueLinkAsync(taskId, $"{http.Scheme}://{http.Host}", ct) is { } link
                ? TypedResults.Ok(new RatingLinkResponse(link.Url, link.SentTo))
                : TypedResults.NotFound();
        }).RequirePermission(DisputesPermissions.CasesHandle);
        f.MapPost("/{taskId:guid}/call", (Guid taskId, RatingRequest r, FollowUpService s, CancellationToken ct) => RunAsync(() => s.RecordCallAsync(taskId, r, ct)))
            .RequirePermission(DisputesPermissions.CasesHandle);
        f.MapGet("/reviews", async (bool? done, FollowUpService s, CancellationToken ct) => TypedResults.Ok(await s.ReviewsAsync(done ?? false, ct)))
            .RequirePermission(DisputesPermissions.FollowUpReview);
        f.MapPost("/reviews/{reviewId:guid}/close", (Guid reviewId, ReviewCloseRequest r, FollowUpService s, CancellationToken ct) => RunAsync(() => s.CloseReviewAsync(reviewId, r, ct)))
            .RequirePermission(DisputesPermissions.FollowUpReview);

        var st = api.MapGroup("/statistics").RequirePermission(DisputesPermissions.StatisticsRead);
        st.MapGet("/", async (DateOnly? from, DateOnly? to, string? unit, IDisputeStatistics s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetAsync(new DisputeStatisticsQuery(from, to, unit), ct)));
        st.MapGet("/export.xlsx", async (DateOnly? from, DateOnly? to, string? unit, IDisputeStatistics s, CancellationToken ct) =>
            TypedResults.File(DisputeStatistics.ToXlsx(await s.GetAsync(new DisputeStatisticsQuery(from, to, unit), ct)), XlsxWriter.ContentType, "纠纷化解统计.xlsx"));
    }

    private static async Task<Results<Ok<CaseFrontDeskView>, NotFound>> CaseAsync(Guid id, CaseService cases, RoutingService routing, DuplicateService duplicates, FollowUpService followUps, CancellationToken ct)
    {
        if (await cases.GetAsync(id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var (flags, merges, mergedInto) = await duplicates.ForCaseAsync(id, ct);
        return TypedResults.Ok(new CaseFrontDeskView(await routing.DecisionAsync(id, ct), flags, merges, mergedInto, await followUps.ForCaseAsync(id, ct)));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> RunAsync(Func<Task<bool>> action) =>
        await action() ? TypedResults.NoContent() : TypedResults.NotFound();
}
