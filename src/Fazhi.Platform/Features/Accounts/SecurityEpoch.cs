using Fazhi.Platform.Data;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Features.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using Fazhi.Platform.Security;
using Microsoft.Extensions.Caching.Memory;

namespace Fazhi.Platform.Features.Accounts;

/// <summary>
/// One counter for the whole installation, raised after every committed change that can alter what a signed-in user
/// may do or see: accounts (active, unit, two-factor, password change flag, name), roles and their permissions, role
/// assignments, and the org tree (a move changes data scopes). Every node reads it once per request; while it has not
/// moved, a user's loaded permissions and scope are reused instead of being queried again (four queries per request).
/// Nodes do not poll it per request: <see cref="SecurityEpochWatch"/> re-reads it when told of a raise (ADR 0026).
/// </summary>
[NotAudited]
internal sealed class SecurityEpochRow
{
    public int Id { get; set; }

    public long Value { get; set; }
}

internal sealed class SecurityEpochConfiguration : IEntityTypeConfiguration<SecurityEpochRow>
{
    public void Configure(EntityTypeBuilder<SecurityEpochRow> b)
    {
        b.ToTable("platform_security_epoch");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new SecurityEpochRow { Id = 1, Value = 1 });
    }
}

internal static class SecurityEpoch
{
    private static readonly HashSet<string> UserFields =
        [nameof(FazhiUser.IsActive), nameof(FazhiUser.OrgUnitId), nameof(FazhiUser.TwoFactorEnabled), nameof(FazhiUser.MustChangePassword),
         nameof(FazhiUser.DisplayName), nameof(FazhiUser.UserName), nameof(FazhiUser.SecurityStamp)];

    /// <summary>Whether the pending changes touch anything a loaded user depends on.</summary>
    public static bool Touches(ChangeTracker tracker) => tracker.Entries().Any(e => e.State switch
    {
        EntityState.Added or EntityState.Deleted => e.Entity is FazhiUser or Role or RolePermission or RoleAssignment or OrgUnit,
        EntityState.Modified => e.Entity is Role or RolePermission or RoleAssignment or OrgUnit
            || (e.Entity is FazhiUser && e.Properties.Any(p => p.IsModified && UserFields.Contains(p.Metadata.Name))),
        _ => false,
    });

    /// <summary>Raises the counter; on PostgreSQL it also notifies the other nodes' listeners (delivered at commit).</summary>
    public static Task RaiseAsync(PlatformDb db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(db.IsPostgres
            ? "UPDATE platform_security_epoch SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1; NOTIFY " + SecurityEpochWatch.Channel
            : "UPDATE platform_security_epoch SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1", ct);

    public static async Task<long> ReadAsync(PlatformDb db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = "SELECT \"Value\" FROM platform_security_epoch WHERE \"Id\" = 1";
        return await cmd.ExecuteScalarAsync(ct) is { } v ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}

/// <summary>Signed-in users as loaded at an epoch; an entry is used only while the epoch is unchanged.</summary>
internal sealed class SignedInUserCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public void Dispose() => _cache.Dispose();

    public ICurrentUser? Get(Guid userId, long epoch) =>
        _cache.TryGetValue(userId, out (long Epoch, ICurrentUser? User) hit) && hit.Epoch == epoch ? hit.User : null;

    public bool Contains(Guid userId, long epoch) => _cache.TryGetValue(userId, out (long Epoch, ICurrentUser? User) hit) && hit.Epoch == epoch;

    public void Set(Guid userId, long epoch, ICurrentUser? user) =>
        _cache.Set(userId, (epoch, user), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(20) });
}
