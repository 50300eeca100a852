namespace Fazhi.Oversight;

/// <summary>The module's UI strings: <c>OversightText.en.resx</c> beside this file holds their English (key = the Chinese).</summary>
internal sealed class OversightText;
