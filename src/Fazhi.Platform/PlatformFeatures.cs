using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Features.Setup;
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
        AuditFeature.Add(builder);
        AttachmentsFeature.Add(builder);
        JobsFeature.Add(builder);
    }

    public static void Map(RouteGroupBuilder api)
    {
        AccountApi.Map(api);
        AuditFeature.Map(api);
        AttachmentsFeature.Map(api);
    }
}
