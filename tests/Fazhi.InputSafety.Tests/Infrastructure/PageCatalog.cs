using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.InputSafety.Tests.Infrastructure;

public sealed record PageParameter(string Name, Type Type, bool InRoute, string? Constraint);

/// <summary>A routable Razor page of the host, with its route and query parameters.</summary>
public sealed record Page(string Route, Type Component, IReadOnlyList<PageParameter> Parameters, bool RateLimited)
{
    public IEnumerable<PageParameter> RouteParameters => Parameters.Where(p => p.InRoute);

    public IEnumerable<PageParameter> QueryParameters => Parameters.Where(p => !p.InRoute);
}

/// <summary>Every page endpoint the host routes (any module's assembly), read from its endpoint data source.</summary>
public static class PageCatalog
{
    public static List<Page> Read(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var pages = new List<Page>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not { } component)
            {
                continue;
            }
            var pattern = endpoint.RoutePattern;
            var parameters = new List<PageParameter>();
            var properties = component.Type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            foreach (var rp in pattern.Parameters)
            {
                var constraint = rp.ParameterPolicies.Select(p => p.Content).FirstOrDefault(c => c is not null);
                var type = properties.FirstOrDefault(p => string.Equals(p.Name, rp.Name, StringComparison.OrdinalIgnoreCase))?.PropertyType ?? typeof(string);
                parameters.Add(new PageParameter(rp.Name, type, true, constraint));
            }
            foreach (var property in properties)
            {
                if (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } query)
                {
                    parameters.Add(new PageParameter(query.Name ?? property.Name, property.PropertyType, false, null));
                }
            }
            var limited = endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null;
            pages.Add(new Page(pattern.RawText ?? "/", component.Type, parameters, limited));
        }
        return [.. pages.DistinctBy(p => p.Route).OrderBy(p => p.Route, StringComparer.Ordinal)];
    }
}
