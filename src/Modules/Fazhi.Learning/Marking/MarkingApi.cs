using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Learning.Marking;

/// <summary>/api/learning/marking: the short-answer queue (anonymous) and marking one answer; markers and the office.</summary>
internal static class MarkingApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/marking").RequirePermission(LearningPermissions.Mark);
        g.MapGet("", async (Guid? exam, MarkingService s, CancellationToken ct) => TypedResults.Ok(await s.QueueAsync(exam, ct)));
        g.MapPost("/{attempt:guid}/{position:int}", async (Guid attempt, int position, MarkInput i, MarkingService s, CancellationToken ct) =>
            TypedResults.Ok(await s.MarkAsync(attempt, position, i, ct)));
    }
}
