using Fazhi.Platform.Security;

namespace Fazhi.Library;

/// <summary>
/// The library's permissions. Reading needs only a signed-in account (everyone in the government reads the law) or
/// nothing at all for the public pages; managing (import, edit, repeal) is the library administrator's.
/// </summary>
internal static class LibraryPermissions
{
    /// <summary>Import documents, edit metadata and texts, set validity, rebuild the index.</summary>
    public const string Manage = "library.manage";

    public static PermissionDefinition[] All { get; } =
    [
        new(Manage, "library", "管理法规库（导入、编辑、设定时效性）"),
    ];
}
