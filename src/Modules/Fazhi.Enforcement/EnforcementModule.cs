using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Discretion;
using Fazhi.Platform.Data;
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
        builder.AddFazhiDbContext<EnforcementDb, SqliteEnforcementDb, PostgresEnforcementDb>("enforcement");
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<BenchmarkService>();
        services.AddScoped<BenchmarkTransfer>();
        services.AddScoped<Inspections.InspectionService>();
        services.AddSingleton<NoLightList.NoLightListReadModel>();
        services.AddScoped<IModuleSeed, EnforcementSeed>();
        services.AddPermissions(EnforcementPermissions.All);
        services.AddModuleRoles(
            new ModuleRole("enforcement-officer", "执法人员", "查询裁量基准，录入案件事实获得裁量建议。", [EnforcementPermissions.DiscretionUse]),
            new ModuleRole("enforcement-benchmark-admin", "裁量基准管理员", "维护执法事项、裁量基准与不罚轻罚清单，导入导出。",
                [EnforcementPermissions.DiscretionUse, EnforcementPermissions.BenchmarksManage]),
            new ModuleRole("enforcement-inspector", "涉企检查人员", "本部门登记涉企检查计划、并入联合检查、记录检查结果。", [EnforcementPermissions.InspectionsPlan]),
            new ModuleRole("enforcement-inspection-supervisor", "涉企检查监督员", "查看企业在各部门的受检情况，合并联合检查，设置检查频次上限。",
                [EnforcementPermissions.InspectionsPlan, EnforcementPermissions.InspectionsSupervise, EnforcementPermissions.InspectionsSettings]));
        services.AddNavItems(
            new NavItem("执法监督", "裁量辅助", "/enforcement/discretion", EnforcementPermissions.DiscretionUse, 10, "Discretion assistant"),
            new NavItem("执法监督", "裁量基准管理", "/enforcement/benchmarks", EnforcementPermissions.BenchmarksManage, 20, "Benchmarks"),
            new NavItem("执法监督", "裁量基准公示", "/public/benchmarks", null, 30, "Published benchmarks"),
            new NavItem("执法监督", "免罚轻罚清单", "/public/no-light-list", null, 35, "No/light-penalty list"),
            new NavItem("执法监督", "涉企检查", "/enforcement/inspections", EnforcementPermissions.InspectionsPlan, 40, "Enterprise inspections"),
            new NavItem("执法监督", "联合检查与受检企业", "/enforcement/inspections/supervision", EnforcementPermissions.InspectionsSupervise, 45, "Joint inspections"));
        return builder;
    }

    public static WebApplication MapEnforcement(this WebApplication app)
    {
        var api = app.MapGroup("/api/enforcement").WithTags("enforcement");
        EnforcementApi.Map(api);
        Inspections.InspectionsApi.Map(api);
        NoLightList.NoLightListApi.Map(api);
        return app;
    }
}
