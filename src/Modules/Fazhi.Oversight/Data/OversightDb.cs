using Fazhi.Oversight.Litigation;
using Fazhi.Oversight.Settings;
using Fazhi.Oversight.Suggestions;
using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Data;

/// <summary>
/// The oversight module's database (复议应诉与监督): lawsuits against the city's agencies with their hearings, judicial and
/// procuratorial suggestions, and the module's settings row. Tables are prefixed <c>oversight_</c>; each engine has its own migration set.
/// </summary>
internal abstract class OversightDb : FazhiDbContext
{
    protected OversightDb(DbContextOptions options, ICurrentUser currentUser)
        : base(options, currentUser)
    {
    }

    public DbSet<Lawsuit> Lawsuits => Set<Lawsuit>();

    public DbSet<LawsuitHearing> Hearings => Set<LawsuitHearing>();

    public DbSet<Suggestion> Suggestions => Set<Suggestion>();

    public DbSet<Disclosure.DisclosureRequest> DisclosureRequests => Set<Disclosure.DisclosureRequest>();

    public DbSet<Proposals.Proposal> Proposals => Set<Proposals.Proposal>();

    public DbSet<Proposals.ProposalCoOpinion> ProposalCoOpinions => Set<Proposals.ProposalCoOpinion>();

    public DbSet<Performance.PerformanceTask> PerformanceTasks => Set<Performance.PerformanceTask>();

    public DbSet<OversightSettings> Settings => Set<OversightSettings>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OversightDb).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>The oversight database on SQLite; owns the SQLite migration set.</summary>
internal sealed class SqliteOversightDb(DbContextOptions<SqliteOversightDb> options, ICurrentUser currentUser)
    : OversightDb(options, currentUser);

/// <summary>The oversight database on PostgreSQL; owns the PostgreSQL migration set.</summary>
internal sealed class PostgresOversightDb(DbContextOptions<PostgresOversightDb> options, ICurrentUser currentUser)
    : OversightDb(options, currentUser);
