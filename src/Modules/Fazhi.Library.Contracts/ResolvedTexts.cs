namespace Fazhi.Library.Contracts;

/// <summary>
/// The citations of many texts (the legal basis of every row on a page), each text resolved once on its date: a page asks
/// <see cref="LawReferencesBatch.ResolveEachAsync"/> once for all its rows, then reads each row's citations from here.
/// </summary>
public sealed class ResolvedTexts
{
    private readonly Dictionary<(string Text, DateOnly On), IReadOnlyList<LawReference>> _found;

    internal ResolvedTexts(Dictionary<(string Text, DateOnly On), IReadOnlyList<LawReference>> found) => _found = found;

    /// <summary>No texts resolved (before a page has loaded, or when it shows none).</summary>
    public static ResolvedTexts None { get; } = new([]);

    /// <summary>The citations found in <paramref name="text"/> resolved on <paramref name="on"/>; none for a text not asked about.</summary>
    public IReadOnlyList<LawReference> For(string? text, DateOnly on) =>
        text is not null && _found.TryGetValue((text, on), out var refs) ? refs : [];

    /// <summary>
    /// The same citations as plain values for a page's links (the platform's <c>CitedText</c> component): the citation as
    /// written, the article's address, the state label, the article in force today when it differs, and whether to flag it.
    /// </summary>
    public IReadOnlyList<(string Citation, string? Url, string StateLabel, string? CurrentUrl, bool Flagged)> Links(string? text, DateOnly on) =>
        For(text, on).Select(r => (r.Citation, r.Url, r.StateLabel, r.CurrentUrl, r.NeedsAttention())).ToList();
}

/// <summary>Resolving many texts with one call per distinct text and date.</summary>
public static class LawReferencesBatch
{
    /// <summary>
    /// Resolves every distinct (text, date) pair once, one after another (the library's lookups share the request's
    /// database context, so never concurrently).
    /// </summary>
    public static async Task<ResolvedTexts> ResolveEachAsync(this ILawReferences references, IEnumerable<(string? Text, DateOnly On)> texts, CancellationToken ct)
    {
        var found = new Dictionary<(string Text, DateOnly On), IReadOnlyList<LawReference>>();
        foreach (var (text, on) in texts)
        {
            if (!string.IsNullOrWhiteSpace(text) && !found.ContainsKey((text, on)))
            {
                found[(text, on)] = await references.ResolveAllAsync(text, on, ct);
            }
        }
        return new ResolvedTexts(found);
    }

    /// <summary>The article is not (or no longer) as cited: amended, removed, repealed, not yet in force, or not in the library.</summary>
    public static bool NeedsAttention(this LawReference reference) => reference.State != ReferenceState.Current;
}
