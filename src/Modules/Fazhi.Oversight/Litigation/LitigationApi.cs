using Fazhi.Oversight.Settings;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Oversight.Litigation;

internal sealed record Registered(Guid Id, string CaseNumber, DateOnly AnswerDueOn);

/// <summary>/api/oversight: lawsuits, their steps and materials, the rates with their records, and the settings.</summary>
internal static class LitigationApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/lawsuits");
        g.MapGet("/", ListAsync).RequirePermission(OversightPermissions.LitigationRead);
        g.MapGet("/export", ExportAsync).RequirePermission(OversightPermissions.LitigationRead);
        g.MapGet("/print", PrintAsync).RequirePermission(OversightPermissions.LitigationRead);
        g.MapPost("/", RegisterAsync).RequirePermission(OversightPermissions.LitigationHandle);
        g.MapGet("/{id:guid}", GetAsync).RequirePermission(OversightPermissions.LitigationRead);
        g.MapPost("/{id:guid}/answer", (Guid id, AnswerInput input, LitigationService s, CancellationToken ct) => RunAsync(s, id, () => s.AnswerAsync(id, input, ct), ct))
            .RequirePermission(OversightPermissions.LitigationHandle);
        g.MapPost("/{id:guid}/schedule", (Guid id, ScheduleInput input, LitigationService s, CancellationToken ct) => RunAsync(s, id, () => s.ScheduleAsync(id, input, ct), ct))
            .RequirePermission(OversightPermissions.LitigationHandle);
        g.MapPost("/{id:guid}/hearings", (Guid id, HearingInput input, LitigationService s, CancellationToken ct) => RunAsync(s, id, () => s.RecordHearingAsync(id, input, ct), ct))
            .RequirePermission(OversightPermissions.LitigationHandle);
        g.MapPost("/{id:guid}/result", (Guid id, ResultInput input, LitigationService s, CancellationToken ct) => RunAsync(s, id, () => s.DecideAsync(id, input, ct), ct))
            .RequirePermission(OversightPermissions.LitigationHandle);
        g.MapPost("/{id:guid}/attachments", UploadAsync).RequirePermission(OversightPermissions.LitigationHandle)
            .Accepts<IFormFile>("multipart/form-data").RequireAntiforgeryForCookies();
        g.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync).RequirePermission(OversightPermissions.LitigationRead);

        var stats = api.MapGroup("/litigation");
        stats.MapGet("/report", async (int? year, LitigationStatistics s, LitigationService l, CancellationToken ct) =>
            TypedResults.Ok(await s.ReportAsync(Year(year, l.Today), ct))).RequirePermission(OversightPermissions.LitigationRead);
        api.MapGet("/records", async (string? metric, int? year, string? group, int? page, int? pageSize, RateRecordsSource s, LitigationService l, CancellationToken ct) =>
        {
            var checks = new FieldChecks();
            checks.When(page is < 1, "page", "页码须从 1 开始。");
            checks.When(pageSize is < 1 or > 200, "pageSize", "每页条数须在 1 至 200 之间。");
            checks.ThrowIfAny("查询条件有误。");
            return TypedResults.Ok(await s.RecordsAsync(metric, Year(year, l.Today), group, page ?? 1, pageSize ?? 50, ct));
        }).RequireAuthorization();

        api.MapGet("/report.xlsx", async (int? year, AnnualReport report, LitigationService l, CancellationToken ct) =>
        {
            var y = Year(year, l.Today);
            return TypedResults.File(await report.XlsxAsync(y, ct), XlsxWriter.ContentType, $"复议应诉年度统计{y}.xlsx");
        }).RequireAuthorization();

        api.MapGet("/settings", async (SettingsService s, CancellationToken ct) => TypedResults.Ok(SettingsService.View(await s.GetAsync(ct))))
            .RequirePermission(OversightPermissions.LitigationRead);
        api.MapPut("/settings", async (SettingsInput input, SettingsService s, CancellationToken ct) => TypedResults.Ok(await s.SaveAsync(input, ct)))
            .RequirePermission(OversightPermissions.SettingsManage);
    }

    /// <summary>A statistics year: the given one if plausible, else the current year.</summary>
    public static int Year(int? year, DateOnly today)
    {
        if (year is { } y && (y < 2000 || y > 2100))
        {
            throw Refuse.Field("year", "统计年度须在 2000 至 2100 之间。");
        }
        return year ?? today.Year;
    }

    private static async Task<Ok<Paged<LawsuitRow>>> ListAsync([Microsoft.AspNetCore.Http.AsParameters] LawsuitListQuery list, LitigationService s, CancellationToken ct) =>
        TypedResults.Ok(await s.ListAsync(list, LitigationService.Shape.Check(list), ct));

    private static async Task<ListTable> TableAsync(LawsuitListQuery list, LitigationService s, CancellationToken ct)
    {
        var request = LitigationService.Shape.Check(list);
        return ToTable(await s.ExportRowsAsync(list, request, ct), Filters(list, request));
    }

    private static async Task<FileContentHttpResult> ExportAsync([Microsoft.AspNetCore.Http.AsParameters] LawsuitListQuery list, LitigationService s, CancellationToken ct) =>
        ListOutput.Xlsx(await TableAsync(list, s, ct));

    private static async Task<ContentHttpResult> PrintAsync([Microsoft.AspNetCore.Http.AsParameters] LawsuitListQuery list, LitigationService s, TimeProvider clock, CancellationToken ct) =>
        ListOutput.Print(await TableAsync(list, s, ct), clock.GetUtcNow().InChina());

    /// <summary>The list as .xlsx: exactly the filtered rows.</summary>
    /// <summary>The list's filters as the export and the print view state them.</summary>
    internal static readonly (string Value, string Label)[] Views =
    [
        ("", "全部"), ("answer-due", "待答辩"), ("answer-overdue", "逾期未答辩"), ("appeal-open", "上诉期内"), ("lost", "败诉"),
    ];

    private static IReadOnlyList<string> Filters(LawsuitListQuery list, ListRequest request, params (string Label, string? Value)[] more) =>
        ListOutput.Describe(request, "立案日期", [("办理情况", Views.FirstOrDefault(v => v.Value.Length > 0 && v.Value == list.View).Label), .. more]);

    /// <summary>The list for the .xlsx export and the print view: exactly the filtered rows, in the list's order.</summary>
    public static ListTable ToTable(IEnumerable<LawsuitRow> rows, IReadOnlyList<string> filters)
    {
        XlsxColumn[] columns =
        [
            new("法院案号", 26), new("受理法院", 24), new("原告", 20), new("被告", 24), new("行为类别", 14), new("审级", 8), new("状态", 10), new("立案日期", 12),
            new("答辩期限", 12), new("答辩日期", 12), new("裁判结果", 18), new("败诉", 6), new("上诉期限", 12),
        ];
        return new ListTable("行政应诉案件", filters, columns, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.CaseNumber, r.Court, r.Plaintiff, r.Defendant, LitigationRules.ActKindName(r.ActKind), LitigationRules.LevelName(r.Level), LitigationRules.StatusName(r.Status),
            r.FiledOn.ToString("yyyy-MM-dd"), r.AnswerDueOn.ToString("yyyy-MM-dd"), r.AnsweredOn?.ToString("yyyy-MM-dd"),
            r.Result is { } k ? LitigationRules.ResultName(k) : null, r.Lost ? "是" : "否", r.AppealDueOn?.ToString("yyyy-MM-dd"),
        ]).ToList());
    }

    private static async Task<Created<Registered>> RegisterAsync(LawsuitInput input, LitigationService s, CancellationToken ct)
    {
        var l = await s.RegisterAsync(input, ct);
        return TypedResults.Created($"/api/oversight/lawsuits/{l.Id}", new Registered(l.Id, l.CaseNumber, l.AnswerDueOn));
    }

    private static async Task<Ok<LawsuitView>> GetAsync(Guid id, LitigationService s, CancellationToken ct) =>
        TypedResults.Ok(await s.GetAsync(id, ct) ?? throw Refuse.NotFound("应诉案件不存在或不在您的数据范围内。"));

    private static async Task<Ok<LawsuitView>> RunAsync(LitigationService s, Guid id, Func<Task> action, CancellationToken ct)
    {
        await action();
        return TypedResults.Ok((await s.GetAsync(id, ct))!);
    }

    private static Task<IResult> UploadAsync(Guid id, HttpContext http, LitigationService s, CancellationToken ct) =>
        LitigationService.Materials.UploadAsync(http, id, (kind, stream, name) => s.AddMaterialAsync(id, kind, stream, name, ct), async () => (await s.GetAsync(id, ct))!, ct);

    private static async Task<IResult> DownloadAsync(Guid id, Guid attachmentId, LitigationService s, CancellationToken ct) =>
        await s.OpenMaterialAsync(id, attachmentId, ct) is { } found
            ? TypedResults.Stream(found.Content, found.Meta.ContentType, found.Meta.FileName)
            : throw Refuse.NotFound("材料不存在或不在您的数据范围内。");
}
