using Fazhi.Platform.Security;

namespace Fazhi.Enforcement;

/// <summary>The enforcement module's permissions.</summary>
internal static class EnforcementPermissions
{
    public const string DiscretionUse = "enforcement.discretion.use";
    public const string BenchmarksManage = "enforcement.benchmarks.manage";
    public const string InspectionsPlan = "enforcement.inspections.plan";
    public const string InspectionsSupervise = "enforcement.inspections.supervise";
    public const string InspectionsSettings = "enforcement.inspections.settings";

    public const string RegistryManage = "enforcement.registry.manage";

    public const string CasesHandle = "enforcement.cases.handle";

    public const string LegalReview = "enforcement.legalreview.review";

    public const string Supervise = "enforcement.supervision.view";

    public static PermissionDefinition[] All { get; } =
    [
        new(DiscretionUse, "enforcement", "使用裁量辅助（执法人员）"),
        new(BenchmarksManage, "enforcement", "管理执法事项与裁量基准"),
        new(InspectionsPlan, "enforcement", "登记涉企检查计划、记录检查结果"),
        new(InspectionsSupervise, "enforcement", "查看企业受检情况、合并联合检查"),
        new(InspectionsSettings, "enforcement", "设置涉企检查频次上限"),
        new(RegistryManage, "enforcement", "管理执法主体与执法人员"),
        new(CasesHandle, "enforcement", "办理行政处罚案件"),
        new(LegalReview, "enforcement", "法制审核"),
        new(Supervise, "enforcement", "查看执法监督预警"),
    ];
}
