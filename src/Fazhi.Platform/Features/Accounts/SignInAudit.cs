using Fazhi.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Fazhi.Platform.Features.Accounts;

/// <summary>Writes every sign-in outcome to the audit trail (等保 2.0 security audit), from pages and the API alike.</summary>
internal sealed class SignInAudit(PlatformDb db)
{
    public async Task RecordAsync(SignInResult result, string userName, FazhiUser? user, string channel, CancellationToken ct = default)
    {
        var action = result switch
        {
            { Succeeded: true } => "signin.succeeded",
            { IsLockedOut: true } => "signin.locked_out",
            { RequiresTwoFactor: true } => "signin.password_ok_needs_2fa",
            { IsNotAllowed: true } => "signin.not_allowed",
            _ => "signin.failed",
        };
        await RecordAsync(action, userName, user, channel, ct);
    }

    public Task RecordAsync(string action, string userName, FazhiUser? user, string channel, CancellationToken ct = default) =>
        RecordAsync(action, userName, user?.Id, channel, ct);

    public Task RecordAsync(string action, string userName, Guid? userId, string channel, CancellationToken ct = default) =>
        db.WriteAuditEventAsync(action, "FazhiUser", userId?.ToString(), new { userName, channel }, ct);
}
