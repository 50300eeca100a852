using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Web;

/// <summary>
/// Behind nginx, the client's address and scheme arrive in X-Forwarded-For / X-Forwarded-Proto. They are believed only
/// from trusted proxies: loopback (nginx on the same machine) and the addresses or networks listed in
/// <c>Network:KnownProxies</c> / <c>Network:KnownNetworks</c>. Without this, the sign-in rate limit would count every user
/// as the proxy, cookies would not be marked Secure and HSTS would never be sent.
/// </summary>
internal static class ReverseProxy
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("Network:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("Network:KnownNetworks").Get<string[]>() ?? [];
        var parsedProxies = proxies.Select(p => IPAddress.TryParse(p.Trim(), out var ip)
            ? ip
            : throw new InvalidOperationException($"Network:KnownProxies 中的 “{p}” 不是有效的 IP 地址。 Not an IP address.")).ToList();
        var parsedNetworks = networks.Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var net)
            ? net
            : throw new InvalidOperationException($"Network:KnownNetworks 中的 “{n}” 不是有效的网段（如 10.0.0.0/24）。 Not a CIDR network.")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback stays trusted by default; configured proxies are added to it.
            foreach (var ip in parsedProxies)
            {
                o.KnownProxies.Add(ip);
            }
            foreach (var net in parsedNetworks)
            {
                o.KnownIPNetworks.Add(net);
            }
        });
    }

    public static void Use(WebApplication app) => app.UseForwardedHeaders();
}
