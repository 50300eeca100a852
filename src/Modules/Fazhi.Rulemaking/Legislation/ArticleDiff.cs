using System.Text.Json.Serialization;
using Fazhi.Rulemaking.Precheck;

namespace Fazhi.Rulemaking.Legislation;

[JsonConverter(typeof(JsonStringEnumConverter<ArticleChange>))]
internal enum ArticleChange
{
    /// <summary>未改动.</summary>
    Same,

    /// <summary>修改.</summary>
    Changed,

    /// <summary>条序变动，内容未改.</summary>
    Renumbered,

    /// <summary>新增.</summary>
    Added,

    /// <summary>删除.</summary>
    Removed,
}

/// <summary>One row of a side-by-side comparison: the article in the earlier version (or none) against the later (or none).</summary>
internal sealed record ArticlePair(string? FromLabel, string? FromText, string? ToLabel, string? ToText, ArticleChange Change);

/// <summary>
/// The article-level comparison of two draft versions (the library's contracts offer none, ADR 0034). Articles are paired by
/// content, not by number: the longest sequence of pairs whose bodies (without the 第X条 label) share at least half their
/// character bigrams, in order. An inserted article therefore shows as added and the ones after it as renumbered, instead of
/// every later article showing as changed. The same pairing tells where a commented article went in a later version.
/// </summary>
internal static class ArticleDiff
{
    public const double Threshold = 0.5;

    public static List<ArticlePair> Compare(IReadOnlyList<DraftArticle> from, IReadOnlyList<DraftArticle> to)
    {
        var a = from.Select(x => Body(x)).ToArray();
        var b = to.Select(x => Body(x)).ToArray();
        var sim = new double[a.Length, b.Length];
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length; j++)
            {
                sim[i, j] = Similarity(a[i], b[j]);
            }
        }
        // Longest common subsequence over "similar enough" pairs, preferring more similar pairs on ties.
        var score = new double[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                var best = Math.Max(score[i + 1, j], score[i, j + 1]);
                if (sim[i, j] >= Threshold)
                {
                    best = Math.Max(best, 1 + sim[i, j] / 1000 + score[i + 1, j + 1]);
                }
                score[i, j] = best;
            }
        }
        var rows = new List<ArticlePair>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && sim[x, y] >= Threshold && Math.Abs(score[x, y] - (1 + sim[x, y] / 1000 + score[x + 1, y + 1])) < 1e-9)
            {
                var change = a[x] == b[y] ? (from[x].Label == to[y].Label ? ArticleChange.Same : ArticleChange.Renumbered) : ArticleChange.Changed;
                rows.Add(new ArticlePair(from[x].Label, from[x].Text, to[y].Label, to[y].Text, change));
                x++;
                y++;
            }
            else if (x < a.Length && (y >= b.Length || score[x + 1, y] >= score[x, y + 1]))
            {
                rows.Add(new ArticlePair(from[x].Label, from[x].Text, null, null, ArticleChange.Removed));
                x++;
            }
            else
            {
                rows.Add(new ArticlePair(null, null, to[y].Label, to[y].Text, ArticleChange.Added));
                y++;
            }
        }
        return rows;
    }

    /// <summary>Where an article of an earlier version stands in a later one (the paired article), or null when it was deleted.</summary>
    public static DraftArticle? Locate(IReadOnlyList<DraftArticle> from, string label, IReadOnlyList<DraftArticle> to)
    {
        var pair = Compare(from, to).FirstOrDefault(p => p.FromLabel == label);
        return pair?.ToLabel is { } l ? to.First(t => t.Label == l) : null;
    }

    /// <summary>The article's text without its label and whitespace.</summary>
    public static string Body(DraftArticle article)
    {
        var text = article.Label != DraftArticles.Preamble && article.Text.StartsWith(article.Label, StringComparison.Ordinal) ? article.Text[article.Label.Length..] : article.Text;
        return string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }

    /// <summary>Dice coefficient of the two texts' character bigrams (1 for equal texts).</summary>
    public static double Similarity(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }
        if (a.Length < 2 || b.Length < 2)
        {
            return 0;
        }
        var left = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < a.Length; i++)
        {
            var g = a.Substring(i, 2);
            left[g] = left.GetValueOrDefault(g) + 1;
        }
        var common = 0;
        for (var i = 0; i + 1 < b.Length; i++)
        {
            var g = b.Substring(i, 2);
            if (left.GetValueOrDefault(g) > 0)
            {
                left[g]--;
                common++;
            }
        }
        return 2.0 * common / (a.Length - 1 + b.Length - 1);
    }
}
