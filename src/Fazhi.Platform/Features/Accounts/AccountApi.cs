using System.Security.Claims;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Platform.Features.Accounts;

/// <summary>Sign-in for API clients (bearer tokens), the caller's profile, password change and TOTP enrolment.</summary>
internal static class AccountApi
{
    public sealed record TokenRequest(string UserName, string Password, string? TwoFactorCode, string? RecoveryCode);

    public sealed record MeResponse(Guid Id, string UserName, string DisplayName, Guid OrgUnitId, bool TwoFactorEnabled, bool MustEnrolTwoFactor, bool MustChangePassword, IReadOnlyList<string> Permissions);

    public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

    public sealed record TwoFactorKeyResponse(string SharedKey, string AuthenticatorUri);

    public sealed record EnableTwoFactorRequest(string Code);

    public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/account").WithTags("account");
        g.MapPost("/token", TokenAsync).AllowAnonymous().RequireRateLimiting(PlatformModule.SignInRateLimit);
        g.MapGet("/me", Me).RequireAuthorization();
        g.MapPost("/password", ChangePasswordAsync).RequireAuthorization();
        g.MapGet("/two-factor/key", TwoFactorKeyAsync).RequireAuthorization();
        g.MapPost("/two-factor/enable", EnableTwoFactorAsync).RequireAuthorization();
    }

    /// <summary>Exchanges credentials (and the TOTP code when enrolled) for a bearer token.</summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> TokenAsync(
        TokenRequest request, SignInService signIns, SignInManager<FazhiUser> signIn, HttpContext http)
    {
        var check = await signIns.CheckAsync(request.UserName, request.Password, request.TwoFactorCode, request.RecoveryCode, "api", http.RequestAborted);
        if (!check.Succeeded)
        {
            var status = check.Outcome == SignInOutcome.LockedOut ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized;
            var detail = check.Outcome == SignInOutcome.NeedsTwoFactor ? "需要双因素验证码（twoFactorCode）或恢复码（recoveryCode）。" : signIns.MessageFor(check);
            return TypedResults.Problem(title: "登录失败", detail: detail, statusCode: status);
        }
        var principal = await signIn.CreateUserPrincipalAsync(check.User!);
        await http.SignInAsync(IdentityConstants.BearerScheme, principal);
        return TypedResults.Empty;
    }

    /// <summary>The signed-in user as this request loaded them (current at the security epoch): no query of its own.</summary>
    private static Results<Ok<MeResponse>, UnauthorizedHttpResult> Me(ICurrentUser current, PermissionCatalog catalog)
    {
        if (current is not CurrentUser { Inner: SignedInUser u })
        {
            return TypedResults.Unauthorized();
        }
        return TypedResults.Ok(new MeResponse(u.Id, u.Name, u.DisplayName, u.HomeOrgUnitId, u.TwoFactorEnabled,
            u.MustEnrolTwoFactor, u.MustChangePassword, catalog.All.Select(p => p.Code).Where(u.Has).ToList()));
    }

    private static async Task<NoContent> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal principal, UserManager<FazhiUser> users, SignInAudit audit, SignInService signIns, CancellationToken ct)
    {
        var user = await signIns.OnOwnAccountAsync(() => users.GetUserAsync(principal)) ?? throw Refuse.Field("user", "账户不存在。");
        var result = await signIns.OnOwnAccountAsync(() => ChangePasswordCoreAsync(users, user, request.CurrentPassword ?? "", request.NewPassword ?? ""));
        if (!result.Succeeded)
        {
            throw Refuse.Fields(new Dictionary<string, string[]> { ["newPassword"] = result.Errors.Select(e => e.Description).ToArray() }, "密码未修改。");
        }
        await audit.RecordAsync("password.changed", user.UserName!, user, "api", ct);
        return TypedResults.NoContent();
    }

    /// <summary>Changes the password and clears the one-time-password flag; shared by the page and the API.</summary>
    internal static async Task<IdentityResult> ChangePasswordCoreAsync(UserManager<FazhiUser> users, FazhiUser user, string current, string next)
    {
        if (current == next)
        {
            return IdentityResult.Failed(new IdentityError { Code = "PasswordUnchanged", Description = "新密码不能与当前密码相同。" });
        }
        var result = await users.ChangePasswordAsync(user, current, next);
        if (result.Succeeded && user.MustChangePassword)
        {
            user.MustChangePassword = false;
            result = await users.UpdateAsync(user);
        }
        return result;
    }

    /// <summary>The authenticator key to enrol, created on first request (RFC 6238 TOTP).</summary>
    private static async Task<Ok<TwoFactorKeyResponse>> TwoFactorKeyAsync(ClaimsPrincipal principal, UserManager<FazhiUser> users, SignInService signIns)
    {
        var user = (await signIns.OnOwnAccountAsync(() => users.GetUserAsync(principal)))!;
        var key = await signIns.OnOwnAccountAsync(() => TwoFactor.GetOrCreateKeyAsync(users, user));
        return TypedResults.Ok(new TwoFactorKeyResponse(key, TwoFactor.AuthenticatorUri(user.UserName!, key)));
    }

    private static async Task<Ok<RecoveryCodesResponse>> EnableTwoFactorAsync(
        EnableTwoFactorRequest request, ClaimsPrincipal principal, UserManager<FazhiUser> users, SignInAudit audit, SignInService signIns, CancellationToken ct)
    {
        var user = (await signIns.OnOwnAccountAsync(() => users.GetUserAsync(principal)))!;
        var codes = await signIns.OnOwnAccountAsync(() => TwoFactor.EnableAsync(users, user, request.Code ?? ""))
            ?? throw Refuse.Field("code", "验证码不正确，请核对手机上的 6 位数字后重试。");
        await audit.RecordAsync("2fa.enabled", user.UserName!, user, "api", ct);
        return TypedResults.Ok(new RecoveryCodesResponse(codes));
    }
}

/// <summary>TOTP enrolment shared by the page and the API.</summary>
internal static class TwoFactor
{
    public static async Task<string> GetOrCreateKeyAsync(UserManager<FazhiUser> users, FazhiUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        return key!;
    }

    public static string AuthenticatorUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("法治枣庄")}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString("法治枣庄")}&digits=6";

    /// <summary>Verifies the first code and turns two-factor on; returns 10 recovery codes, or null when the code is wrong.</summary>
    public static async Task<IReadOnlyList<string>?> EnableAsync(UserManager<FazhiUser> users, FazhiUser user, string code)
    {
        if (!await VerifyCodeAsync(users, user, code))
        {
            return null;
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
    }

    public const int RecoveryCodeCount = 10;

    /// <summary>Checks a 6-digit code from the authenticator app (spaces and dashes ignored).</summary>
    public static async Task<bool> VerifyCodeAsync(UserManager<FazhiUser> users, FazhiUser user, string? code) =>
        !string.IsNullOrWhiteSpace(code)
        && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, SignInService.Clean(code));

    /// <summary>The shared key in groups of 4 for typing into an authenticator app by hand.</summary>
    public static string FormatKey(string key)
    {
        var clean = key.ToUpperInvariant();
        return string.Join(' ', Enumerable.Range(0, (clean.Length + 3) / 4).Select(i => clean.Substring(i * 4, Math.Min(4, clean.Length - (i * 4)))));
    }

    /// <summary>The otpauth URI as a QR code PNG in a data URI (the CSP allows <c>img-src data:</c>).</summary>
    public static string QrCodeDataUri(string authenticatorUri)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(authenticatorUri, QRCoder.QRCodeGenerator.ECCLevel.M);
        var png = new QRCoder.PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
