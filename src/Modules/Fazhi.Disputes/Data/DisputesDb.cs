using Fazhi.Disputes.Domain;
using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Fazhi.Disputes.Data;

/// <summary>The dispute centre's database: case-type profiles, cases, parties, stages. Tables prefixed <c>disputes_</c>.</summary>
internal abstract class DisputesDb : FazhiDbContext
{
    protected DisputesDb(DbContextOptions options, ICurrentUser currentUser)
        : base(options, currentUser)
    {
    }

    public DbSet<CaseTypeProfile> Profiles => Set<CaseTypeProfile>();

    public DbSet<ProfileStage> ProfileStages => Set<ProfileStage>();

    public DbSet<DisputeCase> Cases => Set<DisputeCase>();

    public DbSet<CaseParty> Parties => Set<CaseParty>();

    public DbSet<CaseStage> Stages => Set<CaseStage>();


    /// <summary>Every save also appends the statistics roll-up's delta rows for the cases, closings and stages it changes.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        Statistics.StatisticsDeltas.Capture(this);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DisputesDb).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SqliteDisputesDb(DbContextOptions<SqliteDisputesDb> options, ICurrentUser currentUser) : DisputesDb(options, currentUser);

internal sealed class PostgresDisputesDb(DbContextOptions<PostgresDisputesDb> options, ICurrentUser currentUser) : DisputesDb(options, currentUser);

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the host.</summary>
internal sealed class SqliteDisputesDbFactory() : SqliteDesignTimeFactory<SqliteDisputesDb>("disputes", o => new(o, SystemCurrentUser.Instance));

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresDisputesDbFactory() : PostgresDesignTimeFactory<PostgresDisputesDb>("disputes", o => new(o, SystemCurrentUser.Instance));
