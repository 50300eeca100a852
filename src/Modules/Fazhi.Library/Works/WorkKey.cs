using System.Text;

namespace Fazhi.Library.Works;

/// <summary>
/// The key that matches a title across imports and citations: 《中华人民共和国行政处罚法》, 中华人民共和国行政处罚法 and
/// 行政处罚法 are one work. Drops the 中华人民共和国 prefix, spaces, book-title marks and bracketed notes such as （试行）
/// are kept (a trial version is its own work).
/// </summary>
internal static class WorkKey
{
    private const string Prefix = "中华人民共和国";

    public static string Of(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            if (char.IsWhiteSpace(c) || c is '\u3000' or '《' or '》' or '〈' or '〉' or '<' or '>')
            {
                continue;
            }
            sb.Append(c switch { '(' => '（', ')' => '）', _ => c });
        }
        var key = sb.ToString();
        return key.StartsWith(Prefix, StringComparison.Ordinal) && key.Length > Prefix.Length ? key[Prefix.Length..] : key;
    }
}
