using Fazhi.Platform.Security;

namespace Fazhi.Assessment;

/// <summary>The assessment module's permissions: the office defines, reviews and scores; units submit in their scope; leaders read.</summary>
internal static class AssessmentPermissions
{
    /// <summary>Office: define frameworks and campaigns, assign indicators.</summary>
    public const string Define = "assessment.define";

    /// <summary>Office: review submissions (accept, return, final approval), score, answer appeals, unlock.</summary>
    public const string Review = "assessment.review";

    /// <summary>A district (or other intermediate) reviewer approving its subordinate units' submissions upwards.</summary>
    public const string Approve = "assessment.approve";

    /// <summary>A unit's staff: see the unit's tasks, add evidence, submit (within the data scope).</summary>
    public const string Submit = "assessment.submit";

    /// <summary>Read all campaigns, boards and rankings (leaders).</summary>
    public const string Read = "assessment.read";

    /// <summary>A unit's leader: receives supervision notices (督办) about the unit's tasks.</summary>
    public const string Lead = "assessment.lead";

    public static PermissionDefinition[] All { get; } =
    [
        new(Define, "assessment", "定义考评指标体系与考评活动（法治办）"),
        new(Review, "assessment", "审核、评分、答复申诉、解锁（法治办）"),
        new(Approve, "assessment", "逐级审核下级单位的报送材料"),
        new(Submit, "assessment", "报送本单位考评材料"),
        new(Read, "assessment", "查看考评进度与排名（领导）"),
        new(Lead, "assessment", "接收本单位考评督办通知"),
    ];
}
