using System.Data.Common;
using Fazhi.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fazhi.Platform.Features.Setup;

/// <summary>What happens before the host serves its first request.</summary>
public static class PlatformStartup
{
    /// <summary>
    /// Migrates (embedded SQLite by default; PostgreSQL only with <c>Database:MigrateOnStart</c>), seeds, creates the first
    /// administrator and prints the one-time password, and adds demo data in <c>--demo</c> mode.
    /// </summary>
    public static async Task InitialiseAsync(WebApplication app, bool demo, StartupTimeline? timeline = null, CancellationToken ct = default)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (demo)
        {
            // Before anything is sent: the demo's text messages go to a readable outbox (ADR 0055).
            app.Services.GetRequiredService<Notifications.TextMessageOutbox>().UseDemoDefault(DataFolder.Resolve(app.Configuration, app.Environment.ContentRootPath));
        }
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        // A restart of the build that seeded this database skips the seeds (ADR 0070); --demo always seeds.
        var stamp = SeedStamp.Compute(sp);
        var seededByThisBuild = !demo && await SeedStamp.ReadAsync(sp.GetRequiredService<PlatformDb>(), ct) == stamp;
        var migrated = false;
        if (options.ShouldMigrateOnStart)
        {
            migrated = await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync(warmModels: !seededByThisBuild, ct);
        }
        else
        {
            var pending = (await sp.GetRequiredService<PlatformDb>().Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                // A new node (or a new version) on a database that is behind: migrating is an explicit step in production,
                // run once from one machine, never by every node at start.
                throw new InvalidOperationException(
                    $"数据库尚未迁移到当前版本（缺少 {pending.Count} 个迁移）：请先运行 `Fazhi.Host migrate`（或 `dotnet Fazhi.Host.dll migrate`），再启动各节点。" +
                    "The database is not migrated to this version of Fazhi: run `Fazhi.Host migrate` (or `dotnet Fazhi.Host.dll migrate`) once, then start the nodes.");
            }
        }
        timeline?.Mark("migrations");
        if (seededByThisBuild && !migrated)
        {
            // The modules' models are not needed before ready any more: built after it, one after the other.
            var lifetime = app.Lifetime;
            lifetime.ApplicationStarted.Register(() => _ = WarmModelsAfterReadyAsync(app.Services, lifetime.ApplicationStopping));
            timeline?.Mark("seeds skipped (stamp)");
        }
        else
        {
            await ReferenceData.SeedAsync(sp, ct, timeline);
        }
        var seeder = sp.GetRequiredService<PlatformSeeder>();
        var first = await seeder.EnsureFirstAdminAsync(ct);
        timeline?.Mark("first admin check");
        if (first is { } admin)
        {
            Console.WriteLine();
            Console.WriteLine("==================================================================");
            Console.WriteLine(" Fazhi 首次启动：已创建系统管理员账户 / first system administrator");
            Console.WriteLine($"   用户名 user:     {admin.UserName}");
            Console.WriteLine($"   一次性密码 once: {admin.Password}");
            Console.WriteLine(" 首次登录须修改密码并绑定 TOTP 双因素认证。此密码不会再次显示。");
            Console.WriteLine("==================================================================");
            Console.WriteLine();
        }
        if (demo)
        {
            await ReferenceData.SeedDemoAsync(sp, ct);
            Console.WriteLine($"演示模式 --demo：演示账户 demo-sysadmin / demo-city / demo-shizhong ... 密码 {PlatformSeeder.DemoPassword}");
        }
    }

    private static async Task WarmModelsAfterReadyAsync(IServiceProvider services, CancellationToken stopping)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Fazhi.Startup");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await services.GetRequiredService<DatabaseMigrator>().WarmModelsAsync(stopping);
            log.LogInformation("Start-up: the modules' models built after ready in {Ms} ms", watch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Stopped before they were all built: a module builds its own on its first use, as EF does.
        }
        catch (Exception ex)
        {
            // Not fatal here: the module whose model fails to build fails on its first use, with the same error.
            log.LogWarning(ex, "Start-up: building the modules' models after ready failed");
        }
    }
}

/// <summary>Reference data: the platform's seed, then every module's <see cref="IModuleSeed"/>.</summary>
internal static class ReferenceData
{
    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct, StartupTimeline? timeline = null)
    {
        await sp.GetRequiredService<PlatformSeeder>().SeedAsync(ct);
        timeline?.Mark(nameof(PlatformSeeder));
        foreach (var moduleSeed in sp.GetServices<IModuleSeed>())
        {
            await moduleSeed.SeedAsync(ct);
            timeline?.Mark(moduleSeed.GetType().Name);
        }
        try
        {
            await SeedStamp.RecordAsync(sp.GetRequiredService<PlatformDb>(), SeedStamp.Compute(sp), ct);
        }
        catch (DbException ex)
        {
            // Only an optimisation: without the stamp the next start seeds again.
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Fazhi.Startup").LogWarning(ex, "The seed stamp was not recorded; the next start seeds again.");
        }
    }

    /// <summary>Demo data (<c>--demo</c>, <c>seed demo</c>): the platform's demo accounts, then every module's <see cref="IDemoSeed"/>.</summary>
    public static async Task SeedDemoAsync(IServiceProvider sp, CancellationToken ct)
    {
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Fazhi.Demo");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await sp.GetRequiredService<PlatformSeeder>().SeedDemoAsync(ct);
        log.LogInformation("Demo seed {Seed}: {Ms} ms", nameof(PlatformSeeder), watch.ElapsedMilliseconds);
        foreach (var seed in sp.GetServices<IDemoSeed>())
        {
            watch.Restart();
            await seed.SeedAsync(ct);
            log.LogInformation("Demo seed {Seed}: {Ms} ms", seed.GetType().Name, watch.ElapsedMilliseconds);
        }
    }
}

/// <summary>A module's demo records, added by <c>--demo</c> and <c>seed demo</c>, each clearly labelled as demo.</summary>
public interface IDemoSeed
{
    Task SeedAsync(CancellationToken ct);
}
