namespace Fazhi.Library;

/// <summary>The module's UI strings: <c>LibraryText.en.resx</c> beside this file holds their English (key = the Chinese).</summary>
internal sealed class LibraryText;
