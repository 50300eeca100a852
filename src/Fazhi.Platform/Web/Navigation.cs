using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Web;

/// <summary>One entry of the side menu. Shown when the user holds <see cref="Permission"/> (or always, when null).</summary>
public sealed record NavItem(string Group, string Title, string Href, string? Permission, int Order, string TitleEn);

/// <summary>Modules add their side-menu entries here; the host's layout renders them.</summary>
public static class NavigationExtensions
{
    public static IServiceCollection AddNavItems(this IServiceCollection services, params NavItem[] items)
    {
        foreach (var item in items)
        {
            services.AddSingleton(item);
        }
        return services;
    }
}
