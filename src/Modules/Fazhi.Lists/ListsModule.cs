using System.Threading.RateLimiting;
using Fazhi.Lists.Certificates;
using Fazhi.Lists.Data;
using Fazhi.Lists.Demo;
using Fazhi.Lists.Plans;
using Fazhi.Lists.Powers;
using Fazhi.Lists.Reports;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fazhi.Lists;

/// <summary>
/// Lists and services (清单与服务, ADR 0025): the certification-item list under notify-and-commit as versioned data with
/// its legal basis linked to the library, published to citizens, and "清单之外无证明" reports routed to the units.
/// </summary>
public static class ListsModule
{
    /// <summary>The rate limit of the public report and tracking endpoints (per address).</summary>
    public const string PublicRateLimit = "lists-public";

    public static WebApplicationBuilder AddLists(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        ListsAuditLabels.Add(services);
        builder.AddFazhiDbContext<ListsDb, SqliteListsDb, PostgresListsDb>("lists");
        services.AddPortalLinks(
            new PortalLink(PortalSection.Publications, "证明事项清单", "/public/certificates", 60, "Certification items",
                "办事需要哪些证明，哪些实行告知承诺制。", "Which certificates a service may ask for, and which you may replace by a commitment."),
            new PortalLink(PortalSection.Publications, "权责清单", "/public/powers", 65, "Power and responsibility list",
                "市、区（市）、镇（街道）三级行政权力事项及其依据、责任和追责情形。", "Administrative powers at city, county and town level, with their basis, duties and accountability."),
            new PortalLink(PortalSection.Publications, "应急预案", "/public/emergency-plans", 70, "Emergency plans",
                "公开的突发事件应急预案。", "Published emergency plans."),
            new PortalLink(PortalSection.Services, "清单之外索要证明反映", "/public/certificates/report", 50, "Report a certificate demanded outside the list",
                "被要求提供清单之外的证明，可在此反映。", "Asked for a certificate that is not on the list? Tell us here."),
            new PortalLink(PortalSection.Services, "反映办理结果查询", "/public/certificates/track", 60, "Track a report",
                "凭查询码查询反映的答复。", "Read the answer with your query code."),
            new PortalLink(PortalSection.Services, "企业诉求", "/public/appeals", 40, "Enterprise appeals",
                "企业咨询、求助、投诉、建议，限时办理并可评价。", "Businesses ask, seek help, complain or suggest; answered in a set time, and rated."),
            new PortalLink(PortalSection.Services, "企业诉求查询与评价", "/public/appeals/track", 45, "Track and rate an appeal",
                "凭编号和查询码查看答复并评价。", "Read the reply with your number and query code, and rate it."));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Search.VersionSearch>();
        services.AddScoped<Notices.ListNotices>();
        services.AddNumberSequence(Notices.ListNotices.NoticeNumbers);
        services.AddScoped<CertService>();
        services.AddScoped<CertTransfer>();
        services.AddScoped<ReportService>();
        services.AddScoped<PowerService>();
        services.AddScoped<PowerTransfer>();
        services.AddScoped<EnforcementLinks>();
        services.AddScoped<Verifications.VerificationService>();
        services.AddScoped<PlanService>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.ReportsAnsweredOnTimeIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.CertificatesNotifyCommitIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.PowersBasisCurrentIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.PlansReviewedOnTimeIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.DrillCoverageIndicator>();
        services.AddScoped<Fazhi.Lists.Contracts.IListsRates, Indicators.ListsRates>();
        services.AddScoped<Fazhi.Lists.Contracts.IFalseCommitments, Verifications.FalseCommitments>();
        services.AddNumberSequence(PowerService.ItemCodes);
        services.AddFazhiJob<PowerLegalCheckJob>("0 45 2 * * ?", "每日 02:45 权责清单法律依据变更检查");
        services.AddScoped<IModuleSeed, ListsSettingsSeed>();
        services.AddScoped<IDemoSeed, ListsDemoSeed>();
        services.AddNumberSequence(CertService.ItemCodes);
        services.AddNumberSequence(ReportService.Numbers);
        services.AddFazhiJob<ReportReminderJob>("0 0 8 ? * MON-FRI", "工作日 08:00 清单外索要证明举报答复期限提醒");
        services.AddWorkSummary<ListsWorkSummary>();
        services.AddScoped<Appeals.AppealService>();
        services.AddScoped<Appeals.AppealInspections>();
        services.AddScoped<Appeals.AppealRates>();
        services.AddScoped<Appeals.AppealReferrals>();
        services.AddScoped<Appeals.AppealMatters>();
        services.AddNumberSequence(Appeals.AppealService.Numbers);
        services.AddFazhiJob<Appeals.AppealOverdueJob>("0 10 8 ? * MON-FRI", "工作日 08:10 企业诉求到期提醒与超期督办");
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Appeals.AppealSatisfactionIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Appeals.AppealOnTimeIndicator>();
        services.AddWorkSummary<Appeals.AppealsWorkSummary>();
        services.AddPermissions(ListsPermissions.All);
        services.AddModuleText<ListsText>();
        services.AddRateLimiter(o => o.AddPolicy(PublicRateLimit, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read")));
        services.AddModuleRoles(
            new ModuleRole("lists-owner", "清单管理部门", "牵头管理证明事项清单：审核各单位的新增、变更、取消申请，发布新版本，导入导出，设置举报答复期限。",
                [ListsPermissions.CertManage, ListsPermissions.CertPropose, ListsPermissions.CertVerify, ListsPermissions.ReportsHandle, ListsPermissions.PlansManage, ListsPermissions.AppealsHandle,
                    ListsPermissions.AppealsSupervise]),
            new ModuleRole("lists-unit", "清单责任单位", "提出本单位证明事项和权力事项的新增、变更、取消，办理转来的清单外索要证明举报，管理本单位应急预案和演练。",
                [ListsPermissions.CertPropose, ListsPermissions.CertVerify, ListsPermissions.ReportsHandle, ListsPermissions.PlansManage, ListsPermissions.AppealsHandle]),
            new ModuleRole("lists-12345", "12345 热线转办接口", "12345 政务服务便民热线系统的接口账号：转来企业诉求（带工单编号）。", [ListsPermissions.AppealsRefer]));
        // --demo: the city account owns the lists; the Xuecheng district account proposes its own items and answers reports.
        services.AddDemoRoleAssignments(
            new DemoRoleAssignment("demo-city", "lists-owner", "370400"),
            new DemoRoleAssignment("demo-xuecheng", "lists-unit", "370403"));
        services.AddNavItems(
            new NavItem("清单与服务", "证明事项清单", "/lists/certificates", ListsPermissions.CertPropose, 10, "Certification items"),
            new NavItem("清单与服务", "清单变更与发布", "/lists/certificates/draft", ListsPermissions.CertPropose, 20, "Changes and publishing"),
            new NavItem("清单与服务", "清单版本对照", "/lists/certificates/versions", null, 30, "List versions"),
            new NavItem("清单与服务", "告知承诺核查记录", "/lists/verifications", ListsPermissions.CertVerify, 35, "Commitment verifications"),
            new NavItem("清单与服务", "清单外索要证明举报", "/lists/reports", ListsPermissions.ReportsHandle, 40, "Outside-list reports"),
            new NavItem("清单与服务", "清单设置", "/lists/settings", ListsPermissions.CertManage, 50, "List settings"),
            new NavItem("清单与服务", "权责清单", "/lists/powers", ListsPermissions.CertPropose, 70, "Power and responsibility list"),
            new NavItem("清单与服务", "权责清单调整", "/lists/powers/draft", ListsPermissions.CertPropose, 75, "Power list changes"),
            new NavItem("清单与服务", "市县同权对照", "/lists/powers/parity", null, 80, "City–county parity"),
            new NavItem("清单与服务", "乡镇赋权", "/lists/powers/delegations", null, 85, "Town delegations"),
            new NavItem("清单与服务", "权责清单与执法事项对照", "/lists/powers/enforcement", ListsPermissions.CertPropose, 86, "Power list and enforcement matters"),
            new NavItem("清单与服务", "证明事项清单公示", "/public/certificates", null, 60, "Published certification list"),
            new NavItem("清单与服务", "权责清单公示", "/public/powers", null, 87, "Published power list"),
            new NavItem("清单与服务", "应急预案与演练", "/lists/plans", ListsPermissions.PlansManage, 90, "Emergency plans and drills"),
            new NavItem("清单与服务", "应急预案公开", "/public/emergency-plans", null, 95, "Public emergency plans"),
            new NavItem("清单与服务", "企业诉求", "/lists/appeals", ListsPermissions.AppealsHandle, 100, "Enterprise appeals"),
            new NavItem("清单与服务", "企业诉求满意率与按期办结率", "/lists/appeals/rates", ListsPermissions.AppealsHandle, 105, "Appeal rates"),
            new NavItem("清单与服务", "企业诉求办理时限", "/lists/appeals/time-limits", ListsPermissions.AppealsSupervise, 110, "Appeal time limits"));
        return builder;
    }

    public static WebApplication MapLists(this WebApplication app)
    {
        var api = app.MapGroup("/api/lists").WithTags("lists");
        ListsApi.Map(api);
        PowersApi.Map(api);
        PlansApi.Map(api);
        Appeals.AppealsApi.Map(api);
        Verifications.VerificationsApi.Map(api);
        return app;
    }
}

/// <summary>The settings row with its defaults; idempotent.</summary>
internal sealed class ListsSettingsSeed(ListsDb db) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Settings, ct))
        {
            db.Settings.Add(new ListsSettings());
            await db.SaveChangesAsync(ct);
        }
        // The time limit of each kind of enterprise appeal (济南市优化营商环境条例 第六十二条 as the default; ADR 0031).
        var kinds = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            System.Linq.Queryable.Select(db.AppealTimeLimits, t => t.Kind), ct);
        foreach (var kind in Enum.GetValues<Appeals.AppealKind>().Where(k => !kinds.Contains(k)))
        {
            db.AppealTimeLimits.Add(new Appeals.AppealTimeLimit
            {
                Kind = kind, WorkingDays = Appeals.AppealService.DefaultWorkingDays, Basis = Appeals.AppealService.DefaultBasis,
                ExtensionWorkingDays = kind == Appeals.AppealKind.Complaint ? Appeals.AppealService.DefaultComplaintExtensionDays : 0,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
