using Microsoft.AspNetCore.Builder;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Data;

/// <summary>Registers a module's DbContext on the configured engine, with that engine's migration set.</summary>
public static class DatabaseRegistration
{
    /// <summary>A module's DbContext on the engine the host is configured for (<c>Database</c> section), one line per module.</summary>
    public static WebApplicationBuilder AddFazhiDbContext<TContext, TSqlite, TPostgres>(this WebApplicationBuilder builder, string module)
        where TContext : FazhiDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        builder.Services.AddFazhiDbContext<TContext, TSqlite, TPostgres>(DatabaseOptions.From(builder.Configuration), builder.Environment.ContentRootPath, module);
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="TContext"/> resolved as <typeparamref name="TSqlite"/> or <typeparamref name="TPostgres"/>.
    /// Each module calls this once; <c>migrate</c> then migrates every registered context.
    /// </summary>
    public static IServiceCollection AddFazhiDbContext<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, DatabaseOptions options, string contentRoot, string module)
        where TContext : FazhiDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var connectionString = options.EffectiveConnectionString(contentRoot);
        var history = $"__migrations_{module}";
        // The platform's context tells this node's security epoch watch when a transaction that raised the epoch commits.
        IInterceptor[] platform = typeof(TContext) == typeof(PlatformDb) ? [SecurityEpochCommitSignal.Instance] : [];
        // The options are built once (singleton), not per request: every interceptor above is a shared instance and the
        // personal-data protector a singleton, so nothing in them belongs to a request (issue 14, ADR 0042).
        if (options.IsPostgres)
        {
            services.AddDbContext<TContext, TPostgres>((sp, o) => o
                .UseNpgsql(connectionString, n => n.MigrationsHistoryTable(history).UseParameterizedCollectionMode(options.CollectionMode))
                .AddInterceptors(platform)
                .UseSensitiveData(sp.GetService<SensitiveDataProtector>())
                .AllowManyServiceProviders(options), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        }
        else
        {
            services.AddDbContext<TContext, TSqlite>((sp, o) => o
                .UseSqlite(connectionString, s => s.MigrationsHistoryTable(history).UseParameterizedCollectionMode(options.CollectionMode))
                .AddInterceptors([SqlitePragmas.Instance, SqliteWriteGate.Instance, .. platform])
                .UseSensitiveData(sp.GetService<SensitiveDataProtector>())
                .AllowManyServiceProviders(options), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        }
        services.AddSingleton(new ModuleDatabase(module, typeof(TContext), options.IsPostgres ? typeof(TPostgres) : typeof(TSqlite)));
        return services;
    }
}

internal static class ManyServiceProvidersSetting
{
    /// <summary>With <see cref="DatabaseOptions.AllowManyServiceProviders"/> (tests), EF logs that one warning instead of throwing it.</summary>
    public static DbContextOptionsBuilder AllowManyServiceProviders(this DbContextOptionsBuilder builder, DatabaseOptions options) =>
        options.AllowManyServiceProviders
            ? builder.ConfigureWarnings(w => w.Log(CoreEventId.ManyServiceProvidersCreatedWarning))
            : builder;
}

/// <summary>A module's database, for the migrator and for system work (<see cref="Kit.ISystemWork"/>): the context type and the engine's subclass.</summary>
public sealed record ModuleDatabase(string Module, Type ContextType, Type EngineType);

/// <summary>
/// Schema work outside EF's migrations that must run with them, after the module's migrations, on every
/// <c>migrate</c> (e.g. the Quartz job store tables on PostgreSQL). Must be idempotent.
/// </summary>
public interface IDatabaseMigrationStep
{
    /// <summary>The module whose context the step runs on, e.g. <c>platform</c>.</summary>
    string Module { get; }

    Task RunAsync(DbContext context, CancellationToken ct);
}

/// <summary>Applies every module's migrations, platform first, then that module's extra migration steps.</summary>
public sealed class DatabaseMigrator(IServiceProvider services, IEnumerable<ModuleDatabase> databases, IEnumerable<IDatabaseMigrationStep> steps)
{
    public Task MigrateAsync(CancellationToken ct = default) => MigrateAsync(warmModels: true, ct);

