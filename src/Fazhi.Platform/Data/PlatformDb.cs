using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Features.Roles;
using Fazhi.Platform.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Data;

/// <summary>
/// The platform's database: identity, org units, roles, audit chain, calendar, attachments, data-protection keys.
/// Tables are prefixed <c>platform_</c> (SQLite has no schemas). Each engine has its own migration set, through
/// the derived <see cref="SqlitePlatformDb"/> and <see cref="PostgresPlatformDb"/>.
/// </summary>
internal abstract class PlatformDb : FazhiDbContext, IDataProtectionKeyContext
{
    protected PlatformDb(DbContextOptions options, ICurrentUser currentUser)
        : base(options, currentUser)
    {
    }

    public DbSet<FazhiUser> Users => Set<FazhiUser>();

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<Role> Roles => Set<Role>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<ShippedRolePermission> ShippedRolePermissions => Set<ShippedRolePermission>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override bool OwnsAuditTable => true;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var touchesSecurity = SecurityEpoch.Touches(ChangeTracker);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (touchesSecurity)
        {
            // After the commit (or inside the caller's transaction): a node that loads a user between the two only
            // reloads once more.
            await SecurityEpoch.RaiseAsync(this, cancellationToken);
            // This node reads the new number at its next request: now if the raise is committed, and again at the commit
            // of the caller's transaction (SecurityEpochCommitSignal) if it is not yet.
            _epochRaisedInTransaction = Database.CurrentTransaction is not null;
            SignalEpoch();
        }
        return written;
    }

    private bool _epochRaisedInTransaction;

    /// <summary>The caller's transaction ended: a raise inside it is now visible (committed) or gone (rolled back).</summary>
    internal void EpochRaisePending(bool committed)
    {
        if (_epochRaisedInTransaction)
        {
            _epochRaisedInTransaction = false;
            if (committed)
            {
                SignalEpoch();
            }
        }
    }

    private void SignalEpoch() =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<SecurityEpochWatch>()?.Invalidate();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        if (SecurityEpoch.Touches(ChangeTracker))
        {
            throw new NotSupportedException("Changes to accounts, roles or org units are saved asynchronously: use SaveChangesAsync.");
        }
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureIdentity(modelBuilder);
        modelBuilder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDb).Assembly, t => t.Namespace?.StartsWith("Fazhi.Platform.Features", StringComparison.Ordinal) == true
            || t.Namespace == "Fazhi.Platform.Kit");
        base.OnModelCreating(modelBuilder);
    }

    private static void ConfigureIdentity(ModelBuilder b)
    {
        b.Entity<FazhiUser>(u =>
        {
            u.ToTable("platform_users");
            u.HasKey(x => x.Id);
            u.HasIndex(x => x.NormalizedUserName).IsUnique();
            u.HasIndex(x => x.NormalizedEmail);
            u.Property(x => x.UserName).HasMaxLength(64);
            u.Property(x => x.NormalizedUserName).HasMaxLength(64);
            u.Property(x => x.Email).HasMaxLength(256);
            u.Property(x => x.NormalizedEmail).HasMaxLength(256);
            u.Property(x => x.DisplayName).HasMaxLength(64);
            u.Property(x => x.Mobile).IsSensitive(SensitiveKind.Phone);
            u.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            u.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(x => x.UserId).IsRequired();
            u.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(x => x.UserId).IsRequired();
            u.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(x => x.UserId).IsRequired();
            u.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<IdentityUserClaim<Guid>>(c =>
        {
            c.ToTable("platform_user_claims");
            c.HasKey(x => x.Id);
        });
        b.Entity<IdentityUserLogin<Guid>>(l =>
        {
            l.ToTable("platform_user_logins");
            l.HasKey(x => new { x.LoginProvider, x.ProviderKey });
            l.Property(x => x.LoginProvider).HasMaxLength(128);
            l.Property(x => x.ProviderKey).HasMaxLength(128);
        });
        b.Entity<IdentityUserToken<Guid>>(t =>
        {
            t.ToTable("platform_user_tokens");
            t.HasKey(x => new { x.UserId, x.LoginProvider, x.Name });
            t.Property(x => x.LoginProvider).HasMaxLength(128);
            t.Property(x => x.Name).HasMaxLength(128);
        });
    }
}

/// <summary>The platform database on SQLite; owns the SQLite migration set.</summary>
internal sealed class SqlitePlatformDb(DbContextOptions<SqlitePlatformDb> options, ICurrentUser currentUser)
    : PlatformDb(options, currentUser);

/// <summary>The platform database on PostgreSQL; owns the PostgreSQL migration set.</summary>
internal sealed class PostgresPlatformDb(DbContextOptions<PostgresPlatformDb> options, ICurrentUser currentUser)
    : PlatformDb(options, currentUser);
