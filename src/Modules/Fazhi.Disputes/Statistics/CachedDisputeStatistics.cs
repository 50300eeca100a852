using Fazhi.Disputes.Contracts;
using Fazhi.Platform.Security;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;

namespace Fazhi.Disputes.Statistics;

/// <summary>Recent statistics reports, per user and query (so nothing crosses data scopes), kept for a short while.</summary>
internal sealed class StatisticsCache : IDisposable
{
    public MemoryCache Reports { get; } = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public void Dispose() => Reports.Dispose();
}

/// <summary>
/// The statistics read the roll-up (about 50 ms at 1,000,000 cases on SQLite, more for periods with partial months:
/// docs/benchmarks.md). A user who opens the page, exports it and returns to it (or the city dashboard refreshing) gets
/// the report computed in the last <c>Disputes:StatisticsCacheSeconds</c> (default 120; 0 turns caching off).
/// </summary>
internal sealed class CachedDisputeStatistics(DisputeStatistics inner, StatisticsCache cache, ICurrentUser current, IConfiguration configuration, TimeProvider clock)
    : IDisputeStatistics
{
    public async Task<DisputeStatisticsReport> GetAsync(DisputeStatisticsQuery query, CancellationToken ct)
    {
        DisputeStatistics.CheckRange(query);
        var seconds = configuration.GetValue("Disputes:StatisticsCacheSeconds", 120);
        if (seconds <= 0)
        {
            return await inner.GetAsync(query, ct);
        }
        var key = $"{current.UserId}|{query.From}|{query.To}|{query.OrgUnitCode}";
        if (cache.Reports.TryGetValue(key, out DisputeStatisticsReport? hit) && hit is not null)
        {
            return hit;
        }
        var report = await inner.GetAsync(query, ct);
        cache.Reports.Set(key, report, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = clock.GetUtcNow().AddSeconds(seconds) });
        return report;
    }
}