    /// <summary>
    /// Migrates; returns whether any migration was applied. With <paramref name="warmModels"/> every context's model is
    /// built meanwhile (the seeds that follow need them all); without, only the platform's (ADR 0070: a restart that skips
    /// the seeds builds the others after ready, <see cref="WarmModelsAsync"/>).
    /// </summary>
    public async Task<bool> MigrateAsync(bool warmModels, CancellationToken ct = default)
    {
        // Building a context's model is most of a restart's work (ADR 0026): they are built on the thread pool at once,
        // while the loop below migrates one context after the other and waits only for the model it needs.
        var warming = databases.Where(d => warmModels || d.Module == "platform").Select(d => Task.Run(() => WarmModel(d), ct)).ToList();
        var applied = false;
        foreach (var db in databases.OrderBy(d => d.Module == "platform" ? 0 : 1))
        {
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(db.ContextType);
            // Nothing to apply (every restart but the first after an upgrade): EF's migrate would still take its migration
            // lock (a write on SQLite) and diff the model against the snapshot; the applied list is one small read.
            var pending = context.Database.GetMigrations().Except(await AppliedMigrationsAsync(context, db.Module, ct)).Any();
            if (pending)
            {
                await context.Database.MigrateAsync(ct);
                applied = true;
                if (context.Database.IsSqlite())
                {
                    // Write-ahead logging is a property of the database file: set once here, not on every connection open.
                    await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                }
            }
            foreach (var step in steps.Where(s => s.Module == db.Module))
            {
                await step.RunAsync(context, ct);
            }
        }
        await Task.WhenAll(warming);
        return applied;
    }

    /// <summary>
    /// Builds every context's model that is not built yet, one after the other (one core left for requests), until
    /// <paramref name="ct"/> is cancelled: after ready, so that a module's first request does not build its model.
    /// </summary>
    public async Task WarmModelsAsync(CancellationToken ct)
    {
        foreach (var db in databases)
        {
            if (ct.IsCancellationRequested)
            {
                return;
            }
            await Task.Run(() => WarmModel(db), ct);
        }
    }

    /// <summary>
    /// The migrations applied, read from the history table with one plain query: EF's <c>GetAppliedMigrationsAsync</c>
    /// builds the context's whole model first (measured: most of a restart's CPU, ADR 0070), which a restart that applies
    /// nothing does not need before ready. No history table yet (a new database): none applied.
    /// </summary>
    private static async Task<IReadOnlyList<string>> AppliedMigrationsAsync(DbContext context, string module, CancellationToken ct)
    {
        var applied = new List<string>();
        await context.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = context.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = $"SELECT \"MigrationId\" FROM \"__migrations_{module}\"";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            return [];
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
        return applied;
    }

    private void WarmModel(ModuleDatabase db)
    {
        using var scope = services.CreateScope();
        _ = ((DbContext)scope.ServiceProvider.GetRequiredService(db.ContextType)).Model;
    }
}

/// <summary>
/// SQLite per connection: write-ahead log (readers never block the writer), a busy timeout instead of an
/// immediate SQLITE_BUSY, and foreign keys on. Set once per native connection: Microsoft.Data.Sqlite pools them, and EF
/// opens and closes its connection around every query, so running the pragmas on each open parsed four statements several
/// times per request.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // Keyed by the pooled native handle, which keeps its settings for its life; a new handle gets them again.
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Applied = new();

    public static SqlitePragmas Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Applied.TryGetValue(handle, out _))
        {
            return;
        }
        using (var cmd = connection.CreateCommand())
        {
            // Per-connection settings only (no I/O); journal_mode=WAL persists in the file and is set by the migrator. Checkpoints
            // run in the background (SqliteCheckpointer); a writer checkpoints only as the backstop at 10,000 log pages.
            cmd.CommandText = "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=10000;";
            cmd.ExecuteNonQuery();
        }
        if (handle is not null)
        {
            Applied.AddOrUpdate(handle, Instance);
        }
    }
}
