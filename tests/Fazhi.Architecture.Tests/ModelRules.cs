using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Architecture.Tests;

/// <summary>What the model guarantees for every record: scoped records are filtered, editable records are versioned.</summary>
public sealed class ModelRules
{
    private static PlatformDb NewPlatformDb() => new SqlitePlatformDb(
        new DbContextOptionsBuilder<SqlitePlatformDb>().UseSqlite("Data Source=:memory:").Options,
        SystemCurrentUser.Instance);

    [Fact]
    public void Every_org_scoped_entity_has_the_scope_query_filter()
    {
        using var db = NewPlatformDb();
        var scoped = db.Model.GetEntityTypes().Where(e => typeof(IOrgScoped).IsAssignableFrom(e.ClrType)).ToList();
        Assert.NotEmpty(scoped);
        Assert.All(scoped, e => Assert.True(e.GetDeclaredQueryFilters().Count > 0, $"{e.ClrType.Name} has no data-scope filter."));
    }

    [Fact]
    public void Every_versioned_entity_has_a_concurrency_token()
    {
        using var db = NewPlatformDb();
        var versioned = db.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)).ToList();
        Assert.NotEmpty(versioned);
        Assert.All(versioned, e => Assert.True(e.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken, $"{e.ClrType.Name}.Version is not a concurrency token."));
    }

    [Fact]
    public void Every_platform_table_carries_the_module_prefix()
    {
        using var db = NewPlatformDb();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).Where(t => t is not null).Distinct().ToList();
        Assert.All(tables, t => Assert.StartsWith("platform_", t));
    }
}
