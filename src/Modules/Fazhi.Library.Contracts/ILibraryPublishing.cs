namespace Fazhi.Library.Contracts;

/// <summary>What kind of text another module publishes into the library (its effect level there).</summary>
public enum PublishedTextKind
{
    /// <summary>设区的市的地方性法规.</summary>
    MunicipalRegulation,

    /// <summary>地方政府规章.</summary>
    GovernmentRule,

    /// <summary>行政规范性文件.</summary>
    NormativeDocument,
}

/// <summary>A text published by the city (a regulation, a rule, a normative document) as it goes into the library.</summary>
public sealed record PublishedText(
    string Title,
    PublishedTextKind Kind,
    string IssuingBody,
    string? DocumentNumber,
    DateOnly PublishedOn,
    DateOnly EffectiveOn,
    string Text);

/// <summary>Where the published text is in the library: the work, the version's number, whether the work is new, its page.</summary>
public sealed record LibraryEntry(Guid WorkId, int VersionNumber, bool NewWork, string Url);

/// <summary>
/// The regulation library's small write side for the modules that make law (ADR 0047): a published text becomes a new work,
/// or a new version of the work with the same title; a repeal or a declaration of invalidity ends the work's validity.
/// Each write is the library's own (audited, indexed, in the change feed); refusals are the platform's refusal type.
/// </summary>
public interface ILibraryPublishing
{
    /// <summary>Stores the text as a new work or version; publishing the same text again changes nothing and returns where it is.</summary>
    Task<LibraryEntry> PublishAsync(PublishedText text, CancellationToken ct);

    /// <summary>
    /// Ends the validity of the work with this title: 已废止 (<paramref name="repealed"/>) or 失效, from <paramref name="on"/>,
    /// with the note. Returns false when the library has no such work (a document adopted before the library held it).
    /// On or before the day the latest version takes effect, the text is repealed or declared void before taking effect
    /// (施行前废止): that version never applies (shown and searchable as 已废止 / 失效, 未生效), its text kept in the history;
    /// refused only when <paramref name="on"/> is before that version's publication.
    /// </summary>
    Task<bool> EndAsync(string title, bool repealed, DateOnly on, string note, CancellationToken ct);
}
