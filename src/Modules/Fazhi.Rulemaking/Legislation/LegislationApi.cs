using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Fazhi.Rulemaking.Precheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Rulemaking.Legislation;

internal sealed record CommentTrackInput(string? Number, string? QueryCode);

/// <summary>
/// /api/rulemaking/legislation: the plan and its changes, projects and their stages, draft versions and their comparison,
/// answers to comments, contact points, settings; the public drafts open for comment, commenting and reading the answer.
/// </summary>
internal static class LegislationApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var pub = api.MapGroup("/public/legislation").AllowAnonymous().RequireRateLimiting(LegislationFeature.PublicRateLimit);
        pub.MapGet("/", async (LegislationService s, CancellationToken ct) => TypedResults.Ok((await s.PublicDraftsAsync(ct)).Select(p => new
        {
            p.Id, p.Title, kind = LegislationProcedure.KindName(p.Kind), p.UnitName, p.CommentFrom, p.CommentTo,
        }).ToList()));
        pub.MapGet("/{id:guid}", async Task<Results<Ok<object>, NotFound>> (Guid id, LegislationService s, CancellationToken ct) =>
            await s.PublicDraftAsync(id, ct) is { } d
                ? TypedResults.Ok<object>(new
                {
                    d.Project.Id, d.Project.Title, kind = LegislationProcedure.KindName(d.Project.Kind), d.Project.UnitName, d.Project.CommentFrom, d.Project.CommentTo,
                    version = d.Version.No, articles = d.Articles.Select(a => new { label = a.Label, text = a.Text }).ToList(),
                })
                : TypedResults.NotFound());
        pub.MapPost("/{id:guid}/code", async (Guid id, CommentCodeInput i, LegislationService s, HttpContext http, CancellationToken ct) =>
        {
            await s.SendCodeAsync(id, i, http.Connection.RemoteIpAddress?.ToString(), ct);
            return TypedResults.Ok(new { message = LegislationService.CodeSentMessage });
        });
        pub.MapPost("/comments", async (PublicCommentInput i, LegislationService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.SubmitPublicAsync(i, ct)));
        pub.MapPost("/comments/track", async Task<Results<Ok<CommentTracking>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> (CommentTrackInput i, LegislationService s,
            CancellationToken ct) =>
            await s.TrackAsync(i.Number, i.QueryCode, ct) is { } view
                ? TypedResults.Ok(view)
                : TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "意见编号或查询码不正确，请核对后重试。" }));

        var g = api.MapGroup("/legislation").RequirePermission(RulemakingPermissions.LegislationWork);
        g.MapGet("/plans", async (LegislationService s, CancellationToken ct) => TypedResults.Ok(await s.PlansAsync(ct)));
        g.MapGet("/plans/{id:guid}/changes", async (Guid id, LegislationService s, CancellationToken ct) => TypedResults.Ok(await s.ChangesAsync(id, ct)));
        g.MapGet("/projects", async (LegislationService s, CancellationToken ct) => TypedResults.Ok(await s.ProjectsAsync(ct)));
        g.MapGet("/projects/{id:guid}", async (Guid id, LegislationService s, CancellationToken ct) => TypedResults.Ok(await DetailAsync(s, id, ct)));
        g.MapPost("/projects/{id:guid}/versions", async (Guid id, VersionInput i, LegislationService s, CancellationToken ct) =>
            TypedResults.Created((string?)null, Version(await s.AddVersionAsync(id, i, ct))));
        g.MapGet("/projects/{id:guid}/compare", async (Guid id, int? from, int? to, LegislationService s, CancellationToken ct) =>
        {
            var (a, b, rows) = await s.CompareAsync(id, from ?? 0, to ?? 0, ct);
            return TypedResults.Ok(new { from = a.No, to = b.No, rows });
        });
        g.MapPost("/comments/{id:guid}/answer", async (Guid id, AnswerInput i, LegislationService s, CancellationToken ct) => TypedResults.Ok(await s.AnswerAsync(id, i, ct)));

        var m = api.MapGroup("/legislation").RequirePermission(RulemakingPermissions.LegislationWork).RequirePermission(RulemakingPermissions.LegislationManage);
        m.MapPost("/plans", async (PlanInput i, LegislationService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.CreatePlanAsync(i, ct)));
        m.MapPost("/plans/{id:guid}/adopt", async (Guid id, LegislationService s, CancellationToken ct) => TypedResults.Ok(await s.AdoptPlanAsync(id, ct)));
        m.MapPost("/plans/{id:guid}/items", async (Guid id, PlanItemInput i, LegislationService s, CancellationToken ct) =>
            TypedResults.Created((string?)null, await s.AddItemAsync(id, i, ct)));
        m.MapPost("/projects/{id:guid}/plan", async (Guid id, PlanItemChangeInput i, LegislationService s, CancellationToken ct) => TypedResults.Ok(await s.ChangeItemAsync(id, i, ct)));
        m.MapPost("/projects/{id:guid}/withdraw", async (Guid id, WithdrawInput i, LegislationService s, CancellationToken ct) => TypedResults.Ok(await s.WithdrawAsync(id, i, ct)));
        m.MapPost("/projects/{id:guid}/advance", async (Guid id, AdvanceInput i, LegislationService s, CancellationToken ct) =>
        {
            await s.AdvanceAsync(id, i, ct);
            return TypedResults.Ok(await DetailAsync(s, id, ct));
        });
        // 审查阶段再次公开征求意见 (规章制定程序条例 第二十一条, ADR 0069).
        m.MapPost("/projects/{id:guid}/comment-rounds", async (Guid id, CommentRoundInput i, LegislationService s, CancellationToken ct) =>
        {
            await s.OpenReviewRoundAsync(id, i, ct);
            return TypedResults.Created((string?)null, await DetailAsync(s, id, ct));
        });
        m.MapGet("/settings", async (LegislationService s, CancellationToken ct) => TypedResults.Ok(await s.SettingsAsync(ct)));
        m.MapPut("/settings", async (LegislationSettingsInput i, LegislationService s, CancellationToken ct) => TypedResults.Ok(await s.SaveSettingsAsync(i, ct)));
        m.MapGet("/contact-points", async (LegislationService s, CancellationToken ct) => TypedResults.Ok((await s.ContactPointsAsync(ct)).Select(v => new
        {
            v.Point.Id, v.Point.Name, v.UnitName, v.Point.EstablishedOn, v.Comments, v.Adopted, v.Drafts,
        }).ToList()));
        m.MapPost("/contact-points", async (ContactPointInput i, LegislationService s, CancellationToken ct) => TypedResults.Created((string?)null, await s.CreateContactPointAsync(i, ct)));

        var c = api.MapGroup("/legislation/contact").RequirePermission(RulemakingPermissions.LegislationContact);
        c.MapGet("/drafts", async (LegislationService s, CancellationToken ct) => TypedResults.Ok((await s.PublicDraftsAsync(ct)).Select(p => new { p.Id, p.Title, p.CommentTo }).ToList()));
        c.MapPost("/drafts/{id:guid}/comments", async (Guid id, BulkInput i, LegislationService s, CancellationToken ct) =>
            TypedResults.Created((string?)null, (await s.SubmitBulkAsync(id, i, ct)).Select(x => new { x.Number, x.ArticleLabel, x.VersionNo }).ToList()));
        c.MapGet("/submissions", async (LegislationService s, CancellationToken ct) => TypedResults.Ok((await s.MySubmissionsAsync(ct)).Select(x => new
        {
            x.Comment.Number, x.ProjectTitle, x.Comment.VersionNo, x.Comment.ArticleLabel, x.Comment.Text, x.Comment.Answer, x.Comment.AnswerReason,
        }).ToList()));
    }

    private static object Version(DraftVersion v) => new
    {
        v.Id, v.No, v.Name, v.Note, v.CreatedOn, articles = DraftArticles.Split(v.Text).Select(a => new { label = a.Label, text = a.Text }).ToList(),
    };

    private static async Task<object> DetailAsync(LegislationService s, Guid id, CancellationToken ct)
    {
        var d = await s.GetAsync(id, ct);
        return new
        {
            project = d.Project, plan = d.Plan,
            stages = d.Stages.Select(x => new { x.Stage, name = LegislationProcedure.Name(x.Stage), x.On, x.Note, x.By }).ToList(),
            rounds = d.Rounds.Select(r => new
            {
                r.No, r.Stage, name = LegislationProcedure.RoundName(r), r.VersionNo, r.From, r.To, r.ShortReason, r.OpenedBy, r.OpenedOn,
                comments = d.Comments.Count(c => c.Comment.VersionId == r.VersionId), answered = d.Comments.Count(c => c.Comment.VersionId == r.VersionId && c.Comment.Answer != null),
            }).ToList(),
            versions = d.Versions.Select(Version).ToList(),
            comments = d.Comments.Select(x => new
            {
                x.Comment.Id, x.Comment.Number, round = d.RoundOf(x.Comment)?.No, x.Comment.VersionNo, x.Comment.ArticleLabel, x.Comment.ArticleText, x.Comment.Text, x.Comment.CommenterName, contactPoint = x.ContactPointName,
                x.Comment.Answer, x.Comment.AnswerReason, x.Comment.AnsweredOn, nowLabel = x.NowLabel, latestVersion = x.LatestVersionNo,
            }).ToList(),
            changes = d.Changes,
        };
    }
}
