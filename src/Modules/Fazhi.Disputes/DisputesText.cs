namespace Fazhi.Disputes;

/// <summary>The module's UI strings: <c>DisputesText.en.resx</c> beside this file holds their English (key = the Chinese).</summary>
internal sealed class DisputesText;
