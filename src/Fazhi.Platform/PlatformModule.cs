using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Security;
using Fazhi.Platform.Security.Crypto;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fazhi.Platform;

/// <summary>The platform's public face: <see cref="AddFazhiPlatform"/>, <see cref="UseFazhiPlatform"/> and <see cref="MapFazhiPlatform"/>.</summary>
public static class PlatformModule
{
    /// <summary>Name of the rate-limit policy on sign-in endpoints.</summary>
    public const string SignInRateLimit = "signin";

    public static WebApplicationBuilder AddFazhiPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var db = DatabaseOptions.From(builder.Configuration);
        services.AddSingleton(db);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<SignedInUserCache>();
        services.AddSingleton<SecurityEpochWatch>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddFazhiDbContext<PlatformDb, SqlitePlatformDb, PostgresPlatformDb>(db, builder.Environment.ContentRootPath, "platform");
        services.AddTransient<DatabaseMigrator>();
        if (!db.IsPostgres)
        {
            services.AddHostedService<SqliteCheckpointer>();
        }
        else
        {
            services.AddHostedService<SecurityEpochListener>();
        }

        // Secret keys come from the key file (Security:KeyFile), never from the database.
        services.AddFazhiKeys();
        // Sessions and antiforgery tokens valid on every node: the key ring lives in the shared database, SM4-encrypted at rest.
        services.AddDataProtection().SetApplicationName("Fazhi").PersistKeysToDbContext<PlatformDb>().ProtectKeysWithSm4();

        services.AddPermissions(PlatformPermissions.All);
        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        // Authorization by default: an endpoint or page that says nothing requires a signed-in user; public ones say
        // [AllowAnonymous] / .AllowAnonymous() (an architecture test lists them).
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        AccountsFeature.Add(services);

        ReverseProxy.Add(services, builder.Configuration);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = StatusProblems.InChinese);
        services.AddExceptionHandler<FazhiExceptionHandler>();
        InputSafety.Add(services);
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "法治枣庄 Fazhi API";
            doc.Info.Description = "Fazhi 平台接口：每个模块位于 /api/{module}；错误一律以 ProblemDetails（中文）返回；" +
                "以 POST /api/platform/account/token 获取 Bearer 令牌。";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddDbContextCheck<PlatformDb>("database", tags: ["ready"]);
        services.AddFazhiText();
        // Chinese text is written as characters, not as numeric entities (the default encoder allows Basic Latin only).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in attempts (POSTs) per client address: slows password guessing before the account lockout bites.
            // Showing the sign-in page (GET) is not an attempt and is not limited.
            var permits = builder.Configuration.GetValue("Security:SignInAttemptsPerMinute", 20);
            o.AddPolicy(SignInRateLimit, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddAntiforgery();

        PlatformFeatures.Add(builder);
        return builder;
    }

    public static WebApplication UseFazhiPlatform(this WebApplication app)
    {
        ReverseProxy.Use(app);
        // API failures become ProblemDetails in the handler; a page's failure re-runs as the error page in the shell.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            // A refusal or an unreadable request is an answer, not a fault: not logged as an error.
            SuppressDiagnosticsCallback = c => FazhiExceptionHandler.Describe(c.Exception).Status < 500,
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages(StatusProblems.WriteAsync));
        // A page address that matches nothing shows the friendly not-found page (with its 404 status).
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status-code pages, so a re-executed request is routed again.
        app.UseRouting();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestLimitsMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        var cultures = new[] { new CultureInfo("zh-CN"), new CultureInfo("en") };
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()],
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseMiddleware<AccountGateMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        // After authorization: an anonymous caller is told to sign in before being told a parameter is wrong.
        app.UseMiddleware<InputSafety.QueryGuardMiddleware>();
        return app;
    }

    public static WebApplication MapFazhiPlatform(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
        {
            var culture = name == "en" ? "en" : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') ? "/" : returnUrl);
        }).ExcludeFromDescription().AllowAnonymous();

        var api = app.MapGroup("/api/platform").WithTags("platform");
        PlatformFeatures.Map(api);
        return app;
    }
}
