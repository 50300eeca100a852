using Fazhi.Lists.Certificates;
using Fazhi.Lists.Reports;
using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Lists.Data;

/// <summary>
/// The lists module's database: certification-item list versions, their item revisions and proposed changes, reports of
/// certificates demanded outside the list, and the module's settings row. Tables are prefixed <c>lists_</c>.
/// </summary>
internal abstract class ListsDb : FazhiDbContext
{
    protected ListsDb(DbContextOptions options, ICurrentUser currentUser)
        : base(options, currentUser)
    {
    }

    public DbSet<CertListVersion> CertVersions => Set<CertListVersion>();

    public DbSet<CertItemRevision> CertItems => Set<CertItemRevision>();

    public DbSet<CertChange> CertChanges => Set<CertChange>();

    public DbSet<OutsideListReport> Reports => Set<OutsideListReport>();

    public DbSet<ListsSettings> Settings => Set<ListsSettings>();

    public DbSet<Powers.PowerListVersion> PowerVersions => Set<Powers.PowerListVersion>();

    public DbSet<Powers.PowerItemRevision> PowerItems => Set<Powers.PowerItemRevision>();

    public DbSet<Powers.PowerChange> PowerChanges => Set<Powers.PowerChange>();

    public DbSet<Powers.PowerLegalFlag> PowerFlags => Set<Powers.PowerLegalFlag>();

    public DbSet<Powers.TownDelegation> TownDelegations => Set<Powers.TownDelegation>();

    public DbSet<Plans.EmergencyPlan> Plans => Set<Plans.EmergencyPlan>();

    public DbSet<Plans.Drill> Drills => Set<Plans.Drill>();

    public DbSet<Plans.DrillProblem> DrillProblems => Set<Plans.DrillProblem>();

    public DbSet<Appeals.EnterpriseAppeal> Appeals => Set<Appeals.EnterpriseAppeal>();

    public DbSet<Appeals.AppealCoHandler> AppealCoHandlers => Set<Appeals.AppealCoHandler>();

    public DbSet<Appeals.AppealTimeLimit> AppealTimeLimits => Set<Appeals.AppealTimeLimit>();

    public DbSet<Verifications.CertVerification> CertVerifications => Set<Verifications.CertVerification>();

    /// <summary>A write to a list's item revisions makes the in-memory search snapshots stale (ADR 0044).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Fazhi.Lists.Appeals.AppealReferrals.StampStateChanges(this);
        var items = ChangeTracker.Entries().Any(e => e.Entity is CertItemRevision or Powers.PowerItemRevision
            && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (items)
        {
            // The process's singleton, from the application's services (the context's options are built once per process).
            this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
                ?.GetService<Search.VersionSearch>()?.Changed();
        }
        return written;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ListsDb).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>The lists database on SQLite; owns the SQLite migration set.</summary>
internal sealed class SqliteListsDb(DbContextOptions<SqliteListsDb> options, ICurrentUser currentUser)
    : ListsDb(options, currentUser);

/// <summary>The lists database on PostgreSQL; owns the PostgreSQL migration set.</summary>
internal sealed class PostgresListsDb(DbContextOptions<PostgresListsDb> options, ICurrentUser currentUser)
    : ListsDb(options, currentUser);
