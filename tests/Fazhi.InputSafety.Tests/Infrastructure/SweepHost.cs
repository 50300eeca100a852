using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fazhi.Platform.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OtpNet;

namespace Fazhi.InputSafety.Tests.Infrastructure;

/// <summary>
/// One host with the demo data (<c>--demo</c>) for the whole sweep: the demo accounts signed in (administrators enrolled
/// in TOTP first, as they must be), the API operations from the OpenAPI document, the routable pages, real ids.
/// </summary>
public sealed partial class SweepHost : IAsyncLifetime
{
    private static readonly string DemoPassword = FazhiFactory.DemoUser("demo").Password;

    public FazhiFactory Factory { get; } = new() { Demo = true };

    public ErrorLog Errors { get; } = new();

    public Sweep Sweep { get; private set; } = null!;

    public Identity Anonymous { get; private set; } = null!;

    /// <summary>The demo accounts, business users first and administrators last (their requests change accounts and roles).</summary>
    public List<Identity> SignedIn { get; } = [];

    public List<ApiOperation> Operations { get; private set; } = [];

    /// <summary>Operations not swept, with the reason (sign-in, own password/2FA, rate-limited public posts).</summary>
    public List<string> Skipped { get; } = [];

    public List<Page> Pages { get; private set; } = [];

    /// <summary>Pages whose plain GET ends the visitor's session (the sign-in pages): swept anonymously only.</summary>
    public HashSet<string> SignsOut { get; } = new(StringComparer.Ordinal);

