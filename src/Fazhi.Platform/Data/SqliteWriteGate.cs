using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fazhi.Platform.Data;

/// <summary>
/// Queues this process's SQLite write transactions for a database file in arrival order, before <c>BEGIN IMMEDIATE</c>.
/// SQLite has one writer at a time; without the gate, a second writer gets SQLITE_BUSY and SQLite's busy handler sleeps
/// (1, 2, 5, 10, 15, 20, 25, 50, 100 ms ...) before it tries again, so under concurrent writes most of the time goes to
/// sleeping while the lock is already free. With the gate, the next writer starts the moment the previous one commits or
/// rolls back. See ADR 0018.
/// <para>
/// The gate is an optimisation, never the guard: SQLite's own lock still decides. A wait on the gate is bounded by the
/// busy timeout, after which the transaction goes ahead and SQLite's busy handling applies as before (another process,
/// the CLI verbs, or a transaction whose end was not seen). The gate is released when the transaction commits, rolls
/// back, fails or is disposed, and at the latest when its connection closes or is disposed.
/// </para>
/// </summary>
internal sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    /// <summary>As long as SQLite's busy timeout (<c>PRAGMA busy_timeout=10000</c>): past it, SQLite itself would give up.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate a connection holds, from the start of its transaction to its end (or the connection's close).</summary>
    private readonly ConditionalWeakTable<DbConnection, Held> _byConnection = new();

    /// <summary>The same, by transaction: the end events name the transaction, not the connection.</summary>
    private readonly ConditionalWeakTable<DbTransaction, Held> _byTransaction = new();

    public static SqliteWriteGate Instance { get; } = new();

    private SqliteWriteGate()
    {
        // A transaction disposed without commit or rollback (an exception between the two) is rolled back by SQLite then, but
        // interceptors hear nothing of it; EF reports it only as a diagnostic event, which releases the gate here.
        DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                {
                    if (e.Value is TransactionEventData disposed)
                    {
                        Release(disposed.Transaction);
                    }
                }), name => name == RelationalEventId.TransactionDisposed.Name);
            }
        }));
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnNext(T value) => next(value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }

    private sealed class Held(SemaphoreSlim gate)
    {
        private int _released;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private static SemaphoreSlim GateFor(DbConnection connection) =>
        Gates.GetOrAdd(connection.DataSource ?? connection.ConnectionString, _ => new SemaphoreSlim(1, 1));

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        var gate = GateFor(connection);
        if (gate.Wait(MaxWait))
        {
            Hold(connection, gate);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var gate = GateFor(connection);
        if (await gate.WaitAsync(MaxWait, cancellationToken))
        {
            Hold(connection, gate);
        }
        return result;
    }

    private void Hold(DbConnection connection, SemaphoreSlim gate)
    {
        // A connection left holding (its transaction's end unseen) gives the gate back before it takes it again.
        Release(connection);
        _byConnection.AddOrUpdate(connection, new Held(gate));
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (_byConnection.TryGetValue(connection, out var held))
        {
            _byTransaction.AddOrUpdate(result, held);
        }
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    private void Release(DbConnection connection)
    {
        if (_byConnection.TryGetValue(connection, out var held))
        {
            _byConnection.Remove(connection);
            held.Release();
        }
    }

    private void Release(DbTransaction transaction)
    {
        if (_byTransaction.TryGetValue(transaction, out var held))
        {
            _byTransaction.Remove(transaction);
            held.Release();
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(transaction);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    // The last safety net: a connection that closes or is disposed holds no transaction.
    InterceptionResult IDbConnectionInterceptor.ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    InterceptionResult IDbConnectionInterceptor.ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }
}
