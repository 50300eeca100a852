using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Fazhi.Rulemaking.Normative;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Data;

/// <summary>
/// The rulemaking module's database: normative-document drafts with their pre-check findings and per-article opinions,
/// and the module's settings row. Tables are prefixed <c>rulemaking_</c>.
/// </summary>
internal abstract class RulemakingDb : FazhiDbContext
{
    protected RulemakingDb(DbContextOptions options, ICurrentUser currentUser)
        : base(options, currentUser)
    {
    }

    public DbSet<NormativeDraft> Drafts => Set<NormativeDraft>();

    public DbSet<DraftFinding> Findings => Set<DraftFinding>();

    public DbSet<ArticleOpinion> Opinions => Set<ArticleOpinion>();

    public DbSet<RulemakingSettings> Settings => Set<RulemakingSettings>();

    public DbSet<Decisions.DecisionCatalogue> Catalogues => Set<Decisions.DecisionCatalogue>();

    public DbSet<Decisions.MajorDecision> Decisions => Set<Decisions.MajorDecision>();

    public DbSet<Decisions.DecisionStepRecord> DecisionSteps => Set<Decisions.DecisionStepRecord>();

    public DbSet<Decisions.DecisionReturn> DecisionReturns => Set<Decisions.DecisionReturn>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RulemakingDb).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>The rulemaking database on SQLite; owns the SQLite migration set.</summary>
internal sealed class SqliteRulemakingDb(DbContextOptions<SqliteRulemakingDb> options, ICurrentUser currentUser)
    : RulemakingDb(options, currentUser);

/// <summary>The rulemaking database on PostgreSQL; owns the PostgreSQL migration set.</summary>
internal sealed class PostgresRulemakingDb(DbContextOptions<PostgresRulemakingDb> options, ICurrentUser currentUser)
    : RulemakingDb(options, currentUser);
