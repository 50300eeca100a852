using System.Security.Claims;
using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fazhi.Platform.Features.Accounts;

/// <summary>ASP.NET Core Identity on the platform database, with the security baseline's session rules.</summary>
internal static class AccountsFeature
{
    /// <summary>Policy scheme: bearer when the request carries a token, the cookie otherwise.</summary>
    public const string Scheme = "Fazhi";

    /// <summary>Claim holding the time of the password sign-in, for the absolute timeout.</summary>
    public const string SignedInAtClaim = "fazhi:signed_in_at";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.RefreshTokenExpiration = AbsoluteTimeout;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<FazhiUser>(o =>
            {
                // Security baseline: length and a common-password list instead of composition rules (ASVS 5.0 V6.2).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                // 等保 2.0: lock after repeated failures; 5 failures lock the account for 15 minutes.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PlatformDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<BaselinePasswordValidator>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "fazhi.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Events.OnValidatePrincipal = ValidateAbsoluteTimeoutAsync;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.RedirectUri = WithMissingPermission(ctx.HttpContext, ctx.RedirectUri);
                return ApiAware(ctx, StatusCodes.Status403Forbidden);
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // Role changes and sign-outs elsewhere take effect within a minute.
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = ctx =>
            {
                // Keep the original sign-in time, or the absolute timeout would restart at every refresh.
                var original = ctx.CurrentPrincipal?.FindFirst(SignedInAtClaim);
                var identity = ctx.NewPrincipal?.Identity as ClaimsIdentity;
                if (original is not null && identity is not null)
                {
                    foreach (var c in identity.FindAll(SignedInAtClaim).ToList())
                    {
                        identity.RemoveClaim(c);
                    }
                    identity.AddClaim(new Claim(SignedInAtClaim, original.Value));
                }
                return Task.CompletedTask;
            };
        });
        services.AddScoped<IUserClaimsPrincipalFactory<FazhiUser>, FazhiClaimsFactory>();
        services.TryAddSingleton(TimeProvider.System);
    }

    /// <summary>Names the permission the page needs and the user lacks, so the refusal page can say why.</summary>
    private static string WithMissingPermission(HttpContext http, string redirectUri)
    {
        var current = http.RequestServices.GetService<ICurrentUser>();
        var missing = http.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy)
            .Where(p => p is not null && p.StartsWith(Perm.Prefix, StringComparison.Ordinal))
            .Select(p => p![Perm.Prefix.Length..])
            .FirstOrDefault(p => current is null || !current.Has(p));
        return missing is null ? redirectUri : QueryHelpers.AddQueryString(redirectUri, "permission", missing);
    }

    /// <summary>12 hours after the password sign-in the session ends, however active (等保 2.0 session control).</summary>
    private static async Task ValidateAbsoluteTimeoutAsync(CookieValidatePrincipalContext ctx)
    {
        var at = ctx.Principal?.FindFirstValue(SignedInAtClaim);
        var now = (ctx.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (at is null || !long.TryParse(at, out var ms) || now - DateTimeOffset.FromUnixTimeMilliseconds(ms) > AbsoluteTimeout)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        // Within the validation interval the stamp validator would do nothing (it compares the same two times), but
        // resolving it builds the sign-in and user managers and a database context: skip it (ADR 0026).
        var interval = ctx.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;
        if (ctx.Properties.IssuedUtc is { } issued && now - issued <= interval)
        {
            return;
        }
        // The stamp check reloads the account; the caller is not loaded yet (anonymous scope), so it is system work.
        var current = ctx.HttpContext.RequestServices.GetRequiredService<CurrentUser>();
        await current.AsSystemAsync(async () =>
        {
            await SecurityStampValidator.ValidatePrincipalAsync(ctx);
            return true;
        });
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Adds the home org unit and the sign-in time to the principal.</summary>
internal sealed class FazhiClaimsFactory(
    Microsoft.AspNetCore.Identity.UserManager<FazhiUser> users,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options,
    TimeProvider time)
    : UserClaimsPrincipalFactory<FazhiUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(FazhiUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("fazhi:org", user.OrgUnitId.ToString()));
        identity.AddClaim(new Claim("fazhi:name", user.DisplayName));
        identity.AddClaim(new Claim(AccountsFeature.SignedInAtClaim, time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
