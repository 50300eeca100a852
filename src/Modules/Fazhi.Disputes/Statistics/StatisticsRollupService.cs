using Fazhi.Disputes.Data;
using Fazhi.Platform.Features.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Fazhi.Disputes.Statistics;

/// <summary>Builds the statistics roll-up from the cases (system work: runs as the system, over every unit).</summary>
internal sealed class StatisticsRollupService(DisputesDb db, DisputeStatistics statistics)
{
    /// <summary>
    /// Replaces the roll-up with buckets recomputed from the cases, in one transaction that first stops writers from adding
    /// delta rows (PostgreSQL: an EXCLUSIVE lock on the table, which a save appending deltas waits for; SQLite: the write
    /// lock the first DELETE takes). A change saved before the lock is in the cases the rebuild reads; one saved after it
    /// appends its delta on top of the rebuilt rows; so the sum stays exact.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE disputes_stats_rollup IN EXCLUSIVE MODE", ct);
        }
        // System work over every unit: the scope filter must not narrow what is deleted.
        await db.Set<StatisticsRollupRow>().IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        var cube = await statistics.LiveCubeAsync(null, null, null, ct);
        // The live month rows (marginals) and the year rows folded from them.
        var rows = StatisticsRollupRow.Combine(cube.SelectMany(StatisticsRollupRow.Grains))
            .Where(r => r.Count != 0).Select(r => StatisticsRollupRow.From(r, pendingDelta: false)).ToList();
        var previous = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Set<StatisticsRollupRow>().AddRange(rows);
            var state = await db.Set<StatisticsRollupState>().FindAsync([1], ct);
            if (state is null)
            {
                state = new StatisticsRollupState();
                db.Add(state);
            }
            state.BuiltAtUtc = DateTime.UtcNow;
            state.Rows = rows.Count;
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = previous;
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count;
    }

    /// <summary>
    /// SQLite plans without statistics guess, and guess wrong for the worklists (it sorts all open cases by status instead of
    /// reading the partial index on open cases in due order). ANALYZE of the module's two big tables (a few seconds at a
    /// million cases): nightly, and on start when there are none yet. PostgreSQL keeps its statistics by autovacuum.
    /// </summary>
    public async Task RefreshPlannerStatisticsAsync(bool onlyIfMissing, CancellationToken ct)
    {
        if (db.Database.ProviderName != "Microsoft.EntityFrameworkCore.Sqlite")
        {
            return;
        }
        if (onlyIfMissing && await db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync(ct) > 0
            && await db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(*) AS \"Value\" FROM sqlite_stat1 WHERE tbl = 'disputes_cases'").SingleAsync(ct) > 0)
        {
            return;
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE disputes_cases; ANALYZE disputes_case_stages;", ct);
    }

    public Task<bool> IsBuiltAsync(CancellationToken ct) => db.Set<StatisticsRollupState>().AsNoTracking().AnyAsync(ct);
}

/// <summary>On start: planner statistics refreshed; a database without a roll-up (new, or upgraded from a version without one) gets it built.</summary>
internal sealed class StatisticsRollupSeed(StatisticsRollupService rollup, ILogger<StatisticsRollupSeed> log) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        await rollup.RefreshPlannerStatisticsAsync(onlyIfMissing: true, ct);
        if (!await rollup.IsBuiltAsync(ct))
        {
            var rows = await rollup.RebuildAsync(ct);
            log.LogInformation("Built the dispute statistics roll-up: {Rows} rows", rows);
        }
    }
}

/// <summary>Nightly: stamps ended stages still missing their on-time flag, then rebuilds the roll-up (compacting the day's delta rows).</summary>
internal sealed class StatisticsRollupJob(Handling.HandlingClock clock, StatisticsRollupService rollup, ILogger<StatisticsRollupJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var stamped = await clock.StampMissingAsync(cancellationToken);
        var rows = await rollup.RebuildAsync(cancellationToken);
        await rollup.RefreshPlannerStatisticsAsync(onlyIfMissing: false, cancellationToken);
        log.LogInformation("Dispute statistics: {Stamped} stages given their on-time flag, roll-up rebuilt with {Rows} rows", stamped, rows);
    }
}
