using Fazhi.Platform.Kit;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Discretion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.NoLightList;

/// <summary>One item of the published no/light-penalty list (免罚轻罚清单): a tier row of a benchmark version in force.</summary>
internal sealed record ListItem(Guid MatterId, string MatterCode, string MatterName, string Authority, int BenchmarkNumber, string Violation, string LegalBasis,
    string Conditions, DiscretionTier Tier, string RangeText, bool IsSample, DateOnly EffectiveFrom);

internal sealed record ListQuery(string? Q, Guid? Matter, DiscretionTier? Tier, string? Authority, int Page, int PageSize);


/// <summary>
/// An in-memory read model of the public no/light-penalty list: the list is small (hundreds of rows) and read by the public far
/// more often than it changes, so it is built once and filtered in memory. Rebuilt after any change to matters or benchmarks on
/// this node (<see cref="Invalidate"/>), when the day changes (versions take effect by date), and at the latest after
/// <see cref="MaxAge"/> so that changes made on another node show within that time.
/// </summary>
internal sealed class NoLightListReadModel(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;
    private long _generation;

    private sealed record Snapshot(long Generation, DateOnly Day, DateTimeOffset BuiltAt, IReadOnlyList<ListItem> Items, IReadOnlyList<string> Authorities,
        IReadOnlyList<(Guid Id, string Name)> Matters);

    /// <summary>Marks the model stale; call after saving a change to matters or benchmark versions.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async Task<Paged<ListItem>> SearchAsync(ListQuery query, CancellationToken ct)
    {
        var snap = await CurrentAsync(ct);
        IEnumerable<ListItem> rows = snap.Items;
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            rows = rows.Where(r => r.MatterName.Contains(term, StringComparison.OrdinalIgnoreCase) || r.Violation.Contains(term, StringComparison.OrdinalIgnoreCase)
                || r.LegalBasis.Contains(term, StringComparison.OrdinalIgnoreCase) || r.Conditions.Contains(term, StringComparison.OrdinalIgnoreCase)
                || r.MatterCode.Contains(term, StringComparison.OrdinalIgnoreCase));
        }
        if (query.Matter is { } m)
        {
            rows = rows.Where(r => r.MatterId == m);
        }
        if (query.Tier is { } t)
        {
            rows = rows.Where(r => r.Tier == t);
        }
        if (!string.IsNullOrWhiteSpace(query.Authority))
        {
            rows = rows.Where(r => r.Authority == query.Authority);
        }
        var list = rows as IReadOnlyList<ListItem> ?? rows.ToList();
        var size = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(query.Page, 1);
        return new Paged<ListItem>(list.Skip((page - 1) * size).Take(size).ToList(), list.Count, page, size);
    }

    /// <summary>The issuing authorities and matters on the list (filter choices).</summary>
    public async Task<(IReadOnlyList<string> Authorities, IReadOnlyList<(Guid Id, string Name)> Matters)> ChoicesAsync(CancellationToken ct)
    {
        var snap = await CurrentAsync(ct);
        return (snap.Authorities, snap.Matters);
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = clock.ChinaToday();
        var generation = Interlocked.Read(ref _generation);
        if (_snapshot is { } s && s.Generation == generation && s.Day == today && now - s.BuiltAt < MaxAge)
        {
            return s;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_snapshot is { } again && again.Generation == generation && again.Day == today && now - again.BuiltAt < MaxAge)
            {
                return again;
            }
            var built = await BuildAsync(generation, today, now, ct);
            _snapshot = built;
            return built;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Snapshot> BuildAsync(long generation, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnforcementDb>();
        var matters = await db.Matters.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        var benchmarks = await db.Benchmarks.AsNoTracking().Include(b => b.Tiers)
            .Where(b => b.EffectiveFrom <= today && (b.EffectiveTo == null || b.EffectiveTo >= today) && b.Tiers.Any(t => t.OnNoLightList))
            .ToListAsync(ct);
        var items = benchmarks.Where(b => matters.ContainsKey(b.MatterId))
            .GroupBy(b => b.MatterId).Select(g => g.MaxBy(b => b.Number)!)
            .SelectMany(b => b.Tiers.Where(t => t.OnNoLightList).OrderBy(t => t.Seq).Select(t =>
            {
                var m = matters[b.MatterId];
                return new ListItem(m.Id, m.Code, m.Name, string.IsNullOrWhiteSpace(b.IssuingAuthority) ? m.IssuingBody : b.IssuingAuthority, b.Number,
                    b.Violation, BenchmarkService.LegalBasisText(b), t.Conditions, t.Tier, t.RangeText, b.IsSample, b.EffectiveFrom);
            }))
            .OrderBy(r => r.MatterCode, StringComparer.Ordinal).ThenBy(r => r.Tier)
            .ToList();
        var authorities = items.Select(i => i.Authority).Distinct().Order(StringComparer.Ordinal).ToList();
        var matterChoices = items.Select(i => (i.MatterId, i.MatterName)).Distinct().OrderBy(x => x.MatterName, StringComparer.Ordinal).ToList();
        return new Snapshot(generation, today, now, items, authorities, matterChoices);
    }
}
