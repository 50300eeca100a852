using Fazhi.Library.Contracts;
using Fazhi.Lists.Certificates;
using Fazhi.Lists.Reports;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Lists;

internal sealed record CitationResponse(string Citation, string State, string StateLabel, string? Url, string? CurrentUrl);

internal sealed record CertItemResponse(string ItemCode, string Name, string Matter, Guid RequestingUnitId, string RequestingUnitName, string IssuingUnit, string LegalBasis,
    IReadOnlyList<CitationResponse> Citations, bool NotifyCommit, string CommitmentText, string VerificationMethod, string FalseCommitmentConsequence, string ServiceGuide,
    CertItemStatus Status, DateOnly? CancelledOn, string CancelReason, int FromVersion);

internal sealed record CertListResponse(int? Version, DateOnly? EffectiveOn, Paged<CertItemResponse> Items);

internal sealed record CertVersionResponse(int Number, CertVersionStatus Status, DateOnly? EffectiveOn, string Note, string PublishedBy);

internal sealed record CertChangeResponse(Guid Id, CertChangeKind Kind, string ItemCode, string Name, string Matter, Guid RequestingUnitId, string RequestingUnitName,
    string IssuingUnit, string LegalBasis, bool NotifyCommit, string CommitmentText, string VerificationMethod, string FalseCommitmentConsequence, string ServiceGuide,
    CertItemStatus ItemStatus, DateOnly? CancelledOn, string CancelReason, string Reason, string ProposedBy, DateOnly ProposedOn, CertChangeStatus ReviewStatus, string ReviewNote,
    string ReviewedBy, long Version);

internal sealed record CertDraftResponse(int? Number, IReadOnlyList<CertChangeResponse> Changes);

internal sealed record ReportResponse(Guid Id, string Number, Guid OrgUnitId, string UnitAsReported, string ReporterName, string? ContactPhoneMasked, string Matter,
    string CertificateName, DateOnly? DemandedOn, string Description, DateOnly ReceivedOn, DateOnly DueOn, ReportStatus Status, ReportFinding? Finding, string Answer,
    string AnsweredBy, DateOnly? AnsweredOn, string Transfers, long Version);

internal sealed record TrackInput(string? Number, string? QueryCode);

internal sealed record AcceptAllResponse(int Accepted);

