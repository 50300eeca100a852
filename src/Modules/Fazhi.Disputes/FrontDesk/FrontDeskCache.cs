using Fazhi.Disputes.Data;
using Fazhi.Disputes.Routing;

namespace Fazhi.Disputes.FrontDesk;

/// <summary>
/// The rule set in force and the settings row, read on every intake, kept for <see cref="Lifetime"/> so intake does not
/// pay two extra queries. Publishing on this node clears it at once; other nodes see a new set within the lifetime.
/// </summary>
internal sealed class FrontDeskCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private Entry? _entry;

    public async Task<(RoutingRuleSet? RuleSet, FrontDeskSettings Settings)> GetAsync(DisputesDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_entry is { } e && e.Until > now)
        {
            return (e.RuleSet, e.Settings);
        }
        var set = await RoutingService.InForceAsync(db, ct);
        var settings = await db.FrontDeskSettingsAsync(ct);
        _entry = new Entry(set, settings, now + Lifetime);
        return (set, settings);
    }

    public void Clear() => _entry = null;

    private sealed record Entry(RoutingRuleSet? RuleSet, FrontDeskSettings Settings, DateTimeOffset Until);
}