    public IdPool Ids { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Warnings and errors only: the default (Information) writes every SQL command to the console, a third of the run.
        Factory.Settings["Logging:LogLevel:Default"] = "Warning";
        // The sweep reads "a refused request wrote nothing" from the audit trail's growth: a scheduled job (a reminder run
        // at 07:45) writing mid-request would be counted against the request.
        Factory.Settings["Jobs:Run"] = "false";
        await Factory.InitializeAsync();
        Factory.Services.GetRequiredService<ILoggerFactory>().AddProvider(Errors);
        // No SeedDemoAsync here: the host starts from a copy of the run's demo template (Demo = true), seeded by the host's
        // own `seed demo`; its idempotence over a copy is tested by every browser --demo host (ADR 0063).
        var demo = await Factory.InScopeAsync(async sp => await sp.GetRequiredService<UserManager<FazhiUser>>().Users
            .Where(u => u.IsDemo).OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName }).ToListAsync());
        Ids = new IdPool(demo.Select(d => d.Id).ToHashSet());

        Anonymous = new Identity("anonymous", NoRedirectClient(), Factory.BrowserClient(), false);
        foreach (var user in demo)
        {
            SignedIn.Add(await SignInAsync(user.UserName!));
        }
        SignedIn.Sort((a, b) => a.Administrator != b.Administrator ? a.Administrator.CompareTo(b.Administrator) : string.CompareOrdinal(a.Name, b.Name));

        var doc = await OpenApiAsync();
        var limited = RateLimitedRoutes();
        foreach (var op in ApiCatalog.Read(doc))
        {
            var literal = BracesRegex().Replace(op.Path, "");
            if (op.Method != "GET" && limited.Contains(op.Key))
            {
                Skipped.Add($"{op.Key}: rate-limited (sign-in or public form)");
            }
            else if (op.Method != "GET" && literal.Contains("/account/", StringComparison.Ordinal))
            {
                Skipped.Add($"{op.Key}: the caller's own account (password, two-factor, token)");
            }
            else
            {
                Operations.Add(op);
            }
        }
        Pages = PageCatalog.Read(Factory.Services);
        await CollectIdsAsync();
        await FindSignOutPagesAsync();
        Sweep = new Sweep(Factory, Errors);
        await Sweep.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Sweep.DisposeAsync();
        foreach (var identity in SignedIn.Append(Anonymous))
        {
            identity.Api.Dispose();
            identity.Browser.Dispose();
        }
        await ((IAsyncLifetime)Factory).DisposeAsync();
    }

    private HttpClient NoRedirectClient() => Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Signs a demo account in to the API and the pages; an administrator is enrolled in TOTP first.</summary>
    private async Task<Identity> SignInAsync(string userName, string? enrolled = null)
    {
        var api = await TokenClientAsync(userName, enrolled);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/platform/account/me");
        var secret = enrolled;
        if (me.GetProperty("mustEnrolTwoFactor").GetBoolean())
        {
            api.Dispose();
            secret = await Factory.InScopeAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<FazhiUser>>();
                var user = (await users.FindByNameAsync(userName))!;
                await users.ResetAuthenticatorKeyAsync(user);
                var key = await users.GetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
                return key!;
            });
            api = await TokenClientAsync(userName, secret);
        }
        var browser = Factory.BrowserClient();
        var login = await Forms.SubmitAsync(browser, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = DemoPassword,
        });
        if (login.Headers.Location?.OriginalString.Contains("login-2fa", StringComparison.Ordinal) == true && secret is not null)
        {
            login = await Forms.SubmitAsync(browser, "/account/login-2fa", "login-2fa", new Dictionary<string, string> { ["Input.Code"] = Code(secret) });
        }
        using var check = await browser.GetAsync("/notifications");
        if (login.StatusCode != HttpStatusCode.Redirect || check.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Page sign-in as {userName} did not complete ({(int)login.StatusCode} {login.Headers.Location}; /notifications {(int)check.StatusCode} {check.Headers.Location}).");
        }
        return new Identity(userName, api, browser, secret is not null);
    }

    /// <summary>Opens every page once as a business user and notes those after which the session is gone.</summary>
    private async Task FindSignOutPagesAsync()
    {
        var index = SignedIn.FindIndex(i => !i.Administrator);
        if (index < 0)
        {
            return;
        }
        foreach (var page in Pages)
        {
            var probe = SignedIn[index];
            using var visit = await probe.Browser.GetAsync(Sweeps.PageUrl(this, page, null));
            using var check = await probe.Browser.GetAsync("/notifications");
            if (check.StatusCode != HttpStatusCode.OK)
            {
                SignsOut.Add(page.Route);
                probe.Browser.Dispose();
                probe.Api.Dispose();
                SignedIn[index] = await SignInAsync(probe.Name);
            }
        }
    }

    /// <summary>Notes for the report: sessions found ended, and renewed, during the sweep.</summary>
    public List<string> Renewed { get; } = [];

    /// <summary>
    /// Checks the <paramref name="index"/>th account's page session (or bearer token) still works; signs it in again
    /// when not, noting after what, so the rest of its sweep is still sent signed in.
    /// </summary>
    public async Task<Identity> EnsureSignedInAsync(int index, bool api, string after)
    {
        var identity = SignedIn[index];
        using var check = api ? await identity.Api.GetAsync("/api/platform/account/me") : await identity.Browser.GetAsync("/notifications");
        if (check.StatusCode == HttpStatusCode.OK)
        {
            return identity;
        }
        Renewed.Add($"{identity.Name}'s {(api ? "token" : "session")} ended ({(int)check.StatusCode}) after {after}");
        identity.Browser.Dispose();
        identity.Api.Dispose();
        var secret = identity.Administrator ? await Factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<FazhiUser>>();
            return (await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync(identity.Name))!))!;
        }) : null;
        return SignedIn[index] = await SignInAsync(identity.Name, secret);
    }

    private static string Code(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp();

    private async Task<HttpClient> TokenClientAsync(string userName, string? secret)
    {
        var client = NoRedirectClient();
        var response = await client.PostAsJsonAsync("/api/platform/account/token", new
        {
            userName,
            password = DemoPassword,
            twoFactorCode = secret is null ? null : Code(secret),
        });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", json.GetProperty("accessToken").GetString());
        return client;
    }

    private async Task<JsonNode> OpenApiAsync()
    {
        foreach (var client in SignedIn.Select(s => s.Api).Prepend(Anonymous.Api))
        {
            var response = await client.GetAsync("/openapi/v1.json");
            if (response.IsSuccessStatusCode)
            {
                return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            }
        }
        throw new InvalidOperationException("The OpenAPI document /openapi/v1.json is not served.");
    }

    /// <summary>"METHOD /path/{param}" of every rate-limited endpoint, constraints stripped as in the OpenAPI document.</summary>
    private HashSet<string> RateLimitedRoutes()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null)
            {
                continue;
            }
            var path = "/" + ConstraintRegex().Replace(endpoint.RoutePattern.RawText ?? "", "{$1}").Trim('/');
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST", "PUT", "PATCH", "DELETE"])
            {
                set.Add($"{method} {path}");
            }
        }
        return set;
    }

    /// <summary>Reads every parameterless GET as each account (ids by list), then GETs one level down with those ids.</summary>
    private async Task CollectIdsAsync()
    {
        var gets = Operations.Where(o => o.Method == "GET" && !o.Parameters.Any(p => p.Required && p.In == "query")).ToList();
        foreach (var op in gets.Where(o => !o.PathParameters.Any()))
        {
            foreach (var identity in SignedIn)
            {
                await CollectAsync(identity, op.Path, op.Path);
            }
        }
        foreach (var op in gets.Where(o => o.PathParameters.Any()))
        {
            var url = op.Path;
            var resolved = true;
            foreach (var p in op.PathParameters)
            {
                if (p.Shape.Format != "uuid" || Ids.ForPath(op.Path, p.Name) is not { } id)
                {
                    resolved = false;
                    break;
                }
                url = url.Replace("{" + p.Name + "}", id.ToString(), StringComparison.Ordinal);
            }
            if (!resolved)
            {
                continue;
            }
            foreach (var identity in SignedIn)
            {
                if (await CollectAsync(identity, url, op.Path))
                {
                    break;
                }
            }
        }
    }

    private async Task<bool> CollectAsync(Identity identity, string url, string template)
    {
        using var response = await identity.Api.GetAsync(url);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true)
        {
            return false;
        }
        try
        {
            Ids.Collect(template, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
        }
        catch (JsonException)
        {
            return false;
        }
        return true;
    }

    [GeneratedRegex(@"\{([^}:=?*]+)[^}]*\}")]
    private static partial Regex ConstraintRegex();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex BracesRegex();
}
