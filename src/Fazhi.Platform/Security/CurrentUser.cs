using Microsoft.AspNetCore.Http;

namespace Fazhi.Platform.Security;

/// <summary>
/// The per-request <see cref="ICurrentUser"/>. Outside a request (CLI, jobs, seeding) it is the system; inside a
/// request it is anonymous until <see cref="CurrentUserMiddleware"/> loads the signed-in user.
/// </summary>
public sealed class CurrentUser : ICurrentUser
{
    private ICurrentUser _inner;

    public CurrentUser(IHttpContextAccessor http)
    {
        _inner = http.HttpContext is null ? SystemCurrentUser.Instance : AnonymousUser.Instance;
        ClientIp = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
    }

    public string? ClientIp { get; }

    public bool IsAuthenticated => _inner.IsAuthenticated;

    public Guid? UserId => _inner.UserId;

    public string? UserName => _inner.UserName;

    public Guid? OrgUnitId => _inner.OrgUnitId;

    public DataScope Scope => _inner.Scope;

    public bool Has(string permission) => _inner.Has(permission);

    internal ICurrentUser Inner => _inner;

    /// <summary>The signed-in user's display name and org unit name, for the top bar.</summary>
    public (string DisplayName, string OrgUnitName) Profile =>
        _inner is SignedInUser u ? (string.IsNullOrEmpty(u.DisplayName) ? u.Name : u.DisplayName, u.OrgUnitName) : ("", "");

    internal void Set(ICurrentUser user) => _inner = user;

    /// <summary>Runs system work (seeding, jobs) inside a request, restoring the caller afterwards.</summary>
    internal async Task<T> AsSystemAsync<T>(Func<Task<T>> work)
    {
        var saved = _inner;
        _inner = SystemCurrentUser.Instance;
        try
        {
            return await work();
        }
        finally
        {
            _inner = saved;
        }
    }
}

internal sealed class AnonymousUser : ICurrentUser
{
    public static AnonymousUser Instance { get; } = new();

    public bool IsAuthenticated => false;

    public Guid? UserId => null;

    public string? UserName => null;

    public Guid? OrgUnitId => null;

    public DataScope Scope => DataScope.None;

    public bool Has(string permission) => false;
}

/// <summary>A signed-in user with the permissions and scope loaded from their role assignments.</summary>
internal sealed record SignedInUser(
    Guid Id, string Name, Guid HomeOrgUnitId, IReadOnlySet<string> Permissions, DataScope DataScope) : ICurrentUser
{
    /// <summary>Holds one of the three administrator roles but has not enrolled TOTP yet: only enrolment is allowed.</summary>
    public bool MustEnrolTwoFactor { get; init; }

    public string DisplayName { get; init; } = "";

    public string OrgUnitName { get; init; } = "";

    /// <summary>Has enrolled TOTP two-factor sign-in (a change raises the security epoch, so this is current).</summary>
    public bool TwoFactorEnabled { get; init; }

    /// <summary>Signed in with a one-time password: only the password change is allowed.</summary>
    public bool MustChangePassword { get; init; }

    public bool IsAuthenticated => true;

    public Guid? UserId => Id;

    public string? UserName => Name;

    public Guid? OrgUnitId => HomeOrgUnitId;

    public DataScope Scope => DataScope;

    public bool Has(string permission) => Permissions.Contains(permission);
}
