using Fazhi.Platform.Security;

namespace Fazhi.Lists;

/// <summary>
/// The lists module's permissions. The public reads the published lists and reports without an account; a unit proposes
/// changes to its own items and answers reports routed to it; the list-owning office reviews, publishes and imports.
/// </summary>
internal static class ListsPermissions
{
    /// <summary>Own the certification-item list: review proposals, publish versions, import, settings.</summary>
    public const string CertManage = "lists.cert.manage";

    /// <summary>Propose additions, changes and cancellations of the unit's own items.</summary>
    public const string CertPropose = "lists.cert.propose";

    /// <summary>Record verifications of notify-and-commit items by the unit, and read them (ADR 0039).</summary>
    public const string CertVerify = "lists.cert.verify";

    /// <summary>Answer reports of certificates demanded outside the list, routed to the unit.</summary>
    public const string ReportsHandle = "lists.reports.handle";

    /// <summary>Keep the unit's emergency plans, drills and their problems.</summary>
    public const string PlansManage = "lists.plans.manage";

    /// <summary>Enter, route, co-handle, reply to and follow up enterprise appeals of the unit (and read those it co-handles).</summary>
    public const string AppealsHandle = "lists.appeals.handle";

    /// <summary>The supervising office: overdue appeals raised to it, the time limits per kind.</summary>
    public const string AppealsSupervise = "lists.appeals.supervise";

    /// <summary>Refer appeals from the 12345 hotline by API (the referring system's account).</summary>
    public const string AppealsRefer = "lists.appeals.refer";

    public static PermissionDefinition[] All { get; } =
    [
        new(CertManage, "lists", "管理证明事项清单（审核变更、发布版本、导入、设置）"),
        new(CertPropose, "lists", "提出本单位证明事项的新增、变更、取消"),
        new(CertVerify, "lists", "登记和查看本单位告知承诺事项的核查记录"),
        new(ReportsHandle, "lists", "办理清单外索要证明的举报"),
        new(PlansManage, "lists", "管理本单位应急预案、演练和问题整改"),
        new(AppealsHandle, "lists", "登记、分办、协办、答复和回访本单位的企业诉求"),
        new(AppealsSupervise, "lists", "督办超期企业诉求，设置各类诉求的办理时限"),
        new(AppealsRefer, "lists", "通过接口转来 12345 企业诉求"),
    ];
}
