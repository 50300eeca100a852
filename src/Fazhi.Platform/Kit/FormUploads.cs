using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Http;

namespace Fazhi.Platform.Kit;

/// <summary>
/// An upload endpoint of a record (multipart field <c>file</c>, plus any fields the action reads): a bearer client needs no
/// antiforgery token and gets the record back; a browser form (cookie, with its token) is sent back to the record's page
/// with <c>?done=…</c> or <c>?error=…</c>. A refusal is shown on the page, except "not found", which stays a 404.
/// </summary>
public static class FormUploads
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, string pageUrl, string doneKey,
        Func<IFormCollection, Stream, string, Task> add, Func<Task<object?>> view, CancellationToken ct)
    {
        var browser = !CookieAntiforgery.UsesBearerToken(http);
        if (!http.Request.HasFormContentType)
        {
            throw Refuse.Field("file", "请以 multipart/form-data 上传文件（字段 file）。");
        }
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return browser ? Results.Redirect(pageUrl + "?error=" + Uri.EscapeDataString("请选择要上传的文件。")) : throw Refuse.Field("file", "请选择要上传的文件。");
        }
        await using var stream = file.OpenReadStream();
        if (!browser)
        {
            await add(form, stream, file.FileName);
            return Results.Ok(await view());
        }
        var refusal = await PageActions.TryAsync(() => add(form, stream, file.FileName));
        if (refusal?.Kind == RefusalKind.NotFound)
        {
            throw refusal;
        }
        return Results.Redirect(pageUrl + (refusal is null ? "?done=" + doneKey : "?error=" + Uri.EscapeDataString(refusal.Message)));
    }
}
