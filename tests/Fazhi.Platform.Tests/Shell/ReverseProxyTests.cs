using System.Net;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Shell;

/// <summary>
/// Behind nginx: forwarded scheme and client address are believed from configured proxies only. The test server has no
/// socket, so a startup filter plays the TCP peer from a test header.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ReverseProxyTests(FazhiFactory factory)
{
    private const string Proxy = "10.0.0.5";

    [Fact]
    public async Task Https_forwarded_by_a_configured_proxy_gets_hsts()
    {
        using var node = BehindProxy();
        var response = await SendAsync(node.CreateClient(), peer: Proxy);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS is sent when the proxy says the client used HTTPS.");
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_peer_are_ignored()
    {
        using var node = BehindProxy();
        var response = await SendAsync(node.CreateClient(), peer: "192.0.2.77");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "A client cannot claim HTTPS by sending the header itself.");
    }

    [Fact]
    public void An_invalid_proxy_address_stops_the_start_with_a_clear_message()
    {
        using var node = factory.WithWebHostBuilder(b => b.UseSetting("Network:KnownProxies:0", "not-an-ip"));
        var ex = Assert.ThrowsAny<Exception>(() => node.CreateClient());
        Assert.Contains("Network:KnownProxies", ex.ToString());
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> BehindProxy() => factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Network:KnownProxies:0", Proxy);
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFromHeader>());
    });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string peer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        // HSTS is never sent to localhost; the site's real name arrives through the proxy.
        request.Headers.Host = "fazhi.example.gov.cn";
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nextMiddleware) =>
            {
                if (IPAddress.TryParse(ctx.Request.Headers["X-Test-Peer"], out var ip))
                {
                    ctx.Connection.RemoteIpAddress = ip;
                }
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }
}
