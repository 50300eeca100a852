using System.Security.Cryptography;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Features.Roles;
using Fazhi.Platform.Kit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Fazhi.Platform.Features.Setup;

/// <summary>First-start seeding: the org tree, the built-in roles, the official calendars, and the first system administrator.</summary>
internal sealed class PlatformSeeder(
    PlatformDb db, UserManager<FazhiUser> users, RoleAssignmentService assignments, IEnumerable<ModuleRole> moduleRoles,
    IEnumerable<DemoRoleAssignment> demoRoles, IEnumerable<DemoAccount> moduleDemoAccounts, ILogger<PlatformSeeder> log)
{
    /// <summary>The password every <c>--demo</c> account shares. Demo mode only; never created otherwise.</summary>
    public const string DemoPassword = "Demo-Fazhi-2026-zz";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (!await db.OrgUnits.AnyAsync(ct))
        {
            db.OrgUnits.AddRange(OrgUnitSeed.Build());
            await db.SaveChangesAsync(ct);
            log.LogInformation("Seeded the Zaozhuang org tree.");
        }
        await EnsureRolesAsync(ct);
        await Calendar.CalendarAdmin.SeedAsync(db, ct);
    }

    /// <summary>Creates the first system administrator when no account exists; returns the one-time password, or null.</summary>
    public async Task<(string UserName, string Password)?> EnsureFirstAdminAsync(CancellationToken ct = default)
    {
        if (await db.Users.IgnoreQueryFilters().AnyAsync(ct))
        {
            return null;
        }
        var password = OneTimePassword();
        await CreateUserAsync("admin", "系统管理员", OrgUnitSeed.CityCode, BuiltInRoles.SystemAdmin, password, mustChange: true, demo: false, ct);
        return ("admin", password);
    }

    /// <summary>
    /// Creates an account with a role at an org unit (the <c>admin create</c> verb and the demo data use it). The role goes
    /// through <see cref="RoleAssignmentService"/>, so 三员分立 holds here too; a refusal throws with the reason.
    /// </summary>
    public async Task<FazhiUser> CreateUserAsync(string userName, string displayName, string orgCode, string roleCode, string password, bool mustChange, bool demo, CancellationToken ct)
    {
        var (org, role) = await OrgAndRoleAsync(orgCode, roleCode, ct);
        var user = new FazhiUser { UserName = userName, DisplayName = displayName, OrgUnitId = org.Id, MustChangePassword = mustChange, IsDemo = demo };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        await AssignOrThrowAsync(user.Id, role.Id, org.Id, ct);
        await tx.CommitAsync(ct);
        return user;
    }

    /// <summary>Gives an existing account a role at an org unit (<c>admin create</c> on an existing user name), under 三员分立.</summary>
    public async Task<FazhiUser?> GrantRoleAsync(string userName, string orgCode, string roleCode, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return null;
        }
        var (org, role) = await OrgAndRoleAsync(orgCode, roleCode, ct);
        await AssignOrThrowAsync(user.Id, role.Id, org.Id, ct);
        return user;
    }

    private async Task<(OrgUnit Org, Role Role)> OrgAndRoleAsync(string orgCode, string roleCode, CancellationToken ct)
    {
        var org = await db.OrgUnits.SingleOrDefaultAsync(o => o.Code == orgCode, ct)
            ?? throw new InvalidOperationException($"组织机构代码 {orgCode} 不存在。");
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Code == roleCode, ct)
            ?? throw new InvalidOperationException($"角色 {roleCode} 不存在。");
        return (org, role);
    }

    private async Task AssignOrThrowAsync(Guid userId, Guid roleId, Guid orgUnitId, CancellationToken ct)
    {
        if (await PageActions.TryAsync(() => assignments.AssignAsync(userId, roleId, orgUnitId, ct)) is (_, { } refusal))
        {
            throw new InvalidOperationException(refusal.Summary, refusal);
        }
    }

    /// <summary>Demo accounts for each role, all labelled as demo and sharing <see cref="DemoPassword"/>.</summary>
    public async Task SeedDemoAsync(CancellationToken ct = default)
    {
        (string User, string Name, string Org, string Role)[] demo =
        [
            ("demo-sysadmin", "演示·系统管理员", OrgUnitSeed.CityCode, BuiltInRoles.SystemAdmin),
            ("demo-secadmin", "演示·安全管理员", OrgUnitSeed.CityCode, BuiltInRoles.SecurityAdmin),
            ("demo-auditor", "演示·审计管理员", OrgUnitSeed.CityCode, BuiltInRoles.AuditAdmin),
            ("demo-city", "演示·市司法局工作人员", OrgUnitSeed.CityCode, BuiltInRoles.Staff),
            ("demo-shizhong", "演示·市中区工作人员", "370402", BuiltInRoles.Staff),
            ("demo-xuecheng", "演示·薛城区工作人员", "370403", BuiltInRoles.Staff),
            ("demo-town", "演示·市中区中心街街道工作人员", "370402001", BuiltInRoles.Staff),
        ];
        // A module's own demo account (e.g. a department's legal reviewer), with the platform's staff role at its home unit.
        demo = [.. demo, .. moduleDemoAccounts.Select(a => (a.UserName, a.DisplayName, a.OrgCode, BuiltInRoles.Staff))];
        foreach (var (user, name, org, role) in demo)
        {
            if (await users.FindByNameAsync(user) is null)
            {
                await CreateUserAsync(user, name, org, role, DemoPassword, mustChange: false, demo: true, ct);
            }
        }
        foreach (var grant in demoRoles)
        {
            var user = await users.FindByNameAsync(grant.UserName);
            if (user is null || !user.IsDemo)
            {
                continue; // only the platform's own demo accounts receive demo roles
            }
            var (org, role) = await OrgAndRoleAsync(grant.OrgCode, grant.RoleCode, ct);
            if (!await db.RoleAssignments.AnyAsync(a => a.UserId == user.Id && a.RoleId == role.Id && a.OrgUnitId == org.Id, ct))
            {
                await AssignOrThrowAsync(user.Id, role.Id, org.Id, ct);
            }
        }
    }

    /// <summary>
    /// Creates missing built-in roles with their default permissions, and brings existing ones up to this release (ADR 0043):
    /// a permission this release ships in a built-in role that no earlier start recorded as shipped is added to the role and
    /// recorded; one recorded earlier and since removed by the security administrator is not added again. Names,
    /// descriptions and the administrator's other edits are kept. A default set that merges two administrators' duties is
    /// a programming error.
    /// </summary>
    private async Task EnsureRolesAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockForDecisionAsync("platform:built-in-roles", ct); // two nodes starting at once (PostgreSQL)
        var roles = await db.Roles.Include(r => r.Permissions).ToDictionaryAsync(r => r.Code, ct);
        var recorded = (await db.ShippedRolePermissions.Select(s => new { s.RoleId, s.Permission }).ToListAsync(ct))
            .ToLookup(s => s.RoleId, s => s.Permission);
        var all = BuiltInRoles.All.Concat(moduleRoles.Select(m => (m.Code, m.Name, m.Description, AdminKind.None, m.Permissions.ToArray())));
        foreach (var (code, name, description, kind, permissions) in all)
        {
            var conflicts = AdminDuties.PermissionConflicts(kind, permissions, p => p);
            if (conflicts.Count > 0)
            {
                throw new InvalidOperationException($"内置角色 {code} 违反三员分立：{string.Join(" ", conflicts)}");
            }
            if (!roles.TryGetValue(code, out var role))
            {
                role = new Role { Code = code, Name = name, Description = description, AdminKind = kind, IsBuiltIn = true };
                role.Permissions.AddRange(permissions.Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
                db.Roles.Add(role);
                db.ShippedRolePermissions.AddRange(permissions.Distinct().Select(p => new ShippedRolePermission { RoleId = role.Id, Permission = p }));
                continue;
            }
            if (!role.IsBuiltIn || role.AdminKind != kind)
            {
                continue; // a role of the same code the security administrator made, or of another kind: never widened
            }
            var shippedBefore = recorded[role.Id].ToHashSet(StringComparer.Ordinal);
            var added = new List<string>();
            foreach (var permission in permissions.Distinct().Where(p => !shippedBefore.Contains(p)))
            {
                if (role.Permissions.All(p => p.Permission != permission))
                {
                    role.Permissions.Add(new RolePermission { RoleId = role.Id, Permission = permission });
                    added.Add(permission);
                }
                db.ShippedRolePermissions.Add(new ShippedRolePermission { RoleId = role.Id, Permission = permission });
            }
            if (added.Count > 0)
            {
                db.Entry(role).State = EntityState.Modified; // a change of the role: versioned, audited, security epoch raised
                log.LogInformation("Built-in role {Role} gained the permissions this release ships in it: {Permissions}", code, string.Join(", ", added));
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>A random 20-character one-time password, shown once on the console.</summary>
    internal static string OneTimePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }
}
