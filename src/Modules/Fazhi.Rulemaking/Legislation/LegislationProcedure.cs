namespace Fazhi.Rulemaking.Legislation;

/// <summary>
/// The procedure of a legislation project as a state machine, independent of pages: 立项 → 起草 → 征求意见 → 审查 → 决定 →
/// 公布 → 备案, one stage after another. A request for a later stage is refused naming the first stage it would skip.
/// </summary>
internal static class LegislationProcedure
{
    public static string Name(LegislationStage s) => s switch
    {
        LegislationStage.Planned => "列入计划",
        LegislationStage.Initiated => "立项",
        LegislationStage.Drafting => "起草",
        LegislationStage.PublicComment => "征求意见",
        LegislationStage.Review => "审查",
        LegislationStage.Decided => "决定",
        LegislationStage.Published => "公布",
        _ => "备案",
    };

    public static string KindName(LegislationKind k) => k == LegislationKind.LocalRegulation ? "地方性法规" : "政府规章";

    public static string AnswerName(CommentAnswer a) => a switch
    {
        CommentAnswer.Adopted => "采纳",
        CommentAnswer.PartlyAdopted => "部分采纳",
        _ => "不采纳",
    };

    public static string ChangeKindName(PlanChangeKind k) => k switch
    {
        PlanChangeKind.Added => "增列项目",
        PlanChangeKind.Changed => "调整项目",
        _ => "撤出计划",
    };

    /// <summary>The article of 规章制定程序条例 for each stage (a local regulation follows 立法法 and the province's rules alike).</summary>
    public static string Article(LegislationStage s) => s switch
    {
        LegislationStage.Initiated => "规章制定程序条例 第十条",
        LegislationStage.Drafting => "规章制定程序条例 第十四条",
        LegislationStage.PublicComment => "规章制定程序条例 第十五条",
        LegislationStage.Review => "规章制定程序条例 第十八条",
        LegislationStage.Decided => "规章制定程序条例 第二十七条",
        LegislationStage.Published => "规章制定程序条例 第二十九条",
        LegislationStage.Filed => "规章制定程序条例 第三十四条",
        _ => "规章制定程序条例 第九条",
    };

    /// <summary>
    /// 规章制定程序条例 第二十一条: at review, the legislative office may publish the draft (送审稿) for comment again (ADR 0069).
    /// </summary>
    public const string ReviewCommentArticle = "规章制定程序条例 第二十一条";

    /// <summary>Who opened a comment round and under which article: 起草阶段 (第十五条) or 审查阶段 (第二十一条).</summary>
    public static string RoundName(CommentRound r) => r.Stage == LegislationStage.Review
        ? $"第{r.No}轮 · 审查阶段（{ReviewCommentArticle}）"
        : $"第{r.No}轮 · 起草阶段（{Article(LegislationStage.PublicComment)}）";

    /// <summary>The stage after <paramref name="s"/>, or null after 备案.</summary>
    public static LegislationStage? Next(LegislationStage s) => s == LegislationStage.Filed ? null : s + 1;

    /// <summary>
    /// Refuses moving <paramref name="project"/> to <paramref name="target"/> unless it is the very next stage: a later stage
    /// is refused naming the first stage skipped; an earlier or the same stage as already reached.
    /// </summary>
    public static void EnsureNext(LegislationProject project, LegislationStage target)
    {
        if (project.Withdrawn)
        {
            throw Fazhi.Platform.Kit.Refuse.Conflict("该项目已撤出立法计划。");
        }
        if (!Enum.IsDefined(target) || target == LegislationStage.Planned)
        {
            throw Fazhi.Platform.Kit.Refuse.Field("stage", "立法程序阶段不正确。");
        }
        if (target <= project.Stage)
        {
            throw Fazhi.Platform.Kit.Refuse.Conflict($"该项目已完成“{Name(target)}”（当前阶段：{Name(project.Stage)}）。");
        }
        var next = project.Stage + 1;
        if (target != next)
        {
            throw Fazhi.Platform.Kit.Refuse.Conflict($"不得跳过“{Name(next)}”：当前阶段为“{Name(project.Stage)}”，应先完成“{Name(next)}”，才能进入“{Name(target)}”。", Article(next));
        }
    }

    /// <summary>Whether draft versions may be added: from 起草 until the decision.</summary>
    public static bool TakesVersions(LegislationProject p) => !p.Withdrawn && p.Stage is LegislationStage.Drafting or LegislationStage.PublicComment or LegislationStage.Review;

    /// <summary>
    /// Whether the public may comment today: within the current round's period, in 征求意见 (the first round, 第十五条) or in
    /// 审查 (a later round, 第二十一条).
    /// </summary>
    public static bool OpenForComment(LegislationProject p, DateOnly today) =>
        !p.Withdrawn && p.Stage is LegislationStage.PublicComment or LegislationStage.Review && p.CommentFrom <= today && today <= p.CommentTo;
}
