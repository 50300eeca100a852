using System.Security.Claims;
using Fazhi.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Fazhi.Platform.Features.Accounts;

/// <summary>
/// The sign-in pages' session work around <see cref="SignInService"/> (which checks and audits every outcome):
/// the application cookie, Identity's short-lived two-factor cookie between the password and the code step,
/// sign-out, and re-issuing the cookie after the account's security stamp changed.
/// </summary>
internal sealed class PageSignIn(SignInService signIns, SignInManager<FazhiUser> signIn, SignInAudit audit, CurrentUser current)
{
    public const string Channel = "page";

    /// <summary>Step one: user name and password. On success the session starts; with TOTP the code step follows.</summary>
    public async Task<SignInCheck> PasswordAsync(HttpContext http, string userName, string password)
    {
        var check = await signIns.CheckAsync(userName, password, null, null, Channel, http.RequestAborted);
        if (check.Outcome == SignInOutcome.NeedsTwoFactor)
        {
            // Identity's two-factor cookie (5 minutes) carries only the account id to the code step.
            var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
            identity.AddClaim(new Claim(ClaimTypes.Name, check.User!.Id.ToString()));
            await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
        }
        else if (check.Succeeded)
        {
            await StartSessionAsync(http, check.User!, "pwd");
        }
        return check;
    }

    /// <summary>The Chinese message for a refused sign-in (a lockout names the minutes left).</summary>
    public string Message(SignInCheck check) => signIns.MessageFor(check);

    /// <summary>The account waiting for its second factor, or null when the two-factor cookie is missing or expired.</summary>
    public async Task<Guid?> PendingTwoFactorAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return Guid.TryParse(result.Principal?.FindFirstValue(ClaimTypes.Name), out var id) ? id : null;
    }

    /// <summary>Step two: a TOTP code or a recovery code. Null when there is no pending sign-in (start again).</summary>
    public async Task<SignInCheck?> SecondFactorAsync(HttpContext http, string? totpCode, string? recoveryCode)
    {
        if (await PendingTwoFactorAsync(http) is not { } userId)
        {
            return null;
        }
        var check = await signIns.CheckSecondFactorAsync(userId, totpCode, recoveryCode, Channel, http.RequestAborted);
        if (check.Succeeded || check.Outcome is SignInOutcome.LockedOut or SignInOutcome.Failed)
        {
            await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        }
        if (check.Succeeded)
        {
            await StartSessionAsync(http, check.User!, "mfa");
        }
        return check;
    }

    /// <summary>Ends the session, audited as <c>signout</c>.</summary>
    public async Task SignOutAsync(HttpContext http)
    {
        if (current.IsAuthenticated && current.UserId is { } id)
        {
            await audit.RecordAsync("signout", current.UserName ?? "", id, Channel, http.RequestAborted);
        }
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
    }

    /// <summary>
    /// Re-issues the cookie after a change to the account's security stamp (password, authenticator key), so the
    /// session survives the stamp check; the original sign-in time is kept for the absolute timeout.
    /// </summary>
    public async Task RefreshSessionAsync(HttpContext http, FazhiUser user)
    {
        var principal = await current.AsSystemAsync(() => signIn.CreateUserPrincipalAsync(user));
        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var type in new[] { AccountsFeature.SignedInAtClaim, "amr" })
        {
            if (http.User.FindFirst(type) is { } original)
            {
                foreach (var c in identity.FindAll(type).ToList())
                {
                    identity.RemoveClaim(c);
                }
                identity.AddClaim(new Claim(type, original.Value));
            }
        }
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = false });
    }

    private Task<bool> StartSessionAsync(HttpContext http, FazhiUser user, string method) =>
        current.AsSystemAsync(async () =>
        {
            await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = false }, [new Claim("amr", method)]);
            return true;
        });

    /// <summary>A return address after sign-in: only a path on this site, never another host (open redirect).</summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/' || returnUrl.StartsWith("//", StringComparison.Ordinal)
            || returnUrl.StartsWith("/\\", StringComparison.Ordinal) || returnUrl.Any(char.IsControl)
            || returnUrl.StartsWith("/account/log", StringComparison.OrdinalIgnoreCase))
        {
            return "/";
        }
        return returnUrl;
    }
}
