using System.Security.Cryptography;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Features.Roles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Fazhi.Platform.Features.Setup;

/// <summary>First-start seeding: the org tree, the built-in roles, the official calendars, and the first system administrator.</summary>
internal sealed class PlatformSeeder(PlatformDb db, UserManager<FazhiUser> users, ILogger<PlatformSeeder> log)
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

    /// <summary>Creates an account with a role at an org unit (the <c>admin create</c> verb and the demo data use it).</summary>
    public async Task<FazhiUser> CreateUserAsync(string userName, string displayName, string orgCode, string roleCode, string password, bool mustChange, bool demo, CancellationToken ct)
    {
        var org = await db.OrgUnits.SingleOrDefaultAsync(o => o.Code == orgCode, ct)
            ?? throw new InvalidOperationException($"组织机构代码 {orgCode} 不存在。");
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Code == roleCode, ct)
            ?? throw new InvalidOperationException($"角色 {roleCode} 不存在。");
        var user = new FazhiUser { UserName = userName, DisplayName = displayName, OrgUnitId = org.Id, MustChangePassword = mustChange, IsDemo = demo };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, RoleId = role.Id, OrgUnitId = org.Id });
        await db.SaveChangesAsync(ct);
        return user;
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
        foreach (var (user, name, org, role) in demo)
        {
            if (await users.FindByNameAsync(user) is null)
            {
                await CreateUserAsync(user, name, org, role, DemoPassword, mustChange: false, demo: true, ct);
            }
        }
    }

    private async Task EnsureRolesAsync(CancellationToken ct)
    {
        var existing = await db.Roles.Include(r => r.Permissions).ToListAsync(ct);
        foreach (var (code, name, description, kind, permissions) in BuiltInRoles.All)
        {
            var role = existing.FirstOrDefault(r => r.Code == code);
            if (role is null)
            {
                role = new Role { Code = code, Name = name, Description = description, AdminKind = kind, IsBuiltIn = true };
                db.Roles.Add(role);
            }
            foreach (var p in permissions.Where(p => role.Permissions.All(x => x.Permission != p)))
            {
                role.Permissions.Add(new RolePermission { RoleId = role.Id, Permission = p });
            }
        }
        await db.SaveChangesAsync(ct);
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
