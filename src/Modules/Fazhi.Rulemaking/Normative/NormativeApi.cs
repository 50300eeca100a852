using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Web;
using Fazhi.Rulemaking.Precheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Rulemaking.Normative;

internal sealed record DraftResponse(Guid Id, string Title, string IssuingAuthority, Guid OrgUnitId, string DraftingUnitName, DraftStatus Status, string Standing, int Round,
    DateOnly SubmittedOn, DateOnly ReviewDueOn, bool ReviewOverdue, DateOnly EffectiveOn, int ValidityYears, DateOnly? ConcludedOn, string Conclusion, string? RegistrationNo,
    DateOnly? PublishedOn, DateOnly? FilingDueOn, DateOnly? FiledOn, bool FilingOverdue, DateOnly? ExpiresOn, long Version, DateOnly? RepealedOn = null, string RepealNote = "");

internal sealed record FindingResponse(Guid Id, int Round, string Rule, string RuleName, string Article, string? ArticleUrl, string DraftArticle, string Passage, string Message,
    string? Link, FindingDecision Decision, string DecisionReason);

internal sealed record ResubmitInput(string? Title, string? IssuingAuthority, string? Text, string? Basis, string? DraftingExplanation, string? CommentRecord,
    DateOnly? EffectiveOn, int? ValidityYears, long? Version);

internal sealed record VersionedConclusion(bool Pass, string? Conclusion, long? Version);

/// <summary>
/// /api/rulemaking: the legality pre-check, normative-document drafts (submit, resubmit, review, register, publish, file,
/// the 合法性审核意见书), settings, and the public list of published documents.
/// </summary>
internal static class NormativeApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/legality-precheck", async (PrecheckRequest i, NormativeService s, CancellationToken ct) => TypedResults.Ok(await s.PrecheckAsync(i, ct)))
            .RequirePermission(RulemakingPermissions.Draft);
        api.MapGet("/public/normative-documents", async (NormativePublic p, CancellationToken ct) => TypedResults.Ok(await p.ListAsync(ct))).AllowAnonymous();

        var g = api.MapGroup("/normative-documents").RequirePermission(RulemakingPermissions.Draft);
        g.MapGet("/", async (string? status, NormativeService s, CancellationToken ct) =>
        {
            DraftStatus? parsed = null;
            if (!string.IsNullOrEmpty(status))
            {
                parsed = Enum.TryParse<DraftStatus>(status, true, out var st) && Enum.IsDefined(st) ? st : throw Fazhi.Platform.Kit.Refuse.Field("status", "状态不正确。");
            }
            return TypedResults.Ok((await s.ListAsync(parsed, ct)).Select(d => ToResponse(d, s.Today)).ToList());
        });
        g.MapPost("/", async (DraftInput i, NormativeService s, CancellationToken ct) => TypedResults.Created((string?)null, await DetailAsync(s, (await s.SubmitAsync(i, ct)).Id, ct)));
        g.MapGet("/{id:guid}", async (Guid id, NormativeService s, CancellationToken ct) => TypedResults.Ok(await DetailAsync(s, id, ct)));
        g.MapPost("/{id:guid}/resubmit", async (Guid id, ResubmitInput i, NormativeService s, CancellationToken ct) =>
        {
            await s.ResubmitAsync(id, new DraftInput(i.Title, i.IssuingAuthority, i.Text, i.Basis, i.DraftingExplanation, i.CommentRecord, i.EffectiveOn, i.ValidityYears), i.Version, ct);
            return TypedResults.Ok(await DetailAsync(s, id, ct));
        });
        g.MapGet("/{id:guid}/opinion.docx", async (Guid id, NormativeService s, CancellationToken ct) =>
        {
            var (bytes, name) = await s.OpinionDocumentAsync(id, ct);
            return TypedResults.File(bytes, DocxTemplate.ContentType, name);
        });

        var r = g.MapGroup("/{id:guid}").RequirePermission(RulemakingPermissions.Review);
        r.MapPost("/findings/{findingId:guid}", async (Guid id, Guid findingId, FindingDecisionInput i, NormativeService s, CancellationToken ct) =>
            TypedResults.Ok(ToResponse(await s.DecideFindingAsync(id, findingId, i, ct))));
        r.MapPost("/opinions", async (Guid id, OpinionInput i, NormativeService s, CancellationToken ct) => TypedResults.Ok(await s.RecordOpinionAsync(id, i, ct)));
        r.MapPost("/conclusion", async (Guid id, VersionedConclusion i, NormativeService s, CancellationToken ct) =>
            TypedResults.Ok(ToResponse(await s.ConcludeAsync(id, new ConclusionInput(i.Pass, i.Conclusion), i.Version, ct), s.Today)));
        r.MapPost("/register", async (Guid id, NormativeService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.RegisterAsync(id, ct), s.Today)));
        r.MapPost("/publish", async (Guid id, PublishInput i, NormativeService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.PublishAsync(id, i, ct), s.Today)));
        r.MapPost("/filing", async (Guid id, FilingInput i, NormativeService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.FileAsync(id, i, ct), s.Today)));

        api.MapGet("/settings", async (NormativeService s, CancellationToken ct) => TypedResults.Ok(await s.SettingsAsync(ct))).RequirePermission(RulemakingPermissions.Review);
        api.MapPut("/settings", async (SettingsInput i, NormativeService s, CancellationToken ct) => TypedResults.Ok(await s.SaveSettingsAsync(i, ct)))
            .RequirePermission(RulemakingPermissions.Review);
    }

    private static async Task<object> DetailAsync(NormativeService s, Guid id, CancellationToken ct)
    {
        var d = await s.GetAsync(id, ct);
        return new
        {
            draft = ToResponse(d.Draft, s.Today), text = d.Draft.Text, basis = d.Draft.Basis, draftingExplanation = d.Draft.DraftingExplanation, commentRecord = d.Draft.CommentRecord,
            articles = d.Articles.Select(a => a.Label).ToList(),
            findings = d.Findings.Select(ToResponse).ToList(),
            opinions = d.Opinions.Select(o => new { o.ArticleLabel, o.Verdict, o.Reason, o.Round }).ToList(),
            earlierFindings = d.EarlierFindings.Select(ToResponse).ToList(),
        };
    }

    internal static FindingResponse ToResponse(DraftFinding f) =>
        new(f.Id, f.Round, f.Rule, f.RuleName, f.Article, f.ArticleUrl, f.DraftArticle, f.Passage, f.Message, f.Link, f.Decision, f.DecisionReason);

    internal static DraftResponse ToResponse(NormativeDraft d, DateOnly today) => new(d.Id, d.Title, d.IssuingAuthority, d.OrgUnitId, d.DraftingUnitName, d.Status,
        NormativeService.StandingOf(d, today), d.Round, d.SubmittedOn, d.ReviewDueOn, d.Status == DraftStatus.UnderReview && d.ReviewDueOn < today, d.EffectiveOn, d.ValidityYears,
        d.ConcludedOn, d.Conclusion, d.RegistrationNo, d.PublishedOn, d.FilingDueOn, d.FiledOn, d.FiledOn is null && d.FilingDueOn < today, d.ExpiresOn, d.Version,
        d.RepealedOn, d.RepealNote);
}
