using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Fazhi.Enforcement.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the host.</summary>
internal sealed class SqliteEnforcementDbFactory : IDesignTimeDbContextFactory<SqliteEnforcementDb>
{
    public SqliteEnforcementDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteEnforcementDb>()
            .UseSqlite("Data Source=design.db", s => s.MigrationsHistoryTable("__migrations_enforcement")).Options,
        SystemCurrentUser.Instance);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresEnforcementDbFactory : IDesignTimeDbContextFactory<PostgresEnforcementDb>
{
    public PostgresEnforcementDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresEnforcementDb>()
            .UseNpgsql("Host=localhost;Database=fazhi_design", n => n.MigrationsHistoryTable("__migrations_enforcement")).Options,
        SystemCurrentUser.Instance);
}
