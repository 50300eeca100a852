using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Lists.Verifications;

internal sealed record VerificationResponse(Guid Id, Guid OrgUnitId, string UnitName, string ItemCode, string ItemName, string Matter, string CaseReference, string ApplicantName,
    string CreditCode, VerificationMethod Method, DateOnly VerifiedOn, VerificationResult Result, string Finding, string Measures, string RecordedBy, DateOnly RecordedOn);

/// <summary>/api/lists/verifications: verification records of notify-and-commit items, their counts, and the false commitments for the credit records.</summary>
internal static class VerificationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/verifications").RequirePermission(ListsPermissions.CertVerify);
        g.MapGet("/", async ([AsParameters] DatedListQuery list, VerificationResult? result, Guid? unit, string? item, VerificationService s, CancellationToken ct) =>
        {
            var checks = new FieldChecks();
            var code = TextRules.Optional(checks, "item", "证明事项编码", item, 40);
            var request = VerificationService.Shape.Check(list);
            checks.ThrowIfAny("列表查询条件有误。");
            var page = await s.PageAsync(request, new VerificationFilter(result, unit, code), ct);
            return TypedResults.Ok(new Paged<VerificationResponse>(page.Items.Select(ToResponse).ToList(), page.Total, page.Page, page.PageSize));
        });
        g.MapPost("/", async (VerificationInput i, VerificationService s, CancellationToken ct) => TypedResults.Created((string?)null, ToResponse(await s.RecordAsync(i, ct))));
        g.MapGet("/counts", async (DateOnly? from, DateOnly? to, VerificationService s, CancellationToken ct) =>
        {
            var checks = new FieldChecks();
            DateRules.Check(checks, "from", "开始日期", from);
            DateRules.Check(checks, "to", "结束日期", to);
            checks.When(from > to, "to", "结束日期不能早于开始日期。");
            checks.ThrowIfAny("统计条件有误。");
            return TypedResults.Ok(await s.CountsAsync(from, to, ct));
        });
        g.MapGet("/false-commitments/export", async ([AsParameters] DatedListQuery list, VerificationService s, CancellationToken ct) =>
            TypedResults.File(await s.ExportFalseCommitmentsAsync(VerificationService.Shape.Check(list), ct), XlsxWriter.ContentType, "虚假承诺信用记录.xlsx"));
    }

    internal static VerificationResponse ToResponse(CertVerification v) => new(v.Id, v.OrgUnitId, v.UnitName, v.ItemCode, v.ItemName, v.Matter, v.CaseReference, v.ApplicantName,
        v.CreditCode, v.Method, v.VerifiedOn, v.Result, v.Finding, v.Measures, v.RecordedBy, v.RecordedOn);
}
