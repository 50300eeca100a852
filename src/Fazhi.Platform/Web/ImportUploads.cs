using Fazhi.Platform.Kit;
using Microsoft.AspNetCore.Http;

namespace Fazhi.Platform.Web;

/// <summary>The file of an import endpoint, with the rest of its form.</summary>
public sealed record ImportUpload(IFormCollection Form, IFormFile File);

/// <summary>
/// Reads the multipart upload (field <c>file</c>) of an .xlsx import endpoint marked
/// <see cref="CookieAntiforgery.RequireAntiforgeryForCookies{TBuilder}"/>: pages post it with a cookie and must carry their
/// antiforgery token; API clients with a bearer token need none. Refusals are thrown (ADR 0021).
/// </summary>
public static class ImportUploads
{
    /// <summary>
    /// Reads the upload of an endpoint marked <see cref="CookieAntiforgery.RequireAntiforgeryForCookies{TBuilder}"/>
    /// (which checks the token); a missing or empty file is refused naming the field <c>file</c>.
    /// </summary>
    public static async Task<ImportUpload> ReadAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            throw Refuse.Field("file", "请以 multipart/form-data 上传 .xlsx 文件（字段名 file）。");
        }
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null)
        {
            throw Refuse.Field("file", "请选择要导入的 .xlsx 文件。");
        }
        if (file.Length == 0)
        {
            throw Refuse.Field("file", $"文件“{file.FileName}”是空文件（0 字节），未导入。");
        }
        return new ImportUpload(form, file);
    }
}
