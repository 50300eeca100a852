using System.Text.Json.Serialization;
using Fazhi.Library.Works;

namespace Fazhi.Library.Compare;

/// <summary>What happened to an article between two versions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ArticleChange>))]
internal enum ArticleChange
{
    Unchanged,
    Changed,

    /// <summary>Same text under another number (条号调整).</summary>
    Renumbered,

    /// <summary>Another number and a changed text.</summary>
    RenumberedChanged,
    Added,
    Removed,
}

/// <summary>A piece of an inline difference: kept, inserted in the new text, or deleted from the old.</summary>
internal sealed record DiffPiece(char Op, string Text);

/// <summary>One row of 新旧对照: the old article and the new one side by side, with what changed.</summary>
internal sealed record ComparedArticle(ArticleChange Change, string? OldLabel, string? OldAnchor, string? OldText, string? NewLabel, string? NewAnchor, string? NewText,
    IReadOnlyList<DiffPiece> Diff);

/// <summary>
/// 新旧对照: aligns the articles of two versions. Articles with the same text are matched first (wherever they moved), then
/// articles with the same number and a similar text, then the most similar remaining pairs (renumbered and changed);
/// what is left was removed or added. Similarity is the Dice coefficient of character bigrams.
/// </summary>
internal static class VersionComparer
{
    /// <summary>Below this similarity two articles are not the same article changed, but one removed and one added.</summary>
    public const double SameArticle = 0.45;

    public static IReadOnlyList<ComparedArticle> Compare(IReadOnlyList<Provision> older, IReadOnlyList<Provision> newer)
    {
        var a = older.Where(p => p.Kind is ProvisionKind.Article or ProvisionKind.Paragraph).OrderBy(p => p.Ordinal).ToList();
        var b = newer.Where(p => p.Kind is ProvisionKind.Article or ProvisionKind.Paragraph).OrderBy(p => p.Ordinal).ToList();
        var match = new Dictionary<int, (int Old, ArticleChange Change)>();
        var usedOld = new HashSet<int>();

        // 1. Identical texts (a moved article keeps its text).
        var byText = a.Select((p, i) => (Key: Normal(p.Text), i)).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => new Queue<int>(g.Select(x => x.i)));
        for (var j = 0; j < b.Count; j++)
        {
            if (byText.TryGetValue(Normal(b[j].Text), out var q))
            {
                // Prefer the old article with the same number among identical texts.
                var same = q.FirstOrDefault(i => a[i].Anchor == b[j].Anchor && !usedOld.Contains(i), -1);
                var i2 = same >= 0 ? same : q.FirstOrDefault(i => !usedOld.Contains(i), -1);
                if (i2 >= 0)
                {
                    usedOld.Add(i2);
                    match[j] = (i2, a[i2].Anchor == b[j].Anchor ? ArticleChange.Unchanged : ArticleChange.Renumbered);
                }
            }
        }
        // 2. Same number, similar text.
        var byAnchor = a.Select((p, i) => (p.Anchor, i)).GroupBy(x => x.Anchor).ToDictionary(g => g.Key, g => g.First().i);
        for (var j = 0; j < b.Count; j++)
        {
            if (!match.ContainsKey(j) && byAnchor.TryGetValue(b[j].Anchor, out var i) && !usedOld.Contains(i) && Similarity(a[i].Text, b[j].Text) >= SameArticle)
            {
                usedOld.Add(i);
                match[j] = (i, ArticleChange.Changed);
            }
        }
        // 3. The most similar remaining pairs.
        var restOld = Enumerable.Range(0, a.Count).Where(i => !usedOld.Contains(i)).ToList();
        var restNew = Enumerable.Range(0, b.Count).Where(j => !match.ContainsKey(j)).ToList();
        if (restOld.Count * restNew.Count <= 250_000)
        {
            var pairs = (from i in restOld from j in restNew let s = Similarity(a[i].Text, b[j].Text) where s >= SameArticle select (i, j, s))
                .OrderByDescending(p => p.s).ToList();
            foreach (var (i, j, _) in pairs)
            {
                if (usedOld.Contains(i) || match.ContainsKey(j))
                {
                    continue;
                }
                usedOld.Add(i);
                match[j] = (i, a[i].Anchor == b[j].Anchor ? ArticleChange.Changed : ArticleChange.RenumberedChanged);
            }
        }

