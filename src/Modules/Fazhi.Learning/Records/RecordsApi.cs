using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Learning.Records;

/// <summary>
/// /api/learning: study activities, court hearings and oath ceremonies; duty reports (述职述法) with their file and the
/// office's evaluation; one person's record and its export; the units' completion rates. A unit works within its scope.
/// </summary>
internal static class RecordsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").RequirePermission(LearningPermissions.Unit);
        g.MapGet("/activities", async (int? year, string? kind, RecordsService s, IDeadlineService y, CancellationToken ct) =>
            TypedResults.Ok(await s.ActivitiesAsync(RecordsService.CheckYear(year, y.Today.Year), Enum.TryParse<ActivityKind>(kind, out var k) ? k : null, ct)));
        g.MapPost("/activities", async (ActivityInput i, RecordsService s, CancellationToken ct) =>
        {
            var a = await s.CreateActivityAsync(i, ct);
            return TypedResults.Created((string?)null, new { a.Id, a.Kind, a.Date, a.Topic, a.Detail, a.UnitName, a.Version });
        });
        g.MapGet("/duty-reports", async (int? year, RecordsService s, IDeadlineService y, CancellationToken ct) => TypedResults.Ok(await s.ReportsAsync(RecordsService.CheckYear(year, y.Today.Year), ct)));
        g.MapPost("/duty-reports", async (DutyReportInput i, RecordsService s, CancellationToken ct) =>
        {
            var r = await s.SubmitReportAsync(i, ct);
            return TypedResults.Created((string?)null, new { r.Id, r.PersonId, r.Year, r.SubmittedOn, r.Version });
        });
        g.MapPost("/duty-reports/{id:guid}/file", UploadAsync).Accepts<IFormFile>("multipart/form-data").RequireAntiforgeryForCookies();
        g.MapGet("/duty-reports/{id:guid}/file", async (Guid id, RecordsService s, CancellationToken ct) =>
            await s.ReportFileAsync(id, ct) is { } f ? Results.Stream(f.Content, f.ContentType, f.FileName) : Results.NotFound());
        api.MapPost("/duty-reports/{id:guid}/evaluate", async (Guid id, EvaluationInput i, RecordsService s, CancellationToken ct) =>
        {
            var r = await s.EvaluateAsync(id, i, ct);
            return TypedResults.Ok(new { r.Id, r.Evaluation, r.EvaluationNote, r.Version });
        }).RequirePermission(LearningPermissions.Manage);
        g.MapGet("/people/{id:guid}/record", async (Guid id, RecordsService s, CancellationToken ct) => TypedResults.Ok(await s.RecordAsync(id, ct)));
        g.MapGet("/people/{id:guid}/record.xlsx", async (Guid id, RecordsService s, CancellationToken ct) =>
        {
            var (content, name) = await s.ExportRecordAsync(id, ct);
            return TypedResults.File(content, XlsxWriter.ContentType, name);
        });
        g.MapGet("/completion", async (int? year, RecordsService s, IDeadlineService y, CancellationToken ct) => TypedResults.Ok(await s.CompletionAsync(RecordsService.CheckYear(year, y.Today.Year), ct)));
    }

    /// <summary>Multipart (field <c>file</c>). A browser form (cookie, with its antiforgery token) is sent back to the records page.</summary>
    private static async Task<IResult> UploadAsync(Guid id, HttpContext http, RecordsService s, CancellationToken ct)
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
            return browser ? Results.Redirect("/learning/records?error=nofile") : throw Refuse.Field("file", "请选择要上传的述职述法报告文件。");
        }
        await using var stream = file.OpenReadStream();
        var (found, refusal) = await s.AttachReportAsync(id, stream, file.FileName, ct);
        if (!found)
        {
            return Results.NotFound();
        }
        if (browser)
        {
            return Results.Redirect("/learning/records" + (refusal is null ? "?done=file" : "?error=" + Uri.EscapeDataString(refusal)));
        }
        return refusal is null ? Results.Ok(new { id }) : throw Refuse.Field("file", refusal);
    }
}
