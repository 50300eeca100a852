namespace Fazhi.Enforcement;

/// <summary>The module's UI strings: <c>EnforcementText.en.resx</c> beside this file holds their English (key = the Chinese).</summary>
internal sealed class EnforcementText;
