using Fazhi.Library.Contracts;
using Fazhi.Lists.Certificates;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Lists.Powers;

internal sealed record PowerFlagResponse(string Citation, string State, string StateLabel, string? Url, string? CurrentUrl, DateOnly FlaggedOn);

internal sealed record PowerItemResponse(string ItemCode, string MatterCode, string Name, PowerKind Kind, PowerLevel Level, Guid UnitId, string UnitName, string SubItems,
    string LegalBasis, IReadOnlyList<CitationResponse> Citations, string Responsibilities, string Accountability, IReadOnlyList<PowerFlagResponse> LegalChanges, int FromVersion);

internal sealed record PowerListResponse(int? Version, DateOnly? EffectiveOn, Paged<PowerItemResponse> Items);

internal sealed record PowerChangeResponse(Guid Id, CertChangeKind Kind, string ItemCode, string MatterCode, string Name, PowerKind PowerKind, PowerLevel Level, string UnitName,
    string LegalBasis, string Reason, string ProposedBy, CertChangeStatus ReviewStatus, string ReviewNote, long Version);

internal sealed record ParityResponse(string MatterCode, string Name, PowerKind Kind, IReadOnlyList<string> City, IReadOnlyList<string> Counties,
    IReadOnlyList<string> Towns, IReadOnlyList<string> CountiesLacking, bool CityLacks);

