using Fazhi.Platform.Security;

namespace Fazhi.Platform.Features.Roles;

/// <summary>
/// 三员分立 (the three separated administrators, 等保 2.0 level 3): the system administrator manages accounts and
/// org units, the security administrator manages roles and permissions, the audit administrator reads the audit
/// trail. Each duty's permissions are reserved to the administrator role of that kind, so no account and no custom
/// role can merge two duties. See docs/adr/0003-three-separated-administrators.md.
/// </summary>
internal static class AdminDuties
{
    /// <summary>The permissions that make up each administrator's duty, and only that administrator's.</summary>
    public static IReadOnlyDictionary<string, AdminKind> ReservedPermissions { get; } = new Dictionary<string, AdminKind>(StringComparer.Ordinal)
    {
        [PlatformPermissions.UsersManage] = AdminKind.System,
        [PlatformPermissions.OrgUnitsManage] = AdminKind.System,
        [PlatformPermissions.RolesManage] = AdminKind.Security,
        [PlatformPermissions.AuditRead] = AdminKind.Audit,
    };

    public static string Label(AdminKind kind) => kind switch
    {
        AdminKind.System => "系统管理员",
        AdminKind.Security => "安全管理员",
        AdminKind.Audit => "审计管理员",
        _ => "业务角色",
    };

    public const string SeparationRule = "三员分立要求系统管理员、安全管理员、审计管理员由不同账户担任";

    /// <summary>Why an account holding <paramref name="held"/> may not also receive <paramref name="wanted"/>; null when it may.</summary>
    public static string? AssignmentConflict(AdminKind wanted, string heldRoleName, AdminKind held) =>
        wanted != AdminKind.None && held != AdminKind.None && held != wanted
            ? $"该账户已是{heldRoleName}，{SeparationRule}。"
            : null;

    /// <summary>
    /// The reasons a role of <paramref name="kind"/> may not grant <paramref name="permissions"/>: another
    /// administrator's duty in an administrator role, or any administrator duty in a business role. Empty when allowed.
    /// </summary>
    public static List<string> PermissionConflicts(AdminKind kind, IEnumerable<string> permissions, Func<string, string> nameOf)
    {
        var reasons = new List<string>();
        foreach (var code in permissions.Distinct(StringComparer.Ordinal))
        {
            if (!ReservedPermissions.TryGetValue(code, out var owner) || owner == kind)
            {
                continue;
            }
            reasons.Add(kind == AdminKind.None
                ? $"业务角色不能包含权限“{nameOf(code)}”：它是{Label(owner)}的职责，只能通过{Label(owner)}角色授予。"
                : $"{Label(kind)}角色不能包含权限“{nameOf(code)}”：它是{Label(owner)}的职责，三员分立要求职责分离。");
        }
        return reasons;
    }

    /// <summary>The duty permissions an administrator role must keep, or its administrator could not do the job.</summary>
    public static IEnumerable<string> RequiredFor(AdminKind kind) =>
        kind == AdminKind.None ? [] : ReservedPermissions.Where(p => p.Value == kind && p.Key != PlatformPermissions.OrgUnitsManage).Select(p => p.Key);
}
