using Fazhi.Library.Citations;
using Fazhi.Library.Compare;
using Fazhi.Library.Contracts;
using Fazhi.Library.Data;
using Fazhi.Library.Export;
using Fazhi.Library.Import;
using Fazhi.Library.Search;
using Fazhi.Library.Works;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Library;

/// <summary>The search query string of the API (<c>/api/library/search</c>): the words, filters and page.</summary>
internal sealed record SearchParameters(
    string? Q,
    int? Page,
    int? PageSize,
    [property: FromQuery(Name = "level")] EffectLevel[]? Level,
    [property: FromQuery(Name = "status")] ValidityStatus[]? Status,
    string? Issuer,
    string? Region,
    int? Year,
    DateOnly? On,
    Guid? Work,
    Guid? Version,
    bool? Titles,
    SearchSort? Sort)
{
    public SearchRequest ToRequest(bool publicOnly) => new()
    {
        Query = Q ?? "",
        Page = Page ?? 1,
        PageSize = PageSize ?? 20,
        Levels = Level ?? [],
        Statuses = Status ?? [],
        Issuer = Issuer,
        Region = Region,
        Year = Year,
        InForceOn = On,
        WorkId = Work,
        VersionId = Version,
        Titles = Titles ?? false,
        Sort = Sort ?? SearchSort.Relevance,
        PublicOnly = publicOnly,
    };
}

/// <summary>A document entered by hand (手工录入): its facts and its text, read like a .docx (one paragraph a line).</summary>
internal sealed record ManualEntry(string Title, EffectLevel Level, string? IssuingBody, string? Region, DateOnly? PromulgatedOn, DateOnly? EffectiveOn,
    string? DocumentNumber, bool IsPublic, string Text);

/// <summary>An article with the articles that cite it.</summary>
internal sealed record ArticleResponse(WorkDetail Work, VersionSummary Version, ProvisionView Article, IReadOnlyList<CitedBy> CitedBy);

