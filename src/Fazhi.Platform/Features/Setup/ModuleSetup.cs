using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Features.Setup;

/// <summary>
/// A business role a module ships (e.g. 纠纷受理员). Seeded like the platform's built-in roles: created with these
/// permissions on first start, then owned by the security administrator, who may change its permissions.
/// </summary>
public sealed record ModuleRole(string Code, string Name, string Description, IReadOnlyList<string> Permissions);

/// <summary>
/// A module's reference data that every installation needs (not demo data): e.g. the statutory case-type profiles.
/// Runs on every start and on <c>migrate</c>, after the platform's own seeding; must be idempotent.
/// </summary>
public interface IModuleSeed
{
    Task SeedAsync(CancellationToken ct);
}

/// <summary>
/// A module role given to one of the platform's <c>--demo</c> accounts (demo-city, demo-shizhong, demo-xuecheng, demo-town)
/// at an org unit, so that the demo accounts can use the module right away. Demo mode only.
/// </summary>
public sealed record DemoRoleAssignment(string UserName, string RoleCode, string OrgCode);

public static class ModuleSetupExtensions
{
    /// <summary>Declares module roles for the demo accounts (given by <c>--demo</c> / <c>seed demo</c>, never otherwise).</summary>
    public static IServiceCollection AddDemoRoleAssignments(this IServiceCollection services, params DemoRoleAssignment[] assignments)
    {
        foreach (var assignment in assignments)
        {
            services.AddSingleton(assignment);
        }
        return services;
    }

    /// <summary>Declares business roles the module ships.</summary>
    public static IServiceCollection AddModuleRoles(this IServiceCollection services, params ModuleRole[] roles)
    {
        foreach (var role in roles)
        {
            services.AddSingleton(role);
        }
        return services;
    }
}
