using Fazhi.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Platform.Features.Accounts;

/// <summary>
/// Until an administrator has enrolled TOTP (等保 2.0: two factors for administrators), or a user with a one-time password
/// has set their own, only the enrolment / password pages, sign-out and static files are reachable.
/// </summary>
internal sealed class AccountGateMiddleware(RequestDelegate next)
{
    public const string EnrolPath = "/account/two-factor";
    public const string ChangePasswordPath = "/account/change-password";

    public async Task InvokeAsync(HttpContext context, ICurrentUser current)
    {
        if (current is CurrentUser { Inner: SignedInUser user } && (user.MustChangePassword || user.MustEnrolTwoFactor) && !IsAllowed(context.Request.Path))
        {
            var (target, message) = user.MustChangePassword
                ? (ChangePasswordPath, "请先修改一次性密码。")
                : (EnrolPath, "管理员必须先启用双因素认证（TOTP）才能使用系统。");
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new ProblemDetails { Status = 403, Title = "需要完成账户设置", Detail = message }, options: null, contentType: "application/problem+json");
                return;
            }
            context.Response.Redirect(target);
            return;
        }
        await next(context);
    }

    private static bool IsAllowed(PathString path) =>
        path.StartsWithSegments(EnrolPath) || path.StartsWithSegments(ChangePasswordPath)
        || path.StartsWithSegments("/account/logout") || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/culture") || path.StartsWithSegments("/api/platform/account")
        || (!path.StartsWithSegments("/api") && path.Value?.Contains('.') == true);
}
