using System.Globalization;
using Fazhi.Enforcement.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Publicity;

internal sealed record PublicDecisionRow(Guid Id, string DecisionNumber, string BodyName, string PartyDisplay, string? PartyCreditCode, string MatterName,
    string PenaltyText, DateOnly DecidedOn, DateOnly PublishedOn);

internal sealed record PublicSearchQuery(string? Q, Guid? Body, DateOnly? From, DateOnly? To, int Page = 1);

internal sealed record PublicSearchResult(IReadOnlyList<PublicDecisionRow> Rows, int Page, bool HasMore);

/// <summary>
/// The public search of published penalty decisions. Index-friendly: a keyword becomes equality lookups on the term
/// table (character bigrams, lower-cased, plus single characters of the party and matter) or on the decision number / credit code,
/// dates and bodies are range/equality filters on indexed columns, and the order (decided on, id) follows an index; a page
/// fetches one row more than it shows instead of counting.
/// </summary>
/// <remarks>
/// Keyword plan: the terms are counted first (each count capped, an index range on the term table's primary key). A term
/// with no row means no result. If the rarest term has few rows, the query is driven from the term table (its rows,
/// intersected with the other terms, then the small result sorted); if every term is common, walking the decisions newest
/// first and probing the term table finds a page after a few hundred rows, which is cheaper than sorting tens of thousands.
/// </remarks>
internal sealed class PublicSearch(EnforcementDb db)
{
    public const int PageSize = 20;

    /// <summary>
    /// Below this many rows (page 1; it grows with the square root of the page) the rarest term drives the query. Walking
    /// newest first reads about 20 × decisions / rows of the term per page, driving reads the term's rows: they cross near
    /// the square root of 20 × decisions (1,400 at 100,000 decisions). Settable so that tests compare both plans.
    /// </summary>
    public int DriveLimit { get; init; } = 2000;

    /// <summary>
    /// The searchable terms of a decision: distinct character bigrams of its text fields, and the single characters
    /// (<see cref="Unigram"/>) of the party and the matter, so that a one-character query (a surname: 孟**) is an index lookup too.
    /// Decision numbers and credit codes are found by exact match on their own indexed columns instead, which keeps the term
    /// table small (about 55 rows per decision).
    /// </summary>
    /// <remarks>The migration <c>SupervisionIndexesAndSearchTerms</c> adds the single characters of existing decisions in SQL with the same rule.</remarks>
    public static IEnumerable<string> Terms(PublishedDecision d) =>
        string.Join('\u0001', d.BodyName, d.PartyDisplay, d.MatterName, d.PenaltyText).Split('\u0001').SelectMany(Bigrams)
            .Concat(Elements(d.PartyDisplay.ToLowerInvariant()).Concat(Elements(d.MatterName.ToLowerInvariant())).Where(Unigram))
            .Distinct();

    private static IEnumerable<string> Bigrams(string text)
    {
        var chars = Elements(text.ToLowerInvariant());
        for (var i = 0; i + 1 < chars.Count; i++)
        {
            if (Searchable(chars[i]) && Searchable(chars[i + 1]))
            {
                yield return chars[i] + chars[i + 1];
            }
        }
    }

    /// <summary>
    /// A character indexed on its own: a CJK unified ideograph (U+4E00–U+9FFF) or an ASCII letter or digit (lower case).
    /// Kept this narrow so that the migration's SQL backfill computes exactly the same set on both engines.
    /// </summary>
    public static bool Unigram(string e) => e.Length == 1 && (e[0] is >= '\u4e00' and <= '\u9fff' or >= 'a' and <= 'z' or >= '0' and <= '9');

    /// <summary>
    /// The terms a query must all match: its bigrams; for a query without any (one character, or characters separated by
    /// spaces or punctuation) its single characters. Empty when nothing in it is searchable.
    /// </summary>
    public static List<string> QueryTerms(string q)
    {
        var text = q.Trim();
        var bigrams = Bigrams(text).Distinct().Take(16).ToList();
        return bigrams.Count > 0 ? bigrams : Elements(text.ToLowerInvariant()).Where(Unigram).Distinct().Take(16).ToList();
    }

