namespace Fazhi.Learning;

/// <summary>The module's UI strings: <c>LearningText.en.resx</c> beside this file holds their English (key = the Chinese).</summary>
internal sealed class LearningText;
