namespace Fazhi.Library.Works;

/// <summary>The library's addresses: a work, a version, an article (stable: /library/{work}/{version}/art-33).</summary>
internal static class LibraryUrls
{
    public static string Work(Guid work) => $"/library/{work}";

    public static string Version(Guid work, int version) => $"/library/{work}/{version}";

    public static string Article(Guid work, int version, string anchor) => $"/library/{work}/{version}/{anchor}";
}
