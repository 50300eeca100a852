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

/// <summary>
/// A demo account a module needs besides the platform's four (demo mode only): created with the staff role at its home
/// unit, labelled 演示, with the demo password; give it module roles with <see cref="DemoRoleAssignment"/>. For a person
/// whose work is at a unit the four accounts should not be widened to (a role at a unit widens the account's data scope
/// in every module).
/// </summary>
public sealed record DemoAccount(string UserName, string DisplayName, string OrgCode);

public static class ModuleSetupExtensions
{
    /// <summary>Declares a module's own demo accounts (created by <c>--demo</c> / <c>seed demo</c>, never otherwise).</summary>
    public static IServiceCollection AddDemoAccounts(this IServiceCollection services, params DemoAccount[] accounts)
    {
        foreach (var account in accounts)
        {
            services.AddSingleton(account);
        }
        return services;
    }

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
