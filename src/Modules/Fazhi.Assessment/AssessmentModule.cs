using Fazhi.Assessment.Campaigns;
using Fazhi.Assessment.Computed;
using Fazhi.Assessment.Contracts;
using Fazhi.Assessment.Data;
using Fazhi.Assessment.Frameworks;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Jobs;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fazhi.Assessment;

/// <summary>Rule-of-law government demonstration assessment (法治政府示范创建): indicator frameworks, campaigns, evidence, review, scoring, supervision.</summary>
public static class AssessmentModule
{
    public static WebApplicationBuilder AddAssessment(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        AssessmentAuditLabels.Add(services);
        builder.AddFazhiDbContext<AssessmentDb, SqliteAssessmentDb, PostgresAssessmentDb>("assessment");
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<FrameworkService>();
        services.AddScoped<CampaignService>();
        services.AddScoped<SubmissionService>();
        services.AddScoped<CampaignQueries>();
        services.AddWorkSummary<AssessmentWorkSummary>();
        services.AddScoped<SupervisionService>();
        services.AddScoped<Reports.ReportService>();
        services.AddScoped<ComputedIndicators>();
        services.AddScoped<IComputedIndicatorProvider, ActiveAccountsProvider>();
        services.AddScoped<IModuleSeed, SampleFrameworkSeed>();
        services.AddScoped<Settings.SettingsService>();
        services.AddScoped<IModuleSeed, Settings.AssessmentSettingsSeed>();
        services.AddScoped<IDemoSeed, CampaignDemoSeed>();
        services.AddScoped<IDemoSeed, Survey.SurveyDemoSeed>();
        services.AddDemoRoleAssignments(
            new DemoRoleAssignment("demo-city", "assessment-office", "370400"),
            new DemoRoleAssignment("demo-shizhong", "assessment-district-reviewer", "370402"),
            new DemoRoleAssignment("demo-xuecheng", "assessment-unit", "370403"));
        services.AddFazhiJob<SupervisionJob>("0 30 8 ? * MON-FRI", "工作日 08:30 对逾期、多次退回的考评任务发送督办通知");
        services.AddPermissions(AssessmentPermissions.All);
        services.AddModuleText<AssessmentText>();
        Index.IndexFeature.AddRuleOfLawIndex(services);
        services.AddModuleRoles(
            new ModuleRole("assessment-office", "考评管理员（法治办）", "定义指标体系与考评活动，分配任务，审核、评分、答复申诉、解锁，督办。",
                [AssessmentPermissions.Define, AssessmentPermissions.Review, AssessmentPermissions.Read]),
            new ModuleRole("assessment-unit", "考评联络员", "在本单位数据范围内填报、上传佐证材料并报送考评任务。", [AssessmentPermissions.Submit]),
            new ModuleRole("assessment-district-reviewer", "区（市）考评审核员", "逐级审核下级镇（街）报送的材料并报市级；也可报送本级任务。",
                [AssessmentPermissions.Approve, AssessmentPermissions.Submit]),
            new ModuleRole("assessment-unit-leader", "单位考评负责人", "接收本单位考评任务的督办通知，查看本单位任务。", [AssessmentPermissions.Lead]),
            new ModuleRole("assessment-leader", "考评查看（领导）", "查看全部考评活动的进度、得分与排名。", [AssessmentPermissions.Read]));
        services.AddNavItems(
            new NavItem("法治督察考评", "我的考评任务", "/assessment/tasks", AssessmentPermissions.Submit, 10, "My assessment tasks"),
            new NavItem("法治督察考评", "考评活动", "/assessment/campaigns", AssessmentPermissions.Read, 20, "Assessment campaigns"),
            new NavItem("法治督察考评", "指标体系", "/assessment/frameworks", AssessmentPermissions.Read, 30, "Indicator frameworks"),
            new NavItem("法治督察考评", "考评设置", "/assessment/settings", AssessmentPermissions.Define, 60, "Assessment settings"));
        return builder;
    }

    public static WebApplication MapAssessment(this WebApplication app)
    {
        var api = app.MapGroup("/api/assessment").WithTags("assessment");
        AssessmentApi.Map(api);
        Index.IndexApi.Map(api);
        Reports.ReportsApi.Map(api);
        Settings.SettingsApi.Map(api);
        return app;
    }
}
