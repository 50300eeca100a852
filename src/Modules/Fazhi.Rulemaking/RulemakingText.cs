namespace Fazhi.Rulemaking;

/// <summary>The module's UI strings: <c>RulemakingText.en.resx</c> beside this file holds their English (key = the Chinese).</summary>
internal sealed class RulemakingText;
