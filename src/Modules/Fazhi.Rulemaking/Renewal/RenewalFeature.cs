using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Renewal;

/// <summary>Renewal and lapse of normative documents (ADR 0065): the service and /api/rulemaking/normative-documents/{id}/renewals.</summary>
internal static class RenewalFeature
{
    public static void Add(WebApplicationBuilder builder) => builder.Services.AddScoped<RenewalService>();

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/normative-documents/{id:guid}/renewals").RequirePermission(RulemakingPermissions.Draft);
        g.MapGet("/", async (Guid id, RenewalService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(id, ct)));
        g.MapPost("/", async (Guid id, RenewalInput i, RenewalService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.RenewAsync(id, i, ct)));
    }
}
