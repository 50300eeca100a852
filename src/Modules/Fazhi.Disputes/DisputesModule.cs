using Fazhi.Platform.Kit;
using System.Threading.RateLimiting;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Seed;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fazhi.Disputes;

/// <summary>The dispute resolution centre (非诉讼纠纷化解服务中心): <see cref="AddDisputes"/> and <see cref="MapDisputes"/>.</summary>
public static class DisputesModule
{
    /// <summary>Rate-limit policy on the public (anonymous) form posts.</summary>
    public const string PublicRateLimit = "disputes-public";

    public static WebApplicationBuilder AddDisputes(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        DisputesAuditLabels.Add(services);
        builder.AddFazhiDbContext<DisputesDb, SqliteDisputesDb, PostgresDisputesDb>("disputes");
        services.AddPermissions(DisputesPermissions.All);
        services.AddModuleText<DisputesText>();
        // --demo: the city staff account supervises the centre and keeps its templates and rules; the district account takes
        // cases in, the town account handles them.
        services.AddDemoRoleAssignments(
            new DemoRoleAssignment("demo-city", "dispute-supervisor", "370400"),
            new DemoRoleAssignment("demo-city", "dispute-reviewer", "370400"),
            new DemoRoleAssignment("demo-city", "dispute-template-admin", "370400"),
            new DemoRoleAssignment("demo-city", "dispute-front-desk-admin", "370400"),
            // The centre's front desk: confirms routing (分流) and accepts what stays at the centre (issue 13, ADR 0029).
            new DemoRoleAssignment("demo-city", "dispute-clerk", CaseService.CentreCode),
            new DemoRoleAssignment("demo-shizhong", "dispute-clerk", "370402"),
            new DemoRoleAssignment("demo-town", "dispute-mediator", "370402001"));
        services.AddModuleRoles(new ModuleRole("dispute-clerk", "纠纷受理员", "非诉讼纠纷化解服务中心前台：登记、受理或不予受理纠纷案件，查看本单位案件。",
            [DisputesPermissions.CasesIntake, DisputesPermissions.CasesRead, DisputesPermissions.CasesHandle]));
        services.AddNavItems(
            new NavItem("纠纷化解", "案件工作台", "/disputes", DisputesPermissions.CasesRead, 100, "Case worklist"),
            new NavItem("纠纷化解", "登记纠纷", "/disputes/intake", DisputesPermissions.CasesIntake, 101, "Register a dispute"));
        services.AddPortalLinks(
            new PortalLink(PortalSection.Services, "申请纠纷化解", "/apply", 10, "Apply for dispute resolution",
                "邻里、婚姻家庭、劳动、消费等纠纷，网上提交，无需注册。", "Neighbour, family, labour, consumer and other disputes; no account needed."),
            new PortalLink(PortalSection.Services, "查询办理进度", "/track", 20, "Track an application",
                "凭案件编号和查询码查询。", "With the case number and query code."));
        // The public form and tracking take no account: submissions and query-code guesses are limited per client address.
        var permits = builder.Configuration.GetValue("Disputes:PublicPostsPerMinute", 20);
        services.AddRateLimiter(o => o.AddPolicy(PublicRateLimit, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read")));
        services.AddScoped<IModuleSeed, ProfileSeed>();
        services.AddScoped<IDemoSeed, Seed.DisputesDemoSeed>();
        services.AddScoped<IDemoSeed, Routing.DemoRoutingSeed>();
        services.AddWorkSummary<Deadlines.DisputesWorkSummary>();
        services.AddScoped<CaseService>();
        services.AddScoped<Intake.QueryCodeRecovery>();
        services.AddNumberSequence(CaseService.CaseNumbers(builder.Configuration));
        foreach (var sequence in Documents.DocumentService.Sequences())
        {
            services.AddNumberSequence(sequence);
        }
        services.AddScoped<PanelLoadGate>();
        Handling.HandlingModule.Add(services);
        AddFrontDesk(services);
        return builder;
    }

    public static WebApplication MapDisputes(this WebApplication app)
    {
        var api = app.MapGroup("/api/disputes").WithTags("disputes");
        DisputesApi.Map(api);
        Intake.QueryCodeRecovery.Map(api);
        Handling.HandlingModule.Map(api);
        Referrals.ReferralsApi.Map(api);
        FrontDesk.FrontDeskApi.Map(api);
        FrontDesk.FrontDeskSettingsAdmin.Map(api);
        Profiles.ProfilesApi.Map(api);
        return app;
    }

    /// <summary>Front desk and reporting: referrals, duplicates, routing, follow-up, statistics.</summary>
    private static void AddFrontDesk(IServiceCollection services)
    {
        services.AddModuleRoles(
            new ModuleRole("dispute-referral-client", "纠纷转办接口", "外部系统（法院、12345热线、信访）通过接口向中心转办纠纷所用的账户。",
                [DisputesPermissions.CasesIntake, DisputesPermissions.ReferralsSubmit]),
            new ModuleRole("dispute-front-desk-admin", "纠纷分流规则管理员", "维护引导分流规则（草拟、测试、发布）和案件类型规程（发布新版本），查看统计。",
                [DisputesPermissions.CasesRead, DisputesPermissions.RoutingManage, DisputesPermissions.ProfilesManage, DisputesPermissions.StatisticsRead]),
            new ModuleRole("dispute-reviewer", "纠纷回访复核人", "处理回访不满意的复核任务，查看统计。",
                [DisputesPermissions.CasesRead, DisputesPermissions.FollowUpReview, DisputesPermissions.StatisticsRead]));
        services.AddNavItems(
            new NavItem("纠纷化解", "回访", "/disputes/follow-ups", DisputesPermissions.CasesRead, 110, "Follow-ups"),
            new NavItem("纠纷化解", "回访复核", "/disputes/follow-ups/reviews", DisputesPermissions.FollowUpReview, 111, "Follow-up reviews"),
            new NavItem("纠纷化解", "统计分析", "/disputes/statistics", DisputesPermissions.StatisticsRead, 112, "Statistics"),
            new NavItem("纠纷化解", "分流规则", "/disputes/routing", DisputesPermissions.RoutingManage, 113, "Routing rules"),
            new NavItem("纠纷化解", "前台设置", "/disputes/front-desk/settings", DisputesPermissions.RoutingManage, 115, "Front desk settings"),
            new NavItem("纠纷化解", "案件类型规程", "/disputes/profiles", DisputesPermissions.ProfilesManage, 114, "Case-type profiles"));
        services.AddScoped<IModuleSeed, FrontDesk.FrontDeskSettingsSeed>();
        services.AddScoped<IModuleSeed, Routing.RoutingSeed>();
        services.AddScoped<FrontDesk.FrontDeskIntake>();
        services.AddSingleton<FrontDesk.FrontDeskCache>();
        services.AddScoped<FrontDesk.FrontDeskSettingsAdmin>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<Referrals.ReferralService>();
        services.AddScoped<Duplicates.DuplicateService>();
        services.AddScoped<Routing.RoutingService>();
        services.AddScoped<Profiles.ProfileEditorService>();
        services.AddSingleton<Profiles.ProfileCache>();
        services.AddScoped<FollowUp.FollowUpService>();
        services.AddScoped<Statistics.DisputeStatistics>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Statistics.ClosedOnTimeIndicator>();
        services.AddSingleton<Statistics.StatisticsCache>();
        services.AddScoped<Statistics.StatisticsRollupService>();
        services.AddScoped<IModuleSeed, Statistics.StatisticsRollupSeed>();
        services.AddFazhiJob<Statistics.StatisticsRollupJob>("0 45 2 * * ?", "每日 02:45 纠纷化解统计：补记环节按期标记，重建统计汇总表");
        services.AddScoped<Contracts.IDisputeStatistics, Statistics.CachedDisputeStatistics>();
        services.AddScoped<Contracts.IReconsiderationDecisions, Reconsideration.ReconsiderationDecisions>();
        services.AddFazhiJob<FollowUp.FollowUpSweepJob>("0 15 2 * * ?", "纠纷化解：为已办结但缺少回访任务的案件补建回访任务");
    }
}

/// <summary>The module's permissions.</summary>
public static class DisputesPermissions
{
    public const string CasesIntake = "disputes.cases.intake";
    public const string CasesRead = "disputes.cases.read";
    public const string CasesHandle = "disputes.cases.handle";
    public const string ReferralsSubmit = "disputes.referrals.submit";
    public const string RoutingManage = "disputes.routing.manage";
    public const string FollowUpReview = "disputes.followup.review";
    public const string StatisticsRead = "disputes.statistics.read";
    public const string ProfilesManage = "disputes.profiles.manage";

    internal static PermissionDefinition[] All { get; } =
    [
        new(CasesIntake, "disputes", "登记纠纷案件"),
        new(CasesRead, "disputes", "查看纠纷案件"),
        new(CasesHandle, "disputes", "受理与办理纠纷案件"),
        new(CasesApprove, "disputes", "批准延期等办案审批"),
        new(CasesSupervise, "disputes", "督办纠纷案件（超期预警、督办视图）"),
        new(TemplatesManage, "disputes", "管理纠纷文书模板"),
        new(ReferralsSubmit, "disputes", "通过接口转办纠纷"),
        new(RoutingManage, "disputes", "维护引导分流规则"),
        new(FollowUpReview, "disputes", "复核回访不满意"),
        new(StatisticsRead, "disputes", "查看纠纷化解统计"),
        new(ProfilesManage, "disputes", "维护案件类型规程"),
    ];

    public const string CasesApprove = "disputes.cases.approve";
    public const string CasesSupervise = "disputes.cases.supervise";
    public const string TemplatesManage = "disputes.templates.manage";
}