/// <summary>The library's HTTP API: search and suggestions, works, versions, articles, comparison, exports, import and edits.</summary>
internal static class LibraryApi
{
    public static void Map(RouteGroupBuilder api)
    {
        // Reading the law needs only a signed-in account; the public reads the published part.
        api.MapGet("/search", async ([AsParameters] SearchParameters p, LibrarySearch s, CancellationToken ct) => TypedResults.Ok(await s.SearchAsync(p.ToRequest(false), ct)));
        api.MapGet("/suggest", async (string? q, LibrarySearch s, CancellationToken ct) => TypedResults.Ok(await s.SuggestAsync(q ?? "", false, ct)));
        api.MapGet("/public/search", async ([AsParameters] SearchParameters p, LibrarySearch s, CancellationToken ct) => TypedResults.Ok(await s.SearchAsync(p.ToRequest(true), ct)))
            .AllowAnonymous();
        api.MapGet("/public/suggest", async (string? q, LibrarySearch s, CancellationToken ct) => TypedResults.Ok(await s.SuggestAsync(q ?? "", true, ct))).AllowAnonymous();

        api.MapGet("/works", async (string? title, EffectLevel? level, int? page, int? pageSize, WorkQueries w, CancellationToken ct) =>
        {
            var pr = PageRequest.Of(page, pageSize);
            return TypedResults.Ok(await w.ListAsync(title, level, pr.Page, pr.PageSize, false, ct));
        });
        api.MapGet("/works/{id:guid}", async (Guid id, WorkQueries w, CancellationToken ct) => TypedResults.Ok(await w.WorkAsync(id, false, ct)));
        api.MapGet("/works/{id:guid}/in-force", async (Guid id, DateOnly on, WorkQueries w, CancellationToken ct) =>
            await w.InForceOnAsync(id, on, ct) is { } v ? Results.Ok(v) : throw Refuse.NotFound($"{on:yyyy-MM-dd} 该法规没有有效的版本"));
        api.MapGet("/works/{id:guid}/versions/{number:int}", async (Guid id, int number, WorkQueries w, CancellationToken ct) => TypedResults.Ok(await w.TextAsync(id, number, false, ct)));
        api.MapGet("/works/{id:guid}/versions/{number:int}/articles/{anchor}", async (Guid id, int number, string anchor, WorkQueries w, CancellationToken ct) =>
        {
            var (text, p) = await w.ProvisionAsync(id, number, anchor, false, ct);
            var cited = p.Kind == ProvisionKind.Article ? await w.CitedByAsync(id, p.Number, p.SubNumber, false, ct) : [];
            return TypedResults.Ok(new ArticleResponse(text.Work, text.Version, p, cited));
        });
        api.MapGet("/works/{id:guid}/compare", async (Guid id, int from, int to, LibraryDb db, CancellationToken ct) => TypedResults.Ok(await CompareAsync(db, id, from, to, ct)));
        api.MapGet("/works/{id:guid}/versions/{number:int}/akn", async (Guid id, int number, WorkQueries w, TimeProvider clock, CancellationToken ct) =>
        {
            var text = await w.TextAsync(id, number, false, ct);
            var doc = WorkExport.AkomaNtoso(text, clock.GetUtcNow().UtcDateTime);
            var xml = doc.Declaration + "\n" + doc.Root;
            return Results.File(System.Text.Encoding.UTF8.GetBytes(xml), "application/akn+xml", $"{FileName(text)}.xml");
        });
        api.MapGet("/works/{id:guid}/versions/{number:int}/docx", async (Guid id, int number, WorkQueries w, CancellationToken ct) =>
        {
            var text = await w.TextAsync(id, number, false, ct);
            return Results.File(WorkExport.Docx(text), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{FileName(text)}.docx");
        });
        api.MapGet("/references", async (string citation, DateOnly? on, ILawReferences refs, TimeProvider clock, CancellationToken ct) =>
        {
            var checks = new FieldChecks();
            TextRules.Required(checks, "citation", "引用", citation, 200);
            checks.ThrowIfAny();
            return TypedResults.Ok(await refs.ResolveAsync(citation, on ?? clock.ChinaToday(), ct));
        });

        var manage = api.MapGroup("").RequirePermission(LibraryPermissions.Manage);
        manage.MapPost("/import", ImportAsync).Accepts<IFormFile>("multipart/form-data").RequireAntiforgeryForCookies();
        manage.MapPost("/works", async (ManualEntry entry, LibraryImporter importer, CancellationToken ct) =>
        {
            var result = await importer.ImportManualAsync(entry, ct);
            return TypedResults.Created(LibraryUrls.Work(result.WorkId!.Value), result);
        });
        manage.MapPut("/works/{id:guid}", async (Guid id, WorkEdit edit, WorkService s, CancellationToken ct) =>
        {
            await s.UpdateAsync(id, edit, ct);
            return TypedResults.NoContent();
        });
        manage.MapPut("/works/{id:guid}/end", async (Guid id, WorkEndEdit edit, WorkService s, CancellationToken ct) =>
        {
            await s.SetEndAsync(id, edit, ct);
            return TypedResults.NoContent();
        });
        manage.MapPut("/works/{id:guid}/versions/{number:int}", async (Guid id, int number, VersionEdit edit, WorkService s, CancellationToken ct) =>
        {
            await s.UpdateVersionAsync(id, number, edit, ct);
            return TypedResults.NoContent();
        });
        manage.MapPut("/works/{id:guid}/versions/{number:int}/articles/{anchor}", async (Guid id, int number, string anchor, ArticleEdit edit, WorkService s, CancellationToken ct) =>
        {
            await s.EditArticleAsync(id, number, anchor, edit, ct);
            return TypedResults.NoContent();
        });
        manage.MapPost("/reindex", async (IndexFollower follower, CancellationToken ct) =>
        {
            var (works, docs, took) = await follower.RebuildAsync(ct);
            return TypedResults.Ok(new { works, documents = docs, milliseconds = (long)took.TotalMilliseconds });
        });
    }

    private static string FileName(VersionText text) => $"{text.Work.Title}（{text.Version.VersionDate:yyyy-MM-dd}）";

    internal static async Task<IReadOnlyList<ComparedArticle>> CompareAsync(LibraryDb db, Guid id, int from, int to, CancellationToken ct)
    {
        var versions = await db.Versions.AsNoTracking().Where(v => v.WorkId == id && (v.Number == from || v.Number == to)).ToListAsync(ct);
        var older = versions.FirstOrDefault(v => v.Number == from) ?? throw Refuse.Field("from", $"第 {from} 版不存在");
        var newer = versions.FirstOrDefault(v => v.Number == to) ?? throw Refuse.Field("to", $"第 {to} 版不存在");
        var ids = new[] { older.Id, newer.Id };
        var provisions = await db.Provisions.AsNoTracking().Where(p => ids.Contains(p.VersionId)).ToListAsync(ct);
        return VersionComparer.Compare(provisions.Where(p => p.VersionId == older.Id).ToList(), provisions.Where(p => p.VersionId == newer.Id).ToList());
    }

    private static async Task<Ok<List<ImportFileResult>>> ImportAsync(HttpRequest request, EffectLevel? level, LibraryImporter importer, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw Refuse.Field("file", "请以 multipart/form-data 上传 .md 或 .docx 文件");
        }
        var form = await request.ReadFormAsync(ct);
        if (form.Files.Count == 0)
        {
            throw Refuse.Field("file", "请选择要导入的 .md 或 .docx 文件");
        }
        var results = new List<ImportFileResult>();
        foreach (var file in form.Files)
        {
            results.Add(await importer.ImportUploadAsync(file, new ImportOptions(level), ct));
        }
        return TypedResults.Ok(results);
    }
}
