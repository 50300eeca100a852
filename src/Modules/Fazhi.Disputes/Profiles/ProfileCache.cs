using System.Collections.Concurrent;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.Handling;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Profiles;

/// <summary>
/// The profile version in force per case type and day, with its stages and rules, read on every intake: kept for
/// <see cref="Lifetime"/> so intake does not pay two queries for data that changes a few times a year. A version published
/// on this node clears it at once; other nodes see it within the lifetime (as the routing rule set, FrontDeskCache). The
/// cached objects are shared between requests and only read.
/// </summary>
internal sealed class ProfileCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string Code, DateOnly Day), Entry> _entries = new();

    public async Task<(CaseTypeProfile Profile, IReadOnlyDictionary<string, ProfileRule> Rules)?> InForceAsync(DisputesDb db, string code, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue((code, today), out var e) && e.Until > now)
        {
            return (e.Profile, e.Rules);
        }
        var profile = await db.Profiles.AsNoTracking()
            .Where(p => p.Code == code && p.EffectiveFrom <= today)
            .OrderByDescending(p => p.ProfileVersion)
            .Include(p => p.Stages)
            .FirstOrDefaultAsync(ct);
        if (profile is null)
        {
            // Unknown codes (user input) are not cached.
            return null;
        }
        var rules = await db.Set<ProfileRule>().AsNoTracking().Where(r => r.ProfileId == profile.Id).ToDictionaryAsync(r => r.Key, ct);
        if (_entries.Count > 200)
        {
            _entries.Clear();
        }
        _entries[(code, today)] = new Entry(profile, rules, now + Lifetime);
        return (profile, rules);
    }

    public void Clear() => _entries.Clear();

    private sealed record Entry(CaseTypeProfile Profile, IReadOnlyDictionary<string, ProfileRule> Rules, DateTimeOffset Until);
}
