using System.Text.Json.Serialization;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Handling;

namespace Fazhi.Disputes.Domain;

/// <summary>The handling steps a dispute case can take (the handling panel's forms, the handling API's actions).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseAction>))]
internal enum CaseAction
{
    Assign,
    Note,
    Session,
    CorrectionNotice,
    CorrectionReceived,
    Suspend,
    Resume,
    Extend,
    DecideExtension,
    Transfer,
    Close,
    Agreement,
    RespondentServed,
    AnswerReceived,
    Simplify,
    Advance,
    /// <summary>下派 to a unit below, or 上报/退回 to the unit above (issue 13).</summary>
    Dispatch,
    /// <summary>接收 of a case dispatched or escalated to the unit.</summary>
    Receive,
    /// <summary>受理: the acceptance review ends with acceptance (the next main stage starts).</summary>
    Accept,
    /// <summary>不予受理, with the reason that goes into the written decision.</summary>
    Reject,
}

/// <summary>Whether <see cref="Action"/> is open now; when it is not, <see cref="WhyNot"/> says why (the refusal's message).</summary>
internal sealed record ActionState(CaseAction Action, bool Open, string? WhyNot);

/// <summary>
/// What the case's pinned profile (and its history) add to the case's own state when deciding which actions are open:
/// the profile's stages, whether it has a correction procedure, suspension reasons, transfers, mediation agreements and a
/// simplified procedure, and how many correction notices were sent. Built by the handling service from the database.
/// </summary>
internal sealed record CaseProfileFacts
{
    public IReadOnlyList<ProfileStage> Stages { get; init; } = [];

    /// <summary>The article of the correction procedure ("行政复议法 第三十一条"); null when the profile has none.</summary>
    public string? CorrectionArticle { get; init; }

    public int MaxCorrectionNotices { get; init; } = 1;

    /// <summary>The article limiting the number of correction notices (falls back to <see cref="CorrectionArticle"/>).</summary>
    public string? MaxCorrectionArticle { get; init; }

    public int CorrectionNoticesSent { get; init; }

    public bool HasSuspensionReasons { get; init; }

    public bool HasTransferTargets { get; init; }

    /// <summary>The profile has the result 调解成功 (a mediation agreement can be recorded).</summary>
    public bool HasAgreement { get; init; }

    /// <summary>The profile has a simplified procedure (行政复议法 第五十三条).</summary>
    public bool HasSimplified { get; init; }

    /// <summary>The case was dispatched (下派) or escalated (上报) to its present unit, which has not received it yet.</summary>
    public bool AwaitingReceipt { get; init; }
}

/// <summary>
/// The case's own rule of which handling steps are open in its current state: the handling panel shows the forms of the
/// open ones, and the handling service refuses the others with the same reason. Rules that need the request itself (the
/// chosen assignee, reason or result, the amount limit of the simplified procedure, dates) stay in the service.
/// </summary>
internal static class CaseActions
{
    /// <summary>Every action with whether it is open now and why not.</summary>
    public static IReadOnlyList<ActionState> Actions(this DisputeCase c, CaseProfileFacts p) =>
        Enum.GetValues<CaseAction>().Select(a => c.State(a, p)).ToList();

    public static bool IsOpen(this DisputeCase c, CaseAction action, CaseProfileFacts p) => c.State(action, p).Open;

