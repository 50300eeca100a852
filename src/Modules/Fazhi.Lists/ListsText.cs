namespace Fazhi.Lists;

/// <summary>The module's UI strings: <c>ListsText.en.resx</c> beside this file holds their English (key = the Chinese).</summary>
internal sealed class ListsText;
