using System.Collections.Concurrent;
using Fazhi.Platform.Kit;

namespace Fazhi.Lists.Search;

/// <summary>What a list's search keeps in memory of one item of a published version: its id, the fields a filter reads, the sort keys and the searchable text.</summary>
internal sealed record SearchRow<TFilter>(Guid Id, TFilter Filter, IReadOnlyDictionary<string, string> SortKeys, IReadOnlyList<string?> Text);

/// <summary>
/// One published version of a list, searchable in memory (ADR 0044): a <see cref="SubstringIndex"/> over the items' searchable
/// fields and, per sort key, the items' rank, so a keyword, the filters, the order and the page are computed without a
/// scan of the table; the page's rows are then read by id. A published version's items never change, so the snapshot is
/// valid until the process sees a write to the list's items (<see cref="VersionSearch.Changed"/>).
/// </summary>
internal sealed class VersionSnapshot<TFilter>
{
    private readonly Guid[] _ids;
    private readonly TFilter[] _filters;
    private readonly Dictionary<string, (int[] Order, int[] Rank)> _sorts = new(StringComparer.OrdinalIgnoreCase);
    private readonly SubstringIndex _index;

    public VersionSnapshot(IReadOnlyList<SearchRow<TFilter>> rows, IEnumerable<string> sortKeys)
    {
        _ids = rows.Select(r => r.Id).ToArray();
        _filters = rows.Select(r => r.Filter).ToArray();
        _index = new SubstringIndex(rows.Select(r => r.Text));
        foreach (var key in sortKeys)
        {
            var order = Enumerable.Range(0, rows.Count).ToArray();
            // Ordinal, ties by id: the same order on both engines, stable from page to page.
            Array.Sort(order, (a, b) =>
            {
                var c = string.CompareOrdinal(rows[a].SortKeys[key], rows[b].SortKeys[key]);
                return c != 0 ? c : rows[a].Id.CompareTo(rows[b].Id);
            });
            var rank = new int[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                rank[order[i]] = i;
            }
            _sorts[key] = (order, rank);
        }
    }

    public int Count => _ids.Length;

    /// <summary>The ids of one page of the items matching the keyword and the filter, in the requested order, and how many match.</summary>
    public (IReadOnlyList<Guid> Ids, int Total) Page(string? keyword, Func<Guid, TFilter, bool>? filter, string sort, bool descending, PageRequest page)
    {
        var found = _index.Find(keyword);
        var matches = filter is null ? found : found.Where(d => filter(_ids[d], _filters[d])).ToArray();
        var (order, rank) = _sorts[sort];
        var skip = page.Skip;
        if (skip >= matches.Length)
        {
            return ([], matches.Length);
        }
        var take = Math.Min(page.PageSize, matches.Length - skip);
        var ids = new List<Guid>(take);
        if (matches.Length > order.Length / 16)
        {
            // Many matches: walk the order once, picking the matches (cheaper than sorting them).
            var hit = new bool[order.Length];
            foreach (var d in matches)
            {
                hit[d] = true;
            }
            var seen = 0;
            for (var i = 0; i < order.Length && ids.Count < take; i++)
            {
                var d = order[descending ? order.Length - 1 - i : i];
                if (hit[d] && seen++ >= skip)
                {
                    ids.Add(_ids[d]);
                }
            }
        }
        else
        {
            var sorted = matches.OrderBy(d => descending ? -rank[d] : rank[d]).Skip(skip).Take(take);
            ids.AddRange(sorted.Select(d => _ids[d]));
        }
        return (ids, matches.Length);
    }
}

/// <summary>
/// The snapshots of the lists' published versions, per process (a singleton). A snapshot is built on the first search of a
/// version (one read of its items) and kept while no write to the list's items happened in this process; another node's
/// publishing makes a new version, whose id is another key. At most <see cref="Kept"/> versions per list are kept.
/// </summary>
internal sealed class VersionSearch
{
    public const int Kept = 3;

    private long _generation;

    private readonly ConcurrentDictionary<(string List, Guid Version), (long Generation, Lazy<Task<object>> Snapshot)> _snapshots = new();
    private readonly object _prune = new();

    /// <summary>Called by the module's context when a list item revision was written: every snapshot is rebuilt on its next use.</summary>
    public void Changed() => Interlocked.Increment(ref _generation);

    /// <summary>The snapshot of a published version, built with <paramref name="load"/> when missing or stale.</summary>
    public async Task<VersionSnapshot<TFilter>> GetAsync<TFilter>(string list, Guid version, Func<Task<VersionSnapshot<TFilter>>> load)
    {
        var generation = Interlocked.Read(ref _generation);
        var key = (list, version);
        var entry = _snapshots.AddOrUpdate(key,
            _ => (generation, new Lazy<Task<object>>(async () => await load())),
            (_, old) => old.Generation == generation && !old.Snapshot.Value.IsFaulted && !old.Snapshot.Value.IsCanceled
                ? old
                : (generation, new Lazy<Task<object>>(async () => await load())));
        Prune(list, key);
        return (VersionSnapshot<TFilter>)await entry.Snapshot.Value;
    }

    private void Prune(string list, (string, Guid) keep)
    {
        lock (_prune)
        {
            var mine = _snapshots.Keys.Where(k => k.List == list && k != keep).ToList();
            if (mine.Count >= Kept)
            {
                foreach (var k in mine.Take(mine.Count - Kept + 1))
                {
                    _snapshots.TryRemove(k, out _);
                }
            }
        }
    }
}