    private static bool Searchable(string e) => e.Length > 0 && !char.IsWhiteSpace(e[0]) && !char.IsPunctuation(e[0]) && e[0] != '*' && e[0] != '\u0001';

    private static List<string> Elements(string s)
    {
        var list = new List<string>(s.Length);
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext())
        {
            list.Add(e.GetTextElement());
        }
        return list;
    }

    public async Task<PublicSearchResult> SearchAsync(PublicSearchQuery query, CancellationToken ct)
    {
        var page = Math.Clamp(query.Page, 1, 500);
        var q = db.PublishedDecisions.AsNoTracking().Where(d => d.WithdrawnOn == null);
        if (query.Body is { } body)
        {
            q = q.Where(d => d.OrgUnitId == body);
        }
        if (query.From is { } from)
        {
            q = q.Where(d => d.DecidedOn >= from);
        }
        if (query.To is { } to)
        {
            q = q.Where(d => d.DecidedOn <= to);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var keyword = await KeywordAsync(q, query.Q.Trim(), page, ct);
            if (keyword is null)
            {
                return new PublicSearchResult([], page, false);
            }
            q = keyword;
        }
        var rows = await q.OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(d => new PublicDecisionRow(d.Id, d.DecisionNumber, d.BodyName, d.PartyDisplay, d.PartyCreditCode, d.MatterName, d.PenaltyText, d.DecidedOn, d.PublishedOn))
            .ToListAsync(ct);
        return new PublicSearchResult(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }

    /// <summary>The decisions matching a keyword, or null when none can (a term without any row).</summary>
    private async Task<IQueryable<PublishedDecision>?> KeywordAsync(IQueryable<PublishedDecision> q, string text, int page, CancellationToken ct)
    {
        // A decision number or credit code: an equality lookup on its own index (one at a time: an OR of the two columns
        // keeps both indexes out and reads every published decision). A credit code has 18 characters.
        var byNumber = q.Where(d => d.DecisionNumber == text);
        if (await byNumber.AnyAsync(ct))
        {
            return byNumber;
        }
        if (text.Length == 18)
        {
            var byCode = q.Where(d => d.PartyCreditCode == text);
            if (await byCode.AnyAsync(ct))
            {
                return byCode;
            }
        }
        var terms = QueryTerms(text);
        if (terms.Count == 0)
        {
            return null;
        }
        var limit = (int)(DriveLimit * Math.Sqrt(page));
        var counted = new List<(string Term, int Count)>(terms.Count);
        foreach (var term in terms)
        {
            var count = await db.PublishedTerms.Where(t => t.Term == term).OrderBy(t => t.DecisionId).Take(limit + 1).CountAsync(ct);
            if (count == 0)
            {
                return null;
            }
            counted.Add((term, count));
        }
        counted.Sort((a, b) => a.Count.CompareTo(b.Count));
        var rarest = counted[0];
        if (rarest.Count <= limit)
        {
            // Driven from the term table: the rarest term's rows (primary key (Term, DecisionId)), each checked for the other terms.
            var ids = db.PublishedTerms.Where(t => t.Term == rarest.Term).Select(t => t.DecisionId);
            foreach (var (term, _) in counted.Skip(1))
            {
                ids = ids.Where(id => db.PublishedTerms.Any(t => t.Term == term && t.DecisionId == id));
            }
            return q.Where(d => ids.Contains(d.Id));
        }
        // Every term is common: walk the decisions in page order, probing the rarest term first.
        foreach (var (term, _) in counted)
        {
            q = q.Where(d => db.PublishedTerms.Any(t => t.Term == term && t.DecisionId == d.Id));
        }
        return q;
    }

    /// <summary>Bodies that have published decisions (for the filter list).</summary>
    public Task<List<(Guid Id, string Name)>> BodiesAsync(CancellationToken ct) =>
        db.Bodies.AsNoTracking().OrderBy(b => b.OrgCode).Select(b => new ValueTuple<Guid, string>(b.OrgUnitId, b.Name)).ToListAsync(ct);
}
