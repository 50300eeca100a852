using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.CaseFileReview;

/// <summary>Case-file review (案卷评查): permissions, roles, services, navigation and API, registered by the module.</summary>
internal static class CaseReviewFeature
{
    /// <summary>Plan reviews, draw samples, score, publish results and issue rectification tasks (justice bureau).</summary>
    public const string Manage = "enforcement.casereview.manage";

    /// <summary>See the own body's results and answer its rectification tasks.</summary>
    public const string Respond = "enforcement.casereview.respond";

    public static void Add(IServiceCollection services)
    {
        services.AddScoped<CaseReviewService>();
        services.AddScoped<IModuleSeed, CaseReviewSeed>();
        services.AddPermissions(
            new PermissionDefinition(Manage, "enforcement", "案卷评查（制定计划、抽取案卷、评分、下达整改）"),
            new PermissionDefinition(Respond, "enforcement", "查看本单位案卷评查结果并报送整改情况"));
        services.AddModuleRoles(
            new ModuleRole("enforcement-case-reviewer", "案卷评查人员", "司法行政部门执法监督人员：维护评查标准，制定评查计划，随机抽取案卷，评分，发布结果，下达并审核整改。",
                [Manage]),
            new ModuleRole("enforcement-review-liaison", "评查整改联络员", "执法主体联络员：查看本单位案卷评查结果，报送整改情况。", [Respond]));
        services.AddNavItems(
            new NavItem("执法监督", "案卷评查", "/enforcement/case-review", Manage, 90, "Case-file review"),
            new NavItem("执法监督", "评查结果与整改", "/enforcement/case-review/rectifications", Respond, 91, "Review results and rectification"));
    }

    public static void Map(RouteGroupBuilder api) => CaseReviewApi.Map(api);
}
