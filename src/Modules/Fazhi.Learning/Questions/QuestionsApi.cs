using Fazhi.Library.Contracts;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Learning.Questions;

internal sealed record CitationResponse(string Citation, string State, string StateLabel, string? Url, string? CurrentUrl, string? Text);

internal sealed record QuestionResponse(Guid Id, QuestionKind Kind, string Stem, IReadOnlyList<string> Options, string Answer, string Explanation, string Basis, DateOnly BasisOn,
    IReadOnlyList<CitationResponse> Citations, string Category, int Difficulty, bool Flagged, string FlagNote, DateOnly? FlaggedOn, long Version);

internal sealed record QuestionUpdateInput(QuestionKind Kind, string? Stem, string? Options, string? Answer, string? Explanation, string? Basis, string? Category, int Difficulty,
    long? Version);

/// <summary>/api/learning/questions: the office's question bank (with the keys: never reachable by a taker).</summary>
internal static class QuestionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/questions").RequirePermission(LearningPermissions.Manage);
        g.MapGet("/", async ([AsParameters] ListQuery list, string? kind, string? category, bool? flagged, QuestionService s, ILawReferences laws, CancellationToken ct) =>
        {
            QuestionKind? k = null;
            if (!string.IsNullOrEmpty(kind))
            {
                k = Enum.TryParse<QuestionKind>(kind, out var parsed) && Enum.IsDefined(parsed) ? parsed : throw Refuse.Field("kind", "题型应为 Single、Multiple、TrueFalse、FillIn 或 Short。");
            }
            var page = await s.PageAsync(QuestionService.Shape.Check(list), k, category, flagged, ct);
            var resolved = await laws.ResolveEachAsync(page.Items.Select(x => ((string?)x.Basis, x.BasisOn)), ct);
            return TypedResults.Ok(new Paged<QuestionResponse>(page.Items.Select(x => ToResponse(x, resolved.For(x.Basis, x.BasisOn))).ToList(), page.Total, page.Page, page.PageSize));
        });
        g.MapGet("/categories", async (QuestionService s, CancellationToken ct) => TypedResults.Ok(await s.CategoriesAsync(ct)));
        g.MapGet("/{id:guid}", async (Guid id, QuestionService s, ILawReferences laws, CancellationToken ct) =>
        {
            var q = await s.GetAsync(id, ct);
            return TypedResults.Ok(ToResponse(q, await laws.ResolveAllAsync(q.Basis, q.BasisOn, ct)));
        });
        g.MapPost("/", async (QuestionInput i, QuestionService s, CancellationToken ct) => TypedResults.Created((string?)null, ToResponse(await s.CreateAsync(i, ct), [])));
        g.MapPut("/{id:guid}", async (Guid id, QuestionUpdateInput i, QuestionService s, CancellationToken ct) =>
            TypedResults.Ok(ToResponse(await s.UpdateAsync(id, new QuestionInput(i.Kind, i.Stem, i.Options, i.Answer, i.Explanation, i.Basis, i.Category, i.Difficulty), i.Version, ct), [])));
        g.MapPost("/{id:guid}/review", async (Guid id, ReviewInput i, QuestionService s, CancellationToken ct) => TypedResults.Ok(ToResponse(await s.ReviewAsync(id, i, ct), [])));
        g.MapDelete("/{id:guid}", async (Guid id, QuestionService s, CancellationToken ct) =>
        {
            await s.RetireAsync(id, ct);
            return TypedResults.NoContent();
        });
        g.MapPost("/legal-check", async (QuestionService s, CancellationToken ct) => TypedResults.Ok(await s.CheckLegalChangesAsync(ct)));
        g.MapGet("/export", async (QuestionService s, CancellationToken ct) => TypedResults.File(await s.ExportAsync(ct), XlsxWriter.ContentType, "题库.xlsx"));
        g.MapPost("/import", async (HttpContext http, QuestionService s, CancellationToken ct) =>
        {
            var (_, file) = await ImportUploads.ReadAsync(http, ct);
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await s.ImportAsync(stream, ct));
        }).RequireAntiforgeryForCookies();
    }

    internal static QuestionResponse ToResponse(Question x, IReadOnlyList<LawReference> refs) => new(x.Id, x.Kind, x.Stem, QuestionRules.SplitOptions(x.Options), x.Answer,
        x.Explanation, x.Basis, x.BasisOn, refs.Select(r => new CitationResponse(r.Citation, r.State.ToString(), r.StateLabel, r.Url, r.CurrentUrl, r.Text)).ToList(), x.Category,
        x.Difficulty, x.Flagged, x.FlagNote, x.FlaggedOn, x.Version);
}

/// <summary>Daily: flags the questions whose cited articles changed (as system work, ADR 0022).</summary>
internal sealed class QuestionLegalCheckJob(ISystemWork systemWork, IServiceScopeFactory scopes) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = systemWork.Db<Data.LearningDb>("题库法条变更检查");
        var service = ActivatorUtilities.CreateInstance<QuestionService>(scope.ServiceProvider, db);
        await service.CheckLegalChangesAsync(cancellationToken);
    }
}
