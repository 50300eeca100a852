using Fazhi.Platform.Security;

namespace Fazhi.Learning;

/// <summary>
/// The learning module's permissions. The rule-of-law office keeps the question bank, papers, exams, marking, results and
/// the proctor view; a unit keeps its own people in the register. Taking an exam needs no permission: any signed-in account
/// linked to a registered person takes the exams assigned to that person, and sees only its own attempts.
/// </summary>
internal static class LearningPermissions
{
    /// <summary>The office: question bank, papers, exams, marking, results, proctoring, the whole register.</summary>
    public const string Manage = "learning.manage";

    /// <summary>A unit: its own people in the register and their records.</summary>
    public const string Unit = "learning.unit";

    /// <summary>A marker: the short-answer queue, without the takers' names (the office has it too).</summary>
    public const string Mark = "learning.mark";

    public static PermissionDefinition[] All { get; } =
    [
        new(Manage, "learning", "管理学法考法（题库、试卷、考试、阅卷、成绩、监考）"),
        new(Unit, "learning", "管理本单位人员名册和学法记录，查看本单位人员的考试成绩"),
        new(Mark, "learning", "简答题阅卷（不显示考生姓名）"),
    ];
}
