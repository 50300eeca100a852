using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fazhi.Platform.Data;

/// <summary>
/// Moves SQLite's write-ahead log into the database file in the background, once a second, instead of on the request that
/// happens to fill it. Left to itself SQLite checkpoints inside a writer's commit every 1,000 pages, so one request in
/// twenty or thirty pays for copying the others' pages (and, on a large database, for the file sync) while it holds the
/// write lock. A passive checkpoint runs beside readers and writers and never waits for them. The connections keep an
/// automatic checkpoint as a backstop at a larger log (<see cref="SqlitePragmas"/>: 10,000 pages, about 40 MB), so the
/// log stays bounded if this service is not running (the command-line verbs) or falls behind. See ADR 0018.
/// </summary>
internal sealed class SqliteCheckpointer(DatabaseOptions options, IHostEnvironment environment, ILogger<SqliteCheckpointer> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Its own connection, outside the pool's request connections; no EF (no interceptors, no audit): a pragma only.
        var builder = new SqliteConnectionStringBuilder(options.EffectiveConnectionString(environment.ContentRootPath)) { Pooling = false };
        using var timer = new PeriodicTimer(Interval);
        SqliteConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (connection is null)
                    {
                        if (!File.Exists(builder.DataSource))
                        {
                            continue;
                        }
                        connection = new SqliteConnection(builder.ConnectionString);
                        await connection.OpenAsync(stoppingToken);
                    }
                    await using var cmd = connection.CreateCommand();
                    cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    await cmd.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (SqliteException e)
                {
                    // A busy or missing database is retried on the next tick; the writers' backstop keeps the log bounded.
                    log.LogDebug(e, "SQLite checkpoint skipped");
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }
}
