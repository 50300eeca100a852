using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Discretion;
using Fazhi.Enforcement.Publicity;
using Fazhi.Enforcement.Registry;
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
    public DbSet<EnforcementBody> Bodies => Set<EnforcementBody>();

    public DbSet<EnforcementOfficer> Officers => Set<EnforcementOfficer>();

    public DbSet<CaseRulesProfile> CaseRules => Set<CaseRulesProfile>();

    public DbSet<PenaltyCase> Cases => Set<PenaltyCase>();

    public DbSet<CaseOfficer> CaseOfficers => Set<CaseOfficer>();

    public DbSet<CaseStep> CaseSteps => Set<CaseStep>();

    public DbSet<LegalReview> LegalReviews => Set<LegalReview>();

    public DbSet<PublishedDecision> PublishedDecisions => Set<PublishedDecision>();

    public DbSet<PublishedDecisionTerm> PublishedTerms => Set<PublishedDecisionTerm>();

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
