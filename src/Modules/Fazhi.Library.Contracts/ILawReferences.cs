namespace Fazhi.Library.Contracts;

/// <summary>
/// What became of a cited article: still the same text, amended (the text changed in a later version), renumbered away
/// (the later version has no article with that number), the whole work repealed or lapsed, or not found in the library.
/// </summary>
public enum ReferenceState
{
    /// <summary>The article is in force today with the text it had on the asked date.</summary>
    Current,

    /// <summary>A later version changed the article's text.</summary>
    Amended,

    /// <summary>A later version has no article with this number.</summary>
    Removed,

    /// <summary>The work was repealed or lapsed.</summary>
    Repealed,

    /// <summary>On the asked date the work was not yet in force (or the article did not exist yet).</summary>
    NotYetInForce,

    /// <summary>The library has no such work or article.</summary>
    NotFound,

    /// <summary>The work was in force on the asked date, but the library holds only later versions of it.</summary>
    VersionMissing,
}

/// <summary>
/// A citation resolved against the library: the article as it stood on the asked date (its address and text), and what it
/// is today. <see cref="CurrentUrl"/> points at the article in the version in force today when that differs.
/// </summary>
public sealed record LawReference(
    string Citation,
    ReferenceState State,
    string? WorkTitle,
    string? ArticleLabel,
    string? Url,
    string? Text,
    string? CurrentUrl,
    string StateLabel);

/// <summary>
/// The regulation library for the other modules: resolve 《行政处罚法》第三十三条-style citations to the article as in force
/// on a date, and say whether it still is. Free of the library's internals; other modules reference only this project.
/// </summary>
public interface ILawReferences
{
    /// <summary>Every citation found in a text (a rule's legal basis, a question's 法条), each resolved on <paramref name="on"/>.</summary>
    Task<IReadOnlyList<LawReference>> ResolveAllAsync(string text, DateOnly on, CancellationToken ct);

    /// <summary>One citation: 《work》第X条 or a work's title and an article label.</summary>
    Task<LawReference> ResolveAsync(string citation, DateOnly on, CancellationToken ct);
}
