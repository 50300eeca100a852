using Fazhi.Platform.Data;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Setup;

[Collection(HostCollection.Name)]
public sealed class SqliteSettingsTests(FazhiFactory factory)
{
    [Fact]
    public async Task The_database_file_is_in_wal_mode_and_every_connection_enforces_foreign_keys()
    {
        var (journal, foreignKeys) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            if (!db.Database.IsSqlite())
            {
                return ("wal", 1L);
            }
            await db.Database.OpenConnectionAsync();
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode";
            var mode = (string)(await cmd.ExecuteScalarAsync())!;
            cmd.CommandText = "PRAGMA foreign_keys";
            return (mode, (long)(await cmd.ExecuteScalarAsync())!);
        });

        Assert.Equal("wal", journal);
        Assert.Equal(1L, foreignKeys);
    }

    /// <summary>
    /// The pragmas are set once per native connection (not on every open): a connection handed out again by the pool, after
    /// EF closed it, still has them.
    /// </summary>
    [Fact]
    public async Task A_pooled_connection_keeps_its_settings_when_it_is_opened_again()
    {
        var settings = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            if (!db.Database.IsSqlite())
            {
                return new List<string>();
            }
            var seen = new List<string>();
            for (var round = 0; round < 3; round++)
            {
                await db.Database.OpenConnectionAsync();
                await using (var cmd = db.Database.GetDbConnection().CreateCommand())
                {
                    cmd.CommandText = "SELECT (SELECT timeout FROM pragma_busy_timeout) || '/' || (SELECT foreign_keys FROM pragma_foreign_keys) || '/' || (SELECT synchronous FROM pragma_synchronous)";
                    seen.Add((string)(await cmd.ExecuteScalarAsync())!);
                }
                await db.Database.CloseConnectionAsync();
            }
            return seen;
        });

        // busy_timeout 10000 ms, foreign keys on, synchronous NORMAL (1), on every open.
        Assert.All(settings, s => Assert.Equal("10000/1/1", s));
    }

    /// <summary>
    /// ADR 0063: a test process starts more than twenty hosts, each with EF internal service providers of its own; the test
    /// hosts turn on Database:AllowManyServiceProviders, so EF logs that warning instead of throwing it. Off by default.
    /// </summary>
    [Fact]
    public async Task Test_hosts_log_the_many_service_providers_warning_and_production_keeps_the_default()
    {
        var behaviour = await factory.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            var core = ((Microsoft.EntityFrameworkCore.Infrastructure.IInfrastructure<IServiceProvider>)db).Instance
                .GetRequiredService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>()
                .FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()!;
            return Task.FromResult(core.WarningsConfiguration.GetBehavior(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.ManyServiceProvidersCreatedWarning));
        });

        Assert.Equal(WarningBehavior.Log, behaviour);
        Assert.False(DatabaseOptions.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).AllowManyServiceProviders);
    }
}
