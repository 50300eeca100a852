using System.Text.RegularExpressions;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Users;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Features.Roles;

internal sealed record RoleListItem(Guid Id, string Code, string Name, string? Description, AdminKind AdminKind, bool IsBuiltIn, int PermissionCount, int AssignmentCount, long Version);

internal sealed record RoleDetail(Guid Id, string Code, string Name, string? Description, AdminKind AdminKind, bool IsBuiltIn, IReadOnlyList<string> Permissions, int AssignmentCount, long Version);

internal sealed record CreateRoleRequest(string? Code, string? Name, string? Description, IReadOnlyList<string>? Permissions);

internal sealed record UpdateRoleRequest(string? Name, string? Description, IReadOnlyList<string>? Permissions, long Version);

/// <summary>One entry of the permission catalogue; <see cref="ReservedFor"/> names the administrator whose duty it is.</summary>
internal sealed record PermissionItem(string Code, string Module, string ModuleName, string Name, AdminKind? ReservedFor);

/// <summary>Roles and their permissions, for the security administrator; shared by the pages and the API.</summary>
internal sealed partial class RoleAdministration(PlatformDb db, ICurrentUser current, PermissionCatalog catalog)
{
    private static readonly Dictionary<string, string> ModuleNames = new(StringComparer.Ordinal)
    {
        ["platform"] = "平台基础",
        ["assessment"] = "法治政府示范创建",
        ["rulemaking"] = "立法与重大决策",
        ["learning"] = "学法考法",
        ["disputes"] = "非诉讼纠纷化解",
        ["enforcement"] = "行政执法监督",
        ["litigation"] = "复议应诉",
        ["lists"] = "清单与服务",
        ["dashboard"] = "驾驶舱与门户",
    };

    public IReadOnlyList<PermissionItem> Catalogue() => catalog.All
        .Select(p => new PermissionItem(p.Code, p.Module, ModuleNames.GetValueOrDefault(p.Module, p.Module), p.Name,
            AdminDuties.ReservedPermissions.TryGetValue(p.Code, out var k) ? k : null))
        .ToList();

