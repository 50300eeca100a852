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
/// table (character bigrams, lower-cased) or on the decision number / credit code, dates and bodies are range/equality filters on indexed columns,
/// and the order (decided on, id) follows an index; a page fetches one row more than it shows instead of counting.
/// </summary>
internal sealed class PublicSearch(EnforcementDb db)
{
    public const int PageSize = 20;

    /// <summary>
    /// The searchable terms of a decision: distinct character bigrams of its text fields. Decision numbers and credit
    /// codes are found by exact match on their own indexed columns instead, which keeps the term table small
    /// (about 50 rows per decision).
    /// </summary>
    public static IEnumerable<string> Terms(PublishedDecision d) =>
        string.Join('\u0001', d.BodyName, d.PartyDisplay, d.MatterName, d.PenaltyText).Split('\u0001').SelectMany(Bigrams).Distinct();

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

    /// <summary>The bigrams a query must all match (empty for a one-character query).</summary>
    public static List<string> QueryTerms(string q) => Bigrams(q.Trim()).Distinct().Take(16).ToList();

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
            var text = query.Q.Trim();
            // A decision number or credit code: one equality lookup on its index.
            var exact = q.Where(d => d.DecisionNumber == text || d.PartyCreditCode == text);
            if (await exact.AnyAsync(ct))
            {
                q = exact;
            }
            else
            {
                var terms = QueryTerms(text);
                if (terms.Count == 0)
                {
                    // One character: too unselective for an index anyway; a bounded scan of the text columns.
                    q = q.Where(d => d.PartyDisplay.Contains(text) || d.MatterName.Contains(text));
                }
                foreach (var term in terms)
                {
                    q = q.Where(d => db.PublishedTerms.Any(t => t.Term == term && t.DecisionId == d.Id));
                }
            }
        }
        var page = Math.Clamp(query.Page, 1, 500);
        var rows = await q.OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(d => new PublicDecisionRow(d.Id, d.DecisionNumber, d.BodyName, d.PartyDisplay, d.PartyCreditCode, d.MatterName, d.PenaltyText, d.DecidedOn, d.PublishedOn))
            .ToListAsync(ct);
        return new PublicSearchResult(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }

    /// <summary>Bodies that have published decisions (for the filter list).</summary>
    public Task<List<(Guid Id, string Name)>> BodiesAsync(CancellationToken ct) =>
        db.Bodies.AsNoTracking().OrderBy(b => b.OrgCode).Select(b => new ValueTuple<Guid, string>(b.OrgUnitId, b.Name)).ToListAsync(ct);
}
