using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Lists.Appeals;

internal sealed record AppealResponse(Guid Id, string Number, Guid OrgUnitId, AppealChannel Channel, string? ReferralId, AppealKind Kind, string CreditCode,
    string EnterpriseName, string ContactName, string? ContactPhoneMasked, string Subject, string Content, string PowerItemCode, string PowerItemName,
    string RoutingReason, string RoutingLog, DateOnly ReceivedOn, DateOnly DueOn, AppealStatus Status, string Reply, string RepliedBy, DateOnly? RepliedOn,
    bool WasLate, DateOnly? EscalatedOn, AppealRating? Rating, string RatingComment, DateOnly? RatedOn, string FollowUpNote, int ReopenCount, DateOnly? ClosedOn,
    AppealExtensionStatus? ExtensionStatus, string ExtensionReason, string ExtensionRequestedBy, DateOnly? ExtensionRequestedOn, int ExtensionDays,
    DateOnly? DueOnBeforeExtension, string ExtensionDecidedBy, DateOnly? ExtensionDecidedOn, string ExtensionDecisionNote, long Version);

internal sealed record AppealCoHandlerResponse(Guid Id, Guid OrgUnitId, string UnitName, string AddedBy, DateOnly AddedOn, string Opinion, DateOnly? OpinionOn);

internal sealed record AppealDetailResponse(AppealResponse Appeal, IReadOnlyList<AppealCoHandlerResponse> CoHandlers, bool HandledHere);

internal sealed record AppealTrackInput(string? Number, string? QueryCode);

