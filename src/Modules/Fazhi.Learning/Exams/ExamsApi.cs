using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Learning.Exams;

/// <summary>A started (or resumed) attempt, with its paper as <c>GET /attempts/{id}</c> gives it, so the first screen needs no second request.</summary>
internal sealed record StartResponse(Guid AttemptId, int Number, long DeadlineMs, long RemainingSeconds, TakerAttempt Paper);

internal sealed record ExamResponse(Guid Id, string Title, Guid PaperId, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int TimeLimitMinutes, int MaxAttempts, int PassMark,
    ExamStatus Status, bool ResultsReleased, long Version);

internal sealed record PaperResponse(Guid Id, string Title, PaperMode Mode, int Questions, string Rules, int PointsEach, long Version);

/// <summary>
/// /api/learning: papers and exams for the office; /my/exams, /exams/{id}/start and /attempts/{id} for takers (their own
/// attempts only; nothing returns a right answer before the office releases them).
/// </summary>
internal static class ExamsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var office = api.MapGroup("").RequirePermission(LearningPermissions.Manage);
        office.MapGet("/papers", async (ExamService s, CancellationToken ct) => TypedResults.Ok((await s.PapersAsync(ct)).Select(ToResponse).ToList()));
        office.MapPost("/papers", async (PaperInput i, ExamService s, CancellationToken ct) => TypedResults.Created((string?)null, ToResponse(await s.CreatePaperAsync(i, ct))));
        office.MapGet("/exams", async (ExamService s, CancellationToken ct) => TypedResults.Ok((await s.ExamsAsync(ct)).Select(ToResponse).ToList()));
        office.MapGet("/exams/{id:guid}", async (Guid id, ExamService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.ExamAsync(id, ct))));
        office.MapPost("/exams", async (ExamInput i, ExamService s, CancellationToken ct) => TypedResults.Created((string?)null, ToResponse(await s.CreateExamAsync(i, ct))));
        office.MapPost("/exams/{id:guid}/publish", async (Guid id, VersionInput i, ExamService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.PublishAsync(id, i, ct))));
        office.MapPost("/exams/{id:guid}/release", async (Guid id, VersionInput i, ExamService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.ReleaseAsync(id, i, ct))));
        office.MapGet("/exams/{id:guid}/proctor", async (Guid id, ProctorService s, CancellationToken ct) => TypedResults.Ok(await s.ViewAsync(id, ct)));
        office.MapPost("/attempts/{id:guid}/extend", async (Guid id, ExtendInput i, ProctorService s, CancellationToken ct) =>
        {
            var a = await s.ExtendAsync(id, i, ct);
            return TypedResults.Ok(new { a.Id, a.DeadlineMs, a.ExtraMinutes, a.ExtraReason, a.Version });
        });
        office.MapPost("/attempts/{id:guid}/release-session", async (Guid id, ReleaseSessionInput i, ProctorService s, CancellationToken ct) =>
        {
            var a = await s.ReleaseSessionAsync(id, i, ct);
            return TypedResults.Ok(new { a.Id, a.Version });
        });
        office.MapPut("/exams/{id:guid}/access", async (Guid id, AccessInput i, ExamService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.UpdateAccessAsync(id, i, ct))));
        office.MapGet("/exams/{id:guid}/codes", async (Guid id, ExamCodes s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(id, ct)));
        office.MapPost("/exams/{id:guid}/codes", async (Guid id, ExamCodes s, ExamService exams, HttpContext http, CancellationToken ct) =>
        {
            // A plain form (the page's button) or no body: the optional unit whose subtree gets codes.
            var text = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct))["unitId"].ToString() : "";
            Guid? unitId = text.Length == 0 ? null : Guid.TryParse(text, out var u) ? u : throw Refuse.Field("unitId", "请选择单位。");
            var issued = await s.IssueAsync(id, new IssueCodesInput(unitId), ct);
            var exam = await exams.ExamAsync(id, ct);
            var address = $"{http.Request.Scheme}://{http.Request.Host}/learning/code";
            return TypedResults.File(ExamCodes.Workbook(exam, issued, address), Fazhi.Platform.Features.Documents.XlsxWriter.ContentType, $"考试码-{exam.Title}.xlsx");
        }).RequireAntiforgeryForCookies();
        office.MapPost("/attempts/sweep", async (ExamService s, CancellationToken ct) => TypedResults.Ok(new { submitted = await s.SweepAsync(ct) }));

        var taker = api.MapGroup("").RequireAuthorization();
        taker.MapGet("/my/exams", async (ExamService s, CancellationToken ct) => TypedResults.Ok(await s.MyExamsAsync(ct)));
        taker.MapPost("/exams/{id:guid}/start", async (Guid id, StartInput i, ExamService s, CancellationToken ct) =>
        {
            var (a, paper) = await s.StartWithPaperAsync(id, i, ct);
            return TypedResults.Ok(new StartResponse(a.Id, a.Number, a.DeadlineMs, Math.Max(0, (a.DeadlineMs - s.NowMs) / 1000), paper));
        });
        taker.MapGet("/attempts/{id:guid}", async (Guid id, ExamService s, CancellationToken ct) => TypedResults.Ok(await s.ViewAsync(id, ct)));
        taker.MapPut("/attempts/{id:guid}/answers/{position:int}", async (Guid id, int position, AnswerInput i, ExamService s, CancellationToken ct) =>
            TypedResults.Ok(await s.SaveAnswerAsync(id, position, i, ct)));
        taker.MapPost("/attempts/{id:guid}/away", async (Guid id, SessionInput i, ExamService s, CancellationToken ct) =>
        {
            await s.AwayAsync(id, i, ct);
            return TypedResults.NoContent();
        });
        taker.MapPost("/attempts/{id:guid}/submit", async (Guid id, SessionInput i, ExamService s, CancellationToken ct) => TypedResults.Ok(await s.HandInAsync(id, i, ct)));
        taker.MapGet("/exams/{id:guid}/gate", async (Guid id, ExamService s, CancellationToken ct) => TypedResults.Ok(await s.GateAsync(id, ct)));

        // One-time exam codes (ADR 0037): the sign-in is public and rate-limited; everything else asks for the code's own scheme,
        // which no other endpoint or page accepts. The same taking procedures, acting for the code's person and exam only.
        api.MapPost("/code/sign-in", async (CodeSignInInput i, ExamCodes s, HttpContext http, CancellationToken ct) => TypedResults.Ok(await s.SignInAsync(http, i, ct)))
            .AllowAnonymous().RequireRateLimiting(LearningModule.CodeSignInRateLimit);
        var code = api.MapGroup("/code").RequireAuthorization(LearningCodeAuth.Policy);
        code.MapGet("/my/exams", async (HttpContext http, CancellationToken ct) => TypedResults.Ok(await LearningCodeAuth.Service(http).MyExamsAsync(ct)));
        code.MapGet("/exams/{id:guid}/gate", async (Guid id, HttpContext http, CancellationToken ct) => TypedResults.Ok(await LearningCodeAuth.Service(http).GateAsync(id, ct)));
        code.MapPost("/exams/{id:guid}/start", async (Guid id, StartInput i, HttpContext http, CancellationToken ct) =>
        {
            var s = LearningCodeAuth.Service(http);
            var (a, paper) = await s.StartWithPaperAsync(id, i, ct);
            return TypedResults.Ok(new StartResponse(a.Id, a.Number, a.DeadlineMs, Math.Max(0, (a.DeadlineMs - s.NowMs) / 1000), paper));
        });
        code.MapGet("/attempts/{id:guid}", async (Guid id, HttpContext http, CancellationToken ct) => TypedResults.Ok(await LearningCodeAuth.Service(http).ViewAsync(id, ct)));
        code.MapPut("/attempts/{id:guid}/answers/{position:int}", async (Guid id, int position, AnswerInput i, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await LearningCodeAuth.Service(http).SaveAnswerAsync(id, position, i, ct)));
        code.MapPost("/attempts/{id:guid}/away", async (Guid id, SessionInput i, HttpContext http, CancellationToken ct) =>
        {
            await LearningCodeAuth.Service(http).AwayAsync(id, i, ct);
            return TypedResults.NoContent();
        });
        code.MapPost("/attempts/{id:guid}/submit", async (Guid id, SessionInput i, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await LearningCodeAuth.Service(http).HandInAsync(id, i, ct)));
        code.MapGet("/attempts/{id:guid}/certificate", async (Guid id, HttpContext http, CancellationToken ct) =>
        {
            var (content, name) = await LearningCodeAuth.Certificates(http).DocumentAsync(id, ct);
            return TypedResults.File(content, Fazhi.Platform.Features.Documents.DocxTemplate.ContentType, name);
        });
    }

    internal static ExamResponse ToResponse(Exam e) => new(e.Id, e.Title, e.PaperId, e.OpensAt, e.ClosesAt, e.TimeLimitMinutes, e.MaxAttempts, e.PassMark, e.Status, e.ResultsReleased, e.Version);

    internal static PaperResponse ToResponse(Paper p) => new(p.Id, p.Title, p.Mode,
        p.Mode == PaperMode.Fixed ? p.QuestionIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Length : PaperDraw.ParseRules(p.Rules).Sum(r => r.Count), p.Rules, p.PointsEach, p.Version);
}

/// <summary>Every minute: submits the attempts past their deadline as they stand (system work, ADR 0022).</summary>
internal sealed class AttemptSweepJob(ISystemWork systemWork, IServiceScopeFactory scopes) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = systemWork.Db<Data.LearningDb>("考试到时自动交卷");
        var service = ActivatorUtilities.CreateInstance<ExamService>(scope.ServiceProvider, db);
        await service.SweepAsync(cancellationToken);
    }
}