    public async Task<List<RoleListItem>> ListAsync(CancellationToken ct)
    {
        var counts = await AssignmentCountsAsync(ct);
        var roles = await db.Roles.AsNoTracking()
            .Select(r => new { r.Id, r.Code, r.Name, r.Description, r.AdminKind, r.IsBuiltIn, Count = r.Permissions.Count, r.Version })
            .ToListAsync(ct);
        return roles
            .OrderByDescending(r => r.IsBuiltIn).ThenBy(r => r.AdminKind == AdminKind.None).ThenBy(r => r.AdminKind).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new RoleListItem(r.Id, r.Code, r.Name, r.Description, r.AdminKind, r.IsBuiltIn, r.Count, counts.GetValueOrDefault(r.Id), r.Version))
            .ToList();
    }

    public async Task<RoleDetail?> GetAsync(Guid id, CancellationToken ct)
    {
        var role = await db.Roles.AsNoTracking().Include(r => r.Permissions).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (role is null)
        {
            return null;
        }
        var count = await CountAssignmentsAsync(id, ct);
        return new RoleDetail(role.Id, role.Code, role.Name, role.Description, role.AdminKind, role.IsBuiltIn,
            role.Permissions.Select(p => p.Permission).Order(StringComparer.Ordinal).ToList(), count, role.Version);
    }

    /// <summary>Creates a custom business role. Custom roles are never one of the three administrators (AdminKind None).</summary>
    public async Task<RoleDetail> CreateAsync(CreateRoleRequest request, CancellationToken ct)
    {
        EnsureMayManage();
        var errors = new Dictionary<string, string[]>();
        var existing = await db.Roles.AsNoTracking().Select(r => new { r.Id, r.Code, r.Name }).ToListAsync(ct);
        var name = request.Name?.Trim() ?? "";
        CheckName(name, null, existing.Select(r => (r.Id, r.Name)), errors);
        var code = string.IsNullOrWhiteSpace(request.Code) ? "custom-" + Guid.NewGuid().ToString("N")[..8] : request.Code.Trim();
        if (!CodePattern().IsMatch(code))
        {
            errors["code"] = ["角色代码须以小写字母开头，只含小写字母、数字和连字符，2 至 64 个字符。"];
        }
        else if (existing.Any(r => r.Code == code))
        {
            errors["code"] = [$"角色代码“{code}”已被使用。"];
        }
        var permissions = CheckPermissions(AdminKind.None, null, request.Permissions ?? [], errors);
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "角色未创建：" + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        var role = new Role { Code = code, Name = name, Description = Clean(request.Description), AdminKind = AdminKind.None, IsBuiltIn = false };
        role.Permissions.AddRange(permissions.Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
        db.Roles.Add(role);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(role.Id, ct))!;
    }

    /// <summary>Edits a role. Built-in roles keep their name and code; administrator roles keep their duties separated.</summary>
    public async Task<RoleDetail> UpdateAsync(Guid id, UpdateRoleRequest request, CancellationToken ct)
    {
        EnsureMayManage();
        var role = await db.Roles.Include(r => r.Permissions).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (role is null)
        {
            throw Refuse.NotFound("角色不存在。");
        }
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? role.Name;
        if (role.IsBuiltIn && name != role.Name)
        {
            errors["name"] = ["内置角色的名称不能修改。"];
        }
        else
        {
            var others = await db.Roles.AsNoTracking().Select(r => new { r.Id, r.Name }).ToListAsync(ct);
            CheckName(name, role.Id, others.Select(r => (r.Id, r.Name)), errors);
        }
        // Omitted permissions leave the role's permissions as they are; an empty list removes them all.
        var requested = request.Permissions ?? role.Permissions.Select(p => p.Permission).ToList();
        var wanted = CheckPermissions(role.AdminKind, role.IsBuiltIn ? role.Name : null, requested, errors);
        if (errors.Count > 0)
        {
            throw Refuse.Fields(errors, "修改未保存：" + string.Join(" ", errors.Values.SelectMany(v => v)));
        }

        db.Entry(role).Property(r => r.Version).OriginalValue = request.Version;
        role.Name = name;
        role.Description = Clean(request.Description);
        var removed = role.Permissions.Where(p => !wanted.Contains(p.Permission)).ToList();
        var added = wanted.Where(w => role.Permissions.All(p => p.Permission != w)).ToList();
        foreach (var p in removed)
        {
            role.Permissions.Remove(p);
        }
        role.Permissions.AddRange(added.Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
        if (removed.Count + added.Count > 0)
        {
            // A change of permissions is a change of the role: it bumps the version and is checked against it.
            db.Entry(role).State = EntityState.Modified;
        }
        // A stale version fails the save: the exception handler (and PageActions) answer it as a stale edit.
        await db.SaveChangesAsync(ct);
        return (await GetAsync(role.Id, ct))!;
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        EnsureMayManage();
        var role = await db.Roles.Include(r => r.Permissions).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (role is null)
        {
            throw Refuse.NotFound("角色不存在。");
        }
        if (role.IsBuiltIn)
        {
            throw Refuse.Field("id", $"“{role.Name}”是内置角色，不能删除。");
        }
        var count = await CountAssignmentsAsync(id, ct);
        if (count > 0)
        {
            throw Refuse.Field("id", $"角色“{role.Name}”仍有 {count} 项用户授权在使用，请先在用户管理中移除这些授权，再删除角色。");
        }
        db.Roles.Remove(role);
        await db.SaveChangesAsync(ct);
    }

    private void EnsureMayManage()
    {
        if (!current.Has(PlatformPermissions.RolesManage))
        {
            throw Refuse.Forbidden("管理角色与权限需要安全管理员的“管理角色与权限”权限。");
        }
    }

    /// <summary>Unknown codes, another administrator's duty, or a built-in administrator role losing its own duty are refused.</summary>
    private List<string> CheckPermissions(AdminKind kind, string? builtInAdminName, IEnumerable<string> requested, Dictionary<string, string[]> errors)
    {
        var codes = requested.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var unknown = codes.Where(c => !catalog.Exists(c)).ToList();
        var reasons = new List<string>();
        if (unknown.Count > 0)
        {
            reasons.Add($"未知权限：{string.Join("、", unknown)}。请从权限目录中选择。");
        }
        reasons.AddRange(AdminDuties.PermissionConflicts(kind, codes.Where(catalog.Exists), NameOf));
        if (builtInAdminName is not null)
        {
            foreach (var duty in AdminDuties.RequiredFor(kind).Where(d => !codes.Contains(d)))
            {
                reasons.Add($"“{builtInAdminName}”角色必须保留权限“{NameOf(duty)}”，否则无人能履行该职责。");
            }
        }
        if (reasons.Count > 0)
        {
            errors["permissions"] = [.. reasons];
        }
        return codes;
    }

    private string NameOf(string code) => catalog.All.FirstOrDefault(p => p.Code == code)?.Name ?? code;

    private static void CheckName(string name, Guid? self, IEnumerable<(Guid Id, string Name)> existing, Dictionary<string, string[]> errors)
    {
        if (name.Length is < 1 or > 64)
        {
            errors["name"] = ["请填写角色名称（不超过 64 个字符）。"];
        }
        else if (existing.Any(r => r.Id != self && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors["name"] = [$"角色名称“{name}”已存在。"];
        }
    }

    private static string? Clean(string? description) =>
        string.IsNullOrWhiteSpace(description) ? null : description.Trim()[..Math.Min(description.Trim().Length, 512)];

    // Roles are installation-wide: their use is counted in every org unit, not only the caller's scope.
    private async Task<Dictionary<Guid, int>> AssignmentCountsAsync(CancellationToken ct) =>
        (await db.RoleAssignments.IgnoreQueryFilters().GroupBy(a => a.RoleId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(x => x.Key, x => x.Count);

    private Task<int> CountAssignmentsAsync(Guid roleId, CancellationToken ct) =>
        db.RoleAssignments.IgnoreQueryFilters().CountAsync(a => a.RoleId == roleId, ct);

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$")]
    private static partial Regex CodePattern();
}
