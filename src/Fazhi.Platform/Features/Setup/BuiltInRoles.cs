using Fazhi.Platform.Features.Roles;
using Fazhi.Platform.Security;

namespace Fazhi.Platform.Features.Setup;

/// <summary>The roles every installation starts with. The three administrators are separated (三员分立).</summary>
internal static class BuiltInRoles
{
    public const string SystemAdmin = "system-admin";
    public const string SecurityAdmin = "security-admin";
    public const string AuditAdmin = "audit-admin";
    public const string Staff = "staff";

    public static IReadOnlyList<(string Code, string Name, string Description, AdminKind Kind, string[] Permissions)> All { get; } =
    [
        (SystemAdmin, "系统管理员", "管理用户、组织机构、工作日历和系统设置。", AdminKind.System,
            [PlatformPermissions.OrgUnitsRead, PlatformPermissions.OrgUnitsManage, PlatformPermissions.UsersRead, PlatformPermissions.UsersManage,
             PlatformPermissions.CalendarManage, PlatformPermissions.AttachmentsRead, PlatformPermissions.AttachmentsUpload]),
        (SecurityAdmin, "安全管理员", "管理角色、权限与安全策略。", AdminKind.Security,
            [PlatformPermissions.RolesManage, PlatformPermissions.UsersRead, PlatformPermissions.OrgUnitsRead]),
        (AuditAdmin, "审计管理员", "只能查阅与校验审计日志。", AdminKind.Audit,
            [PlatformPermissions.AuditRead]),
        (Staff, "业务人员", "本单位及下级单位的业务办理。", AdminKind.None,
            [PlatformPermissions.OrgUnitsRead, PlatformPermissions.UsersRead, PlatformPermissions.AttachmentsRead, PlatformPermissions.AttachmentsUpload]),
    ];
}