        // Rows in the new order; a removed article comes after the row of the old article before it.
        var rows = new List<ComparedArticle>();
        var removedAfter = Enumerable.Range(0, a.Count).Where(i => !usedOld.Contains(i)).ToLookup(i => PreviousMatched(i, usedOld));
        foreach (var i in removedAfter[-1])
        {
            rows.Add(Removed(a[i]));
        }
        for (var j = 0; j < b.Count; j++)
        {
            if (match.TryGetValue(j, out var m))
            {
                var o = a[m.Old];
                var diff = m.Change is ArticleChange.Changed or ArticleChange.RenumberedChanged ? Diff(o.Text, b[j].Text) : [];
                rows.Add(new ComparedArticle(m.Change, Label(o), o.Anchor, o.Text, Label(b[j]), b[j].Anchor, b[j].Text, diff));
                foreach (var i in removedAfter[m.Old])
                {
                    rows.Add(Removed(a[i]));
                }
            }
            else
            {
                rows.Add(new ComparedArticle(ArticleChange.Added, null, null, null, Label(b[j]), b[j].Anchor, b[j].Text, []));
            }
        }
        return rows;
    }

    private static int PreviousMatched(int i, HashSet<int> usedOld)
    {
        for (var k = i - 1; k >= 0; k--)
        {
            if (usedOld.Contains(k))
            {
                return k;
            }
        }
        return -1;
    }

    private static ComparedArticle Removed(Provision p) => new(ArticleChange.Removed, Label(p), p.Anchor, p.Text, null, null, null, []);

    private static string Label(Provision p) => p.Label.Length > 0 ? p.Label : "段";

    private static string Normal(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c) && c != '\u3000'));

    /// <summary>Dice coefficient of the character bigrams of two texts (0..1).</summary>
    public static double Similarity(string x, string y)
    {
        var a = Bigrams(Normal(x));
        var b = Bigrams(Normal(y));
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }
        var common = 0;
        foreach (var (g, n) in a)
        {
            if (b.TryGetValue(g, out var m))
            {
                common += Math.Min(n, m);
            }
        }
        return 2.0 * common / (a.Values.Sum() + b.Values.Sum());
    }

    private static Dictionary<int, int> Bigrams(string s)
    {
        var d = new Dictionary<int, int>();
        for (var i = 0; i + 1 < s.Length; i++)
        {
            var g = s[i] << 16 | s[i + 1];
            d[g] = d.GetValueOrDefault(g) + 1;
        }
        return d;
    }

    /// <summary>A character-level difference (longest common subsequence); texts beyond 3,000 characters are shown whole.</summary>
    public static IReadOnlyList<DiffPiece> Diff(string oldText, string newText)
    {
        if ((long)oldText.Length * newText.Length > 9_000_000)
        {
            return [new DiffPiece('-', oldText), new DiffPiece('+', newText)];
        }
        var n = oldText.Length;
        var m = newText.Length;
        var l = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                l[i, j] = oldText[i] == newText[j] ? l[i + 1, j + 1] + 1 : Math.Max(l[i + 1, j], l[i, j + 1]);
            }
        }
        var pieces = new List<DiffPiece>();
        void Add(char op, char c)
        {
            if (pieces.Count > 0 && pieces[^1].Op == op)
            {
                pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + c };
            }
            else
            {
                pieces.Add(new DiffPiece(op, c.ToString()));
            }
        }
        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (oldText[x] == newText[y])
            {
                Add('=', oldText[x]);
                x++;
                y++;
            }
            else if (l[x + 1, y] >= l[x, y + 1])
            {
                Add('-', oldText[x++]);
            }
            else
            {
                Add('+', newText[y++]);
            }
        }
        while (x < n)
        {
            Add('-', oldText[x++]);
        }
        while (y < m)
        {
            Add('+', newText[y++]);
        }
        return pieces;
    }
}
