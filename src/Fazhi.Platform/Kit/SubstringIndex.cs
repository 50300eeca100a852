namespace Fazhi.Platform.Kit;

/// <summary>
/// An in-memory index for Chinese substring search over a fixed set of short records (a published list version's items):
/// each record's fields, lower-cased, with character-bigram postings. A keyword's rarest bigram gives the candidates and
/// each candidate is confirmed as a substring, so the result is exactly a case-insensitive substring scan (<c>LIKE
/// '%…%'</c>), one- and two-character words included, at the cost of a posting lookup (ADR 0044; the bigram idea of the
/// library's index, ADR 0023, without an index directory to keep: the records are immutable and the index is rebuilt from
/// the database when they change). A match never spans two fields.
/// </summary>
public sealed class SubstringIndex
{
    private const char Separator = '\u0001';

    private readonly string[] _texts;
    private readonly Dictionary<uint, int[]> _postings;

    /// <summary>Indexes the records in order: record <c>i</c> is position <c>i</c> in every result.</summary>
    public SubstringIndex(IEnumerable<IEnumerable<string?>> records)
    {
        _texts = records.Select(fields => Fold(string.Join(Separator, fields.Select(f => f ?? "")))).ToArray();
        var lists = new Dictionary<uint, List<int>>();
        var seen = new HashSet<uint>();
        for (var d = 0; d < _texts.Length; d++)
        {
            var t = _texts[d];
            seen.Clear();
            for (var i = 0; i + 1 < t.Length; i++)
            {
                if (t[i] == Separator || t[i + 1] == Separator)
                {
                    continue;
                }
                var key = Key(t[i], t[i + 1]);
                if (seen.Add(key))
                {
                    if (!lists.TryGetValue(key, out var list))
                    {
                        lists[key] = list = [];
                    }
                    list.Add(d);
                }
            }
        }
        _postings = lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    /// <summary>How many records are indexed.</summary>
    public int Count => _texts.Length;

    /// <summary>
    /// The positions, ascending, of the records containing <paramref name="keyword"/> in one of their fields (ignoring case);
    /// every record for an empty or blank keyword. A one-character keyword is a scan of the folded texts (a few milliseconds
    /// at 100,000 records); longer ones start from the rarest bigram.
    /// </summary>
    public int[] Find(string? keyword)
    {
        var k = Fold(keyword?.Trim() ?? "");
        if (k.Length == 0)
        {
            return Enumerable.Range(0, _texts.Length).ToArray();
        }
        if (k.Contains(Separator))
        {
            return [];
        }
        if (k.Length == 1)
        {
            var c = k[0];
            return Enumerable.Range(0, _texts.Length).Where(d => _texts[d].Contains(c)).ToArray();
        }
        int[]? rarest = null;
        for (var i = 0; i + 1 < k.Length; i++)
        {
            if (!_postings.TryGetValue(Key(k[i], k[i + 1]), out var postings))
            {
                return [];
            }
            if (rarest is null || postings.Length < rarest.Length)
            {
                rarest = postings;
            }
        }
        if (k.Length == 2)
        {
            return rarest!;
        }
        return rarest!.Where(d => _texts[d].Contains(k, StringComparison.Ordinal)).ToArray();
    }

    private static uint Key(char a, char b) => ((uint)a << 16) | b;

    private static string Fold(string s) => s.ToLowerInvariant();
}
