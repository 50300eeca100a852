using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Platform.Features.Attachments;

/// <summary>/api/platform/attachments: upload (multipart), metadata, list by owner, authorised download.</summary>
internal static class AttachmentsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/attachments").WithTags("attachments");
        g.MapPost("/", UploadAsync).RequirePermission(PlatformPermissions.AttachmentsUpload).RequireAntiforgeryForCookies()
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<AttachmentDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        g.MapGet("/", ListAsync).RequirePermission(PlatformPermissions.AttachmentsRead);
        g.MapGet("/{id:guid}", GetAsync).RequirePermission(PlatformPermissions.AttachmentsRead);
        g.MapGet("/{id:guid}/content", DownloadAsync).RequirePermission(PlatformPermissions.AttachmentsRead);
    }

    /// <summary>
    /// The form is read by hand rather than bound, so that bearer-token clients need no antiforgery token; a cookie
    /// (browser) request still has to carry one (<see cref="CookieAntiforgery"/>).
    /// </summary>
    private static async Task<IResult> UploadAsync(HttpContext http, AttachmentService service, AttachmentStorage storage, CancellationToken ct)
    {
        if (http.Request.ContentLength is { } length && length > storage.MaxBytes + 1024 * 1024)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "文件过大", $"文件超过大小上限（{AttachmentService.MaxSizeText(storage.MaxBytes)}），未保存。");
        }
        if (!http.Request.HasFormContentType)
        {
            throw Refuse.Field("file", "请以 multipart/form-data 上传文件（字段 file）。");
        }
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw Refuse.Field("file", "请选择要上传的文件。");
        Guid? org = null;
        if (form.TryGetValue("orgUnitId", out var orgText) && !string.IsNullOrWhiteSpace(orgText))
        {
            if (!Guid.TryParse(orgText, out var parsed))
            {
                throw Refuse.Field("orgUnitId", "单位 ID 格式不正确。");
            }
            org = parsed;
        }
        var (saved, refusal) = await service.UploadAsync(file, org, form["ownerType"], form["ownerId"], ct);
        if (refusal is not null)
        {
            // 413 and 415 have no refusal kind: only the 400 and 404 go through the one refusal.
            return refusal.Status switch
            {
                StatusCodes.Status400BadRequest => throw Refuse.Field(refusal.Field, refusal.Message),
                StatusCodes.Status404NotFound => throw Refuse.NotFound(refusal.Message),
                StatusCodes.Status413PayloadTooLarge => Problem(refusal.Status, "文件过大", refusal.Message),
                _ => Problem(refusal.Status, "文件类型不允许", refusal.Message),
            };
        }
        return TypedResults.Created($"/api/platform/attachments/{saved!.Id}", saved);
    }

    private static async Task<Ok<IReadOnlyList<AttachmentDto>>> ListAsync(
        string? ownerType, string? ownerId, AttachmentService service, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ownerType) || string.IsNullOrWhiteSpace(ownerId))
        {
            throw Refuse.Field("owner", "请指定 ownerType 和 ownerId。");
        }
        return TypedResults.Ok(await service.ListAsync(ownerType, ownerId, ct));
    }

    private static async Task<Results<Ok<AttachmentDto>, ProblemHttpResult>> GetAsync(Guid id, AttachmentService service, CancellationToken ct) =>
        await service.GetAsync(id, ct) is { } a ? TypedResults.Ok(a) : NotFound();

    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, AttachmentService service, HttpContext http, CancellationToken ct)
    {
        if (await service.OpenAsync(id, ct) is not { } file)
        {
            return NotFound();
        }
        // Never let a browser second-guess the type we detected (a "text" file rendered as HTML).
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // PhysicalFile writes Content-Disposition: attachment; filename=...; filename*=UTF-8''... (RFC 6266 / 5987).
        return TypedResults.PhysicalFile(file.Path, file.Meta.ContentType, file.Meta.FileName, enableRangeProcessing: true);
    }

    private static ProblemHttpResult NotFound() => Problem(StatusCodes.Status404NotFound, "未找到", "附件不存在或不在您的数据范围内。");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}
