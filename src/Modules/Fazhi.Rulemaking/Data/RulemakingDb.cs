using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Fazhi.Rulemaking.Normative;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Data;

/// <summary>
/// The rulemaking module's database: normative-document drafts with their pre-check findings and per-article opinions,
/// the module's settings row, major decisions and legislation projects (ADR 0034). Tables are prefixed <c>rulemaking_</c>.
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

    public DbSet<Legislation.LegislationSettings> LegislationSettings => Set<Legislation.LegislationSettings>();

    public DbSet<Legislation.LegislativePlan> LegislativePlans => Set<Legislation.LegislativePlan>();

    public DbSet<Legislation.PlanChange> PlanChanges => Set<Legislation.PlanChange>();

    public DbSet<Legislation.LegislationProject> LegislationProjects => Set<Legislation.LegislationProject>();

    public DbSet<Legislation.ProjectStageRecord> LegislationStages => Set<Legislation.ProjectStageRecord>();

    public DbSet<Legislation.DraftVersion> DraftVersions => Set<Legislation.DraftVersion>();

    public DbSet<Legislation.ContactPoint> ContactPoints => Set<Legislation.ContactPoint>();

    public DbSet<Legislation.LegislationComment> LegislationComments => Set<Legislation.LegislationComment>();

    public DbSet<Legislation.CommentRound> CommentRounds => Set<Legislation.CommentRound>();

    public DbSet<Cleanup.CleanupCampaign> CleanupCampaigns => Set<Cleanup.CleanupCampaign>();

    public DbSet<Cleanup.CleanupItem> CleanupItems => Set<Cleanup.CleanupItem>();

    public DbSet<Advisers.LegalAdviser> LegalAdvisers => Set<Advisers.LegalAdviser>();

    public DbSet<Advisers.AdviserEngagement> AdviserEngagements => Set<Advisers.AdviserEngagement>();

    public DbSet<Advisers.OpinionRequest> OpinionRequests => Set<Advisers.OpinionRequest>();

    public DbSet<Fazhi.Rulemaking.Hearings.Hearing> Hearings => Set<Fazhi.Rulemaking.Hearings.Hearing>();

    public DbSet<Renewal.DocumentRenewal> Renewals => Set<Renewal.DocumentRenewal>();

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