/// <summary>/api/lists: the certification-item list (public reads, unit proposals, the owner's review and publishing) and reports.</summary>
internal static class ListsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var certs = api.MapGroup("/certificates");
        // Public: the published list on a date, its versions, a diff and the export. No account needed.
        certs.MapGet("/", ListAsync).AllowAnonymous();
        certs.MapGet("/versions", async (CertService s, CancellationToken ct) =>
            TypedResults.Ok((await s.VersionsAsync(ct)).Where(v => v.Status == CertVersionStatus.Published).Select(ToResponse).ToList())).AllowAnonymous();
        certs.MapGet("/diff", async (int from, int to, CertService s, CancellationToken ct) => TypedResults.Ok(await s.DiffAsync(from, to, ct))).AllowAnonymous();
        certs.MapGet("/export", ExportAsync).AllowAnonymous();
        certs.MapGet("/versions/{number:int}/notice", async (int number, Notices.ListNotices notices, CancellationToken ct) =>
        {
            var (bytes, name) = await notices.CertificatesAsync(number, ct);
            return TypedResults.File(bytes, Fazhi.Platform.Features.Documents.DocxTemplate.ContentType, name);
        }).AllowAnonymous();

        certs.MapGet("/draft", DraftAsync).RequireAuthorization();
        certs.MapPost("/changes", async (CertChangeInput i, CertService s, CancellationToken ct) =>
            TypedResults.Created((string?)null, ToResponse(await s.ProposeAsync(i, ct)))).RequirePermission(ListsPermissions.CertPropose);
        certs.MapPost("/changes/{id:guid}/review", async (Guid id, CertReviewInput i, CertService s, CancellationToken ct) =>
            TypedResults.Ok(ToResponse(await s.ReviewAsync(id, i, ct)))).RequirePermission(ListsPermissions.CertManage);
        certs.MapPost("/draft/accept-all", async (CertService s, CancellationToken ct) => TypedResults.Ok(new AcceptAllResponse(await s.AcceptAllAsync(ct))))
            .RequirePermission(ListsPermissions.CertManage);
        certs.MapPost("/draft/publish", async (CertPublishInput i, CertService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.PublishAsync(i, ct))))
            .RequirePermission(ListsPermissions.CertManage);
        certs.MapPost("/import", ImportAsync).RequirePermission(ListsPermissions.CertManage).RequireAntiforgeryForCookies();

        // 清单之外无证明: the public report and its tracking (JSON, so no cross-site form can post it), and the unit's handling.
        api.MapPost("/public/reports", async (ReportInput i, ReportService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.SubmitAsync(i, ct)))
            .AllowAnonymous().RequireRateLimiting(ListsModule.PublicRateLimit);
        api.MapPost("/public/reports/track", TrackAsync).AllowAnonymous().RequireRateLimiting(ListsModule.PublicRateLimit);
        var reports = api.MapGroup("/reports").RequirePermission(ListsPermissions.ReportsHandle);
        reports.MapGet("/", async ([Microsoft.AspNetCore.Http.AsParameters] DatedListQuery list, ReportStatus? status, ReportService s, CancellationToken ct) =>
        {
            var page = await s.PageAsync(ReportService.Shape.Check(list), status, ct);
            return TypedResults.Ok(new Paged<ReportResponse>(page.Items.Select(ToResponse).ToList(), page.Total, page.Page, page.PageSize));
        });
        reports.MapGet("/{id:guid}", async (Guid id, ReportService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.GetAsync(id, ct))));
        reports.MapPost("/{id:guid}/transfer", async (Guid id, ReportTransferInput i, ReportService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.TransferAsync(id, i, ct))));
        reports.MapPost("/{id:guid}/answer", async (Guid id, ReportAnswerInput i, ReportService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.AnswerAsync(id, i, ct))));

        api.MapGet("/settings", async (ReportService s, CancellationToken ct) => TypedResults.Ok(await s.SettingsAsync(ct))).RequirePermission(ListsPermissions.CertManage);
        api.MapPut("/settings", async (ListsSettingsInput i, ReportService s, CancellationToken ct) => TypedResults.Ok(await s.SaveSettingsAsync(i, ct)))
            .RequirePermission(ListsPermissions.CertManage);
    }

    private static async Task<Ok<CertListResponse>> ListAsync([Microsoft.AspNetCore.Http.AsParameters] ListQuery list, DateOnly? on, CertItemStatus? status, CertService s,
        ILawReferences laws, CancellationToken ct)
    {
        var checks = new FieldChecks();
        DateRules.Check(checks, "on", "日期", on);
        var request = CertService.Shape.Check(list);
        checks.ThrowIfAny("列表查询条件有误。");
        var (version, page) = await s.PageAsync(request, on, status, ct);
        var lawDate = on ?? s.Today;
        var resolved = await laws.ResolveEachAsync(page.Items.Select(r => ((string?)r.LegalBasis, lawDate)), ct);
        var items = page.Items.Select(r => ToResponse(r, resolved.For(r.LegalBasis, lawDate))).ToList();
        return TypedResults.Ok(new CertListResponse(version?.Number, version?.EffectiveOn, new Paged<CertItemResponse>(items, page.Total, page.Page, page.PageSize)));
    }

    private static async Task<FileContentHttpResult> ExportAsync(DateOnly? on, int? version, CertService s, CertTransfer transfer, CancellationToken ct)
    {
        var checks = new FieldChecks();
        DateRules.Check(checks, "on", "日期", on);
        checks.ThrowIfAny("导出条件有误。");
        var number = version;
        if (number is { } n)
        {
            if (!(await s.VersionsAsync(ct)).Any(v => v.Number == n && v.Status == CertVersionStatus.Published))
            {
                throw Refuse.Field("version", $"第 {n} 版不存在或尚未发布。");
            }
        }
        else
        {
            number = (await s.VersionOnAsync(on ?? s.Today, ct))?.Number ?? throw Refuse.Field("on", "该日期尚无已发布的证明事项清单。");
        }
        return TypedResults.File(await transfer.ExportAsync(number.Value, ct), XlsxWriter.ContentType, $"证明事项清单（第{number}版）.xlsx");
    }

    private static async Task<Ok<CertDraftResponse>> DraftAsync(CertService s, Fazhi.Platform.Security.ICurrentUser user, CancellationToken ct)
    {
        if (!user.Has(ListsPermissions.CertManage) && !user.Has(ListsPermissions.CertPropose))
        {
            throw Refuse.Forbidden("没有查看清单草稿的权限。");
        }
        var (draft, changes) = await s.DraftAsync(ct);
        return TypedResults.Ok(new CertDraftResponse(draft?.Number, changes.Select(ToResponse).ToList()));
    }

    private static async Task<Ok<CertImportResult>> ImportAsync(HttpContext http, CertTransfer transfer, CancellationToken ct)
    {
        var (_, file) = await ImportUploads.ReadAsync(http, ct);
        await using var stream = file.OpenReadStream();
        return TypedResults.Ok(await transfer.ImportAsync(stream, ct));
    }

    private static async Task<Results<Ok<ReportTracking>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> TrackAsync(TrackInput i, ReportService s, CancellationToken ct) =>
        await s.TrackAsync(i.Number, i.QueryCode, ct) is { } view
            ? TypedResults.Ok(view)
            : throw Refuse.NotFound("举报编号或查询码不正确，请核对后重试。");

    internal static CertItemResponse ToResponse(CertItemRevision r, IReadOnlyList<LawReference> refs) => new(r.ItemCode, r.Name, r.Matter, r.RequestingUnitId,
        r.RequestingUnitName, r.IssuingUnit, r.LegalBasis, refs.Select(x => new CitationResponse(x.Citation, x.State.ToString(), x.StateLabel, x.Url, x.CurrentUrl)).ToList(),
        r.NotifyCommit, r.CommitmentText, r.VerificationMethod, r.FalseCommitmentConsequence, r.ServiceGuide, r.Status, r.CancelledOn, r.CancelReason, r.FromVersion);

    internal static CertVersionResponse ToResponse(CertListVersion v) => new(v.Number, v.Status, v.EffectiveOn, v.Note, v.PublishedBy);

    internal static CertChangeResponse ToResponse(CertChange c) => new(c.Id, c.Kind, c.ItemCode, c.Name, c.Matter, c.RequestingUnitId, c.RequestingUnitName, c.IssuingUnit,
        c.LegalBasis, c.NotifyCommit, c.CommitmentText, c.VerificationMethod, c.FalseCommitmentConsequence, c.ServiceGuide,
        c.Kind == CertChangeKind.Cancel ? CertItemStatus.Cancelled : CertItemStatus.InForce, c.CancelledOn, c.CancelReason, c.Reason, c.ProposedBy, c.ProposedOn, c.ReviewStatus, c.ReviewNote, c.ReviewedBy, c.Version);

    internal static ReportResponse ToResponse(OutsideListReport r) => new(r.Id, r.Number, r.OrgUnitId, r.UnitAsReported, r.ReporterName, r.ContactPhone?.Masked, r.Matter,
        r.CertificateName, r.DemandedOn, r.Description, r.ReceivedOn, r.DueOn, r.Status, r.Finding, r.Answer, r.AnsweredBy, r.AnsweredOn, r.Transfers, r.Version);
}
