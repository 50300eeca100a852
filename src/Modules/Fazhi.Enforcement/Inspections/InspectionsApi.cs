using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Enforcement.Inspections;

internal sealed record MergeRequest(Guid LeadPlanId, IReadOnlyList<Guid> PlanIds);

internal sealed record MergeResponse(Guid VisitId);


internal sealed record CapRuleDto(long Version, int MaxVisits, CapPeriod Period, bool ExemptComplaints, bool ExemptKeySupervision, string Description);

/// <summary>/api/enforcement/inspections: plans, results, joint inspections and the cap.</summary>
internal static class InspectionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/inspections");
        g.MapGet("/", ListAsync).RequirePermission(EnforcementPermissions.InspectionsPlan);
        g.MapPost("/", RegisterAsync).RequirePermission(EnforcementPermissions.InspectionsPlan);
        g.MapGet("/{id:guid}", GetAsync).RequirePermission(EnforcementPermissions.InspectionsPlan);
        g.MapPost("/{id:guid}/result", ResultAsync).RequirePermission(EnforcementPermissions.InspectionsPlan);
        g.MapGet("/enterprise/{creditCode}", async (string creditCode, InspectionService s, CancellationToken ct) => TypedResults.Ok(await s.ByEnterpriseAsync(creditCode, ct)))
            .RequirePermission(EnforcementPermissions.InspectionsSupervise);
        g.MapGet("/merge-suggestions", async (InspectionService s, CancellationToken ct) => TypedResults.Ok(await s.MergeSuggestionsAsync(ct)))
            .RequirePermission(EnforcementPermissions.InspectionsSupervise);
        g.MapPost("/merge", MergeAsync).RequirePermission(EnforcementPermissions.InspectionsSupervise);
        g.MapGet("/cap", async (InspectionService s, CancellationToken ct) => TypedResults.Ok(ToDto(await s.CapRuleAsync(ct))))
            .RequirePermission(EnforcementPermissions.InspectionsPlan);
        g.MapPut("/cap", UpdateCapAsync).RequirePermission(EnforcementPermissions.InspectionsSettings);
    }

    private static async Task<Ok<Paged<PlanView>>> ListAsync(string? q, InspectionStatus? status, int? page, InspectionService s, CancellationToken ct)
    {
        var p = Math.Max(page ?? 1, 1);
        var (rows, total) = await s.ListAsync(q, status, p, 50, ct);
        return TypedResults.Ok(new Paged<PlanView>(rows, total, p, 50));
    }

    private static async Task<Results<Created<PlanView>, ProblemHttpResult>> RegisterAsync(PlanInput input, InspectionService s, CancellationToken ct)
    {
        var (plan, cap) = await s.RegisterAsync(input, ct);
        if (cap is not null)
        {
            // The cap is a business refusal, not a malformed request: 422 with the rule and the visits that fill it.
            return TypedResults.Problem(title: "超过检查频次上限", detail: cap.Message, statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["visits"] = cap.Visits });
        }
        return TypedResults.Created($"/api/enforcement/inspections/{plan!.Id}", (await s.GetAsync(plan.Id, ct))!);
    }

    private static async Task<Results<Ok<PlanView>, NotFound<ProblemDetails>>> GetAsync(Guid id, InspectionService s, CancellationToken ct) =>
        await s.GetAsync(id, ct) is { } plan ? TypedResults.Ok(plan) : NotFound();

    private static async Task<Results<Ok<PlanView>, NotFound<ProblemDetails>>> ResultAsync(Guid id, ResultInput input, InspectionService s, CancellationToken ct)
    {
        return await s.RecordResultAsync(id, input, ct) ? TypedResults.Ok((await s.GetAsync(id, ct))!) : NotFound();
    }

    private static async Task<Ok<MergeResponse>> MergeAsync(MergeRequest input, InspectionService s, CancellationToken ct)
    {
        return TypedResults.Ok(new MergeResponse(await s.MergeAsync(input.LeadPlanId, input.PlanIds ?? [], ct)));
    }

    private static async Task<Ok<CapRuleDto>> UpdateCapAsync(CapRuleInput input, InspectionService s, CancellationToken ct)
    {
        return TypedResults.Ok(ToDto(await s.UpdateCapAsync(input, ct)));
    }

    private static NotFound<ProblemDetails> NotFound() =>
        TypedResults.NotFound(new ProblemDetails { Title = "未找到", Detail = "检查计划不存在或不在您的数据范围内。", Status = 404 });

    private static CapRuleDto ToDto(InspectionCapRule r) => new(r.Version, r.MaxVisits, r.Period, r.ExemptComplaints, r.ExemptKeySupervision, r.Describe());
}
