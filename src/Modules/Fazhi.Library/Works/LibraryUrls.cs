namespace Fazhi.Library.Works;

/// <summary>An address in the library taken apart: the work, the version and, for an article, its anchor.</summary>
internal readonly record struct LibraryAddress(Guid WorkId, int Version, string? Anchor);

/// <summary>The library's addresses: a work, a version, an article (stable: /library/{work}/{version}/art-33).</summary>
internal static class LibraryUrls
{
    public static string Work(Guid work) => $"/library/{work}";

    public static string Version(Guid work, int version) => $"/library/{work}/{version}";

    public static string Article(Guid work, int version, string anchor) => $"/library/{work}/{version}/{anchor}";

    /// <summary>The parts of a version or article address made by <see cref="Version"/> or <see cref="Article"/>; null for anything else.</summary>
    public static LibraryAddress? Parse(string? url)
    {
        var parts = (url ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 3 or > 4 || parts[0] != "library" || !Guid.TryParse(parts[1], out var work) || !int.TryParse(parts[2], out var version))
        {
            return null;
        }
        return new LibraryAddress(work, version, parts.Length == 4 ? parts[3] : null);
    }
}
