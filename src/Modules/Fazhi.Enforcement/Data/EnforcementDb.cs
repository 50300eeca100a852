using Fazhi.Enforcement.Discretion;
using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Data;

/// <summary>
/// The enforcement module's database: matters, discretion benchmarks (versioned) and the rules profile.
/// Tables are prefixed <c>enforcement_</c>; each engine has its own migration set.
/// </summary>
internal abstract class EnforcementDb : FazhiDbContext
{
    protected EnforcementDb(DbContextOptions options, ICurrentUser currentUser)
        : base(options, currentUser)
    {
    }

    public DbSet<EnforcementMatter> Matters => Set<EnforcementMatter>();

    public DbSet<DiscretionBenchmark> Benchmarks => Set<DiscretionBenchmark>();

    public DbSet<BenchmarkTier> Tiers => Set<BenchmarkTier>();

    public DbSet<PenaltyRulesProfile> RulesProfiles => Set<PenaltyRulesProfile>();

    public DbSet<Inspections.InspectionPlan> InspectionPlans => Set<Inspections.InspectionPlan>();

    public DbSet<Inspections.InspectionCapRule> InspectionCapRules => Set<Inspections.InspectionCapRule>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EnforcementDb).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>The enforcement database on SQLite; owns the SQLite migration set.</summary>
internal sealed class SqliteEnforcementDb(DbContextOptions<SqliteEnforcementDb> options, ICurrentUser currentUser)
    : EnforcementDb(options, currentUser);

/// <summary>The enforcement database on PostgreSQL; owns the PostgreSQL migration set.</summary>
internal sealed class PostgresEnforcementDb(DbContextOptions<PostgresEnforcementDb> options, ICurrentUser currentUser)
    : EnforcementDb(options, currentUser);
