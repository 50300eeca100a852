using Fazhi.Disputes.Cases;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Disputes.Documents;

/// <summary>Notices of a case (issue, list, download .docx) and the template administration.</summary>
internal static class DocumentsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cases/{id:guid}/documents");
        g.MapGet("/", async (Guid id, DocumentService s, CancellationToken ct) => TypedResults.Ok(await s.ForCaseAsync(id, ct)))
            .RequirePermission(DisputesPermissions.CasesRead);
        g.MapPost("/", IssueAsync).RequirePermission(DisputesPermissions.CasesHandle);
        g.MapGet("/{docId:guid}", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, Guid docId, DocumentService s, CancellationToken ct) =>
            await s.RenderAsync(id, docId, ct) is { } file ? TypedResults.File(file.Content, DocxTemplate.ContentType, file.FileName) : TypedResults.NotFound())
            .RequirePermission(DisputesPermissions.CasesRead);

        var t = api.MapGroup("/document-templates");
        t.MapGet("/", async (DocumentService s, CancellationToken ct) => TypedResults.Ok(await s.TemplatesAsync(ct))).RequirePermission(DisputesPermissions.TemplatesManage);
        t.MapPut("/{kind}", SaveTemplateAsync).RequirePermission(DisputesPermissions.TemplatesManage);
        t.MapPost("/{kind}/docx", UploadAsync).RequirePermission(DisputesPermissions.TemplatesManage)
            .Accepts<IFormFile>("multipart/form-data").RequireAntiforgeryForCookies();
        t.MapDelete("/{kind}/docx", async Task<Results<NoContent, NotFound>> (string kind, DocumentService s, CancellationToken ct) =>
            await s.UploadTemplateAsync(kind, null, null, ct) is null ? TypedResults.NoContent() : TypedResults.NotFound()).RequirePermission(DisputesPermissions.TemplatesManage);
    }

    private static async Task<Results<Created<CaseDocumentView>, NotFound, ValidationProblem>> IssueAsync(Guid id, IssueRequest request, DocumentService s, CancellationToken ct)
    {
        return await s.IssueAsync(id, request.Kind, ct) is { } doc ? TypedResults.Created(doc.Url, doc) : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> SaveTemplateAsync(string kind, TemplateRequest request, DocumentService s, CancellationToken ct)
    {
        return await s.SaveTemplateAsync(kind, request, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>
    /// A Word template with the same placeholders as the text (e.g. {{申请人}}): a bearer client, or a cookie form carrying its
    /// antiforgery token (<see cref="CookieAntiforgery"/>).
    /// </summary>
    private static async Task<NoContent> UploadAsync(string kind, HttpContext http, DocumentService s, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            throw Refuse.Field("file", "请以 multipart/form-data 上传 .docx 模板（字段 file）。");
        }
        var form = await http.Request.ReadFormAsync(ct);
        var refusal = await s.UploadTemplateAsync(kind, form.Files.GetFile("file"), ct);
        return refusal is null ? TypedResults.NoContent() : throw Refuse.Field("file", refusal);
    }
}