    /// <summary>The state of one action: the status first, then what the case and its profile record.</summary>
    public static ActionState State(this DisputeCase c, CaseAction action, CaseProfileFacts p)
    {
        // A dispatched case is handled by the unit it was passed to once that unit received it: until then only a note
        // (and the receipt) is open there; its clock runs on, one case with one history.
        var why = p.AwaitingReceipt && action is not (CaseAction.Note or CaseAction.Receive) && Finished(c) is null
            ? "案件已下派或上报至现办理单位，须由该单位先接收，再办理。"
            : action switch
        {
            // 办结、不予受理的案件只读，只能补充办理记录.
            CaseAction.Note => null,
            CaseAction.Assign => Finished(c),
            CaseAction.Session => Accepted(c, "安排调解/听证"),
            CaseAction.CorrectionNotice => Correction(c, p),
            CaseAction.CorrectionReceived => Finished(c) ?? (HasOpen(c, HandlingClock.CorrectionStage) ? null : "本案没有等待补正的通知。"),
            CaseAction.Suspend => Accepted(c, "中止")
                ?? (c.Suspended ? "案件已中止，请先恢复。" : null)
                ?? (p.HasSuspensionReasons ? null : "本案件类型的规程没有中止事由。"),
            CaseAction.Resume => Finished(c) ?? (c.Suspended ? null : "案件未中止，无需恢复。"),
            CaseAction.Extend => Extend(c, p),
            // 行政复议法 第六十二条: 经行政复议机构的负责人批准.
            CaseAction.DecideExtension => Finished(c)
                ?? (c.Stages.Any(s => s.EndedOn == null && s.Extensions.Any(e => e.Status == ExtensionStatus.Requested)) ? null : "没有待批准的延期申请。"),
            CaseAction.Transfer => Accepted(c, "转换案件类型") ?? (p.HasTransferTargets ? null : "本案件类型的规程未列可转换的案件类型。"),
            // 行政复议法 第三十条 before 第六十二条: the decision period runs from acceptance.
            CaseAction.Close => Finished(c) ?? (c.Status == CaseStatus.Pending
                ? "案件尚未受理，不能作出处理决定：须先经受理审查并受理（行政复议法 第三十条；决定期限自受理之日起计算，第六十二条）。"
                : null),
            CaseAction.Agreement => Finished(c)
                ?? (c.Status == CaseStatus.Pending ? "案件尚未受理，不能登记调解协议。" : null)
                ?? (p.HasAgreement ? null : "本案件类型不是调解类案件，不能登记调解协议。"),
            // 行政复议法 第四十八条.
            CaseAction.RespondentServed => Finished(c) ?? (HasOpen(c, HandlingClock.RespondentCopyStage) ? null : "本案没有待送达被申请人的环节。"),
            CaseAction.AnswerReceived => Finished(c) ?? (HasOpen(c, HandlingClock.RespondentAnswerStage) ? null : "本案没有等待被申请人答复的环节。"),
            CaseAction.Simplify => Simplify(c, p),
            CaseAction.Advance => Advance(c, p),
            CaseAction.Dispatch => Accepted(c, "下派或上报") ?? (c.Suspended ? "案件已中止，请先恢复再下派或上报。" : null),
            CaseAction.Receive => Finished(c) ?? (p.AwaitingReceipt ? null : "本案没有待接收的下派或上报。"),
            CaseAction.Accept or CaseAction.Reject => AcceptanceWhyNot(c),
            _ => "未知操作。",
        };
        return new ActionState(action, why is null, why);
    }

    /// <summary>The open main (non-optional) stage with its profile definition, as extension and advancing use it.</summary>
    public static (CaseStage Stage, ProfileStage Def)? MainStage(this DisputeCase c, IReadOnlyList<ProfileStage> defs) =>
        c.Stages.Where(s => s.EndedOn == null)
            .Select(s => (Stage: s, Def: defs.FirstOrDefault(d => d.Code == s.StageCode)))
            .Where(x => x.Def is { Optional: false })
            .Select(x => ((CaseStage, ProfileStage)?)(x.Stage, x.Def!))
            .FirstOrDefault();

    /// <summary>The stage the simplified procedure shortens: the open main stage, not yet extended (行政复议法 第五十三条).</summary>
    public static CaseStage? SimplifiableStage(this DisputeCase c) =>
        c.Stages.FirstOrDefault(s => s.EndedOn == null && s.Extensions.Count == 0
            && s.StageCode != HandlingClock.RespondentCopyStage && s.StageCode != HandlingClock.RespondentAnswerStage);

    /// <summary>Closed and rejected cases are read-only (only notes may be added).</summary>
    private static string? Finished(DisputeCase c) => c.Status switch
    {
        CaseStatus.Closed => "案件已办结，不能再修改（办结、不予受理的案件只读，只能补充办理记录）。",
        CaseStatus.Rejected => "案件已不予受理，不能再修改（办结、不予受理的案件只读，只能补充办理记录）。",
        _ => null,
    };