/// <summary>/api/lists/appeals and /api/lists/public/appeals: intake (portal, hotline, 12345), handling, rating and the rates.</summary>
internal static class AppealsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        // Public: submit, the power-list matters to pick from, tracking and rating with the query code (JSON, rate-limited).
        // The matter picker's search over the power list in force (ADR 0054): at most 50 answers, by name.
        api.MapGet("/public/appeals/matters", async (string? q, int? limit, AppealMatters s, CancellationToken ct) => TypedResults.Ok(await s.SearchAsync(q, limit, ct)))
            .AllowAnonymous().RequireRateLimiting(ListsModule.PublicRateLimit);
        api.MapPost("/public/appeals", async (AppealInput i, AppealService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.SubmitAsync(i with { ReferralId = null }, ct)))
            .AllowAnonymous().RequireRateLimiting(ListsModule.PublicRateLimit);
        api.MapPost("/public/appeals/track", async (AppealTrackInput i, AppealService s, CancellationToken ct) =>
                TypedResults.Ok(await s.TrackAsync(i.Number, i.QueryCode, ct) ?? throw Refuse.NotFound("诉求编号或查询码不正确，请核对后重试。")))
            .AllowAnonymous().RequireRateLimiting(ListsModule.PublicRateLimit);
        api.MapPost("/public/appeals/rate", async (AppealRateInput i, AppealService s, CancellationToken ct) => TypedResults.Ok(await s.RateAsync(i, ct)))
            .AllowAnonymous().RequireRateLimiting(ListsModule.PublicRateLimit);

        // 12345 referral (the referring system's account), with its work-order id.
        api.MapPost("/appeals/referrals", async (AppealInput i, AppealService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.ReferAsync(i, ct)))
            .RequirePermission(ListsPermissions.AppealsRefer);
        // The result back to 12345 (ADR 0054): the same account polls, no outbound call.
        api.MapGet("/appeals/referrals/{referralId}", async (string referralId, AppealReferrals r, CancellationToken ct) => TypedResults.Ok(await r.GetAsync(referralId, ct)))
            .RequirePermission(ListsPermissions.AppealsRefer);
        api.MapGet("/appeals/referrals", async (DateTimeOffset? since, int? limit, AppealReferrals r, CancellationToken ct) => TypedResults.Ok(await r.ChangedAsync(since, limit, ct)))
            .RequirePermission(ListsPermissions.AppealsRefer);

        var appeals = api.MapGroup("/appeals").RequirePermission(ListsPermissions.AppealsHandle);
        appeals.MapPost("/", async (AppealInput i, AppealService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.HotlineAsync(i with { ReferralId = null }, ct)));
        appeals.MapGet("/", async ([AsParameters] DatedListQuery list, AppealStatus? status, AppealKind? kind, Guid? unit, bool? overdue, bool? open, AppealService s, CancellationToken ct) =>
        {
            var page = await s.PageAsync(AppealService.Shape.Check(list), new AppealFilter(status, kind, unit, overdue == true, open == true), ct);
            return TypedResults.Ok(new Paged<AppealResponse>(page.Items.Select(ToResponse).ToList(), page.Total, page.Page, page.PageSize));
        });
        appeals.MapGet("/export", async ([AsParameters] DatedListQuery list, AppealStatus? status, AppealKind? kind, Guid? unit, bool? overdue, bool? open, AppealService s, CancellationToken ct) =>
            TypedResults.File(AppealExport.Write(await s.ExportRowsAsync(AppealService.Shape.Check(list), new AppealFilter(status, kind, unit, overdue == true, open == true), ct)),
                XlsxWriter.ContentType, "企业诉求.xlsx"));
        appeals.MapGet("/{id:guid}", async (Guid id, AppealService s, CancellationToken ct) =>
        {
            var (a, co, here) = await s.GetAsync(id, ct);
            return TypedResults.Ok(new AppealDetailResponse(ToResponse(a), co.Select(ToResponse).ToList(), here));
        });
        appeals.MapGet("/{id:guid}/inspections", async (Guid id, AppealInspections s, CancellationToken ct) => TypedResults.Ok(await s.ForAsync(id, ct)));
        appeals.MapPost("/{id:guid}/confirm", async (Guid id, AppealService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.ConfirmAsync(id, ct))));
        appeals.MapPost("/{id:guid}/override", async (Guid id, AppealOverrideInput i, AppealService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.OverrideAsync(id, i, ct))));
        appeals.MapPost("/{id:guid}/cohandlers", async (Guid id, AppealCoHandlerInput i, AppealService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.AddCoHandlerAsync(id, i, ct))));
        appeals.MapPost("/{id:guid}/opinion", async (Guid id, AppealOpinionInput i, AppealService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.OpinionAsync(id, i, ct))));
        appeals.MapPost("/{id:guid}/reply", async (Guid id, AppealReplyInput i, AppealService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.ReplyAsync(id, i, ct))));
        appeals.MapPost("/{id:guid}/extension", async (Guid id, AppealExtensionInput i, AppealService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.RequestExtensionAsync(id, i, ct))));
        appeals.MapPost("/{id:guid}/extension/decision", async (Guid id, AppealExtensionDecisionInput i, AppealService s, CancellationToken ct) =>
            TypedResults.Ok(ToResponse(await s.DecideExtensionAsync(id, i, ct)))).RequirePermission(ListsPermissions.AppealsSupervise);
        appeals.MapPost("/{id:guid}/follow-up", async (Guid id, AppealFollowUpInput i, AppealService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.FollowUpAsync(id, i, ct))));
        appeals.MapGet("/rates", async (DateOnly? from, DateOnly? to, AppealRates r, CancellationToken ct) => TypedResults.Ok(await r.ComputeAsync(from, to, ct)));

        api.MapGet("/appeal-time-limits", async (AppealService s, CancellationToken ct) => TypedResults.Ok(await s.TimeLimitsAsync(ct)))
            .RequirePermission(ListsPermissions.AppealsSupervise);
        api.MapPut("/appeal-time-limits", async (AppealTimeLimitInput i, AppealService s, CancellationToken ct) => TypedResults.Ok(await s.SaveTimeLimitAsync(i, ct)))
            .RequirePermission(ListsPermissions.AppealsSupervise);
    }

    internal static AppealResponse ToResponse(EnterpriseAppeal a) => new(a.Id, a.Number, a.OrgUnitId, a.Channel, a.ReferralId, a.Kind, a.CreditCode, a.EnterpriseName,
        a.ContactName, a.ContactPhone?.Masked, a.Subject, a.Content, a.PowerItemCode, a.PowerItemName, a.RoutingReason, a.RoutingLog, a.ReceivedOn, a.DueOn, a.Status,
        a.Reply, a.RepliedBy, a.RepliedOn, a.WasLate, a.EscalatedOn, a.Rating, a.RatingComment, a.RatedOn, a.FollowUpNote, a.ReopenCount, a.ClosedOn,
        a.ExtensionStatus, a.ExtensionReason, a.ExtensionRequestedBy, a.ExtensionRequestedOn, a.ExtensionDays, a.DueOnBeforeExtension, a.ExtensionDecidedBy,
        a.ExtensionDecidedOn, a.ExtensionDecisionNote, a.Version);

    internal static AppealCoHandlerResponse ToResponse(AppealCoHandler c) => new(c.Id, c.OrgUnitId, c.UnitName, c.AddedBy, c.AddedOn, c.Opinion, c.OpinionOn);
}

/// <summary>The appeals list as .xlsx (the rows the list's query selects, at most 10,000).</summary>
internal static class AppealExport
{
    public static byte[] Write(IReadOnlyList<EnterpriseAppeal> rows)
    {
        string[] headers = ["序号", "编号", "类别", "来源", "企业名称", "统一社会信用代码", "诉求标题", "涉及事项", "受理日期", "办理期限", "状态", "是否超期", "答复日期", "评价", "重新办理次数"];
        var data = rows.Select((a, i) => (IReadOnlyList<object?>)
        [
            i + 1, a.Number, AppealService.KindName(a.Kind), AppealService.ChannelName(a.Channel), a.EnterpriseName, a.CreditCode, a.Subject, a.PowerItemName,
            a.ReceivedOn.ToString("yyyy-MM-dd"), a.DueOn.ToString("yyyy-MM-dd"), AppealService.StatusName(a.Status), a.WasLate ? "是" : "否",
            a.RepliedOn?.ToString("yyyy-MM-dd") ?? "", a.Rating is { } r ? AppealService.RatingName(r) : "", a.ReopenCount,
        ]);
        return XlsxWriter.Write(new XlsxSheet("企业诉求", headers.Select(h => new XlsxColumn(h, h.Length > 4 ? 24 : 12)).ToList(), data));
    }
}
