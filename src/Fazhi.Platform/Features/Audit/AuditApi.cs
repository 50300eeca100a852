using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Platform.Features.Audit;

/// <summary>/api/platform/audit: read, verify, export and purge the audit trail (audit administrator).</summary>
internal static class AuditApi
{
    public sealed record VerifyResponse(bool Intact, long Checked, long? BrokenSequence, string? Reason, string Message, long StartedAfter, double ElapsedMs);

    public sealed record PurgeRequest(DateTimeOffset? Before);

    public sealed record PurgeResponse(long ThroughSequence, int Removed, string Message);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("audit").RequirePermission(PlatformPermissions.AuditRead);
        g.MapGet("/", ListAsync);
        g.MapGet("/{sequence:long}", GetAsync);
        g.MapPost("/verify", VerifyAsync);
        g.MapGet("/export", Export);
        g.MapPost("/purge", PurgeAsync);
    }

    private static async Task<Ok<Paged<AuditEntryDto>>> ListAsync(
        AuditTrail trail, DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, string? entityType, string? entityId,
        Guid? orgUnitId, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await trail.ListAsync(new AuditFilter(from, to, actor, action, entityType, entityId, orgUnitId), page ?? 1, pageSize ?? 50, ct));

    private static async Task<Results<Ok<AuditEntryDto>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetAsync(long sequence, AuditTrail trail, CancellationToken ct)
    {
        var e = await trail.GetAsync(sequence, ct);
        return e is null
            ? TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "未找到", Detail = $"审计记录第 {sequence} 条不存在（可能已按规定清理）。" })
            : TypedResults.Ok(e);
    }

    private static async Task<Ok<VerifyResponse>> VerifyAsync(AuditTrail trail, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await trail.VerifyAndRecordAsync(ct)));

    internal static VerifyResponse ToResponse(AuditVerifyResult r) =>
        new(r.Intact, r.Checked, r.BrokenSequence, r.Reason?.ToString(), r.Message, r.StartedAfter, r.Elapsed.TotalMilliseconds);

    private static IResult Export(
        AuditTrail trail, DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, string? entityType, string? entityId,
        Guid? orgUnitId, string? format, HttpContext http)
    {
        if (format is not (null or "" or "csv"))
        {
            return TypedResults.Problem(title: "格式不支持", detail: "审计日志导出目前支持 CSV（format=csv）。", statusCode: StatusCodes.Status400BadRequest);
        }
        var filter = new AuditFilter(from, to, actor, action, entityType, entityId, orgUnitId);
        var name = $"audit-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}.csv";
        return TypedResults.Stream(s => trail.ExportCsvAsync(filter, s, http.RequestAborted), "text/csv; charset=utf-8", name);
    }

    private static async Task<Ok<PurgeResponse>> PurgeAsync(PurgeRequest request, AuditTrail trail, CancellationToken ct)
    {
        var before = request.Before ?? throw Refuse.Field("before", "请填写清理截止日期（before）。");
        var result = await trail.PurgeAsync(before, ct);
        return result.Done
            ? TypedResults.Ok(new PurgeResponse(result.ThroughSequence!.Value, result.Removed, result.Message))
            : throw Refuse.Conflict(result.Message);
    }
}
