using Fazhi.Platform.Kit;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.CaseFileReview;
using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.CreditRepair;
using Fazhi.Enforcement.Discretion;
using Fazhi.Enforcement.Publicity;
using Fazhi.Enforcement.Registry;
using Fazhi.Enforcement.Supervision;
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

namespace Fazhi.Enforcement;

/// <summary>Administrative enforcement supervision (行政执法监督): discretion engine, benchmarks and the no/light-penalty list.</summary>
public static class EnforcementModule
{
    public static WebApplicationBuilder AddEnforcement(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        EnforcementAuditLabels.Add(services);
        builder.AddFazhiDbContext<EnforcementDb, SqliteEnforcementDb, PostgresEnforcementDb>("enforcement");
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<BenchmarkService>();
        services.AddScoped<BenchmarkTransfer>();
        services.AddScoped<Inspections.InspectionService>();
        services.AddSingleton<NoLightList.NoLightListReadModel>();
        services.AddScoped<IModuleSeed, EnforcementSeed>();
        services.AddScoped<IModuleSeed, CaseRulesSeed>();
        services.AddScoped<RegistryService>();
        services.AddScoped<IDemoSeed, RegistryDemoSeed>();
        services.AddScoped<IDemoSeed, CaseDemoSeed>(); // after the registry's: the demo body and its officers
        services.AddScoped<CaseProcedure>();
        services.AddScoped<CaseRulesService>();
        services.AddScoped<CaseNumbering>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseOpening>();
        services.AddScoped<CaseInvestigation>();
        services.AddScoped<CaseHearings>();
        services.AddScoped<CaseDecisions>();
        services.AddScoped<CaseExecution>();
        services.AddScoped<CaseClosing>();
        services.AddNumberSequence(CaseNumbering.CaseNumbers);
        services.AddNumberSequence(CaseNumbering.DecisionNumbers);
        services.AddScoped<DecisionDocument>();
        services.AddScoped<DeadlineReminders>();
        services.AddFazhiJob<DeadlineReminderJob>("0 30 7 ? * MON-FRI", "工作日 07:30 行政处罚办案期限、公示期限提醒");
        services.AddScoped<PublicSearch>();
        services.AddScoped<CaseFiles.CaseFileAccess>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, CaseFiles.CaseFileReadHandler>();
        services.AddAuthorizationBuilder().AddPolicy(CaseFiles.CaseFileAccess.Policy, p => p.RequireAuthenticatedUser().AddRequirements(new CaseFiles.CaseFileReadRequirement()));
        services.AddScoped<Fazhi.Assessment.Contracts.IComputedIndicatorProvider, PublishedOnTimeIndicator>();
        services.AddScoped<SupervisionService>();
        services.AddScoped<Contracts.IEnforcementStatistics, EnforcementStatistics>();
        services.AddScoped<Contracts.IEnforcementMatters, Discretion.EnforcementMatters>();
        services.AddScoped<Contracts.IEnterpriseInspections, Inspections.EnterpriseInspections>();
        services.AddPermissions(EnforcementPermissions.All);
        services.AddModuleText<EnforcementText>();
        // --demo: the city staff account supervises enforcement and keeps the discretion benchmarks; the district account
        // reviews legality.
        services.AddDemoRoleAssignments(
            new DemoRoleAssignment("demo-city", "enforcement-supervisor", "370400"),
            new DemoRoleAssignment("demo-city", "enforcement-benchmark-admin", "370400"),
            new DemoRoleAssignment("demo-shizhong", "enforcement-legal-reviewer", "370402"),
            // Issue 13 (ADR 0029): the flows the README names need their roles. demo-city works a case at the city market
            // regulator (a demo enforcement body with registered officers): opens it, keeps the registry, inspects, reviews case
            // files and credit repair. (A role at a unit widens the account's data scope in every module, so demo-shizhong is
            // not also made the regulator's legal reviewer: its assessment tasks would grow by the regulator's.)
            new DemoRoleAssignment("demo-city", "enforcement-officer", "370400-SJJ"),
            new DemoRoleAssignment("demo-city", "enforcement-registry-admin", "370400"),
            new DemoRoleAssignment("demo-city", "enforcement-inspector", "370400-SJJ"),
            new DemoRoleAssignment("demo-city", "enforcement-case-reviewer", "370400"),
            new DemoRoleAssignment("demo-city", "enforcement-credit-repair-reviewer", "370400-SJJ"),
            // ADR 0040: the regulator's legal reviewer is an account of its own, at the regulator, so that reviewing
            // city-department cases widens no other account's scope.
            new DemoRoleAssignment("demo-sjj", "enforcement-legal-reviewer", CaseDemoSeed.Body));
        services.AddDemoAccounts(new DemoAccount("demo-sjj", "演示·市市场监管局法制审核人员", CaseDemoSeed.Body));
        CaseReviewFeature.Add(services);
        CreditRepairFeature.Add(services);
        services.AddModuleRoles(
            new ModuleRole("enforcement-officer", "执法人员", "查询裁量基准，录入案件事实获得裁量建议，办理行政处罚案件。",
                [EnforcementPermissions.DiscretionUse, EnforcementPermissions.CasesHandle]),
            new ModuleRole("enforcement-registry-admin", "执法主体和人员管理员", "登记执法主体，维护执法人员及执法证件，导入导出。",
                [EnforcementPermissions.RegistryManage, EnforcementPermissions.Supervise]),
            new ModuleRole("enforcement-legal-reviewer", "法制审核人员", "对重大执法决定进行法制审核，出具审核意见。",
                [EnforcementPermissions.LegalReview, EnforcementPermissions.DiscretionUse]),
            new ModuleRole("enforcement-supervisor", "执法监督人员", "查看本单位及下级的执法监督预警（办案期限、法制审核、裁量偏离、证件、公示）。",
                [EnforcementPermissions.Supervise]),
            new ModuleRole("enforcement-benchmark-admin", "裁量基准管理员", "维护执法事项、裁量基准与不罚轻罚清单，导入导出。",
                [EnforcementPermissions.DiscretionUse, EnforcementPermissions.BenchmarksManage]),
            new ModuleRole("enforcement-inspector", "涉企检查人员", "本部门登记涉企检查计划、并入联合检查、记录检查结果。", [EnforcementPermissions.InspectionsPlan]),
            new ModuleRole("enforcement-inspection-supervisor", "涉企检查监督员", "查看企业在各部门的受检情况，合并联合检查，设置检查频次上限。",
                [EnforcementPermissions.InspectionsPlan, EnforcementPermissions.InspectionsSupervise, EnforcementPermissions.InspectionsSettings]));
        services.AddWorkSummary<LegalReviews.LegalReviewWorkSummary>();
        services.AddPortalLinks(
            new PortalLink(PortalSection.Publications, "行政处罚决定公示", "/public/penalties", 10, "Published penalty decisions",
                "依法公开的行政处罚决定（当事人信息已隐去）。", "Penalty decisions made public, with parties masked."),
            new PortalLink(PortalSection.Publications, "行政裁量基准", "/public/benchmarks", 20, "Discretion benchmarks",
                "各执法领域现行的行政处罚裁量基准。", "The penalty discretion benchmarks in force."),
            new PortalLink(PortalSection.Publications, "免罚轻罚清单", "/public/no-light-list", 30, "No/light-penalty list",
                "首违不罚、轻微不罚等清单事项。", "First-offence and minor-offence items not penalised or penalised lightly."),
            new PortalLink(PortalSection.Services, "信用修复", "/public/credit-repair", 40, "Credit repair",
                "行政处罚信息信用修复的条件与申请。", "When and how a penalty record can be repaired."));
        services.AddNavItems(
            new NavItem("执法监督", "裁量辅助", "/enforcement/discretion", EnforcementPermissions.DiscretionUse, 10, "Discretion assistant"),
            new NavItem("执法监督", "裁量基准管理", "/enforcement/benchmarks", EnforcementPermissions.BenchmarksManage, 20, "Benchmarks"),
            new NavItem("执法监督", "裁量基准公示", "/public/benchmarks", null, 30, "Published benchmarks"),
            new NavItem("执法监督", "免罚轻罚清单", "/public/no-light-list", null, 35, "No/light-penalty list"),
            new NavItem("执法监督", "涉企检查", "/enforcement/inspections", EnforcementPermissions.InspectionsPlan, 40, "Enterprise inspections"),
            new NavItem("执法监督", "联合检查与受检企业", "/enforcement/inspections/supervision", EnforcementPermissions.InspectionsSupervise, 45, "Joint inspections"),
            new NavItem("执法监督", "行政处罚案件", "/enforcement/cases", EnforcementPermissions.CasesHandle, 40, "Penalty cases"),
            new NavItem("执法监督", "法制审核", "/enforcement/legal-reviews", EnforcementPermissions.LegalReview, 50, "Legal review"),
            new NavItem("执法监督", "执法主体和人员", "/enforcement/registry", EnforcementPermissions.RegistryManage, 60, "Bodies and officers"),
            new NavItem("执法监督", "执法监督预警", "/enforcement/supervision", EnforcementPermissions.Supervise, 70, "Supervision alerts"),
            new NavItem("执法监督", "行政处罚决定公示", "/public/penalties", null, 80, "Published penalty decisions"));
        return builder;
    }

    public static WebApplication MapEnforcement(this WebApplication app)
    {
        var api = app.MapGroup("/api/enforcement").WithTags("enforcement");
        EnforcementApi.Map(api);
        Inspections.InspectionsApi.Map(api);
        NoLightList.NoLightListApi.Map(api);
        RegistryApi.Map(api);
        CasesApi.Map(api);
        CaseFiles.CaseFilesApi.Map(api);
        CaseReviewFeature.Map(api);
        CreditRepairFeature.Map(api);
        return app;
    }
}
