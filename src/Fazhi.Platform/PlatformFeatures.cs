using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Roles;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Features.Notifications;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Features.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fazhi.Platform;

/// <summary>The platform's features, each registering its services and mapping its endpoints under /api/platform.</summary>
internal static class PlatformFeatures
{
    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The module kit (ADR 0022): system work and reminders; refusals and input safety live in Web/.
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<Kit.ISystemWork, Kit.SystemWork>();
        services.AddScoped<Kit.IPhoneVerification, Kit.PhoneVerification>();
        Kit.RemindersExtensions.AddReminders(services);
        services.AddScoped<PlatformSeeder>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<SignInService>();
        services.AddScoped<PageSignIn>();
        services.AddScoped<AccountSelfService>();
        services.AddSingleton<ICliVerb, MigrateVerb>();
        services.AddSingleton<ICliVerb, AdminCreateVerb>();
        services.AddSingleton<ICliVerb, SeedDemoVerb>();
        // The module kit (ADR 0007): what modules read of the org tree and of accounts, instead of the platform's tables.
        services.AddSingleton<Kit.OrgSnapshotCache>();
        services.AddScoped<Kit.IOrgDirectory, Kit.OrgDirectory>();
        services.AddScoped<Kit.IUserDirectory, Kit.UserDirectory>();
        services.AddScoped<Kit.IOrgPicker, Kit.OrgPicker>();
        PersonalDataFeature.Add(builder);
        OrgUnitsFeature.Add(builder);
        CalendarFeature.Add(builder);
        IdentifiersFeature.Add(builder);
        UsersFeature.Add(builder);
        RolesFeature.Add(builder);
        AuditFeature.Add(builder);
        AttachmentsFeature.Add(builder);
        NotificationsFeature.Add(builder);
        JobsFeature.Add(builder);
        Kit.NumberingFeature.Add(services);
    }

    public static void Map(RouteGroupBuilder api)
    {
        AccountApi.Map(api);
        IdentifiersFeature.Map(api);
        OrgUnitsFeature.Map(api);
        CalendarFeature.Map(api);
        UsersFeature.Map(api);
        RolesFeature.Map(api);
        AuditFeature.Map(api);
        AttachmentsFeature.Map(api);
        NotificationsFeature.Map(api);
        Kit.NumberingFeature.Map(api);
    }
}
