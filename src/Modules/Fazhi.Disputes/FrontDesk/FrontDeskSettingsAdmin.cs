using Fazhi.Disputes.Data;
using Fazhi.Platform.Data;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.FrontDesk;

internal sealed record FrontDeskSettingsInput(int? DuplicateWindowDays, int? DuplicateMinSimilarity, int? FollowUpDays, long? Version);

internal sealed record FrontDeskSettingsResponse(int DuplicateWindowDays, int DuplicateMinSimilarity, int FollowUpDays, long Version);

/// <summary>
/// The front desk's settings as the routing administrator changes them: the duplicate-check window and similarity
/// threshold, and the follow-up period. Audited like every entity; a stale version is refused (409); the intake cache is
/// cleared on this node at once (other nodes within <see cref="FrontDeskCache.Lifetime"/>).
/// </summary>
internal sealed class FrontDeskSettingsAdmin(DisputesDb db, FrontDeskCache cache)
{
    public Task<FrontDeskSettings> GetAsync(CancellationToken ct) => db.FrontDeskSettingsAsync(ct);

    public static Dictionary<string, string[]> Validate(FrontDeskSettingsInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.DuplicateWindowDays is not (>= 1 and <= 3650))
        {
            errors["duplicateWindowDays"] = ["重复件比对期间须为 1 至 3650 天。"];
        }
        if (input.DuplicateMinSimilarity is not (>= 1 and <= 100))
        {
            errors["duplicateMinSimilarity"] = ["描述相似度阈值须为 1 至 100（%）。"];
        }
        if (input.FollowUpDays is not (>= 1 and <= 365))
        {
            errors["followUpDays"] = ["回访期限须为 1 至 365 天。"];
        }
        return errors;
    }

    /// <summary>Saves the settings; returns the validation errors (nothing saved) or null.</summary>
    public async Task<Dictionary<string, string[]>?> SaveAsync(FrontDeskSettingsInput input, CancellationToken ct)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return errors;
        }
        await db.SaveSettingsAsync<FrontDeskSettings>(input.Version, row =>
        {
            row.DuplicateWindowDays = input.DuplicateWindowDays!.Value;
            row.DuplicateMinSimilarity = input.DuplicateMinSimilarity!.Value;
            row.FollowUpDays = input.FollowUpDays!.Value;
        }, ct);
        cache.Clear();
        return null;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/front-desk/settings", async (FrontDeskSettingsAdmin s, CancellationToken ct) => TypedResults.Ok(Response(await s.GetAsync(ct))))
            .RequirePermission(DisputesPermissions.RoutingManage);
        api.MapPut("/front-desk/settings", PutAsync).RequirePermission(DisputesPermissions.RoutingManage);
    }

    private static async Task<Results<Ok<FrontDeskSettingsResponse>, ValidationProblem>> PutAsync(FrontDeskSettingsInput input, FrontDeskSettingsAdmin s, CancellationToken ct)
    {
        if (await s.SaveAsync(input, ct) is { } errors)
        {
            throw Refuse.Fields(errors, "设置未保存：" + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        return TypedResults.Ok(Response(await s.GetAsync(ct)));
    }

    private static FrontDeskSettingsResponse Response(FrontDeskSettings x) => new(x.DuplicateWindowDays, x.DuplicateMinSimilarity, x.FollowUpDays, x.Version);
}
