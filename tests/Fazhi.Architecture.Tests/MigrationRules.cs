using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Fazhi.Architecture.Tests;

/// <summary>Every context's model matches its latest migration on both engines: nobody forgets `scripts/migrations add`.</summary>
public sealed class MigrationRules
{
    public static TheoryData<string> Factories()
    {
        var data = new TheoryData<string>();
        foreach (var type in FactoryTypes())
        {
            data.Add(type.FullName!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Factories))]
    public void The_model_has_no_changes_missing_from_the_migrations(string factoryName)
    {
        var factory = FactoryTypes().Single(t => t.FullName == factoryName);
        var create = factory.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>))
            .GetMethod("CreateDbContext")!;
        using var db = (DbContext)create.Invoke(Activator.CreateInstance(factory), [Array.Empty<string>()])!;
        Assert.False(db.Database.HasPendingModelChanges(), $"{db.GetType().Name}: the model changed since the last migration; run scripts/migrations add NAME.");
    }

    [Fact]
    public void Every_context_has_a_design_time_factory_per_engine()
    {
        var contexts = FactoryTypes()
            .Select(t => t.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)).GetGenericArguments()[0].Name)
            .ToList();
        Assert.Contains("SqlitePlatformDb", contexts);
        Assert.Contains("PostgresPlatformDb", contexts);
        Assert.True(contexts.Count % 2 == 0 && contexts.Count >= 6, string.Join(", ", contexts));
    }

    private static IEnumerable<Type> FactoryTypes()
    {
        var dir = Path.GetDirectoryName(typeof(MigrationRules).Assembly.Location)!;
        return Directory.GetFiles(dir, "Fazhi.*.dll")
            .Where(f => !Path.GetFileName(f).Contains(".Tests", StringComparison.Ordinal))
            .Select(Assembly.LoadFrom)
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
    }
}
