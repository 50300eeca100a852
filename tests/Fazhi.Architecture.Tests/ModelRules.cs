using System.Reflection;
using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fazhi.Architecture.Tests;

/// <summary>
/// What the model guarantees for every record of every module (the platform's and each module's context, found through
/// their design-time factories, so a new module is covered without editing this test): scoped records are filtered,
/// editable records are versioned, tables carry the module's prefix.
/// </summary>
public sealed class ModelRules
{
    public static TheoryData<string> Contexts()
    {
        var data = new TheoryData<string>();
        foreach (var factory in SqliteFactories())
        {
            data.Add(factory.FullName!);
        }
        return data;
    }

    [Fact]
    public void Every_module_context_is_checked()
    {
        // The platform and the three modules at least; a new module adds its factory and is checked with the rest.
        Assert.True(SqliteFactories().Count() >= 4, string.Join(", ", SqliteFactories().Select(f => f.Name)));
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_org_scoped_entity_has_the_scope_query_filter(string factoryName)
    {
        using var db = Create(factoryName);
        var scoped = db.Model.GetEntityTypes().Where(e => typeof(IOrgScoped).IsAssignableFrom(e.ClrType)).ToList();
        Assert.All(scoped, e => Assert.True(e.GetDeclaredQueryFilters().Count > 0, $"{e.ClrType.Name} has no data-scope filter."));
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_versioned_entity_has_a_concurrency_token(string factoryName)
    {
        using var db = Create(factoryName);
        var versioned = db.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)).ToList();
        Assert.All(versioned, e => Assert.True(e.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken, $"{e.ClrType.Name}.Version is not a concurrency token."));
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_table_carries_the_module_prefix(string factoryName)
    {
        using var db = Create(factoryName);
        var module = ModuleOf(db);
        // The design-time model keeps what migrations need to know (which tables a context maps but does not migrate).
        var model = db.GetService<IDesignTimeModel>().Model;
        var tables = model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && !IsSharedPlatformTable(e))
            .Select(e => e.GetTableName()!)
            .Distinct()
            .ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.StartsWith(module + "_", t));
    }

    /// <summary>Platform tables every context maps but only the platform migrates (the audit chain, number sequences).</summary>
    private static bool IsSharedPlatformTable(IEntityType e) =>
        e.GetTableName()!.StartsWith("platform_", StringComparison.Ordinal) && e.IsTableExcludedFromMigrations();

    /// <summary>The module name: the context's name less "Db" and the engine ("SqliteDisputesDb" → "disputes").</summary>
    private static string ModuleOf(DbContext db)
    {
        var name = db.GetType().Name;
        name = name.StartsWith("Sqlite", StringComparison.Ordinal) ? name["Sqlite".Length..] : name;
        return (name.EndsWith("Db", StringComparison.Ordinal) ? name[..^2] : name).ToLowerInvariant();
    }

    private static DbContext Create(string factoryName)
    {
        var factory = SqliteFactories().Single(t => t.FullName == factoryName);
        var create = factory.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>))
            .GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!;
        return (DbContext)create.Invoke(Activator.CreateInstance(factory, nonPublic: true), [Array.Empty<string>()])!;
    }

    private static IEnumerable<Type> SqliteFactories()
    {
        var dir = Path.GetDirectoryName(typeof(ModelRules).Assembly.Location)!;
        return Directory.GetFiles(dir, "Fazhi.*.dll")
            .Where(f => !Path.GetFileName(f).Contains(".Tests", StringComparison.Ordinal) && !Path.GetFileName(f).Contains("Testing", StringComparison.Ordinal))
            .Select(Assembly.LoadFrom)
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && t.Name.StartsWith("Sqlite", StringComparison.Ordinal)
                && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
    }
}
