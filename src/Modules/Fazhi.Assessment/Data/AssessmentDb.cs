using Fazhi.Assessment.Campaigns;
using Fazhi.Assessment.Frameworks;
using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Data;

/// <summary>
/// The assessment module's database: indicator frameworks (versioned), campaigns, tasks, evidence, reviews and scores.
/// Tables are prefixed <c>assessment_</c>; each engine has its own migration set.
/// </summary>
internal abstract class AssessmentDb : FazhiDbContext
{
    protected AssessmentDb(DbContextOptions options, ICurrentUser currentUser)
        : base(options, currentUser)
    {
    }

    public DbSet<IndicatorFramework> Frameworks => Set<IndicatorFramework>();

    public DbSet<FrameworkVersion> FrameworkVersions => Set<FrameworkVersion>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignUnit> CampaignUnits => Set<CampaignUnit>();

    public DbSet<AssessmentTask> Tasks => Set<AssessmentTask>();

    public DbSet<TaskContribution> Contributions => Set<TaskContribution>();

    public DbSet<Evidence> Evidence => Set<Evidence>();

    public DbSet<TaskEvent> TaskEvents => Set<TaskEvent>();

    public DbSet<Deduction> Deductions => Set<Deduction>();

    public DbSet<ScoreAppeal> Appeals => Set<ScoreAppeal>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AssessmentDb).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>The assessment database on SQLite; owns the SQLite migration set.</summary>
internal sealed class SqliteAssessmentDb(DbContextOptions<SqliteAssessmentDb> options, ICurrentUser currentUser)
    : AssessmentDb(options, currentUser);

/// <summary>The assessment database on PostgreSQL; owns the PostgreSQL migration set.</summary>
internal sealed class PostgresAssessmentDb(DbContextOptions<PostgresAssessmentDb> options, ICurrentUser currentUser)
    : AssessmentDb(options, currentUser);
