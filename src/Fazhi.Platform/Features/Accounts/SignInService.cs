using Fazhi.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Features.Accounts;

/// <summary>The outcome of a credential check, with the message a user sees.</summary>
internal enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
    NeedsTwoFactor,
    TwoFactorFailed,
}

/// <summary>
/// Checks credentials for the sign-in page and the token endpoint alike: lockout after 5 failures (等保 2.0), the TOTP
/// second factor, and an audit entry for every outcome. Account bookkeeping (failure counts, lockout, recovery codes)
/// is system work: the caller is not yet anyone, so it runs outside the data scope.
/// </summary>
internal sealed class SignInService(SignInManager<FazhiUser> signIn, SignInAudit audit, CurrentUser current)
{
    public static string Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => "连续登录失败次数过多，账户已锁定 15 分钟，请稍后再试或联系系统管理员。",
        SignInOutcome.NeedsTwoFactor => "请输入手机验证器中的 6 位验证码。",
        SignInOutcome.TwoFactorFailed => "验证码不正确或已过期。",
        _ => "用户名或密码错误。",
    };

    public Task<(SignInOutcome Outcome, FazhiUser? User)> CheckAsync(
        string userName, string password, string? totpCode, string? recoveryCode, string channel, CancellationToken ct) =>
        current.AsSystemAsync(async () =>
        {
            var users = signIn.UserManager;
            var normalized = users.NormalizeName(userName ?? "");
            var user = await users.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
            if (user is null || !user.IsActive)
            {
                await audit.RecordAsync("signin.failed", userName ?? "", null, channel, ct);
                return (SignInOutcome.Failed, (FazhiUser?)null);
            }
            var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
            if (!result.Succeeded)
            {
                await audit.RecordAsync(result, user.UserName!, user, channel, ct);
                return (result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
            }
            if (user.TwoFactorEnabled)
            {
                if (string.IsNullOrWhiteSpace(totpCode) && string.IsNullOrWhiteSpace(recoveryCode))
                {
                    await audit.RecordAsync("signin.password_ok_needs_2fa", user.UserName!, user, channel, ct);
                    return (SignInOutcome.NeedsTwoFactor, user);
                }
                var ok = !string.IsNullOrWhiteSpace(totpCode)
                    ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Clean(totpCode))
                    : (await users.RedeemTwoFactorRecoveryCodeAsync(user, Clean(recoveryCode!))).Succeeded;
                if (!ok)
                {
                    await users.AccessFailedAsync(user);
                    var locked = await users.IsLockedOutAsync(user);
                    await audit.RecordAsync(locked ? "signin.locked_out" : "signin.2fa_failed", user.UserName!, user, channel, ct);
                    return (locked ? SignInOutcome.LockedOut : SignInOutcome.TwoFactorFailed, null);
                }
                await users.ResetAccessFailedCountAsync(user);
            }
            await audit.RecordAsync(SignInResult.Success, user.UserName!, user, channel, ct);
            return (SignInOutcome.Succeeded, user);
        });

    /// <summary>Runs a self-service change to the caller's own account (password, TOTP) outside the data scope.</summary>
    public Task<T> OnOwnAccountAsync<T>(Func<Task<T>> work) => current.AsSystemAsync(work);

    private static string Clean(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
