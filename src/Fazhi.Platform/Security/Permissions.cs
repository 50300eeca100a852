using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Security;

/// <summary>One permission: a module action a role may grant.</summary>
public sealed record PermissionDefinition(string Code, string Module, string Name);

/// <summary>
/// Every permission the installed modules declare. Modules add theirs with
/// <see cref="PermissionServiceCollectionExtensions.AddPermissions"/>; roles bundle them.
/// </summary>
public sealed class PermissionCatalog(IEnumerable<PermissionSet> sets)
{
    private readonly Dictionary<string, PermissionDefinition> _byCode = sets
        .SelectMany(s => s.Permissions)
        .ToDictionary(p => p.Code, StringComparer.Ordinal);

    public IEnumerable<PermissionDefinition> All => _byCode.Values.OrderBy(p => p.Code, StringComparer.Ordinal);

    public bool Exists(string code) => _byCode.ContainsKey(code);
}

/// <summary>The permissions one module contributes.</summary>
public sealed record PermissionSet(IReadOnlyList<PermissionDefinition> Permissions);

public static class PermissionServiceCollectionExtensions
{
    /// <summary>Declares a module's permissions so that roles can grant them.</summary>
    public static IServiceCollection AddPermissions(this IServiceCollection services, params PermissionDefinition[] permissions)
    {
        services.AddSingleton(new PermissionSet(permissions));
        return services;
    }
}

/// <summary>The platform's own permissions.</summary>
public static class PlatformPermissions
{
    public const string OrgUnitsRead = "platform.orgunits.read";
    public const string OrgUnitsManage = "platform.orgunits.manage";
    public const string UsersRead = "platform.users.read";
    public const string UsersManage = "platform.users.manage";
    public const string RolesManage = "platform.roles.manage";
    public const string AuditRead = "platform.audit.read";
    public const string CalendarManage = "platform.calendar.manage";
    public const string AttachmentsRead = "platform.attachments.read";
    public const string AttachmentsUpload = "platform.attachments.upload";
    public const string IdentifiersReview = "platform.identifiers.review";

    internal static PermissionDefinition[] All { get; } =
    [
        new(OrgUnitsRead, "platform", "查看组织机构"),
        new(OrgUnitsManage, "platform", "管理组织机构"),
        new(UsersRead, "platform", "查看用户"),
        new(UsersManage, "platform", "管理用户"),
        new(RolesManage, "platform", "管理角色与权限"),
        new(AuditRead, "platform", "查阅与校验审计日志"),
        new(CalendarManage, "platform", "管理工作日历"),
        new(AttachmentsRead, "platform", "下载附件"),
        new(AttachmentsUpload, "platform", "上传附件"),
        new(IdentifiersReview, "platform", "核实统一社会信用代码"),
    ];
}
