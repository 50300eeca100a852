using System.Threading.RateLimiting;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Seed;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes;

/// <summary>The dispute resolution centre (非诉讼纠纷化解服务中心): <see cref="AddDisputes"/> and <see cref="MapDisputes"/>.</summary>
public static class DisputesModule
{
    /// <summary>Rate-limit policy on the public (anonymous) form posts.</summary>
    public const string PublicRateLimit = "disputes-public";

    public static WebApplicationBuilder AddDisputes(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddFazhiDbContext<DisputesDb, SqliteDisputesDb, PostgresDisputesDb>("disputes");
        services.AddPermissions(DisputesPermissions.All);
        services.AddModuleRoles(new ModuleRole("dispute-clerk", "纠纷受理员", "非诉讼纠纷化解服务中心前台：登记、受理或不予受理纠纷案件，查看本单位案件。",
            [DisputesPermissions.CasesIntake, DisputesPermissions.CasesRead, DisputesPermissions.CasesHandle]));
        services.AddNavItems(
            new NavItem("纠纷化解", "案件工作台", "/disputes", DisputesPermissions.CasesRead, 100, "Case worklist"),
            new NavItem("纠纷化解", "登记纠纷", "/disputes/intake", DisputesPermissions.CasesIntake, 101, "Register a dispute"));
        // The public form and tracking take no account: submissions and query-code guesses are limited per client address.
        var permits = builder.Configuration.GetValue("Disputes:PublicPostsPerMinute", 20);
        services.AddRateLimiter(o => o.AddPolicy(PublicRateLimit, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read")));
        services.AddScoped<IModuleSeed, ProfileSeed>();
        services.AddScoped<CaseService>();
        Handling.HandlingModule.Add(services);
        return builder;
    }

    public static WebApplication MapDisputes(this WebApplication app)
    {
        var api = app.MapGroup("/api/disputes").WithTags("disputes");
        DisputesApi.Map(api);
        Handling.HandlingModule.Map(api);
        return app;
    }
}

/// <summary>The module's permissions.</summary>
public static class DisputesPermissions
{
    public const string CasesIntake = "disputes.cases.intake";
    public const string CasesRead = "disputes.cases.read";
    public const string CasesHandle = "disputes.cases.handle";

    internal static PermissionDefinition[] All { get; } =
    [
        new(CasesIntake, "disputes", "登记纠纷案件"),
        new(CasesRead, "disputes", "查看纠纷案件"),
        new(CasesHandle, "disputes", "受理与办理纠纷案件"),
        new(CasesApprove, "disputes", "批准延期等办案审批"),
        new(CasesSupervise, "disputes", "督办纠纷案件（超期预警、督办视图）"),
        new(TemplatesManage, "disputes", "管理纠纷文书模板"),
    ];

    public const string CasesApprove = "disputes.cases.approve";
    public const string CasesSupervise = "disputes.cases.supervise";
    public const string TemplatesManage = "disputes.templates.manage";
}
