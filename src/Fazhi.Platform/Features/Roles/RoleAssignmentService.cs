using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.Users;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Features.Roles;

/// <summary>
/// The one place a role is given to or taken from an account: the user pages, the API, the <c>admin create</c> verb
/// and seeding all come through here, so 三员分立 and the data scope cannot be skipped.
/// </summary>
internal sealed class RoleAssignmentService(PlatformDb db, ICurrentUser current)
{
    /// <summary>PostgreSQL advisory lock key serialising role changes, so two concurrent grants cannot both pass the 三员分立 check.</summary>
    private const long AssignmentLock = 3704000002;

    public async Task<RoleAssignment> AssignAsync(Guid userId, Guid roleId, Guid orgUnitId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            throw Refuse.NotFound("用户不存在或不在您的数据范围内。");
        }
        var role = await db.Roles.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roleId, ct);
        if (role is null)
        {
            throw Refuse.Field("roleId", "所选角色不存在。");
        }
        if (Refusal(userId, role, assigning: true) is { } refusal)
        {
            throw Refuse.Forbidden(refusal);
        }
        var org = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgUnitId, ct);
        if (org is null)
        {
            throw Refuse.Field("orgUnitId", "所选组织机构不存在。");
        }
        if (!current.Scope.Allows(org.Id))
        {
            throw Refuse.Field("orgUnitId", $"“{org.Name}”不在您的管理范围内：只能在本单位及下级单位授予角色。");
        }

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AssignmentLock})", ct);
        }
        // 三员分立 holds across every org unit, including units outside the caller's scope: read all the account's roles.
        var held = await db.RoleAssignments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.UserId == userId)
            .Select(a => new { a.RoleId, a.OrgUnitId, a.Role!.Name, a.Role.AdminKind })
            .ToListAsync(ct);
        if (held.Any(h => h.RoleId == roleId && h.OrgUnitId == orgUnitId))
        {
            throw Refuse.Field("roleId", $"该账户已在“{org.Name}”拥有角色“{role.Name}”。");
        }
        foreach (var h in held)
        {
            if (AdminDuties.AssignmentConflict(role.AdminKind, h.Name, h.AdminKind) is { } conflict)
            {
                throw Refuse.Field("roleId", conflict);
            }
        }

        var assignment = new RoleAssignment { UserId = userId, RoleId = roleId, OrgUnitId = orgUnitId };
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        await RoleEventAsync("role.assigned", userId, user.UserName, role, org.Code, assignment.Id, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        return assignment;
    }

    public async Task RemoveAsync(Guid userId, Guid assignmentId, CancellationToken ct)
    {
        var assignment = await db.RoleAssignments.Include(a => a.Role).FirstOrDefaultAsync(a => a.Id == assignmentId && a.UserId == userId, ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync(ct);
        if (assignment is null || user is null)
        {
            throw Refuse.NotFound("该角色授权不存在或不在您的数据范围内。");
        }
        var role = assignment.Role!;
        if (Refusal(userId, role, assigning: false) is { } refusal)
        {
            throw Refuse.Forbidden(refusal);
        }
        var orgCode = await db.OrgUnits.Where(o => o.Id == assignment.OrgUnitId).Select(o => o.Code).FirstOrDefaultAsync(ct);

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        await RoleEventAsync("role.removed", userId, user.UserName, role, orgCode, assignmentId, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>The explicit audit event of a role change, beside the entity change the chain records anyway.</summary>
    private Task RoleEventAsync(string action, Guid userId, string? userName, Role role, string? orgCode, Guid assignmentId, CancellationToken ct) =>
        db.WriteAuditEventAsync(action, nameof(FazhiUser), userId.ToString(), new
        {
            userName,
            role = role.Code,
            roleName = role.Name,
            adminKind = role.AdminKind.ToString(),
            orgUnit = orgCode,
            assignmentId,
        }, ct);

    /// <summary>Whether the caller may give or take <paramref name="role"/> at all (ADR 0003); null when allowed.</summary>
    public string? Refusal(Guid userId, Role role, bool assigning)
    {
        if (current.UserId == userId)
        {
            return "不能修改自己的角色，请由其他管理员操作。";
        }
        if (role.AdminKind != AdminKind.None && !current.Has(PlatformPermissions.RolesManage))
        {
            return assigning
                ? $"只有安全管理员可以授予“{role.Name}”等三员角色。尚无安全管理员时，请在服务器上运行 `Fazhi.Host admin create 用户名 --role security-admin` 创建。"
                : $"只有安全管理员可以移除“{role.Name}”等三员角色。";
        }
        if (!current.Has(PlatformPermissions.UsersManage) && !current.Has(PlatformPermissions.RolesManage))
        {
            return "授予或移除角色需要“管理用户”或“管理角色与权限”权限。";
        }
        return null;
    }
}
