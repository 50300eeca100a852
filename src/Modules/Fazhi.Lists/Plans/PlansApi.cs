using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Lists.Plans;

internal sealed record PlanResponse(Guid Id, string Title, PlanKind Kind, Powers.PowerLevel Level, Guid OrgUnitId, string OwnerName, string ApprovalDocument, DateOnly ApprovedOn,
    string PlanVersion, string EventKinds, string LegalBasis, int ReviewCycleMonths, DateOnly? LastReviewedOn, DateOnly ReviewDueOn, bool ReviewOverdue, int DrillIntervalMonths,
    bool IsPublic, long Version);

internal sealed record CoverageResponse(decimal? Rate, int Covered, int Plans, IReadOnlyList<PlanCoverage> Gaps, IReadOnlyList<PlanCoverage> All);

/// <summary>/api/lists/plans: emergency plans, drills, problems and coverage; /api/lists/public/plans for the public.</summary>
internal static class PlansApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/public/plans", async (PlanService s, CancellationToken ct) =>
            TypedResults.Ok((await s.PublicAsync(ct)).Select(p => new { p.Title, p.Kind, p.OwnerName, p.ApprovalDocument, p.ApprovedOn, p.PlanVersion, p.EventKinds, p.PublicSummary })
                .ToList())).AllowAnonymous();
        var g = api.MapGroup("/plans").RequirePermission(ListsPermissions.PlansManage);
        g.MapGet("/", async (PlanService s, CancellationToken ct) => TypedResults.Ok((await s.ListAsync(ct)).Select(p => ToResponse(p, s.Today)).ToList()));
        g.MapPost("/", async (PlanInput i, PlanService s, CancellationToken ct) => TypedResults.Created((string?)null, ToResponse(await s.CreateAsync(i, ct), s.Today)));
        g.MapGet("/coverage", async (DateOnly? on, PlanService s, CancellationToken ct) =>
        {
            var checks = new Fazhi.Platform.Kit.FieldChecks();
            Fazhi.Platform.Kit.DateRules.Check(checks, "on", "日期", on);
            checks.ThrowIfAny("查询条件有误。");
            var all = await s.CoverageAsync(on ?? s.Today, ct);
            var covered = all.Count(c => c.Covered);
            return TypedResults.Ok(new CoverageResponse(all.Count == 0 ? null : Math.Round((decimal)covered / all.Count, 4), covered, all.Count, all.Where(c => !c.Covered).ToList(), all));
        });
        g.MapGet("/{id:guid}", async (Guid id, PlanService s, CancellationToken ct) =>
        {
            var d = await s.GetAsync(id, ct);
            return TypedResults.Ok(new { plan = ToResponse(d.Plan, s.Today), drills = d.Drills, problems = d.Problems });
        });
        g.MapPost("/{id:guid}/reviewed", async (Guid id, ReviewedInput i, PlanService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.MarkReviewedAsync(id, i, ct), s.Today)));
        g.MapPost("/{id:guid}/drills", async (Guid id, DrillInput i, PlanService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.AddDrillAsync(id, i, ct)));
        g.MapPost("/drills/{id:guid}/held", async (Guid id, HeldInput i, PlanService s, CancellationToken ct) => TypedResults.Ok(await s.RecordHeldAsync(id, i, ct)));
        g.MapPost("/drills/{id:guid}/problems", async (Guid id, ProblemInput i, PlanService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.AddProblemAsync(id, i, ct)));
        g.MapPost("/problems/{id:guid}/rectified", async (Guid id, RectifyInput i, PlanService s, CancellationToken ct) => TypedResults.Ok(await s.RectifyAsync(id, i, ct)));
    }

    internal static PlanResponse ToResponse(EmergencyPlan p, DateOnly today) => new(p.Id, p.Title, p.Kind, p.Level, p.OrgUnitId, p.OwnerName, p.ApprovalDocument, p.ApprovedOn,
        p.PlanVersion, p.EventKinds, p.LegalBasis, p.ReviewCycleMonths, p.LastReviewedOn, p.ReviewDueOn, p.ReviewDueOn < today, p.DrillIntervalMonths, p.IsPublic, p.Version);
}
