using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.Roles;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Features.Accounts;

/// <summary>What the two-factor page shows about the caller's account.</summary>
internal sealed record TwoFactorStatus(bool Enabled, bool IsAdministrator, int RecoveryCodesLeft);

/// <summary>The key to enrol: raw, in groups of 4 for typing, and as a QR code.</summary>
internal sealed record Enrolment(string Key, string FormattedKey, string AuthenticatorUri, string QrCodeDataUri);

/// <summary>One sign-in attempt as the account page lists it.</summary>
internal sealed record SignInEvent(DateTimeOffset At, string Action, string? ClientIp)
{
    public string Description => Action switch
    {
        "signin.succeeded" => "登录成功",
        "signin.succeeded_recovery_code" => "使用恢复码登录成功",
        "signin.password_ok_needs_2fa" => "密码正确，等待验证码",
        "signin.2fa_failed" => "验证码错误",
        "signin.locked_out" => "登录失败，账户锁定",
        "signin.not_allowed" => "不允许登录",
        _ => "登录失败",
    };

    public bool Failed => Action is not ("signin.succeeded" or "signin.succeeded_recovery_code" or "signin.password_ok_needs_2fa");
}

internal enum DisableTwoFactorOutcome
{
    Disabled,
    WrongCode,
    RequiredForAdministrators,
}

/// <summary>
/// Self-service on the caller's own account for the account pages: password change and TOTP enrolment, recovery
/// codes and (for non-administrators) disabling. Reuses <see cref="AccountApi.ChangePasswordCoreAsync"/> and
/// <see cref="TwoFactor"/>, audits each change, and keeps the session valid after the security stamp changes.
/// </summary>
internal sealed class AccountSelfService(UserManager<FazhiUser> users, SignInService signIns, SignInAudit audit, PageSignIn session, PlatformDb db)
{
    public Task<FazhiUser?> GetAsync(HttpContext http) => signIns.OnOwnAccountAsync(() => users.GetUserAsync(http.User));

    public async Task<IdentityResult> ChangePasswordAsync(HttpContext http, FazhiUser user, string currentPassword, string newPassword)
    {
        var result = await signIns.OnOwnAccountAsync(() => AccountApi.ChangePasswordCoreAsync(users, user, currentPassword, newPassword));
        if (result.Succeeded)
        {
            await audit.RecordAsync("password.changed", user.UserName!, user, PageSignIn.Channel, http.RequestAborted);
            await session.RefreshSessionAsync(http, user);
        }
        return result;
    }

    /// <summary>The caller's latest sign-in events from the audit trail, so they can spot use of their account they do not recognise.</summary>
    public Task<List<SignInEvent>> RecentSignInsAsync(Guid userId, int count, CancellationToken ct)
    {
        var id = userId.ToString();
        return db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == "FazhiUser" && e.EntityId == id && e.Action.StartsWith("signin."))
            .OrderByDescending(e => e.Sequence)
            .Take(count)
            .Select(e => new SignInEvent(e.At, e.Action, e.ClientIp))
            .ToListAsync(ct);
    }

    /// <summary>Holds one of the three administrator roles (三员), for whom TOTP is mandatory (等保 2.0 双因素).</summary>
    public Task<bool> IsAdministratorAsync(Guid userId) =>
        signIns.OnOwnAccountAsync(() => db.RoleAssignments.AnyAsync(a => a.UserId == userId && a.Role!.AdminKind != AdminKind.None));

    public async Task<TwoFactorStatus> StatusAsync(FazhiUser user) => new(
        user.TwoFactorEnabled,
        await IsAdministratorAsync(user.Id),
        user.TwoFactorEnabled ? await signIns.OnOwnAccountAsync(() => users.CountRecoveryCodesAsync(user)) : 0);

    /// <summary>The key to enrol, created on first visit (the session is re-issued because the stamp changes).</summary>
    public async Task<Enrolment> EnrolmentAsync(HttpContext http, FazhiUser user)
    {
        var existing = await signIns.OnOwnAccountAsync(() => users.GetAuthenticatorKeyAsync(user));
        var key = await signIns.OnOwnAccountAsync(() => TwoFactor.GetOrCreateKeyAsync(users, user));
        if (string.IsNullOrEmpty(existing))
        {
            await session.RefreshSessionAsync(http, user);
        }
        var uri = TwoFactor.AuthenticatorUri(user.UserName!, key);
        return new Enrolment(key, TwoFactor.FormatKey(key), uri, TwoFactor.QrCodeDataUri(uri));
    }

    /// <summary>Turns TOTP on after the first correct code; the recovery codes, or null when the code is wrong.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(HttpContext http, FazhiUser user, string code)
    {
        var codes = await signIns.OnOwnAccountAsync(() => TwoFactor.EnableAsync(users, user, code));
        if (codes is not null)
        {
            await audit.RecordAsync("2fa.enabled", user.UserName!, user, PageSignIn.Channel, http.RequestAborted);
            await session.RefreshSessionAsync(http, user);
        }
        return codes;
    }

    /// <summary>New recovery codes (the old ones stop working); requires a current TOTP code. Null when the code is wrong.</summary>
    public async Task<IReadOnlyList<string>?> RegenerateRecoveryCodesAsync(HttpContext http, FazhiUser user, string code)
    {
        var codes = await signIns.OnOwnAccountAsync(async () =>
            user.TwoFactorEnabled && await TwoFactor.VerifyCodeAsync(users, user, code)
                ? (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactor.RecoveryCodeCount))?.ToList()
                : null);
        if (codes is not null)
        {
            await audit.RecordAsync("2fa.recovery_codes_regenerated", user.UserName!, user, PageSignIn.Channel, http.RequestAborted);
        }
        return codes;
    }

    /// <summary>Turns TOTP off for an ordinary user; administrators must keep it (等保 2.0 第三级 身份鉴别: 两种或两种以上组合的鉴别技术).</summary>
    public async Task<DisableTwoFactorOutcome> DisableAsync(HttpContext http, FazhiUser user, string code)
    {
        if (await IsAdministratorAsync(user.Id))
        {
            return DisableTwoFactorOutcome.RequiredForAdministrators;
        }
        var ok = await signIns.OnOwnAccountAsync(async () =>
        {
            if (!await TwoFactor.VerifyCodeAsync(users, user, code))
            {
                return false;
            }
            await users.SetTwoFactorEnabledAsync(user, false);
            // A later enrolment gets a fresh key; the old authenticator entry and recovery codes stop working.
            await users.ResetAuthenticatorKeyAsync(user);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            return true;
        });
        if (!ok)
        {
            return DisableTwoFactorOutcome.WrongCode;
        }
        await audit.RecordAsync("2fa.disabled", user.UserName!, user, PageSignIn.Channel, http.RequestAborted);
        await session.RefreshSessionAsync(http, user);
        return DisableTwoFactorOutcome.Disabled;
    }
}
