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

/// <summary>The result of a credential check: the outcome, the account when it is known to the caller, and the end of a lockout.</summary>
internal sealed record SignInCheck(SignInOutcome Outcome, FazhiUser? User, DateTimeOffset? LockedUntil = null)
{
    public bool Succeeded => Outcome == SignInOutcome.Succeeded;
}

/// <summary>
/// Checks credentials for the sign-in page and the token endpoint alike: lockout after 5 failures (等保 2.0), the TOTP
/// second factor, and an audit entry for every outcome. Account bookkeeping (failure counts, lockout, recovery codes)
/// is system work: the caller is not yet anyone, so it runs outside the data scope.
/// </summary>
internal sealed class SignInService(SignInManager<FazhiUser> signIn, SignInAudit audit, CurrentUser current, TimeProvider time)
{
    public static string Message(SignInOutcome outcome) => Message(outcome, null, DateTimeOffset.UtcNow);

    /// <summary>The message a user sees; a lockout names the minutes left.</summary>
    public static string Message(SignInOutcome outcome, DateTimeOffset? lockedUntil, DateTimeOffset now) => outcome switch
    {
        SignInOutcome.LockedOut => $"连续登录失败次数过多，账户已锁定，请 {LockedMinutes(lockedUntil, now)} 分钟后再试或联系系统管理员。",
        SignInOutcome.NeedsTwoFactor => "请输入手机验证器中的 6 位验证码。",
        SignInOutcome.TwoFactorFailed => "验证码不正确或已过期。",
        _ => "用户名或密码错误。",
    };

    public string MessageFor(SignInCheck check) => Message(check.Outcome, check.LockedUntil, time.GetUtcNow());

    private static int LockedMinutes(DateTimeOffset? lockedUntil, DateTimeOffset now)
    {
        var left = lockedUntil is { } end ? end - now : TimeSpan.FromMinutes(15);
        return Math.Max(1, (int)Math.Ceiling(left.TotalMinutes));
    }

    /// <summary>Checks the password and, when the account has TOTP and a code is given, the second factor.</summary>
    public Task<SignInCheck> CheckAsync(
        string userName, string password, string? totpCode, string? recoveryCode, string channel, CancellationToken ct) =>
        current.AsSystemAsync(async () =>
        {
            var users = signIn.UserManager;
            var normalized = users.NormalizeName(userName ?? "");
            var user = await users.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
            if (user is null || !user.IsActive)
            {
                await audit.RecordAsync("signin.failed", userName ?? "", (Guid?)null, channel, ct);
                return new SignInCheck(SignInOutcome.Failed, null);
            }
            var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
            if (!result.Succeeded)
            {
                await audit.RecordAsync(result, user.UserName!, user, channel, ct);
                return result.IsLockedOut
                    ? new SignInCheck(SignInOutcome.LockedOut, null, user.LockoutEnd)
                    : new SignInCheck(SignInOutcome.Failed, null);
            }
            if (user.TwoFactorEnabled)
            {
                if (string.IsNullOrWhiteSpace(totpCode) && string.IsNullOrWhiteSpace(recoveryCode))
                {
                    await audit.RecordAsync("signin.password_ok_needs_2fa", user.UserName!, user, channel, ct);
                    return new SignInCheck(SignInOutcome.NeedsTwoFactor, user);
                }
                return await SecondFactorCoreAsync(user, totpCode, recoveryCode, channel, ct);
            }
            await audit.RecordAsync(SignInResult.Success, user.UserName!, user, channel, ct);
            return new SignInCheck(SignInOutcome.Succeeded, user);
        });

    /// <summary>
    /// The second step of a page sign-in: the password was checked moments ago (<see cref="CheckAsync"/> answered
    /// <see cref="SignInOutcome.NeedsTwoFactor"/>) and the browser holds Identity's short-lived two-factor cookie.
    /// A wrong code counts toward the lockout like a wrong password.
    /// </summary>
    public Task<SignInCheck> CheckSecondFactorAsync(Guid userId, string? totpCode, string? recoveryCode, string channel, CancellationToken ct) =>
        current.AsSystemAsync(async () =>
        {
            var users = signIn.UserManager;
            var user = await users.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null || !user.IsActive || !user.TwoFactorEnabled)
            {
                await audit.RecordAsync("signin.failed", user?.UserName ?? "", user, channel, ct);
                return new SignInCheck(SignInOutcome.Failed, null);
            }
            if (await users.IsLockedOutAsync(user))
            {
                await audit.RecordAsync("signin.locked_out", user.UserName!, user, channel, ct);
                return new SignInCheck(SignInOutcome.LockedOut, null, user.LockoutEnd);
            }
            return await SecondFactorCoreAsync(user, totpCode, recoveryCode, channel, ct);
        });

    private async Task<SignInCheck> SecondFactorCoreAsync(FazhiUser user, string? totpCode, string? recoveryCode, string channel, CancellationToken ct)
    {
        var users = signIn.UserManager;
        var ok = !string.IsNullOrWhiteSpace(totpCode)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Clean(totpCode))
            : !string.IsNullOrWhiteSpace(recoveryCode) && (await users.RedeemTwoFactorRecoveryCodeAsync(user, CleanRecoveryCode(recoveryCode))).Succeeded;
        if (!ok)
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await audit.RecordAsync(locked ? "signin.locked_out" : "signin.2fa_failed", user.UserName!, user, channel, ct);
            return locked ? new SignInCheck(SignInOutcome.LockedOut, null, user.LockoutEnd) : new SignInCheck(SignInOutcome.TwoFactorFailed, null);
        }
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(string.IsNullOrWhiteSpace(totpCode) ? "signin.succeeded_recovery_code" : "signin.succeeded", user.UserName!, user, channel, ct);
        return new SignInCheck(SignInOutcome.Succeeded, user);
    }

    /// <summary>Runs a self-service change to the caller's own account (password, TOTP) outside the data scope.</summary>
    public Task<T> OnOwnAccountAsync<T>(Func<Task<T>> work) => current.AsSystemAsync(work);

    /// <summary>Identity's recovery codes look like <c>XXXXX-XXXXX</c>; accept them typed without the dash, in lower case or with spaces.</summary>
    internal static string CleanRecoveryCode(string code)
    {
        var clean = code.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return clean.Length == 10 && !clean.Contains('-', StringComparison.Ordinal) ? clean[..5] + "-" + clean[5..] : clean;
    }

    internal static string Clean(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
