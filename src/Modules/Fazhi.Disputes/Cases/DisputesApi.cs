using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Disputes.Cases;

/// <summary>The cases API under <c>/api/disputes</c>: intake from any channel (referrals keep the referring system's id), list, detail, accept, reject.</summary>
internal static class DisputesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/case-types", CaseTypesAsync).RequirePermission(DisputesPermissions.CasesRead);
        var g = api.MapGroup("/cases");
        g.MapPost("/", IntakeAsync).RequirePermission(DisputesPermissions.CasesIntake);
        g.MapGet("/", ListAsync).RequirePermission(DisputesPermissions.CasesRead);
        g.MapGet("/{id:guid}", GetAsync).RequirePermission(DisputesPermissions.CasesRead);
        g.MapPost("/{id:guid}/accept", AcceptAsync).RequirePermission(DisputesPermissions.CasesHandle);
        g.MapPost("/{id:guid}/reject", RejectAsync).RequirePermission(DisputesPermissions.CasesHandle);
    }

    private static async Task<Ok<IReadOnlyList<CaseTypeView>>> CaseTypesAsync(CaseService service, CancellationToken ct) =>
        TypedResults.Ok(await service.CaseTypesAsync(ct));

    private static async Task<Results<Created<IntakeResult>, ValidationProblem>> IntakeAsync(IntakeRequest request, CaseService service, CancellationToken ct)
    {
        try
        {
            var result = await service.IntakeAsync(request, publicIntake: false, ct);
            return TypedResults.Created($"/api/disputes/cases/{result.Id}", result);
        }
        catch (CaseRuleException e)
        {
            return TypedResults.ValidationProblem(e.Errors, detail: e.Message);
        }
    }

    private static async Task<Ok<CaseListResponse>> ListAsync(CaseService service, string? type, string? status, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(type, status, page ?? 1, pageSize ?? 20, ct));

    private static async Task<Results<Ok<CaseDetail>, NotFound>> GetAsync(Guid id, CaseService service, CancellationToken ct) =>
        await service.GetAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Ok<CaseDetail>, NotFound, ValidationProblem>> AcceptAsync(Guid id, AcceptRequest? request, CaseService service, CancellationToken ct)
    {
        try
        {
            return await service.AcceptAsync(id, request?.Version, ct) && await service.GetAsync(id, ct) is { } detail
                ? TypedResults.Ok(detail)
                : TypedResults.NotFound();
        }
        catch (CaseRuleException e)
        {
            return TypedResults.ValidationProblem(e.Errors, detail: e.Message);
        }
    }

    private static async Task<Results<Ok<CaseDetail>, NotFound, ValidationProblem>> RejectAsync(Guid id, RejectRequest request, CaseService service, CancellationToken ct)
    {
        try
        {
            return await service.RejectAsync(id, request.Reason, request.Version, ct) && await service.GetAsync(id, ct) is { } detail
                ? TypedResults.Ok(detail)
                : TypedResults.NotFound();
        }
        catch (CaseRuleException e)
        {
            return TypedResults.ValidationProblem(e.Errors, detail: e.Message);
        }
    }
}
