using Fazhi.Platform.Kit;
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

    /// <summary>201 with the new case; 200 with the existing one for a referral already registered (as the referral API answers).</summary>
    private static async Task<Results<Created<IntakeResult>, Ok<IntakeResult>, ValidationProblem>> IntakeAsync(IntakeRequest request, CaseService service, CancellationToken ct)
    {
        var result = await service.IntakeAsync(request, publicIntake: false, ct);
        return result.AlreadyReceived ? TypedResults.Ok(result) : TypedResults.Created($"/api/disputes/cases/{result.Id}", result);
    }

    private static async Task<Ok<Paged<CaseListItem>>> ListAsync(CaseService service, string? type, string? status, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(type, status, page ?? 1, pageSize ?? 20, ct));

    private static async Task<Results<Ok<CaseDetail>, NotFound>> GetAsync(Guid id, CaseService service, CancellationToken ct) =>
        await service.GetAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Ok<CaseDetail>, NotFound, ValidationProblem>> AcceptAsync(Guid id, AcceptRequest? request, CaseService service, CancellationToken ct) =>
        await service.AcceptAsync(id, request?.Version, ct) && await service.GetAsync(id, ct) is { } detail
            ? TypedResults.Ok(detail)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<CaseDetail>, NotFound, ValidationProblem>> RejectAsync(Guid id, RejectRequest request, CaseService service, CancellationToken ct) =>
        await service.RejectAsync(id, request.Reason, request.Version, ct) && await service.GetAsync(id, ct) is { } detail
            ? TypedResults.Ok(detail)
            : TypedResults.NotFound();
}

/// <summary>Request bodies the framework does not check itself (generic or nullable parameters).</summary>
internal static class RequestBody
{
    public const string NullMessage = "请求内容不能为空：须为 JSON 对象。";

    /// <summary>The body, or a refusal naming <c>body</c> when the client sent none or a JSON <c>null</c>.</summary>
    public static T Required<T>(T? body) where T : class => body ?? throw Refuse.Field("body", NullMessage);
}
