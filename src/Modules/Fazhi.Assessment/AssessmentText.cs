namespace Fazhi.Assessment;

/// <summary>The module's UI strings: <c>AssessmentText.en.resx</c> beside this file holds their English (key = the Chinese).</summary>
internal sealed class AssessmentText;
