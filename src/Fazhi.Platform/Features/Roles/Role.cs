using System.Text.Json.Serialization;
using Fazhi.Platform.Data;

namespace Fazhi.Platform.Features.Roles;

/// <summary>The three separated administrators (三员分立) and ordinary business roles.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdminKind>))]
public enum AdminKind
{
    None = 0,
    /// <summary>系统管理员: users, org units, settings.</summary>
    System = 1,
    /// <summary>安全管理员: roles and policies.</summary>
    Security = 2,
    /// <summary>审计管理员: reads and verifies the audit trail only.</summary>
    Audit = 3,
}

/// <summary>A role bundles permissions. Users receive roles at an org unit (<see cref="RoleAssignment"/>).</summary>
public sealed class Role : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable code, e.g. <c>system-admin</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public AdminKind AdminKind { get; set; }

    /// <summary>Built-in roles cannot be deleted.</summary>
    public bool IsBuiltIn { get; set; }

    public List<RolePermission> Permissions { get; set; } = [];

    public long Version { get; set; }
}

/// <summary>One permission granted by a role.</summary>
public sealed class RolePermission
{
    public Guid RoleId { get; set; }

    public required string Permission { get; set; }
}

/// <summary>
/// A permission some release shipped in a built-in role (ADR 0043). Start-up adds to a built-in role the shipped
/// permissions not recorded here yet, then records them, so a permission a later release adds reaches existing databases,
/// and one the security administrator removed stays removed.
/// Bookkeeping, not audited: the permissions it adds to a role are (as a change of the role).
/// </summary>
[NotAudited]
public sealed class ShippedRolePermission
{
    public Guid RoleId { get; set; }

    public required string Permission { get; set; }
}

/// <summary>A role held by a user at an org unit; the scope covers that unit and every unit below it.</summary>
public sealed class RoleAssignment : IOrgScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid RoleId { get; set; }

    public Guid OrgUnitId { get; set; }

    public Role? Role { get; set; }
}
