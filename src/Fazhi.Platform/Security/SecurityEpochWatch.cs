using System.Data.Common;
using System.Diagnostics;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fazhi.Platform.Security;

/// <summary>
/// The installation's <see cref="SecurityEpoch"/> as this node last read it, re-read only when something says it may have
/// moved (ADR 0026): a raise committed by this process, a PostgreSQL notification from another node, or the recheck
/// interval (<c>Security:EpochRecheckSeconds</c>, 1 s by default) for writers the node cannot hear (a CLI verb on the same
/// SQLite file). While the PostgreSQL listener is down every request reads the epoch, as before.
/// </summary>
internal sealed class SecurityEpochWatch(IConfiguration configuration, DatabaseOptions options)
{
    /// <summary>The PostgreSQL channel a raise notifies (in the raising transaction, so delivered at its commit).</summary>
    public const string Channel = "fazhi_security_epoch";

    private readonly long _recheckTicks = (long)(Stopwatch.Frequency * double.Max(0, configuration.GetValue("Security:EpochRecheckSeconds", 1.0)));
    private long _signals;
    private volatile Reading? _last;
    // On PostgreSQL the node is deaf to other nodes until its listener is listening.
    private volatile bool _deaf = options.IsPostgres;

    /// <summary>Set while nothing tells this node of other nodes' raises (the listener is down): read on every request.</summary>
    public bool Deaf
    {
        get => _deaf;
        set
        {
            _deaf = value;
            Invalidate();
        }
    }

    /// <summary>Something may have raised the epoch: the next caller reads it from the database.</summary>
    public void Invalidate() => Interlocked.Increment(ref _signals);

    /// <summary>The epoch, from memory while nothing has signalled a change and the last reading is recent.</summary>
    public ValueTask<long> CurrentAsync(Func<PlatformDb> db, CancellationToken ct)
    {
        var last = _last;
        if (last is not null && !_deaf && last.Signals == Interlocked.Read(ref _signals) && Stopwatch.GetTimestamp() - last.At < _recheckTicks)
        {
            return ValueTask.FromResult(last.Value);
        }
        return ReadAsync(db(), ct);
    }

    private async ValueTask<long> ReadAsync(PlatformDb db, CancellationToken ct)
    {
        // The signal count before the read: a raise that lands during the read leaves the reading stale, so it is re-read.
        var signals = Interlocked.Read(ref _signals);
        var value = await SecurityEpoch.ReadAsync(db, ct);
        if (db.Database.CurrentTransaction is null)
        {
            _last = new Reading(value, signals, Stopwatch.GetTimestamp());
        }
        return value;
    }

    private sealed record Reading(long Value, long Signals, long At);
}

/// <summary>
/// Tells this node's <see cref="SecurityEpochWatch"/> of a raise once it is committed: at once after a raise outside a
/// transaction, at the commit of the caller's transaction otherwise (a reading before the commit would cache the old
/// permissions under the new number).
/// </summary>
internal sealed class SecurityEpochCommitSignal : DbTransactionInterceptor
{
    public static SecurityEpochCommitSignal Instance { get; } = new();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Ended(eventData, committed: true);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData, committed: true);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Ended(eventData, committed: false);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData, committed: false);

    private static Task Ended(TransactionEndEventData eventData, bool committed)
    {
        (eventData.Context as PlatformDb)?.EpochRaisePending(committed);
        return Task.CompletedTask;
    }
}

/// <summary>
/// PostgreSQL only: one connection per node listens on <see cref="SecurityEpochWatch.Channel"/> and invalidates the watch
/// when another node raises the epoch. While it is not listening (start, a dropped connection, a database restart) the
/// watch is <see cref="SecurityEpochWatch.Deaf"/> and every request reads the epoch; it reconnects within seconds.
/// </summary>
internal sealed class SecurityEpochListener(SecurityEpochWatch watch, DatabaseOptions options, IHostEnvironment env, ILogger<SecurityEpochListener> log) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var csb = new NpgsqlConnectionStringBuilder(options.EffectiveConnectionString(env.ContentRootPath))
        {
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = "fazhi-epoch-listener",
        };
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(csb.ConnectionString);
                conn.Notification += (_, _) => watch.Invalidate();
                await conn.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {SecurityEpochWatch.Channel}", conn))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Listening from here on: what was raised before is read once, what is raised after is heard.
                watch.Deaf = false;
                delay = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await conn.WaitAsync(Idle, stoppingToken))
                    {
                        // Quiet for a while: make sure the connection is still there.
                        await using var ping = new NpgsqlCommand("SELECT 1", conn);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.IO.IOException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                watch.Deaf = true;
                log.LogWarning(e, "Security epoch listener lost its connection; every request reads the epoch until it reconnects.");
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
            }
        }
    }
}
