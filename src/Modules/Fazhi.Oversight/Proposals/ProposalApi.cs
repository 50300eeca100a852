using Fazhi.Oversight.Litigation;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Oversight.Proposals;

internal sealed record ProposalRegistered(Guid Id, string Number, DateOnly AssignedOn, DateOnly TransferDueOn, DateOnly DueOn, DateOnly LatestDueOn);

/// <summary>
/// /api/oversight/proposals: deputies' suggestions and CPPCC proposals (assignment, transfer, contact, co-units' opinions,
/// extension, reply, evaluation), the rates, the export; /api/oversight/public/proposals: the replies the deputies agreed to publish.
/// </summary>
internal static class ProposalApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/proposals");
        g.MapGet("/", async ([AsParameters] ProposalListQuery list, ProposalService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListAsync(list, ProposalService.Shape.Check(list), ct))).RequirePermission(OversightPermissions.ProposalsRead);
        g.MapGet("/export", async ([AsParameters] ProposalListQuery list, ProposalService s, CancellationToken ct) => ListOutput.Xlsx(await TableAsync(list, s, ct)))
            .RequirePermission(OversightPermissions.ProposalsRead);
        g.MapGet("/print", async ([AsParameters] ProposalListQuery list, ProposalService s, TimeProvider clock, CancellationToken ct) =>
            ListOutput.Print(await TableAsync(list, s, ct), clock.GetUtcNow().InChina()))
            .RequirePermission(OversightPermissions.ProposalsRead);
        g.MapGet("/report", async (int? year, ProposalStatistics s, ProposalService l, CancellationToken ct) =>
            TypedResults.Ok(await s.ReportAsync(LitigationApi.Year(year, l.Today), ct))).RequirePermission(OversightPermissions.ProposalsRead);
        g.MapPost("/", async (ProposalInput input, ProposalService s, CancellationToken ct) =>
        {
            var x = await s.RegisterAsync(input, ct);
            return TypedResults.Created($"/api/oversight/proposals/{x.Id}", new ProposalRegistered(x.Id, x.Number, x.AssignedOn, x.TransferDueOn, x.DueOn, x.LatestDueOn));
        }).RequirePermission(OversightPermissions.ProposalsAssign);
        g.MapGet("/{id:guid}", async (Guid id, ProposalService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetAsync(id, ct) ?? throw Refuse.NotFound("建议提案不存在或不在您的数据范围内。"))).RequirePermission(OversightPermissions.ProposalsRead);
        Step<TransferRequestInput>(g, "transfer-request", OversightPermissions.ProposalsHandle, (s, id, i, ct) => s.RequestTransferAsync(id, i, ct));
        Step<TransferDecisionInput>(g, "transfer-decision", OversightPermissions.ProposalsAssign, (s, id, i, ct) => s.DecideTransferAsync(id, i, ct));
        Step<ContactInput>(g, "contact", OversightPermissions.ProposalsHandle, (s, id, i, ct) => s.ContactAsync(id, i, ct));
        Step<ExtensionInput>(g, "extension", OversightPermissions.ProposalsHandle, (s, id, i, ct) => s.ExtendAsync(id, i, ct));
        Step<ProposalReplyInput>(g, "reply", OversightPermissions.ProposalsHandle, (s, id, i, ct) => s.ReplyAsync(id, i, ct));
        Step<EvaluationInput>(g, "evaluation", OversightPermissions.ProposalsAssign, (s, id, i, ct) => s.EvaluateAsync(id, i, ct));
        // 协办 (山东省代表建议办理条例 第二十一条): the items the caller's units co-handle, and a co-unit's opinion to the lead unit.
        g.MapGet("/co-handled", async (ProposalService s, CancellationToken ct) => TypedResults.Ok(await s.CoHandledAsync(ct)))
            .RequirePermission(OversightPermissions.ProposalsRead);
        Step<CoOpinionInput>(g, "co-opinion", OversightPermissions.ProposalsHandle, (s, id, i, ct) => s.CoOpinionAsync(id, i, ct));
        api.MapGet("/public/proposals", async (int? year, string? q, ProposalService s, CancellationToken ct) =>
            TypedResults.Ok(await s.PublicRepliesAsync(LitigationApi.Year(year, s.Today), q, ct))).AllowAnonymous()
            .RequireRateLimiting(OversightModule.PublicRateLimit);
    }

    private static void Step<TInput>(RouteGroupBuilder g, string name, string permission, Func<ProposalService, Guid, TInput, CancellationToken, Task> action) =>
        g.MapPost("/{id:guid}/" + name, async (Guid id, TInput? input, ProposalService s, CancellationToken ct) =>
        {
            // A generic body parameter is not required by the framework: an empty or null body is refused here, not a 500.
            await action(s, id, input ?? throw Refuse.Invalid("请求正文不能为空，请按接口说明提交 JSON。"), ct);
            return TypedResults.Ok((await s.GetAsync(id, ct))!);
        }).RequirePermission(permission);

    private static async Task<ListTable> TableAsync(ProposalListQuery list, ProposalService s, CancellationToken ct)
    {
        var request = ProposalService.Shape.Check(list);
        return ToTable(await s.ExportRowsAsync(list, request, ct), Filters(list, request, ("类别", Enum.TryParse<ProposalKind>(list.Kind, out var k) ? ProposalService.KindName(k) : null)));
    }

    /// <summary>The list's filters as the export and the print view state them.</summary>
    internal static readonly (string Value, string Label)[] Views =
    [
        ("", "全部"), ("open", "办理中"), ("overdue", "逾期未答复"), ("transfer", "申请调整承办单位"), ("replied", "已答复待评价"), ("reopened", "不满意重新办理"), ("closed", "已办结"),
    ];

    private static IReadOnlyList<string> Filters(ProposalListQuery list, ListRequest request, params (string Label, string? Value)[] more) =>
        ListOutput.Describe(request, "交办日期", [("办理情况", Views.FirstOrDefault(v => v.Value.Length > 0 && v.Value == list.View).Label), .. more]);

    /// <summary>The list for the .xlsx export and the print view: exactly the filtered rows, in the list's order.</summary>
    public static ListTable ToTable(IEnumerable<ProposalRow> rows, IReadOnlyList<string> filters)
    {
        XlsxColumn[] columns = [new("年度", 8), new("类别", 14), new("编号", 12), new("标题", 40), new("领衔代表或提案委员", 20), new("主办单位", 24), new("交办日期", 12),
            new("答复期限", 12), new("状态", 16), new("答复日期", 12), new("评价", 10)];
        return new ListTable("建议提案办理", filters, columns, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Year, ProposalService.KindName(r.Kind), r.Number, r.Title, r.Proposer, r.LeadUnit, r.AssignedOn.ToString("yyyy-MM-dd"), r.DueOn.ToString("yyyy-MM-dd"),
            ProposalService.StatusName(r.Status) + (r.Overdue ? "（逾期）" : ""), r.RepliedOn?.ToString("yyyy-MM-dd"),
            r.Evaluation is { } e ? ProposalService.EvaluationName(e) : null,
        ]).ToList());
    }
}
