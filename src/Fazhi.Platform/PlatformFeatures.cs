using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.Roles;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Features.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform;

/// <summary>The platform's features, each registering its services and mapping its endpoints under /api/platform.</summary>
internal static class PlatformFeatures
{
    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PlatformSeeder>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<SignInService>();
        services.AddSingleton<ICliVerb, MigrateVerb>();
        services.AddSingleton<ICliVerb, AdminCreateVerb>();
        services.AddSingleton<ICliVerb, SeedDemoVerb>();
        UsersFeature.Add(builder);
        RolesFeature.Add(builder);
    }

    public static void Map(RouteGroupBuilder api)
    {
        AccountApi.Map(api);
        UsersFeature.Map(api);
        RolesFeature.Map(api);
    }
}
