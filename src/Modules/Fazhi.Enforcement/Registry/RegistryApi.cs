using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Enforcement.Registry;

internal sealed record BodyResponse(Guid Id, Guid OrgUnitId, string OrgCode, string Name, string Powers, bool Active);

internal sealed record RenewRequest(long Version, string CertificateNumber, DateOnly IssuedOn, DateOnly ExpiresOn);

internal sealed record OfficerImportResponse(int Imported);

/// <summary>/api/enforcement/bodies and /officers: the registry (public bodies list; officers within scope).</summary>
internal static class RegistryApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/bodies", async (RegistryService s, CancellationToken ct) => TypedResults.Ok((await s.BodiesAsync(ct)).Select(ToResponse).ToList()))
            .AllowAnonymous();
        api.MapPost("/bodies", UpsertBodyAsync).RequirePermission(EnforcementPermissions.RegistryManage);
        api.MapGet("/officers", async (Guid? bodyId, RegistryService s, CancellationToken ct) => TypedResults.Ok(await s.OfficersAsync(bodyId, ct)))
            .RequirePermission(EnforcementPermissions.CasesHandle);
        api.MapGet("/registry/officers", async (Guid? bodyId, RegistryService s, CancellationToken ct) => TypedResults.Ok(await s.OfficersAsync(bodyId, ct)))
            .RequirePermission(EnforcementPermissions.RegistryManage);
        api.MapPost("/officers", CreateOfficerAsync).RequirePermission(EnforcementPermissions.RegistryManage);
        api.MapPut("/officers/{id:guid}/certificate", RenewAsync).RequirePermission(EnforcementPermissions.RegistryManage);
        api.MapGet("/officers/export", async (RegistryService s, CancellationToken ct) => TypedResults.File(await s.ExportOfficersAsync(ct), XlsxWriter.ContentType, "执法人员.xlsx"))
            .RequirePermission(EnforcementPermissions.RegistryManage);
        api.MapPost("/officers/import", ImportAsync).RequirePermission(EnforcementPermissions.RegistryManage).RequireAntiforgeryForCookies();
    }

    private static async Task<Ok<BodyResponse>> UpsertBodyAsync(BodyInput input, RegistryService s, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await s.UpsertBodyAsync(input, ct)));

    private static async Task<Results<Created<OfficerView>, ValidationProblem>> CreateOfficerAsync(OfficerInput input, RegistryService s, CancellationToken ct)
    {
        var errors = RegistryService.Validate(input);
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "执法人员信息不完整或有误。");
        }
        var officer = await s.CreateOfficerAsync(input, ct);
        var view = (await s.OfficersAsync(officer.BodyId, ct)).Single(o => o.Id == officer.Id);
        return TypedResults.Created($"/api/enforcement/officers/{officer.Id}", view);
    }

    private static async Task<Results<Ok<OfficerView>, NotFound<ProblemDetails>>> RenewAsync(Guid id, RenewRequest input, RegistryService s, CancellationToken ct)
    {
        var officer = await s.RenewAsync(id, input.Version, input.CertificateNumber, input.IssuedOn, input.ExpiresOn, ct);
        if (officer is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "未找到", Detail = "执法人员不存在。", Status = 404 });
        }
        return TypedResults.Ok((await s.OfficersAsync(officer.BodyId, ct)).Single(o => o.Id == officer.Id));
    }

    private static async Task<Ok<OfficerImportResponse>> ImportAsync(HttpContext http, RegistryService s, CancellationToken ct)
    {
        var upload = await ImportUploads.ReadAsync(http, ct);
        await using var stream = upload.File.OpenReadStream();
        var (imported, errors) = await s.ImportOfficersAsync(stream, ct);
        if (errors.Count > 0)
        {
            throw Refuse.Fields(new Dictionary<string, string[]> { ["rows"] = errors.ToArray() }, $"导入未执行：{errors.Count} 处错误，请修改后重新导入。");
        }
        return TypedResults.Ok(new OfficerImportResponse(imported));
    }

    private static BodyResponse ToResponse(EnforcementBody b) => new(b.Id, b.OrgUnitId, b.OrgCode, b.Name, b.Powers, b.Active);
}
