using System.Text.RegularExpressions;
using Fazhi.Library.Import;
using Fazhi.Library.Works;

namespace Fazhi.Library.Citations;

/// <summary>The kind of a reference found in a text.</summary>
internal enum ReferenceKind
{
    /// <summary>《中华人民共和国行政处罚法》第三十三条: another work (or the same work by name).</summary>
    External,

    /// <summary>本法第十条, 本条例第五条: the same work.</summary>
    Internal,

    /// <summary>前款, 前两款, 前条: the paragraph or article just before.</summary>
    Previous,
}

/// <summary>A reference found in a text: where it is, what it names.</summary>
internal sealed record FoundReference(ReferenceKind Kind, int Offset, int Length, string Text, string TargetKey, int Number, int SubNumber);

/// <summary>
/// Finds references in the text of an article. A book title followed by articles (《行政处罚法》第三十三条、第三十四条) gives
/// one reference per article; a book title alone names the work; 本法/本条例第X条 the text itself; 前款/前条 the unit before.
/// </summary>
internal static partial class CitationFinder
{
    private const string Numeral = "[零〇一二三四五六七八九十百千两]+";

    [GeneratedRegex("《(?<title>[^《》\\n]{2,80})》")]
    private static partial Regex BookTitle();

    [GeneratedRegex("^(?<sep>、|，|和|及|以及|或者|或|至)?第(?<n>" + Numeral + ")条(之(?<s>" + Numeral + "))?")]
    private static partial Regex FollowingArticle();

    [GeneratedRegex("(本法|本条例|本规定|本办法|本细则|本解释|本规则|本决定|本准则|本实施条例)第(?<n>" + Numeral + ")条(之(?<s>" + Numeral + "))?")]
    private static partial Regex SelfArticle();

    [GeneratedRegex("前(两|三)?款|前条")]
    private static partial Regex Previous();

    public static IReadOnlyList<FoundReference> Find(string text, string ownKey)
    {
        var found = new List<FoundReference>();
        foreach (Match m in BookTitle().Matches(text))
        {
            var key = WorkKey.Of(m.Groups["title"].Value);
            var at = m.Index + m.Length;
            var any = false;
            while (FollowingArticle().Match(text[at..]) is { Success: true } a && (!any ? a.Groups["sep"].Length == 0 : a.Groups["sep"].Length > 0))
            {
                var start = at + a.Groups["sep"].Length;
                var n = ChineseNumber.Parse(a.Groups["n"].Value) ?? 0;
                var s = a.Groups["s"].Success ? ChineseNumber.Parse(a.Groups["s"].Value) ?? 0 : 0;
                var refText = any ? text.Substring(start, a.Length - a.Groups["sep"].Length) : text.Substring(m.Index, a.Length + m.Length);
                found.Add(new FoundReference(ReferenceKind.External, any ? start : m.Index, refText.Length, refText, key, n, s));
                any = true;
                at += a.Length;
            }
            if (!any)
            {
                found.Add(new FoundReference(ReferenceKind.External, m.Index, m.Length, m.Value, key, 0, 0));
            }
        }
        foreach (Match m in SelfArticle().Matches(text))
        {
            var n = ChineseNumber.Parse(m.Groups["n"].Value) ?? 0;
            var s = m.Groups["s"].Success ? ChineseNumber.Parse(m.Groups["s"].Value) ?? 0 : 0;
            found.Add(new FoundReference(ReferenceKind.Internal, m.Index, m.Length, m.Value, ownKey, n, s));
        }
        foreach (Match m in Previous().Matches(text))
        {
            found.Add(new FoundReference(ReferenceKind.Previous, m.Index, m.Length, m.Value, ownKey, 0, 0));
        }
        return found.OrderBy(f => f.Offset).ToList();
    }
}
