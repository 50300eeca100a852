using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Fazhi.Platform.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a context's SQLite model without the host. A module derives one line:
/// <c>internal sealed class SqliteXDbFactory() : SqliteDesignTimeFactory&lt;SqliteXDb&gt;("x", o =&gt; new(o, SystemCurrentUser.Instance));</c>
/// </summary>
public abstract class SqliteDesignTimeFactory<TContext>(string module, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : FazhiDbContext
{
    public TContext CreateDbContext(string[] args) => create(new DbContextOptionsBuilder<TContext>()
        .UseSqlite("Data Source=design.db", s => s.MigrationsHistoryTable($"__migrations_{module}")).Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build a context's PostgreSQL model without a server.</summary>
public abstract class PostgresDesignTimeFactory<TContext>(string module, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : FazhiDbContext
{
    public TContext CreateDbContext(string[] args) => create(new DbContextOptionsBuilder<TContext>()
        .UseNpgsql("Host=localhost;Database=fazhi_design", n => n.MigrationsHistoryTable($"__migrations_{module}")).Options);
}

internal sealed class SqlitePlatformDbFactory() : SqliteDesignTimeFactory<SqlitePlatformDb>("platform", o => new(o, SystemCurrentUser.Instance));

internal sealed class PostgresPlatformDbFactory() : PostgresDesignTimeFactory<PostgresPlatformDb>("platform", o => new(o, SystemCurrentUser.Instance));
