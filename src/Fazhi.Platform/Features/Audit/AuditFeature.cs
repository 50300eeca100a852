using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fazhi.Platform.Features.Audit;

/// <summary>The audit trail's reading side: list, verify, export, purge; the page, the API and the <c>audit verify</c> verb.</summary>
internal static class AuditFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditReadable>();
        services.AddSingleton<Kit.AuditLabels>();
        PlatformAuditLabels.Add(services);
        services.AddSingleton<ICliVerb, AuditVerifyVerb>();
        services.AddNavItems(new NavItem("安全审计", "审计日志", "/admin/audit", PlatformPermissions.AuditRead, 10, "Audit trail"));
    }

    public static void Map(RouteGroupBuilder api) => AuditApi.Map(api);
}
