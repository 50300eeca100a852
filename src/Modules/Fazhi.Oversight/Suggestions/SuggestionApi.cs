using Fazhi.Oversight.Litigation;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Oversight.Suggestions;

internal sealed record SuggestionRegistered(Guid Id, string DocumentNumber, DateOnly ReplyDueOn, string DueBasis);

/// <summary>/api/oversight/suggestions: received suggestions, the reply, closing, materials, the rates and the export.</summary>
internal static class SuggestionApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/suggestions");
        g.MapGet("/", async ([AsParameters] SuggestionListQuery list, SuggestionService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListAsync(list, SuggestionService.Shape.Check(list), ct))).RequirePermission(OversightPermissions.SuggestionsRead);
        g.MapGet("/export", async ([AsParameters] SuggestionListQuery list, SuggestionService s, CancellationToken ct) => ListOutput.Xlsx(await TableAsync(list, s, ct)))
            .RequirePermission(OversightPermissions.SuggestionsRead);
        g.MapGet("/print", async ([AsParameters] SuggestionListQuery list, SuggestionService s, TimeProvider clock, CancellationToken ct) =>
            ListOutput.Print(await TableAsync(list, s, ct), clock.GetUtcNow().InChina()))
            .RequirePermission(OversightPermissions.SuggestionsRead);
        g.MapGet("/report", async (int? year, SuggestionStatistics s, SuggestionService l, CancellationToken ct) =>
            TypedResults.Ok(await s.ReportAsync(LitigationApi.Year(year, l.Today), ct))).RequirePermission(OversightPermissions.SuggestionsRead);
        g.MapPost("/", async (SuggestionInput input, SuggestionService s, CancellationToken ct) =>
        {
            var x = await s.RegisterAsync(input, ct);
            return TypedResults.Created($"/api/oversight/suggestions/{x.Id}", new SuggestionRegistered(x.Id, x.DocumentNumber, x.ReplyDueOn, x.DueBasis));
        }).RequirePermission(OversightPermissions.SuggestionsHandle);
        g.MapGet("/{id:guid}", async (Guid id, SuggestionService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetAsync(id, ct) ?? throw Refuse.NotFound("建议不存在或不在您的数据范围内。"))).RequirePermission(OversightPermissions.SuggestionsRead);
        g.MapPost("/{id:guid}/reply", async (Guid id, ReplyInput input, SuggestionService s, CancellationToken ct) =>
        {
            await s.ReplyAsync(id, input, ct);
            return TypedResults.Ok((await s.GetAsync(id, ct))!);
        }).RequirePermission(OversightPermissions.SuggestionsHandle);
        g.MapPost("/{id:guid}/close", async (Guid id, CloseInput input, SuggestionService s, CancellationToken ct) =>
        {
            await s.CloseAsync(id, input, ct);
            return TypedResults.Ok((await s.GetAsync(id, ct))!);
        }).RequirePermission(OversightPermissions.Supervise);
        g.MapPost("/{id:guid}/attachments", UploadAsync).RequirePermission(OversightPermissions.SuggestionsHandle)
            .Accepts<IFormFile>("multipart/form-data").RequireAntiforgeryForCookies();
        g.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, SuggestionService s, CancellationToken ct) =>
            await s.OpenMaterialAsync(id, attachmentId, ct) is { } found
                ? TypedResults.Stream(found.Content, found.Meta.ContentType, found.Meta.FileName)
                : throw Refuse.NotFound("材料不存在或不在您的数据范围内。")).RequirePermission(OversightPermissions.SuggestionsRead);
    }

    private static async Task<ListTable> TableAsync(SuggestionListQuery list, SuggestionService s, CancellationToken ct)
    {
        var request = SuggestionService.Shape.Check(list);
        return ToTable(await s.ExportRowsAsync(list, request, ct), Filters(list, request));
    }

    /// <summary>The list's filters as the export and the print view state them.</summary>
    internal static readonly (string Value, string Label)[] Views =
    [
        ("", "全部"), ("awaiting", "待答复"), ("overdue", "逾期未答复"), ("replied", "已答复"), ("closed", "已办结"),
    ];

    private static IReadOnlyList<string> Filters(SuggestionListQuery list, ListRequest request, params (string Label, string? Value)[] more) =>
        ListOutput.Describe(request, "收到日期", [("办理情况", Views.FirstOrDefault(v => v.Value.Length > 0 && v.Value == list.View).Label), .. more]);

    /// <summary>The list for the .xlsx export and the print view: exactly the filtered rows, in the list's order.</summary>
    public static ListTable ToTable(IEnumerable<SuggestionRow> rows, IReadOnlyList<string> filters)
    {
        XlsxColumn[] columns = [new("类别", 10), new("文号", 24), new("发出机关", 24), new("被建议单位", 24), new("收到日期", 12), new("答复期限", 12), new("状态", 10), new("答复日期", 12)];
        return new ListTable("司法建议检察建议", filters, columns, rows.Select(r => (IReadOnlyList<object?>)
        [
            SuggestionService.KindName(r.Kind), r.DocumentNumber, r.Issuer, r.Addressee, r.ReceivedOn.ToString("yyyy-MM-dd"), r.ReplyDueOn.ToString("yyyy-MM-dd"),
            SuggestionService.StatusName(r.Status), r.RepliedOn?.ToString("yyyy-MM-dd"),
        ]).ToList());
    }

    private static Task<IResult> UploadAsync(Guid id, HttpContext http, SuggestionService s, CancellationToken ct) =>
        SuggestionService.Materials.UploadAsync(http, id, (kind, stream, name) => s.AddMaterialAsync(id, kind, stream, name, ct), async () => (await s.GetAsync(id, ct))!, ct);
}
