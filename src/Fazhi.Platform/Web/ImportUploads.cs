using Fazhi.Platform.Kit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fazhi.Platform.Web;

/// <summary>The file of an import endpoint, with the rest of its form.</summary>
public sealed record ImportUpload(IFormCollection Form, IFormFile File);

/// <summary>
/// Reads the multipart upload (field <c>file</c>) of an .xlsx import endpoint. Pages post it with a cookie and must carry
/// their antiforgery token; API clients with a bearer token need none. Refusals are ProblemDetails in Chinese.
/// </summary>
public static class ImportUploads
{
    public static async Task<(ImportUpload? Upload, ValidationProblem? Invalid, ProblemHttpResult? Refused)> ReadAsync(
        HttpContext http, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!CookieAntiforgery.UsesBearerToken(http) && !await antiforgery.IsRequestValidAsync(http))
        {
            return (null, null, TypedResults.Problem(title: "请求无效", detail: "表单已过期或来源不明，请刷新页面后重新导入。", statusCode: StatusCodes.Status400BadRequest));
        }
        if (!http.Request.HasFormContentType)
        {
            return (null, Missing("请以 multipart/form-data 上传 .xlsx 文件（字段名 file）。"), null);
        }
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        return file is null || file.Length == 0
            ? (null, Missing("请选择要导入的 .xlsx 文件。"), null)
            : (new ImportUpload(form, file), null, null);
    }

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

    private static ValidationProblem Missing(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] }, detail: "未收到导入文件。");
}
