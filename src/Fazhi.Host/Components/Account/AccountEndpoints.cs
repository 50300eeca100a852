using Fazhi.Platform.Features.Accounts;
using Microsoft.AspNetCore.Antiforgery;

namespace Fazhi.Host.Components.Account;

/// <summary>Account actions that are not pages: sign-out, posted by the form in the top bar.</summary>
internal static class AccountEndpoints
{
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (HttpContext http, PageSignIn signIn, IAntiforgery antiforgery) =>
        {
            // A cross-site form must not be able to sign a user out: the token from the page is required.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(title: "请求无效", detail: "页面已过期，请刷新页面后再退出。", statusCode: StatusCodes.Status400BadRequest);
            }
            await signIn.SignOutAsync(http);
            return Results.LocalRedirect("/account/login?signedOut=true");
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
}