/// <summary>/api/lists/powers: the power and responsibility list.</summary>
internal static class PowersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/powers");
        g.MapGet("/", ListAsync).AllowAnonymous();
        g.MapGet("/parity", async (string? q, PowerService s, CancellationToken ct) =>
        {
            var checks = new FieldChecks();
            var keyword = TextRules.Optional(checks, "q", "关键词", q, 100);
            checks.ThrowIfAny("查询条件有误。");
            return TypedResults.Ok((await s.ParityAsync(keyword, ct)).Select(r => new ParityResponse(r.MatterCode, r.Name, r.Kind, r.City.Select(i => i.UnitName).ToList(),
                r.Counties.Select(i => i.UnitName).ToList(), r.Towns.Select(t => t.TownName).ToList(), r.CountiesLacking, r.CityLacks)).ToList());
        }).AllowAnonymous();
        g.MapGet("/delegations", async (PowerService s, CancellationToken ct) => TypedResults.Ok(await s.DelegationsAsync(ct))).AllowAnonymous();
        g.MapPost("/delegations", async (DelegationInput i, PowerService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.DelegateAsync(i, ct)))
            .RequirePermission(ListsPermissions.CertManage);
        g.MapGet("/draft", async (PowerService s, CancellationToken ct) =>
        {
            var (draft, changes) = await s.DraftAsync(ct);
            return TypedResults.Ok(new { number = draft?.Number, changes = changes.Select(ToResponse).ToList() });
        }).RequirePermission(ListsPermissions.CertPropose);
        g.MapPost("/changes", async (PowerChangeInput i, PowerService s, CancellationToken ct) => TypedResults.Created((string?)null, ToResponse(await s.ProposeAsync(i, ct))))
            .RequirePermission(ListsPermissions.CertPropose);
        g.MapPost("/changes/{id:guid}/review", async (Guid id, CertReviewInput i, PowerService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.ReviewAsync(id, i, ct))))
            .RequirePermission(ListsPermissions.CertManage);
        g.MapPost("/draft/publish", async (CertPublishInput i, PowerService s, CancellationToken ct) =>
        {
            var v = await s.PublishAsync(i, ct);
            return TypedResults.Ok(new CertVersionResponse(v.Number, v.Status, v.EffectiveOn, v.Note, v.PublishedBy));
        }).RequirePermission(ListsPermissions.CertManage);
        g.MapGet("/export", ExportAsync).AllowAnonymous();
        g.MapGet("/versions/{number:int}/notice", async (int number, Notices.ListNotices notices, CancellationToken ct) =>
        {
            var (bytes, name) = await notices.PowersAsync(number, ct);
            return TypedResults.File(bytes, DocxTemplate.ContentType, name);
        }).AllowAnonymous();
        g.MapGet("/enforcement-gaps", async (string? q, EnforcementLinks links, CancellationToken ct) =>
        {
            var checks = new FieldChecks();
            var keyword = TextRules.Optional(checks, "q", "关键词", q, 100);
            checks.ThrowIfAny("查询条件有误。");
            return TypedResults.Ok(await links.ReportAsync(keyword, ct));
        }).RequirePermission(ListsPermissions.CertPropose);
        g.MapPost("/import", async (HttpContext http, PowerTransfer transfer, CancellationToken ct) =>
        {
            var (_, file) = await ImportUploads.ReadAsync(http, ct);
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await transfer.ImportAsync(stream, ct));
        }).RequirePermission(ListsPermissions.CertManage).RequireAntiforgeryForCookies();
        g.MapPost("/legal-check", async (PowerService s, CancellationToken ct) => TypedResults.Ok(await s.CheckLegalChangesAsync(ct))).RequirePermission(ListsPermissions.CertManage);
    }

    /// <summary>The list of a published version (or the one in force on a date) as .xlsx in the import's layout; public data.</summary>
    private static async Task<FileContentHttpResult> ExportAsync(DateOnly? on, int? version, PowerService s, PowerTransfer transfer, CancellationToken ct)
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
            number = (await s.VersionOnAsync(on ?? s.Today, ct))?.Number ?? throw Refuse.Field("on", "该日期尚无已发布的权责清单。");
        }
        return TypedResults.File(await transfer.ExportAsync(number.Value, ct), XlsxWriter.ContentType, $"权责清单（第{number}版）.xlsx");
    }

    private static async Task<Ok<PowerListResponse>> ListAsync([AsParameters] ListQuery list, DateOnly? on, PowerLevel? level, PowerKind? kind, bool? flagged, Guid? unit, PowerService s,
        ILawReferences laws, CancellationToken ct)
    {
        var checks = new FieldChecks();
        DateRules.Check(checks, "on", "日期", on);
        var request = PowerService.Shape.Check(list);
        checks.ThrowIfAny("列表查询条件有误。");
        var (version, page) = await s.PageAsync(request, on, new PowerListFilter(level, kind, flagged ?? false, unit), ct);
        var lawDate = version?.EffectiveOn ?? s.Today;
        var resolved = await laws.ResolveEachAsync(page.Items.Select(r => ((string?)r.LegalBasis, lawDate)), ct);
        var flags = await s.FlagsAsync(page.Items.Select(r => r.Id), ct);
        var items = page.Items.Select(r => new PowerItemResponse(r.ItemCode, r.MatterCode, r.Name, r.Kind, r.Level, r.UnitId, r.UnitName, r.SubItems, r.LegalBasis,
            resolved.For(r.LegalBasis, lawDate).Select(x => new CitationResponse(x.Citation, x.State.ToString(), x.StateLabel, x.Url, x.CurrentUrl)).ToList(), r.Responsibilities,
            r.Accountability, flags.GetValueOrDefault(r.Id, []).Select(f => new PowerFlagResponse(f.Citation, f.State, f.StateLabel, f.Url, f.CurrentUrl, f.FlaggedOn)).ToList(),
            r.FromVersion)).ToList();
        return TypedResults.Ok(new PowerListResponse(version?.Number, version?.EffectiveOn, new Paged<PowerItemResponse>(items, page.Total, page.Page, page.PageSize)));
    }

    private static PowerChangeResponse ToResponse(PowerChange c) => new(c.Id, c.ChangeKind, c.ItemCode, c.MatterCode, c.Name, c.Kind, c.Level, c.UnitName, c.LegalBasis, c.Reason,
        c.ProposedBy, c.ReviewStatus, c.ReviewNote, c.Version);
}

/// <summary>Every night at 02:45: the legal-change check of the power list against the library.</summary>
internal sealed class PowerLegalCheckJob(Fazhi.Platform.Kit.ISystemWork systemWork, IServiceScopeFactory scopes) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = systemWork.Db<Data.ListsDb>("权责清单法律变更检查");
        var service = ActivatorUtilities.CreateInstance<PowerService>(scope.ServiceProvider, db);
        await service.CheckLegalChangesAsync(cancellationToken);
    }
}
