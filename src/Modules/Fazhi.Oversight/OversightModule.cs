using System.Threading.RateLimiting;
using Fazhi.Oversight.Data;
using Fazhi.Oversight.Disclosure;
using Fazhi.Oversight.Litigation;
using Fazhi.Oversight.Proposals;
using Fazhi.Oversight.Settings;
using Fazhi.Oversight.Suggestions;
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

namespace Fazhi.Oversight;

/// <summary>
/// Oversight of the government's own conduct (复议应诉与监督), ADR 0024: administrative litigation response (lawsuits against
/// the city's agencies, the answer period, hearings and who appeared for the agency, results and appeal windows) with the
/// appearance rate (出庭应诉率) and the losses; judicial and procuratorial suggestions (司法建议、检察建议) with their reply
/// deadlines, replies and 办复率 / 按期办复率; government information disclosure requests (政府信息公开申请, ADR 0030) with the
/// 20 + 20 working-day clock and 按期答复率; deputies' suggestions and CPPCC proposals (建议提案, ADR 0032) with assignment,
/// transfer, contact before the reply, the three-to-six-month period, the deputy's evaluation, 办结率, 按期办结率 and 满意度; each figure computed from the records and shown with the records behind it.
/// </summary>
public static class OversightModule
{
    /// <summary>The rate limit of the public disclosure request and tracking endpoints (per address).</summary>
    public const string PublicRateLimit = "oversight-public";

