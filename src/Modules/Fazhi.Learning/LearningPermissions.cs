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

    public static PermissionDefinition[] All { get; } =
    [
        new(Manage, "learning", "管理学法考法（题库、试卷、考试、阅卷、成绩、监考）"),
        new(Unit, "learning", "管理本单位人员名册和学法记录"),
    ];
}
