using Fazhi.Oversight.Litigation;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Oversight.Disclosure;

internal sealed record DisclosureTrackInput(string? Number, string? QueryCode);

internal sealed record DisclosureLetterRegistered(Guid Id, string Number, string QueryCode, DateOnly? DueOn);

/// <summary>
/// /api/oversight/public/disclosures: the public request and its tracking (JSON, so no cross-site form can post it);
/// /api/oversight/disclosures: the agency's list, export, letters entered by staff, correction, extension, reply, the reply
/// letter (.docx) and 按期答复率.
/// </summary>
internal static class DisclosureApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/public/disclosures", async (DisclosureInput input, DisclosureService s, CancellationToken ct) =>
            TypedResults.Created((string?)null, await s.SubmitAsync(input with { ReceivedOn = null }, ct)))
            .AllowAnonymous().RequireRateLimiting(OversightModule.PublicRateLimit);
        api.MapPost("/public/disclosures/track", TrackAsync).AllowAnonymous().RequireRateLimiting(OversightModule.PublicRateLimit);

        var g = api.MapGroup("/disclosures");
        g.MapGet("/", async ([AsParameters] DisclosureListQuery list, DisclosureService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListAsync(list, DisclosureService.Shape.Check(list), ct))).RequirePermission(OversightPermissions.DisclosureRead);
        g.MapGet("/export", async ([AsParameters] DisclosureListQuery list, DisclosureService s, CancellationToken ct) => ListOutput.Xlsx(await TableAsync(list, s, ct)))
            .RequirePermission(OversightPermissions.DisclosureRead);
        g.MapGet("/print", async ([AsParameters] DisclosureListQuery list, DisclosureService s, TimeProvider clock, CancellationToken ct) =>
            ListOutput.Print(await TableAsync(list, s, ct), clock.GetUtcNow().InChina()))
            .RequirePermission(OversightPermissions.DisclosureRead);
        g.MapGet("/report", async (int? year, DisclosureStatistics s, DisclosureService l, CancellationToken ct) =>
            TypedResults.Ok(await s.ReportAsync(LitigationApi.Year(year, l.Today), ct))).RequirePermission(OversightPermissions.DisclosureRead);
        g.MapPost("/", async (DisclosureInput input, DisclosureService s, CancellationToken ct) =>
        {
            var (r, code) = await s.RegisterAsync(input, ct);
            return TypedResults.Created($"/api/oversight/disclosures/{r.Id}", new DisclosureLetterRegistered(r.Id, r.Number, code, r.DueOn));
        }).RequirePermission(OversightPermissions.DisclosureHandle);
        g.MapGet("/{id:guid}", async (Guid id, DisclosureService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetAsync(id, ct) ?? throw Refuse.NotFound("申请不存在或不在您的数据范围内。"))).RequirePermission(OversightPermissions.DisclosureRead);
        g.MapPost("/{id:guid}/correction", async (Guid id, CorrectionInput input, DisclosureService s, CancellationToken ct) =>
        {
            await s.RequestCorrectionAsync(id, input, ct);
            return TypedResults.Ok((await s.GetAsync(id, ct))!);
        }).RequirePermission(OversightPermissions.DisclosureHandle);
        g.MapPost("/{id:guid}/corrected", async (Guid id, CorrectedInput input, DisclosureService s, CancellationToken ct) =>
        {
            await s.CorrectedAsync(id, input, ct);
            return TypedResults.Ok((await s.GetAsync(id, ct))!);
        }).RequirePermission(OversightPermissions.DisclosureHandle);
        g.MapPost("/{id:guid}/abandon", async (Guid id, AbandonInput input, DisclosureService s, CancellationToken ct) =>
        {
            await s.AbandonAsync(id, input, ct);
            return TypedResults.Ok((await s.GetAsync(id, ct))!);
        }).RequirePermission(OversightPermissions.DisclosureHandle);
        g.MapPost("/{id:guid}/extend", async (Guid id, ExtensionInput input, DisclosureService s, CancellationToken ct) =>
        {
            await s.ExtendAsync(id, input, ct);
            return TypedResults.Ok((await s.GetAsync(id, ct))!);
        }).RequirePermission(OversightPermissions.DisclosureHandle);
        g.MapPost("/{id:guid}/reply", async (Guid id, DisclosureReplyInput input, DisclosureService s, CancellationToken ct) =>
        {
            await s.ReplyAsync(id, input, ct);
            return TypedResults.Ok((await s.GetAsync(id, ct))!);
        }).RequirePermission(OversightPermissions.DisclosureHandle);
        // 《政府信息公开条例》第五十一条: the reconsideration case and/or lawsuit brought against the reply (ADR 0066).
        g.MapPost("/{id:guid}/appeals", async (Guid id, AppealLinkInput? input, DisclosureService s, CancellationToken ct) =>
        {
            await s.LinkAppealsAsync(id, input ?? throw Refuse.Invalid("请求正文不能为空，请按接口说明提交 JSON。"), ct);
            return TypedResults.Ok((await s.GetAsync(id, ct))!);
        }).RequirePermission(OversightPermissions.DisclosureHandle);
        g.MapGet("/{id:guid}/letter.docx", async (Guid id, DisclosureService s, CancellationToken ct) =>
        {
            var (content, name) = await s.LetterAsync(id, ct);
            return TypedResults.File(content, DocxTemplate.ContentType, name);
        }).RequirePermission(OversightPermissions.DisclosureRead);
    }

    private static async Task<Results<Ok<DisclosureTracking>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> TrackAsync(DisclosureTrackInput i, DisclosureService s,
        CancellationToken ct) =>
        await s.TrackAsync(i.Number, i.QueryCode, ct) is { } view
            ? TypedResults.Ok(view)
            : throw Refuse.NotFound("申请编号或查询码不正确，请核对后重试。");

    private static async Task<ListTable> TableAsync(DisclosureListQuery list, DisclosureService s, CancellationToken ct)
    {
        var request = DisclosureService.Shape.Check(list);
        return ToTable(await s.ExportRowsAsync(list, request, ct), Filters(list, request));
    }

    /// <summary>The list's filters as the export and the print view state them.</summary>
    internal static readonly (string Value, string Label)[] Views =
    [
        ("", "全部"), ("open", "办理中"), ("overdue", "逾期未答复"), ("extended", "已延期"), ("correction", "待补正"), ("answered", "已答复"),
    ];

    private static IReadOnlyList<string> Filters(DisclosureListQuery list, ListRequest request, params (string Label, string? Value)[] more) =>
        ListOutput.Describe(request, "收到日期", [("办理情况", Views.FirstOrDefault(v => v.Value.Length > 0 && v.Value == list.View).Label), .. more]);

    /// <summary>The list for the .xlsx export and the print view: exactly the filtered rows, in the list's order.</summary>
    public static ListTable ToTable(IEnumerable<DisclosureRow> rows, IReadOnlyList<string> filters)
    {
        XlsxColumn[] columns = [new("申请编号", 18), new("申请人", 20), new("受理机关", 24), new("收到日期", 12), new("答复期限", 12), new("状态", 12), new("延期", 8),
            new("答复类型", 20), new("答复日期", 12)];
        return new ListTable("政府信息公开申请", filters, columns, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Number, r.ApplicantName, r.Agency, r.ReceivedOn.ToString("yyyy-MM-dd"), r.DueOn?.ToString("yyyy-MM-dd"), DisclosureRules.StatusName(r.Status),
            r.Extended ? "是" : "否", r.ReplyKind is { } k ? DisclosureRules.ReplyKindName(k) : null, r.RepliedOn?.ToString("yyyy-MM-dd"),
        ]).ToList());
    }
}
