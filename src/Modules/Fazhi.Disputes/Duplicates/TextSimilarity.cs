namespace Fazhi.Disputes.Duplicates;

/// <summary>
/// How alike two descriptions are, explainably: the Dice coefficient of their character bigrams (punctuation and spaces
/// dropped), 0-100. Chinese text has no word breaks, and bigrams catch "装修噪音" in both without a dictionary.
/// </summary>
internal static class TextSimilarity
{
    public static int Percent(string? a, string? b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }
        var common = x.Count(y.Contains);
        return (int)Math.Round(200.0 * common / (x.Count + y.Count));
    }

    private static HashSet<string> Bigrams(string? text)
    {
        var chars = (text ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            set.Add(new string(chars, i, 2));
        }
        return set;
    }
}
