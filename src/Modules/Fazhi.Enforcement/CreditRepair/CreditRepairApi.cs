using Fazhi.Enforcement.Registry;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Enforcement.CreditRepair;

internal sealed record CreditRepairResponse(Guid Id, Guid CaseId, string DecisionNumber, string CreditCode, string EnterpriseName, string ApplicantName, string? ContactPhoneMasked,
    string Statement, CreditRepairChannel Channel, DateOnly SubmittedOn, string Checks, CreditRepairStatus Status, string StatusName, string DecisionReason, string DecidedBy,
    DateOnly? DecidedOn, long Version);

internal sealed record CreditRepairRulesResponse(int OrdinaryMinMonths, int SeriousMinMonths, string Basis, string UpdatedBy, long Version);

/// <summary>/api/enforcement/credit-repair (staff) and /api/enforcement/public/credit-repair (no account).</summary>
internal static class CreditRepairApi
{
    public static void Map(RouteGroupBuilder api)
    {
        // The public application reads JSON, which a cross-site page cannot send without a CORS preflight, so it needs no
        // antiforgery token; a form posted to it is refused (415). The public page's own form posts to the page and carries
        // the page's token, which the framework checks.
        api.MapPost("/public/credit-repair", (CreditRepairInput i, CreditRepairService s, CancellationToken ct) =>
            RunAsync(async () => ToResponse((await s.ApplyPublicAsync(i, ct)).Application), created: true)).AllowAnonymous();
        api.MapGet("/public/credit-repair", async (string? creditCode, string? decisionNumber, CreditRepairService s, CancellationToken ct) =>
            TypedResults.Ok(await s.PublicStatusAsync(creditCode, decisionNumber, ct))).AllowAnonymous();

        var g = api.MapGroup("/credit-repair");
        g.MapGet("/rules", async (CreditRepairService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.RulesAsync(ct)))).RequireAuthorization();
        g.MapPut("/rules", (CreditRepairRulesInput i, CreditRepairService s, CancellationToken ct) => RunAsync(async () => ToResponse(await s.UpdateRulesAsync(i, ct))))
            .RequirePermission(CreditRepairFeature.Rules);
        var review = g.MapGroup("/applications").RequirePermission(CreditRepairFeature.Review);
        review.MapGet("/", async (CreditRepairStatus? status, CreditRepairService s, CancellationToken ct) =>
            TypedResults.Ok((await s.ListAsync(status, ct)).Select(ToResponse).ToList()));
        review.MapGet("/{id:guid}", (Guid id, CreditRepairService s, CancellationToken ct) => RunAsync(async () => ToResponse(await s.GetAsync(id, ct))));
        review.MapPost("/", (CreditRepairInput i, CreditRepairService s, CancellationToken ct) =>
            RunAsync(async () => ToResponse((await s.ApplyStaffAsync(i, ct)).Application), created: true));
        review.MapPost("/{id:guid}/decide", (Guid id, CreditRepairDecisionInput i, CreditRepairService s, CancellationToken ct) =>
            RunAsync(async () => ToResponse(await s.DecideAsync(id, i, ct))));
    }

    /// <summary>Runs a command; a refusal goes to the platform's exception handler (400/404/409 ProblemDetails).</summary>
    private static async Task<Results<Ok<T>, Created<T>>> RunAsync<T>(Func<Task<T>> work, bool created = false)
    {
        var value = await work();
        return created ? TypedResults.Created((string?)null, value) : TypedResults.Ok(value);
    }

    internal static CreditRepairResponse ToResponse(CreditRepairApplication a) => new(a.Id, a.CaseId, a.DecisionNumber, a.CreditCode, a.EnterpriseName, a.ApplicantName,
        a.ContactPhone?.Masked, a.Statement, a.Channel, a.SubmittedOn, a.Checks, a.Status, CreditRepairService.StatusName(a.Status), a.DecisionReason, a.DecidedBy, a.DecidedOn, a.Version);

    internal static CreditRepairRulesResponse ToResponse(CreditRepairRules r) => new(r.OrdinaryMinMonths, r.SeriousMinMonths, r.Basis, r.UpdatedBy, r.Version);
}
