using Fazhi.Disputes.Cases;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Disputes.Referrals;

/// <summary><c>POST /api/disputes/referrals</c>: 201 with the new case, 200 with the existing one for a repeat referral.</summary>
internal static class ReferralsApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/referrals", ReceiveAsync).RequirePermission(DisputesPermissions.ReferralsSubmit);

    private static async Task<Results<Created<ReferralResult>, Ok<ReferralResult>, ValidationProblem>> ReceiveAsync(ReferralRequest request, ReferralService service, CancellationToken ct)
    {
        var result = await service.ReceiveAsync(request, ct);
        return result.AlreadyReceived ? TypedResults.Ok(result) : TypedResults.Created($"/api/disputes/cases/{result.Id}", result);
    }
}