    /// <summary>受理 / 不予受理 end the acceptance review: only a pending application has one (the case service refuses the same).</summary>
    public static string? AcceptanceWhyNot(DisputeCase c) => c.Status == CaseStatus.Pending
        ? null
        : $"案件当前状态为“{Labels.Status(c.Status)}”，只有待受理的案件可以受理或不予受理。";

    private static string? Accepted(DisputeCase c, string action) =>
        Finished(c) ?? (c.Status == CaseStatus.InProgress ? null : $"案件尚未受理，不能{action}：须先经受理审查并受理。");

    /// <summary>行政复议法 第三十一条: one correction notice listing everything, during the acceptance review only.</summary>
    private static string? Correction(DisputeCase c, CaseProfileFacts p)
    {
        if (Finished(c) is { } finished)
        {
            return finished;
        }
        if (p.CorrectionArticle is null)
        {
            return "本案件类型的规程没有补正程序。";
        }
        if (c.Status != CaseStatus.Pending)
        {
            return $"只有受理审查中的申请可以通知补正（{p.CorrectionArticle}）。";
        }
        if (p.CorrectionNoticesSent >= p.MaxCorrectionNotices)
        {
            // 行政复议法 第三十一条：补正通知应当一次性载明需要补正的事项。
            return $"补正通知只能发出 {p.MaxCorrectionNotices} 次，已发出过补正通知，不得再次要求补正（{p.MaxCorrectionArticle ?? p.CorrectionArticle}：一次性载明需要补正的事项）。";
        }
        return HasOpen(c, StatutoryProfiles.Acceptance) ? null : "受理审查环节已结束，不能再通知补正。";
    }

    /// <summary>延期 (e.g. 行政复议法 第六十二条: once, with approval): within the open main stage's limits.</summary>
    private static string? Extend(DisputeCase c, CaseProfileFacts p)
    {
        if (Finished(c) is { } finished)
        {
            return finished;
        }
        if (c.Status != CaseStatus.InProgress)
        {
            return "只有已受理、办理中的案件可以申请延期。";
        }
        if (c.MainStage(p.Stages) is not ({ } stage, { } def))
        {
            return "没有可以延期的办理环节。";
        }
        var article = EventLabels.Ref(def.Article);
        if (def.MaxExtensions <= 0)
        {
            return $"“{stage.StageName}”环节不得延期（{article}）。";
        }
        var used = stage.Extensions.Count(e => e.Status != ExtensionStatus.Refused);
        return used >= def.MaxExtensions ? $"延期次数已达上限：“{stage.StageName}”最多延期 {def.MaxExtensions} 次（{article}）。" : null;
    }

    /// <summary>行政复议法 第五十三条: an accepted case not yet simplified, before its main stage was extended.</summary>
    private static string? Simplify(DisputeCase c, CaseProfileFacts p)
    {
        if (Finished(c) is { } finished)
        {
            return finished;
        }
        if (!p.HasSimplified)
        {
            return "本案件类型没有简易程序。";
        }
        if (c.Status != CaseStatus.InProgress || c.Simplified)
        {
            return "只有已受理、尚未适用简易程序的案件可以转为简易程序。";
        }
        return c.SimplifiableStage() is null ? "审理环节已延期或已结束，不能再转为简易程序。" : null;
    }

    /// <summary>Ends the open main stage for the next one of the profile; the last one ends by closing with a result.</summary>
    private static string? Advance(DisputeCase c, CaseProfileFacts p)
    {
        if (Finished(c) is { } finished)
        {
            return finished;
        }
        if (c.Status != CaseStatus.InProgress)
        {
            return "只有办理中的案件可以推进环节。";
        }
        if (c.MainStage(p.Stages) is not ({ } stage, { } def))
        {
            return "没有进行中的主环节。";
        }
        return p.Stages.Any(s => !s.Optional && s.Order > def.Order) ? null : $"“{stage.StageName}”已是最后环节，请选择结果办结。";
    }

    private static bool HasOpen(DisputeCase c, string code) => c.Stages.Any(s => s.EndedOn == null && s.StageCode == code);
}
