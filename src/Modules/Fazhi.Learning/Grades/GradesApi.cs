using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Learning.Grades;

/// <summary>
/// /api/learning: an exam's results and their export (the office, and a unit for its own people), the certificate of a
/// passed attempt (its taker, or the office), and the public check of a certificate number (anyone, rate-limited).
/// </summary>
internal static class GradesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var unit = api.MapGroup("").RequirePermission(LearningPermissions.Unit);
        unit.MapGet("/exams/{id:guid}/results", async (Guid id, ResultsService s, CancellationToken ct) => TypedResults.Ok(await s.ResultsAsync(id, ct)));
        unit.MapGet("/exams/{id:guid}/results.xlsx", async (Guid id, ResultsService s, CancellationToken ct) =>
        {
            var (content, name) = await s.ExportAsync(id, ct);
            return TypedResults.File(content, XlsxWriter.ContentType, name);
        });
        api.MapGet("/attempts/{id:guid}/certificate", async (Guid id, Certificates s, CancellationToken ct) =>
        {
            var (content, name) = await s.DocumentAsync(id, ct);
            return TypedResults.File(content, DocxTemplate.ContentType, name);
        }).RequireAuthorization();
        api.MapGet("/public/certificates/{number}", async (string number, Certificates s, CancellationToken ct) =>
            TypedResults.Ok(await s.CheckAsync(number, ct) ?? throw Refuse.NotFound("没有找到该验证编号的合格证书。")))
            .AllowAnonymous().RequireRateLimiting(LearningModule.PublicRateLimit);
    }
}
