using System.Net;
using System.Text.RegularExpressions;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fazhi.Platform.Tests.Kit;

/// <summary>
/// Authorization by default (ADR 0021): every endpoint and page of every module requires a signed-in user unless it says
/// it is public. Enumerated from the running host, so a new module's endpoints are checked without editing this test.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class AuthorizationByDefaultTests(FazhiFactory factory)
{
    [Fact]
    public void The_fallback_policy_requires_a_signed_in_user()
    {
        var options = factory.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value;

        Assert.NotNull(options.FallbackPolicy);
        Assert.Contains(options.FallbackPolicy!.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
    }

    [Fact]
    public async Task Every_endpoint_not_marked_public_refuses_an_anonymous_caller()
    {
        var endpoints = factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .ToList();
        Assert.True(endpoints.Count > 100, $"only {endpoints.Count} endpoints found");
        // A module with a sign-in of its own (the exam's one-time code, ADR 0037) challenges to its own public sign-in page.
        var publicPages = factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && e.RoutePattern.Parameters.Count == 0 && e.RoutePattern.RawText!.Trim('/').Length > 0)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var open = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var path = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), m => m.Value.Contains(":int") || m.Value.Contains(":long") ? "1" : Guid.NewGuid().ToString());
            if (path.Contains('{') || path.Contains('*'))
            {
                continue;
            }
            foreach (var method in methods.Take(1))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != "GET")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                var response = await client.SendAsync(request);
                var signInAsked = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } location
                        && (location.Contains("/account/login", StringComparison.Ordinal) || publicPages.Contains(SignInPath(location))));
                if (!signInAsked)
                {
                    open.Add($"{method} {path} → {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(open.Count == 0, "Public without [AllowAnonymous]/.AllowAnonymous():\n" + string.Join("\n", open));
    }

    private static string SignInPath(string location)
    {
        var path = Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : location;
        return path.Split('?', '#')[0].TrimEnd('/') is { Length: > 0 } p ? p : "/";
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
