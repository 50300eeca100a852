using Fazhi.Disputes.Cases;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Disputes.Handling;

/// <summary>Handling actions under <c>/api/disputes/cases/{id}</c>; each answers with the case's handling view or the refusal.</summary>
internal static class HandlingApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cases/{id:guid}");
        g.MapGet("/handling", async (Guid id, HandlingService s, CancellationToken ct) =>
        {
            await s.EvaluateLapsesAsync(id, ct);
            return await s.GetAsync(id, ct) is { } v ? (Results<Ok<HandlingView>, NotFound>)TypedResults.Ok(v) : TypedResults.NotFound();
        }).RequirePermission(DisputesPermissions.CasesRead);
        g.MapGet("/assignees", async Task<Results<Ok<IReadOnlyList<AssigneeSuggestion>>, NotFound>> (Guid id, HandlingService s, CancellationToken ct) =>
            await s.SuggestAssigneesAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound()).RequirePermission(DisputesPermissions.CasesHandle);

        Action<AssignRequest>(g, "/assign", (s, id, r, ct) => s.AssignAsync(id, r, ct));
        Action<NoteRequest>(g, "/notes", (s, id, r, ct) => s.AddNoteAsync(id, r, ct));
        Action<SessionRequest>(g, "/sessions", (s, id, r, ct) => s.AddSessionAsync(id, r, ct));
        Action<CorrectionRequest>(g, "/correction", (s, id, r, ct) => s.CorrectionNoticeAsync(id, r, ct));
        Action<SimpleRequest>(g, "/correction/received", (s, id, r, ct) => s.CorrectionReceivedAsync(id, r, ct));
        Action<SuspendRequest>(g, "/suspend", (s, id, r, ct) => s.SuspendAsync(id, r, ct));
        Action<SimpleRequest>(g, "/resume", (s, id, r, ct) => s.ResumeAsync(id, r, ct));
        Action<ExtensionRequest>(g, "/extensions", (s, id, r, ct) => s.RequestExtensionAsync(id, r, ct));
        Action<TransferRequest>(g, "/transfer", (s, id, r, ct) => s.TransferAsync(id, r, ct));
        // 204 rather than the handling view: after 上报 the case has left the sender's scope.
        g.MapPost("/dispatch", async Task<Results<NoContent, NotFound>> (Guid id, DispatchRequest? request, HandlingService s, CancellationToken ct) =>
            await s.DispatchAsync(id, RequestBody.Required(request), ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .RequirePermission(DisputesPermissions.CasesHandle);
        Action<SimpleRequest>(g, "/receive", (s, id, r, ct) => s.ReceiveAsync(id, r, ct));
        g.MapGet("/dispatch-targets", async (Guid id, HandlingService s, CancellationToken ct) => TypedResults.Ok(await s.DispatchTargetsAsync(id, ct)))
            .RequirePermission(DisputesPermissions.CasesHandle);
        Action<CloseRequest>(g, "/close", (s, id, r, ct) => s.CloseAsync(id, r, ct));
        Action<AgreementRequest>(g, "/agreement", (s, id, r, ct) => s.AgreementAsync(id, r, ct));
        Action<SimpleRequest>(g, "/respondent-served", (s, id, r, ct) => s.RespondentServedAsync(id, r, ct));
        Action<SimpleRequest>(g, "/answer-received", (s, id, r, ct) => s.AnswerReceivedAsync(id, r, ct));
        Action<SimpleRequest>(g, "/simplified", (s, id, r, ct) => s.SimplifyAsync(id, r, ct));
        Action<SimpleRequest>(g, "/advance", (s, id, r, ct) => s.CompleteStageAsync(id, r, ct));
        g.MapPost("/extensions/{extensionId:guid}/decision", (Guid id, Guid extensionId, ExtensionDecisionRequest request, HandlingService s, CancellationToken ct) =>
            RunAsync(s, id, () => s.DecideExtensionAsync(id, extensionId, request, ct), ct)).RequirePermission(DisputesPermissions.CasesApprove);
        g.MapGet("/attachments/{attachmentId:guid}", DownloadAsync).RequirePermission(DisputesPermissions.CasesRead);
        g.MapPost("/attachments", UploadAsync).RequirePermission(DisputesPermissions.CasesHandle).Accepts<IFormFile>("multipart/form-data").RequireAntiforgeryForCookies();
    }

    /// <summary>
    /// One handling action. The body is declared nullable because a generic parameter is not checked by the framework: a JSON
    /// <c>null</c> is refused here (400 naming <c>body</c>) rather than reaching the service.
    /// </summary>
    private static void Action<TRequest>(RouteGroupBuilder g, string path, Func<HandlingService, Guid, TRequest, CancellationToken, Task<bool>> action)
        where TRequest : class =>
        g.MapPost(path, (Guid id, TRequest? request, HandlingService s, CancellationToken ct) =>
        {
            var body = RequestBody.Required(request);
            return RunAsync(s, id, () => action(s, id, body, ct), ct);
        }).RequirePermission(DisputesPermissions.CasesHandle);

    private static async Task<Results<Ok<HandlingView>, NotFound, ValidationProblem>> RunAsync(HandlingService s, Guid id, Func<Task<bool>> action, CancellationToken ct) =>
        await action() && await s.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    /// <summary>A case's file, for whoever may read the case (the case's scope decides; the download is audited).</summary>
    private static async Task<IResult> DownloadAsync(Guid id, Guid attachmentId, HandlingService s, CancellationToken ct) =>
        await s.OpenFileAsync(id, attachmentId, ct) is { } file
            ? TypedResults.Stream(file.Content, file.Meta.ContentType, file.Meta.FileName)
            : TypedResults.NotFound();

    /// <summary>
    /// Multipart upload (field <c>file</c>). Bearer clients need no antiforgery token; a browser form (cookie) must carry one
    /// (<see cref="CookieAntiforgery"/>) and is sent back to the case page.
    /// </summary>
    private static async Task<IResult> UploadAsync(Guid id, HttpContext http, HandlingService s, CancellationToken ct)
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
            return browser ? TypedResults.Redirect($"/disputes/cases/{id}?error=nofile") : throw Refuse.Field("file", "请选择要上传的文件。");
        }
        await using var stream = file.OpenReadStream();
        var (found, refusal) = await s.AddAttachmentAsync(id, stream, file.FileName, ct);
        if (!found)
        {
            return TypedResults.NotFound();
        }
        if (browser)
        {
            return TypedResults.Redirect($"/disputes/cases/{id}" + (refusal is null ? "?done=attachment" : "?error=" + Uri.EscapeDataString(refusal)));
        }
        return refusal is null ? TypedResults.Ok(await s.GetAsync(id, ct)) : throw Refuse.Field("file", refusal);
    }
}
