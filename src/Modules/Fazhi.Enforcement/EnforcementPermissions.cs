using Fazhi.Platform.Security;

namespace Fazhi.Enforcement;

/// <summary>The enforcement module's permissions.</summary>
internal static class EnforcementPermissions
{
    public const string DiscretionUse = "enforcement.discretion.use";
    public const string BenchmarksManage = "enforcement.benchmarks.manage";

    public static PermissionDefinition[] All { get; } =
    [
        new(DiscretionUse, "enforcement", "使用裁量辅助（执法人员）"),
        new(BenchmarksManage, "enforcement", "管理执法事项与裁量基准"),
    ];
}
