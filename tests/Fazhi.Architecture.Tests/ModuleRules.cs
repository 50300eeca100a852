using System.Reflection;
using Fazhi.Platform;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;

namespace Fazhi.Architecture.Tests;

/// <summary>
/// The modular monolith's rules (engineering.md): modules reach each other only through Contracts, every DbContext
/// inherits the platform's scope and audit base, and the platform never depends on the host or a module.
/// </summary>
public sealed class ModuleRules
{
    private static readonly Assembly Platform = typeof(PlatformModule).Assembly;

    /// <summary>Every Fazhi assembly next to the tests: the platform, the host and each module.</summary>
    private static IReadOnlyList<Assembly> FazhiAssemblies()
    {
        var dir = Path.GetDirectoryName(typeof(ModuleRules).Assembly.Location)!;
        return Directory.GetFiles(dir, "Fazhi.*.dll")
            .Where(f => !Path.GetFileName(f).Contains(".Tests", StringComparison.Ordinal))
            .Select(Assembly.LoadFrom)
            .ToList();
    }

    [Fact]
    public void Platform_depends_on_no_module_and_not_on_the_host()
    {
        var result = Types.InAssembly(Platform)
            .ShouldNot().HaveDependencyOnAny("Fazhi.Host", "Fazhi.Disputes", "Fazhi.Enforcement", "Fazhi.Assessment", "Fazhi.Rulemaking", "Fazhi.Learning", "Fazhi.Dashboard")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void A_module_references_other_modules_only_through_their_Contracts()
    {
        var modules = FazhiAssemblies().Where(a => a.GetName().Name is { } n && n != "Fazhi.Platform" && n != "Fazhi.Host" && !n.EndsWith(".Contracts", StringComparison.Ordinal)).ToList();
        var offenders = new List<string>();
        foreach (var module in modules)
        {
            foreach (var reference in module.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n.StartsWith("Fazhi.", StringComparison.Ordinal)))
            {
                if (reference != "Fazhi.Platform" && !reference.EndsWith(".Contracts", StringComparison.Ordinal))
                {
                    offenders.Add($"{module.GetName().Name} -> {reference}");
                }
            }
        }
        Assert.Empty(offenders);
    }

    /// <summary>The platform's own database types: modules read the org tree and accounts through the kit
    /// (<c>IOrgDirectory</c>, <c>IUserDirectory</c>), never through these. They are internal to the platform, so a module
    /// cannot name them; the rules below keep it that way.</summary>
    private static readonly string[] PlatformDbTypes =
        ["Fazhi.Platform.Data.PlatformDb", "Fazhi.Platform.Data.SqlitePlatformDb", "Fazhi.Platform.Data.PostgresPlatformDb"];

    /// <summary>The assemblies that may see the platform's internals: the host, the shared test host, the bench and the platform's own tests.</summary>
    private static readonly string[] PlatformFriends = ["Fazhi.Host", "Fazhi.Platform.Tests", "Fazhi.Testing", "Fazhi.Bench", "Fazhi.Browser.Tests"];

    [Fact]
    public void The_platform_database_is_internal_and_no_module_sees_the_platforms_internals()
    {
        Assert.All(PlatformDbTypes, name => Assert.False(Platform.GetType(name, throwOnError: true)!.IsPublic, $"{name} must stay internal to the platform."));
        var friends = Platform.GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();
        Assert.Subset(PlatformFriends.ToHashSet(), friends.ToHashSet());
    }

    [Fact]
    public void No_module_type_references_the_platform_database()
    {
        var modules = FazhiAssemblies()
            .Where(a => a.GetName().Name is { } n && !PlatformFriends.Contains(n) && n != "Fazhi.Platform")
            .ToList();
        Assert.Superset(new HashSet<string> { "Fazhi.Disputes", "Fazhi.Enforcement", "Fazhi.Assessment" }, modules.Select(a => a.GetName().Name!).ToHashSet());
        // NetArchTest reads the IL (Mono.Cecil): fields, properties, signatures, constructor parameters and method bodies,
        // including generic arguments such as GetRequiredService<PlatformDb>() (through reflection, say).
        var result = Types.InAssemblies(modules).ShouldNot().HaveDependencyOnAny(PlatformDbTypes).GetResult();
        Assert.True(result.IsSuccessful, "Modules must use the platform's kit instead of PlatformDb: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void A_dependency_rule_sees_method_bodies()
    {
        // A use hidden in a method body, as a service-locator call would be: the rule above must see such uses.
        // (PlatformDb itself cannot be named here; a public context stands in for it.)
        var result = Types.InAssembly(typeof(ModuleRules).Assembly).That().HaveName(nameof(BodyOnlyUse))
            .ShouldNot().HaveDependencyOnAny(typeof(FazhiDbContext).FullName!).GetResult();
        Assert.False(result.IsSuccessful);
    }

    private static class BodyOnlyUse
    {
        public static object Resolve(IServiceProvider services) => services.GetRequiredService<FazhiDbContext>();
    }

    [Fact]
    public void Every_DbContext_derives_from_FazhiDbContext()
    {
        var contexts = FazhiAssemblies().SelectMany(a => a.GetTypes())
            .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        Assert.NotEmpty(contexts);
        Assert.All(contexts, t => Assert.True(typeof(FazhiDbContext).IsAssignableFrom(t), $"{t.FullName} must derive from FazhiDbContext so scope and audit apply."));
    }

    [Fact]
    public void No_public_mutable_static_state_in_Fazhi_code()
    {
        var offenders = FazhiAssemblies().SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace?.StartsWith("Fazhi", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.Name.Contains('<', StringComparison.Ordinal)
                    && f.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null)
                .Select(f => $"{t.FullName}.{f.Name}"))
            .ToList();
        Assert.Empty(offenders);
    }
}
