using Fazhi.Enforcement.Discretion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Enforcement.NoLightList;

internal static class NoLightListApi
{
    /// <summary>GET /api/enforcement/public/no-light-list?q=&amp;matter=&amp;tier=&amp;authority=&amp;page= (public: 行政处罚法 第三十四条).</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/public/no-light-list", async (string? q, Guid? matter, DiscretionTier? tier, string? authority, int? page, int? pageSize, NoLightListReadModel list, CancellationToken ct) =>
                TypedResults.Ok(await list.SearchAsync(new ListQuery(q, matter, tier, authority, page ?? 1, pageSize ?? 20), ct)))
            .AllowAnonymous();
}
