using System.Net;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Accounts;

/// <summary>
/// The security epoch is not read per request (ADR 0026): a node re-reads it when its own process commits a raise, when
/// PostgreSQL notifies it of another node's raise, when the recheck interval has passed, and on every request while it
/// cannot hear the other nodes. These tests hold each of those, and that a raise inside a transaction counts at its commit.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SecurityEpochTests(FazhiFactory factory)
{
    private const string Guarded = "/api/platform/attachments?ownerType=x&ownerId=y";

    [Fact]
    public async Task A_role_removed_on_this_node_applies_at_its_next_request()
    {
        var user = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402", prefix: "epoch-same");
        var client = await factory.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Guarded)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Guarded)).StatusCode);

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            db.RoleAssignments.RemoveRange(await db.RoleAssignments.Where(a => a.UserId == user.Id).ToListAsync());
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Guarded)).StatusCode);
    }

    [Fact]
    public async Task A_raise_inside_a_transaction_is_heard_at_its_commit()
    {
        var user = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402", prefix: "epoch-tx");
        var client = await factory.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Guarded)).StatusCode);

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.RoleAssignments.RemoveRange(await db.RoleAssignments.Where(a => a.UserId == user.Id).ToListAsync());
            await db.SaveChangesAsync();
            // Not committed: other connections still see the role, and a request now reads (and keeps) the old epoch.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Guarded)).StatusCode);
            await tx.CommitAsync();
        });

        // The commit itself tells the node: the reading taken during the transaction is not reused.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Guarded)).StatusCode);
    }

    [Fact]
    public async Task The_watch_reads_only_when_told_or_when_deaf_or_when_the_reading_is_old()
    {
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            var options = sp.GetRequiredService<DatabaseOptions>();
            var hourly = new SecurityEpochWatch(Recheck(3600), options) { Deaf = false };
            var first = await hourly.CurrentAsync(() => db, default);

            // A raise this node cannot hear (a CLI verb on the same SQLite file, a lost notification).
            await RaiseBehindItsBackAsync(db);
            Assert.Equal(first, await hourly.CurrentAsync(() => db, default));

            hourly.Invalidate();
            Assert.Equal(first + 1, await hourly.CurrentAsync(() => db, default));

            hourly.Deaf = true;
            await RaiseBehindItsBackAsync(db);
            Assert.Equal(first + 2, await hourly.CurrentAsync(() => db, default));
            await RaiseBehindItsBackAsync(db);
            Assert.Equal(first + 3, await hourly.CurrentAsync(() => db, default));

            var always = new SecurityEpochWatch(Recheck(0), options) { Deaf = false };
            Assert.Equal(first + 3, await always.CurrentAsync(() => db, default));
            await RaiseBehindItsBackAsync(db);
            Assert.Equal(first + 4, await always.CurrentAsync(() => db, default));
        });
    }

    [Fact]
    public async Task On_postgres_the_listener_comes_back_after_its_connection_is_killed()
    {
        if (!factory.OnPostgres)
        {
            return;
        }
        var first = await ListenerPidAsync(TimeSpan.FromSeconds(5), except: null);
        Assert.NotNull(first);

        await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Database
            .ExecuteSqlRawAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'fazhi-epoch-listener' AND datname = current_database()"));

        var second = await ListenerPidAsync(TimeSpan.FromSeconds(10), except: first);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
    }

    private async Task<int?> ListenerPidAsync(TimeSpan within, int? except)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            var pids = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Database
                .SqlQueryRaw<int>("SELECT pid AS \"Value\" FROM pg_stat_activity WHERE application_name = 'fazhi-epoch-listener' AND datname = current_database()")
                .ToListAsync());
            if (pids.FirstOrDefault(p => p != except) is var pid and not 0)
            {
                return pid;
            }
            await Task.Delay(50);
        }
        return null;
    }

    private static IConfiguration Recheck(double seconds) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Security:EpochRecheckSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Build();

    private static Task RaiseBehindItsBackAsync(PlatformDb db) =>
        db.Database.ExecuteSqlRawAsync("UPDATE platform_security_epoch SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1");
}
