using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.CreditRepair;

/// <summary>Credit repair (信用修复): permissions, roles, services, navigation and API, registered by the module.</summary>
internal static class CreditRepairFeature
{
    /// <summary>Review the body's credit-repair applications and enter paper applications.</summary>
    public const string Review = "enforcement.creditrepair.review";

    /// <summary>Change the minimum publicity periods (data).</summary>
    public const string Rules = "enforcement.creditrepair.rules";

    public static void Add(IServiceCollection services)
    {
        services.AddScoped<CreditRepairService>();
        services.AddWorkSummary<CreditRepairWorkSummary>();
        services.AddScoped<IModuleSeed, CreditRepairSeed>();
        services.AddPermissions(
            new PermissionDefinition(Review, "enforcement", "审核信用修复申请"),
            new PermissionDefinition(Rules, "enforcement", "维护信用修复规则（最短公示期）"));
        services.AddModuleRoles(
            new ModuleRole("enforcement-credit-repair-reviewer", "信用修复审核人员", "执法主体工作人员：受理、审核本单位行政处罚信息的信用修复申请。", [Review]),
            new ModuleRole("enforcement-credit-repair-admin", "信用修复规则管理员", "维护信用修复的最短公示期等规则数据。", [Rules]));
        services.AddNavItems(
            new NavItem("执法监督", "信用修复审核", "/enforcement/credit-repair", Review, 95, "Credit repair"),
            new NavItem("执法监督", "信用修复申请", "/public/credit-repair", null, 96, "Apply for credit repair"));
    }

    public static void Map(RouteGroupBuilder api) => CreditRepairApi.Map(api);
}

/// <summary>The default rules row; idempotent.</summary>
internal sealed class CreditRepairSeed(EnforcementDb db) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.Set<CreditRepairRules>().AnyAsync(ct))
        {
            db.Set<CreditRepairRules>().Add(new CreditRepairRules { UpdatedBy = "system" });
            await db.SaveChangesAsync(ct);
        }
    }
}
