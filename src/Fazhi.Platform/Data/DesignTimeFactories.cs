using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Fazhi.Platform.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the host.</summary>
internal sealed class SqlitePlatformDbFactory : IDesignTimeDbContextFactory<SqlitePlatformDb>
{
    public SqlitePlatformDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqlitePlatformDb>()
            .UseSqlite("Data Source=design.db", s => s.MigrationsHistoryTable("__migrations_platform")).Options,
        SystemCurrentUser.Instance);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresPlatformDbFactory : IDesignTimeDbContextFactory<PostgresPlatformDb>
{
    public PostgresPlatformDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresPlatformDb>()
            .UseNpgsql("Host=localhost;Database=fazhi_design", n => n.MigrationsHistoryTable("__migrations_platform")).Options,
        SystemCurrentUser.Instance);
}
