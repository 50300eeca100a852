using Fazhi.Oversight.Litigation;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Oversight.Performance;

/// <summary>/api/oversight/performance: reconsideration performance tasks, the steps, materials, 履行率 and the export.</summary>
internal static class PerformanceApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/performance");
        g.MapGet("/", async ([AsParameters] PerformanceListQuery list, PerformanceService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListAsync(list, PerformanceService.Shape.Check(list), ct))).RequirePermission(OversightPermissions.PerformanceRead);
        g.MapGet("/export", async ([AsParameters] PerformanceListQuery list, PerformanceService s, CancellationToken ct) => ListOutput.Xlsx(await TableAsync(list, s, ct)))
            .RequirePermission(OversightPermissions.PerformanceRead);
        g.MapGet("/print", async ([AsParameters] PerformanceListQuery list, PerformanceService s, TimeProvider clock, CancellationToken ct) =>
            ListOutput.Print(await TableAsync(list, s, ct), clock.GetUtcNow().InChina()))
            .RequirePermission(OversightPermissions.PerformanceRead);
        g.MapGet("/report", async (int? year, PerformanceStatistics s, PerformanceService l, CancellationToken ct) =>
            TypedResults.Ok(await s.ReportAsync(LitigationApi.Year(year, l.Today), ct))).RequirePermission(OversightPermissions.PerformanceRead);
        g.MapGet("/{id:guid}", async (Guid id, PerformanceService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetAsync(id, ct) ?? throw Refuse.NotFound("履行任务不存在或不在您的数据范围内。"))).RequirePermission(OversightPermissions.PerformanceRead);
        Step<AssignInput>(g, "/assign", OversightPermissions.Supervise, (s, id, i, ct) => s.AssignAsync(id, i, ct));
        Step<ReportInput>(g, "/report", OversightPermissions.PerformanceHandle, (s, id, i, ct) => s.ReportAsync(id, i, ct));
        Step<ConfirmInput>(g, "/confirm", OversightPermissions.Supervise, (s, id, i, ct) => s.ConfirmAsync(id, i, ct));
        Step<ReturnInput>(g, "/return", OversightPermissions.Supervise, (s, id, i, ct) => s.ReturnAsync(id, i, ct));
        Step<OrderInput>(g, "/order", OversightPermissions.Supervise, (s, id, i, ct) => s.OrderAsync(id, i, ct));
        Step<OpinionInput>(g, "/opinion", OversightPermissions.Supervise, (s, id, i, ct) => s.IssueOpinionAsync(id, i, ct));
        Step<OpinionReplyInput>(g, "/opinion/reply", OversightPermissions.PerformanceHandle, (s, id, i, ct) => s.ReplyOpinionAsync(id, i, ct));
        // 责令履行通知书 (行政复议法 第七十七条) for a task the office ordered to be performed by a deadline.
        g.MapGet("/{id:guid}/order-notice.docx", async (Guid id, OrderNotice notice, CancellationToken ct) =>
        {
            var (bytes, name) = await notice.DocxAsync(id, ct);
            return TypedResults.File(bytes, DocxTemplate.ContentType, name);
        }).RequirePermission(OversightPermissions.PerformanceRead);
        g.MapPost("/{id:guid}/attachments", UploadAsync).RequirePermission(OversightPermissions.PerformanceRead)
            .Accepts<IFormFile>("multipart/form-data").RequireAntiforgeryForCookies();
        g.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, PerformanceService s, CancellationToken ct) =>
            await s.OpenMaterialAsync(id, attachmentId, ct) is { } found
                ? TypedResults.Stream(found.Content, found.Meta.ContentType, found.Meta.FileName)
                : throw Refuse.NotFound("材料不存在或不在您的数据范围内。")).RequirePermission(OversightPermissions.PerformanceRead);
    }

    /// <summary>A step: an empty or missing body is refused like any other bad input (never a 500).</summary>
    private static void Step<TInput>(RouteGroupBuilder g, string path, string permission, Func<PerformanceService, Guid, TInput, CancellationToken, Task> step)
        where TInput : class =>
        g.MapPost("/{id:guid}" + path, async (Guid id, TInput? input, PerformanceService s, CancellationToken ct) =>
        {
            await step(s, id, input ?? throw Refuse.Invalid("请求内容为空。"), ct);
            return TypedResults.Ok((await s.GetAsync(id, ct))!);
        }).RequirePermission(permission);

    private static async Task<ListTable> TableAsync(PerformanceListQuery list, PerformanceService s, CancellationToken ct)
    {
        var request = PerformanceService.Shape.Check(list);
        return ToTable(await s.ExportRowsAsync(list, request, ct), Filters(list, request));
    }

    /// <summary>The list's filters as the export and the print view state them.</summary>
    internal static readonly (string Value, string Label)[] Views =
    [
        ("", "全部"), ("unassigned", "待指定被申请人单位"), ("pending", "待履行"), ("overdue", "逾期未履行"), ("reported", "已报告履行，待确认"),
        ("performed", "已履行"), ("opinion", "意见书、建议书待回复"),
    ];

    private static IReadOnlyList<string> Filters(PerformanceListQuery list, ListRequest request, params (string Label, string? Value)[] more) =>
        ListOutput.Describe(request, "决定日期", [("办理情况", Views.FirstOrDefault(v => v.Value.Length > 0 && v.Value == list.View).Label), .. more]);

    /// <summary>The list for the .xlsx export and the print view: exactly the filtered rows, in the list's order.</summary>
    public static ListTable ToTable(IEnumerable<PerformanceRow> rows, IReadOnlyList<string> filters)
    {
        XlsxColumn[] columns = [new("复议案号", 24), new("被申请人", 24), new("履行单位", 24), new("决定", 10), new("决定日期", 12), new("履行期限", 12), new("状态", 16),
            new("履行日期", 12), new("责令履行期限", 12), new("意见书或建议书回复期限", 14), new("回复日期", 12)];
        return new ListTable("行政复议决定履行", filters, columns, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.CaseNumber, r.Respondent, r.Unit, r.ResultName, r.DecidedOn.ToString("yyyy-MM-dd"), r.DueOn.ToString("yyyy-MM-dd"), PerformanceService.StatusName(r.Status),
            r.PerformedOn?.ToString("yyyy-MM-dd"), r.OrderedDueOn?.ToString("yyyy-MM-dd"), r.OpinionDueOn?.ToString("yyyy-MM-dd"), r.OpinionRepliedOn?.ToString("yyyy-MM-dd"),
        ]).ToList());
    }

    private static Task<IResult> UploadAsync(Guid id, HttpContext http, PerformanceService s, CancellationToken ct) =>
        PerformanceService.Materials.UploadAsync(http, id, (kind, stream, name) => s.AddMaterialAsync(id, kind, stream, name, ct), async () => (await s.GetAsync(id, ct))!, ct);
}
