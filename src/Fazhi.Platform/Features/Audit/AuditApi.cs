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
        g.MapGet("/export", ExportAsync);
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

    /// <summary>The most entries one .xlsx export holds; a wider filter is refused with a request to narrow it.</summary>
    public const int MaxXlsxRows = 50_000;

    private static async Task<IResult> ExportAsync(
        AuditTrail trail, AuditReadable readable, DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, string? entityType, string? entityId,
        Guid? orgUnitId, string? format, HttpContext http)
    {
        if (format is not (null or "" or "csv" or "xlsx"))
        {
            throw Refuse.Field("format", "审计日志导出支持 Excel（format=xlsx）和 CSV（format=csv）。");
        }
        var filter = new AuditFilter(from, to, actor, action, entityType, entityId, orgUnitId);
        if (format == "xlsx")
        {
            var entries = await trail.ExportEntriesAsync(filter, MaxXlsxRows, http.RequestAborted)
                ?? throw Refuse.Invalid($"符合条件的审计记录超过 {MaxXlsxRows} 条，请缩小时间范围或增加条件后再导出。");
            var rows = await readable.ReadAsync(entries, http.RequestAborted);
            var sheet = new Features.Documents.XlsxSheet("审计日志",
                [new("序号", 10), new("时间", 20), new("操作人", 14), new("登录名", 14), new("单位", 20), new("动作", 14), new("对象", 16), new("记录", 38), new("变更摘要", 60)],
                rows.Zip(entries).Select(p => (IReadOnlyList<object?>)
                    [p.First.Sequence, AuditReadable.Time(p.First.At), p.First.Actor, p.First.ActorLogin, p.First.Unit, p.First.Action, p.First.Record, p.Second.EntityId, AuditReadable.SummaryText(p.First)]));
            return TypedResults.File(Features.Documents.XlsxWriter.Write(sheet), Features.Documents.XlsxWriter.ContentType,
                $"audit-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}.xlsx");
        }
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