    public static WebApplicationBuilder AddOversight(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        OversightAuditLabels.Add(services);
        builder.AddFazhiDbContext<OversightDb, SqliteOversightDb, PostgresOversightDb>("oversight");
        services.AddPortalLinks(
            new PortalLink(PortalSection.Services, "政府信息公开申请", "/public/disclosure", 70, "Request government information",
                "向行政机关申请获取政府信息。", "Ask an agency for government information."),
            new PortalLink(PortalSection.Services, "信息公开申请查询", "/public/disclosure/track", 80, "Track an information request",
                "凭申请编号和查询码查询答复。", "Read the reply with the request number and query code."),
            new PortalLink(PortalSection.Services, "代表建议政协提案答复", "/public/proposals", 90, "Replies to deputies' suggestions and proposals",
                "查看经代表、委员同意公开的建议提案答复。", "Replies the deputies and members agreed to publish."));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SettingsService>();
        services.AddScoped<IModuleSeed, SettingsSeed>();
        services.AddScoped<LitigationService>();
        services.AddScoped<LitigationStatistics>();
        services.AddScoped<LitigationReminders>();
        services.AddScoped<IDemoSeed, LitigationDemoSeed>();
        services.AddScoped<SuggestionService>();
        services.AddScoped<SuggestionStatistics>();
        services.AddScoped<IDemoSeed, SuggestionDemoSeed>();
        services.AddScoped<ProposalService>();
        services.AddScoped<ProposalStatistics>();
        services.AddScoped<ProposalReminders>();
        services.AddScoped<IDemoSeed, ProposalDemoSeed>();
        services.AddScoped<IModuleSeed, CoOpinionBackfill>();
        services.AddFazhiJob<ProposalReminderJob>("0 50 7 ? * MON-FRI", "工作日 07:50 人大代表建议、政协提案答复期限提醒");
        services.AddWorkSummary<ProposalWorkSummary>();
        services.AddScoped<DisclosureService>();
        services.AddScoped<DisclosureStatistics>();
        services.AddScoped<DisclosureReminders>();
        services.AddScoped<IDemoSeed, DisclosureDemoSeed>();
        services.AddNumberSequence(DisclosureService.Numbers);
        services.AddFazhiJob<DisclosureReminderJob>("0 45 7 ? * MON-FRI", "工作日 07:45 政府信息公开申请答复期限提醒");
        services.AddWorkSummary<DisclosureWorkSummary>();
        services.AddRateLimiter(o => o.AddPolicy(PublicRateLimit, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read")));
        services.AddScoped<Performance.PerformanceSync>();
        services.AddSingleton<Performance.PerformanceSyncClock>();
        services.AddScoped<Performance.PerformanceService>();
        services.AddScoped<Performance.OrderNotice>();
        services.AddNumberSequence(Performance.OrderNotice.Numbers);
        services.AddScoped<Performance.PerformanceStatistics>();
        services.AddScoped<Performance.PerformanceReminders>();
        services.AddScoped<IDemoSeed, Performance.PerformanceDemoSeed>();
        services.AddFazhiJob<Performance.PerformanceReminderJob>("0 35 7 ? * MON-FRI", "工作日 07:35 行政复议决定履行任务生成与履行期限提醒");
        services.AddWorkSummary<Performance.PerformanceWorkSummary>();
        services.AddScoped<RateRecordsSource>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.AppearanceIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.LossIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.SuggestionRepliedIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.SuggestionOnTimeIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.DisclosureOnTimeIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.PerformanceOnTimeIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.ProposalRepliedIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.ProposalOnTimeIndicator>();
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, Indicators.ProposalSatisfactionIndicator>();
        services.AddScoped<Fazhi.Oversight.Contracts.IOversightRates, Indicators.OversightRates>();
        services.AddScoped<AnnualReport>();
        services.AddFazhiJob<LitigationReminderJob>("0 40 7 ? * MON-FRI", "工作日 07:40 行政应诉答辩、开庭、上诉期限提醒");
        services.AddWorkSummary<LitigationWorkSummary>();
        services.AddPermissions(OversightPermissions.All);
        services.AddModuleText<OversightText>();
        services.AddModuleRoles(
            new ModuleRole("oversight-agency", "行政应诉经办人", "登记和办理本机关（及下级）的行政应诉案件（答辩、开庭出庭、裁判结果、材料）和司法建议、检察建议（答复、整改材料）和政府信息公开申请（补正、延期、答复），报告行政复议决定履行情况、回复意见书和建议书；查看本机关的比率。",
                [OversightPermissions.LitigationRead, OversightPermissions.LitigationHandle, OversightPermissions.SuggestionsRead, OversightPermissions.SuggestionsHandle,
                    OversightPermissions.DisclosureRead, OversightPermissions.DisclosureHandle, OversightPermissions.ProposalsRead, OversightPermissions.ProposalsHandle,
                    OversightPermissions.PerformanceRead, OversightPermissions.PerformanceHandle]),
            new ModuleRole("oversight-office", "复议应诉监督（司法局）", "查看和办理授权单位及以下全部应诉案件、司法建议、检察建议和政府信息公开申请，督办行政复议决定履行（指定被申请人单位、确认履行、责令限期履行、制发意见书和建议书），接收逾期督办提醒，确认建议办结，查看各项比率，维护期限设置。授予在市级单位即可看到全市。",
                [OversightPermissions.LitigationRead, OversightPermissions.LitigationHandle, OversightPermissions.SuggestionsRead, OversightPermissions.SuggestionsHandle,
                    OversightPermissions.DisclosureRead, OversightPermissions.DisclosureHandle, OversightPermissions.ProposalsRead, OversightPermissions.ProposalsHandle,
                    OversightPermissions.Supervise, OversightPermissions.SettingsManage, OversightPermissions.PerformanceRead]),
            new ModuleRole("oversight-liaison", "建议提案交办（人大政协联络）", "登记本年度人大代表建议、政协提案并交办主办、协办单位，决定调整承办单位的申请，录入代表、委员的评价，接收逾期督办提醒，查看办结率、按期办结率和满意度。授予在市级单位即可交办全市。",
                [OversightPermissions.ProposalsRead, OversightPermissions.ProposalsAssign]));
        // --demo: the city account acts for the justice bureau, the Xuecheng account for a defendant agency.
        services.AddDemoRoleAssignments(
            new DemoRoleAssignment("demo-city", "oversight-office", "370400"),
            new DemoRoleAssignment("demo-city", "oversight-liaison", "370400"),
            new DemoRoleAssignment("demo-xuecheng", "oversight-agency", "370403"));
        services.AddNavItems(
            new NavItem("复议应诉", "行政应诉案件", "/oversight/lawsuits", OversightPermissions.LitigationRead, 10, "Lawsuits"),
            new NavItem("复议应诉", "出庭应诉率与败诉分析", "/oversight/litigation/rates", OversightPermissions.LitigationRead, 20, "Appearance rate and losses"),
            new NavItem("复议应诉", "司法建议与检察建议", "/oversight/suggestions", OversightPermissions.SuggestionsRead, 30, "Judicial and procuratorial suggestions"),
            new NavItem("复议应诉", "建议办复率", "/oversight/suggestions/rates", OversightPermissions.SuggestionsRead, 40, "Suggestion reply rates"),
            new NavItem("复议应诉", "行政复议决定履行", "/oversight/performance", OversightPermissions.PerformanceRead, 42, "Reconsideration decisions carried out"),
            new NavItem("复议应诉", "复议决定履行率", "/oversight/performance/rates", OversightPermissions.PerformanceRead, 44, "Reconsideration performance rate"),
            new NavItem("复议应诉", "政府信息公开申请", "/oversight/disclosures", OversightPermissions.DisclosureRead, 50, "Information disclosure requests"),
            new NavItem("复议应诉", "依申请公开按期答复率", "/oversight/disclosures/rates", OversightPermissions.DisclosureRead, 60, "Disclosure replies on time"),
            new NavItem("复议应诉", "人大代表建议、政协提案", "/oversight/proposals", OversightPermissions.ProposalsRead, 62, "Deputies' suggestions and CPPCC proposals"),
            new NavItem("复议应诉", "建议提案办结率与满意度", "/oversight/proposals/rates", OversightPermissions.ProposalsRead, 64, "Suggestion and proposal rates"),
            new NavItem("复议应诉", "申请政府信息公开", "/public/disclosure", null, 70, "Request government information"),
            new NavItem("复议应诉", "期限设置", "/oversight/settings", OversightPermissions.SettingsManage, 90, "Time limits"));
        return builder;
    }

    public static WebApplication MapOversight(this WebApplication app)
    {
        var api = app.MapGroup("/api/oversight").WithTags("oversight");
        LitigationApi.Map(api);
        SuggestionApi.Map(api);
        DisclosureApi.Map(api);
        ProposalApi.Map(api);
        Performance.PerformanceApi.Map(api);
        return app;
    }
}
