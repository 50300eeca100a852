using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Assessment.Settings;

internal sealed record SettingsResponse(int SuperviseAfterReturns, int SupervisionRepeatDays, string ReportSignature, long Version);

/// <summary>GET/PUT /api/assessment/settings: the office's supervision and report settings.</summary>
internal static class SettingsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/settings", async (SettingsService s, CancellationToken ct) => TypedResults.Ok(Response(await s.GetAsync(ct))))
            .RequirePermission(AssessmentPermissions.Read);
        api.MapPut("/settings", PutAsync).RequirePermission(AssessmentPermissions.Define);
    }

    private static async Task<Results<Ok<SettingsResponse>, ValidationProblem>> PutAsync(SettingsInput input, SettingsService s, CancellationToken ct)
    {
        if (await s.SaveAsync(input, ct) is { } errors)
        {
            throw Refuse.Fields(errors, "设置未保存：" + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        return TypedResults.Ok(Response(await s.GetAsync(ct)));
    }

    private static SettingsResponse Response(AssessmentSettings x) => new(x.SuperviseAfterReturns, x.SupervisionRepeatDays, x.ReportSignature, x.Version);
}
