namespace Fazhi.Platform.Security;

/// <summary>Who is calling, in which org unit, with which permissions and data scope. Resolved once per request.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? UserId { get; }

    string? UserName { get; }

    /// <summary>The user's home org unit.</summary>
    Guid? OrgUnitId { get; }

    DataScope Scope { get; }

    bool Has(string permission);
}

/// <summary>The caller used by system work: migrations, seeding, jobs, CLI verbs.</summary>
public sealed class SystemCurrentUser : ICurrentUser
{
    public static SystemCurrentUser Instance { get; } = new();

    public bool IsAuthenticated => true;

    public Guid? UserId => null;

    public string? UserName => "system";

    public Guid? OrgUnitId => null;

    public DataScope Scope => DataScope.System;

    public bool Has(string permission) => true;
}
