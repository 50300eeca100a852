using System.Text.RegularExpressions;

namespace Fazhi.Rulemaking.Precheck;

/// <summary>One article of a draft: its label (第五条; the text before the first article is 正文前) and its text.</summary>
internal sealed record DraftArticle(string Label, string Text);

/// <summary>Splits a draft into its articles: an article starts at a line beginning with 第X条 (第X条之Y).</summary>
internal static partial class DraftArticles
{
    public const string Preamble = "正文前";

    [GeneratedRegex(@"^[ \t\u3000]*(?<label>第[零〇一二三四五六七八九十百千两]+条(?:之[一二三四五六七八九十]+)?)", RegexOptions.Multiline)]
    private static partial Regex ArticleStart();

    public static List<DraftArticle> Split(string? text)
    {
        var body = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var starts = ArticleStart().Matches(body);
        var result = new List<DraftArticle>();
        var head = starts.Count == 0 ? body : body[..starts[0].Index];
        if (head.Trim().Length > 0)
        {
            result.Add(new DraftArticle(Preamble, head.Trim()));
        }
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Index : body.Length;
            result.Add(new DraftArticle(starts[i].Groups["label"].Value, body[starts[i].Index..end].Trim()));
        }
        return result;
    }

    /// <summary>The sentence (up to 。；!?) around <paramref name="index"/>, at most 200 characters.</summary>
    public static string Sentence(string text, int index, int length)
    {
        var start = index;
        while (start > 0 && "。；！？\n".IndexOf(text[start - 1], StringComparison.Ordinal) < 0)
        {
            start--;
        }
        var end = Math.Min(text.Length, index + length);
        while (end < text.Length && "。；！？\n".IndexOf(text[end], StringComparison.Ordinal) < 0)
        {
            end++;
        }
        if (end < text.Length)
        {
            end++;
        }
        var sentence = text[start..end].Trim();
        return sentence.Length <= 200 ? sentence : sentence[..200] + "…";
    }
}
