using Fazhi.Library.Works;
using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Library.Data;

/// <summary>
/// The regulation library's database: works, their versions, provisions (编/章/节/条), citations and the change feed the
/// search index follows. Tables are prefixed <c>library_</c>; each engine has its own migration set. The database is
/// the source of truth; the search index is derived from it.
/// </summary>
internal abstract class LibraryDb : FazhiDbContext
{
    protected LibraryDb(DbContextOptions options, ICurrentUser currentUser)
        : base(options, currentUser)
    {
    }

    public DbSet<LawWork> Works => Set<LawWork>();

    public DbSet<LawVersion> Versions => Set<LawVersion>();

    public DbSet<VersionSource> Sources => Set<VersionSource>();

    public DbSet<Provision> Provisions => Set<Provision>();

    public DbSet<Citation> Citations => Set<Citation>();

    public DbSet<LibraryChange> Changes => Set<LibraryChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LibraryDb).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>The library database on SQLite; owns the SQLite migration set.</summary>
internal sealed class SqliteLibraryDb(DbContextOptions<SqliteLibraryDb> options, ICurrentUser currentUser)
    : LibraryDb(options, currentUser);

/// <summary>The library database on PostgreSQL; owns the PostgreSQL migration set.</summary>
internal sealed class PostgresLibraryDb(DbContextOptions<PostgresLibraryDb> options, ICurrentUser currentUser)
    : LibraryDb(options, currentUser);
