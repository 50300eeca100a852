using Fazhi.Disputes.Cases;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Disputes.Profiles;

internal sealed record ProfileVersionCreated(string Code, int ProfileVersion);

/// <summary>Profile versions: list, and add a version with a validity date (<c>/api/disputes/profiles</c>).</summary>
internal static class ProfilesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/profiles").RequirePermission(DisputesPermissions.ProfilesManage);
        g.MapGet("/", async (string? code, ProfileEditorService s, CancellationToken ct) => TypedResults.Ok(await s.VersionsAsync(code, ct)));
        g.MapPost("/{code}/versions", async Task<Results<Created<ProfileVersionCreated>, NotFound, ValidationProblem>> (string code, ProfileVersionRequest request, ProfileEditorService s, CancellationToken ct) =>
        {
            return await s.AddVersionAsync(code, request, ct) is { } v
                ? TypedResults.Created($"/api/disputes/profiles?code={code}", new ProfileVersionCreated(code, v))
                : TypedResults.NotFound();
        });
    }
}
