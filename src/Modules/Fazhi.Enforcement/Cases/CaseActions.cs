namespace Fazhi.Enforcement.Cases;

/// <summary>The steps a penalty case can take (行政处罚法 第五章).</summary>
internal enum CaseAction
{
    Investigate,
    OrderToCorrect,
    Propose,
    Notify,
    RequestHearing,
    Hearing,
    RequestReview,
    Collective,
    Extend,
    Decide,
    Serve,
    Pay,
    Enforce,
    Close,
    Publish,
    Revoke,
}

/// <summary>Whether <see cref="Action"/> is open now; when it is not, <see cref="WhyNot"/> says why (the refusal's message).</summary>
internal sealed record ActionState(CaseAction Action, bool Open, string? WhyNot);

/// <summary>A step the decision still lacks: the request field it concerns (null: a conflict with the case's state) and the rule.</summary>
internal sealed record MissingStep(string? Field, string Message);

/// <summary>
/// The case's own rule of which steps are open in its current state: the detail page shows the forms of the open ones,
/// and the service refuses the others with the same reason. Rules that need more than the case (a pending legal review,
/// the decision date's hearing window, the deadline) stay in the service.
/// </summary>
internal static class CaseActions
{
    public static readonly CaseStage[] Undecided = [CaseStage.Opened, CaseStage.Investigating, CaseStage.Proposed, CaseStage.Notified, CaseStage.Hearing, CaseStage.LegalReview];

    public static readonly CaseStage[] DecidedStages = [CaseStage.Decided, CaseStage.Served, CaseStage.Executed, CaseStage.Closed];

    private static readonly CaseStage[] BeforeNotice = [CaseStage.Opened, CaseStage.Investigating, CaseStage.Proposed];

    private static readonly CaseStage[] Noticed = [CaseStage.Notified, CaseStage.Hearing, CaseStage.LegalReview];

    /// <summary>Every action with whether it is open now and why not.</summary>
    public static IReadOnlyList<ActionState> Actions(this PenaltyCase c) => Enum.GetValues<CaseAction>().Select(a => State(c, a)).ToList();

    public static bool IsOpen(this PenaltyCase c, CaseAction action) => State(c, action).Open;

    /// <summary>The state of one action: the stage first, then what the case itself records.</summary>
    public static ActionState State(this PenaltyCase c, CaseAction action)
    {
        var why = action switch
        {
            CaseAction.Investigate => Stage(c, "记录调查取证", BeforeNotice),
            CaseAction.OrderToCorrect => Stage(c, "责令改正", Undecided),
            CaseAction.Propose => Stage(c, "提出拟处罚意见", BeforeNotice),
            CaseAction.Notify => Stage(c, "告知", CaseStage.Proposed),
            CaseAction.RequestHearing => Stage(c, "申请听证", CaseStage.Notified)
                ?? (c.HearingOffered ? null : "本案不属于应当告知听证权利的情形（行政处罚法第六十三条）。"),
            CaseAction.Hearing => Stage(c, "举行听证", CaseStage.Hearing)
                ?? (c.HearingHeldOn is { } held ? $"听证已于 {held:yyyy-MM-dd} 举行。" : null),
            // 第五十八条: only a major decision is reviewed; one review at a time, none after it passed.
            CaseAction.RequestReview => Stage(c, "提请法制审核", Noticed)
                ?? (HearingPending(c) ? "当事人已申请听证，须先举行听证再提请法制审核（行政处罚法第六十三条）。" : null)
                ?? (!c.IsMajor ? "本案未列为重大执法决定，无须法制审核（行政处罚法第五十八条）。" : null)
                ?? (c.LegalReviewPassed ? "法制审核已通过。" : null)
                ?? (c.Stage == CaseStage.LegalReview ? "已提请法制审核，等待审核意见。" : null),
            // 第五十七条第二款: the heads discuss a complex or serious case.
            CaseAction.Collective => Stage(c, "记录集体讨论", Noticed)
                ?? (c.IsSerious ? null : "本案未列为情节复杂或者重大违法行为，无须负责人集体讨论（行政处罚法第五十七条第二款）。"),
            CaseAction.Extend => Stage(c, "延长办案期限", Undecided),
            // 第六十二条: 未告知拟处罚内容及权利的，不得作出行政处罚决定.
            CaseAction.Decide => Stage(c, "作出处罚决定（须先告知，行政处罚法第六十二条）", Noticed),
            CaseAction.Serve => Stage(c, "送达", CaseStage.Decided),
            CaseAction.Pay => Stage(c, "登记缴款", CaseStage.Served) ?? (c.FineAmount is not > 0 || c.PaymentDueOn is null ? "本案无罚款需缴纳。" : null),
            CaseAction.Enforce => Stage(c, "登记强制执行", CaseStage.Served, CaseStage.Decided),
            CaseAction.Close => c.Stage == CaseStage.Executed || (c.FineAmount is not > 0 && c.Stage is CaseStage.Served)
                ? null
                : $"案件当前处于“{CaseDisplay.StageName(c.Stage)}”阶段，执行完毕后方可结案。",
            CaseAction.Publish => Stage(c, "公示", DecidedStages) ?? (c.PublishedOn is null ? null : "该处罚决定已公示。"),
            CaseAction.Revoke => Stage(c, "撤销", DecidedStages),
            _ => "未知操作。",
        };
        return new ActionState(action, why is null, why);
    }

    /// <summary>
    /// What the decision still lacks as the case records it (行政处罚法 第六十三条 a requested hearing, 第五十八条 the legal
    /// review of a major decision, 第五十七条第二款 the heads' collective discussion); null when nothing. The service refuses
    /// the decision with it (after checking the date the officer gives), and the case page shows it on the disabled button.
    /// </summary>
    public static MissingStep? DecisionPrerequisite(this PenaltyCase c) =>
        HearingPending(c) ? new MissingStep(null, "当事人已申请听证，须先举行听证（行政处罚法第六十三条）。")
        : c.IsMajor && !c.LegalReviewPassed ? new MissingStep("legalReview", "重大执法决定未经法制审核或审核未通过的，不得作出决定（行政处罚法第五十八条）。")
        : c.IsSerious && c.CollectiveDecisionOn is null ? new MissingStep("collective", "情节复杂或者重大违法行为的处罚，应当由行政机关负责人集体讨论决定（行政处罚法第五十七条第二款）。")
        : null;

    /// <summary>
    /// The state the case page shows for <paramref name="action"/>: <see cref="State"/>, and for the decision also its
    /// prerequisites (<see cref="DecisionPrerequisite"/>), so the button says what is missing before a dialog is filled.
    /// </summary>
    public static ActionState Ready(this PenaltyCase c, CaseAction action)
    {
        var state = State(c, action);
        return state.Open && action == CaseAction.Decide && c.DecisionPrerequisite() is { } missing ? state with { Open = false, WhyNot = missing.Message } : state;
    }

    /// <summary>The party asked for a hearing that has not been held yet.</summary>
    public static bool HearingPending(PenaltyCase c) => c.HearingRequestedOn is not null && c.HearingHeldOn is null;

    private static string? Stage(PenaltyCase c, string action, params CaseStage[] stages) =>
        stages.Contains(c.Stage) ? null : $"案件当前处于“{CaseDisplay.StageName(c.Stage)}”阶段，不能{action}。";
}
