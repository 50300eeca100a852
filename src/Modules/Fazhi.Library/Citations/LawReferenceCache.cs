using System.Collections.Concurrent;
using Fazhi.Library.Works;

namespace Fazhi.Library.Citations;

/// <summary>
/// The citations this process has resolved, shared by every request (ADR 0053): a list page of a province's power list
/// resolves the same few hundred articles for every visitor, and each resolution costs two to four queries. The cache is
/// one generation of answers tied to the library's change feed (<c>library_changes</c>): every write to a work adds a
/// change row in its transaction (the search index depends on it too), so a request that sees a newer change than the
/// generation's starts a new generation. A generation is also dropped after <see cref="MaxAge"/> (on PostgreSQL a change
/// id can be handed out before an earlier id commits, as the index follower knows) and when it holds
/// <see cref="MaxEntries"/> answers. Answers are keyed by the asked date and by today's date, because each compares the
/// version then with the version in force today.
/// </summary>
internal sealed class LawReferenceCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    public const int MaxEntries = 200_000;

    private Generation _current = new(long.MinValue, DateTimeOffset.MinValue);

    /// <summary>The generation for the library as of change <paramref name="stamp"/> (the highest change id a request read).</summary>
    public Generation For(long stamp)
    {
        var now = clock.GetUtcNow();
        var g = Volatile.Read(ref _current);
        if (g.Stamp == stamp && now - g.Born < MaxAge && g.Resolved.Count < MaxEntries)
        {
            return g;
        }
        if (stamp < g.Stamp)
        {
            // This request read the feed before a newer change: its answers stay its own.
            return new Generation(stamp, now);
        }
        var fresh = new Generation(stamp, now);
        var prior = Interlocked.CompareExchange(ref _current, fresh, g);
        return ReferenceEquals(prior, g) || prior.Stamp != stamp ? fresh : prior;
    }

    internal sealed class Generation(long stamp, DateTimeOffset born)
    {
        public long Stamp { get; } = stamp;

        public DateTimeOffset Born { get; } = born;

        public ConcurrentDictionary<(string Citation, DateOnly On, DateOnly Today), Fazhi.Library.Contracts.LawReference> Resolved { get; } = new();

        /// <summary>A work by the title words of a citation, with its versions (read-only entities, never tracked or changed).</summary>
        public ConcurrentDictionary<string, (LawWork? Work, IReadOnlyList<LawVersion> Versions)> Works { get; } = new();
    }
}
