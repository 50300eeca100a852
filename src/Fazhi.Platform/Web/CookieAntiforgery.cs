using Fazhi.Platform.Kit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Web;

/// <summary>
/// Antiforgery for the API endpoints that read a form by hand (multipart uploads and imports): a browser sends the
/// session cookie with any cross-site form post, so a cookie-authenticated form request must carry the page's
/// antiforgery token; a bearer-token client (which a cross-site page cannot make the browser send) needs none.
/// JSON bodies are not checked: a cross-site page cannot send them without a CORS preflight.
/// </summary>
public static class CookieAntiforgery
{
    public const string RefusedMessage = "表单已过期或缺少防伪令牌，请刷新页面后重试。";

    /// <summary>True when the request authenticates with a bearer token (the same test as the "cookie or bearer" policy scheme).</summary>
    public static bool UsesBearerToken(HttpContext http) =>
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>False when a cookie-authenticated form request lacks a valid antiforgery token.</summary>
    public static async Task<bool> IsValidAsync(HttpContext http)
    {
        if (UsesBearerToken(http) || !http.Request.HasFormContentType)
        {
            return true;
        }
        return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
    }

    /// <summary>
    /// Validates antiforgery for cookie-authenticated form requests to this endpoint (and turns off the automatic check,
    /// which would also refuse bearer-token clients); a failure is a 400 refusal in Chinese.
    /// </summary>
    public static TBuilder RequireAntiforgeryForCookies<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.DisableAntiforgery();
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (!await IsValidAsync(context.HttpContext))
            {
                throw Refuse.Invalid(RefusedMessage);
            }
            return await next(context);
        });
        return builder;
    }
}
