namespace Fazhi.Disputes.Handling;

internal sealed record AssignRequest(Guid? UserId, long? Version = null);

internal sealed record NoteRequest(string? Text, long? Version = null);

internal sealed record SessionRequest(DateTime? At, string? Place, string? Participants, string? Text, long? Version = null);

internal sealed record CorrectionRequest(string? Items, long? Version = null);

internal sealed record SuspendRequest(string? Reason, string? Text, long? Version = null);

internal sealed record ExtensionRequest(int? Days, string? Reason, long? Version = null);

internal sealed record ExtensionDecisionRequest(bool Approve, string? Comment = null, long? Version = null);

internal sealed record TransferRequest(string? CaseType, string? Reason, long? Version = null);

/// <summary>下派 / 上报: the receiving unit's code and the reason.</summary>
internal sealed record DispatchRequest(string? UnitCode, string? Reason, long? Version = null);

/// <summary>A unit a case can be passed to: below the handling unit (下派) or its parent (上报).</summary>
internal sealed record DispatchTarget(string Code, string Name, bool Up);

internal sealed record CloseRequest(string? Result, string? Summary, long? Version = null);

/// <summary>调解协议 (人民调解法 第二十九条): signing date, the main facts and issues, the agreed content, manner and time limits of performance.</summary>
internal sealed record AgreementRequest(DateOnly? SignedOn, string? Content, long? Version = null, string? Facts = null, string? Performance = null);

internal sealed record SimpleRequest(string? Text = null, long? Version = null);

internal sealed record AssigneeSuggestion(Guid UserId, string Name, int OpenCases);

internal sealed record CaseEventView(Guid Id, string Kind, string KindName, DateOnly OnDate, DateTimeOffset CreatedAt, string Actor, string Text, string? Place, DateTime? SessionAt, string? Participants);

internal sealed record ExtensionView(Guid Id, string Stage, int Days, string Reason, string Status, DateOnly RequestedOn, DateOnly? DecidedOn);

internal sealed record OptionView(string Code, string Name, string? Article);

/// <summary>The handling side of a case: assignee, clock, history, pending extensions, the profile's choices and which actions are open now (and why not the others).</summary>
internal sealed record HandlingView(
    Guid CaseId, long Version, string Status, DateOnly? DueOn, bool Overdue, bool Suspended, bool Simplified, Guid? AssigneeUserId, string? AssigneeName,
    string? ResultName, DateOnly? ClosedOn, string? IntakeFlag, int CorrectionNotices, int MaxCorrectionNotices,
    IReadOnlyList<CaseEventView> Events, IReadOnlyList<ExtensionView> Extensions,
    IReadOnlyList<OptionView> Results, IReadOnlyList<OptionView> SuspensionReasons, IReadOnlyList<OptionView> TransferTargets,
    IReadOnlyList<string> OpenStages, IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<Domain.ActionState> Actions)
{
    /// <summary>The case's answer for one action (see <see cref="Domain.CaseActions"/>).</summary>
    public Domain.ActionState State(Domain.CaseAction action) => Actions.First(a => a.Action == action);

    public bool IsOpen(Domain.CaseAction action) => State(action).Open;
}

/// <summary>A case's file; <paramref name="FromApplicant"/> for the files sent with the online application (ADR 0056).</summary>
internal sealed record AttachmentView(Guid Id, string FileName, long Size, string Url, DateTimeOffset UploadedAt, bool FromApplicant = false);

internal static class EventLabels
{
    public static string Name(CaseEventKind k) => k switch
    {
        CaseEventKind.Note => "办理记录",
        CaseEventKind.Assignment => "指派承办人",
        CaseEventKind.Session => "调解/听证",
        CaseEventKind.Attachment => "上传材料",
        CaseEventKind.CorrectionNotice => "补正通知",
        CaseEventKind.CorrectionReceived => "收到补正材料",
        CaseEventKind.Withdrawn => "视为撤回",
        CaseEventKind.Suspended => "中止",
        CaseEventKind.Resumed => "恢复",
        CaseEventKind.ExtensionRequested => "申请延期",
        CaseEventKind.ExtensionApproved => "批准延期",
        CaseEventKind.ExtensionRefused => "不批准延期",
        CaseEventKind.Transferred => "转换案件类型",
        CaseEventKind.Closed => "办结",
        CaseEventKind.DeemedAccepted => "视为受理",
        CaseEventKind.RespondentServed => "送达被申请人",
        CaseEventKind.AnswerReceived => "收到答复",
        CaseEventKind.Agreement => "调解协议签署",
        CaseEventKind.Simplified => "适用简易程序",
        CaseEventKind.StageCompleted => "环节完成",
        CaseEventKind.Document => "制作文书",
        CaseEventKind.Accepted => "受理",
        CaseEventKind.Rejected => "不予受理",
        CaseEventKind.Routed => "分流",
        CaseEventKind.Dispatched => "下派",
        CaseEventKind.Escalated => "上报",
        CaseEventKind.Received => "接收",
        CaseEventKind.PartyMessage => "短信告知当事人",
        _ => k.ToString(),
    };

    /// <summary>"行政复议法 第六十二条" from an article text "行政复议法 第六十二条：……".</summary>
    public static string Ref(string? article)
    {
        if (string.IsNullOrWhiteSpace(article))
        {
            return "";
        }
        var i = article.IndexOf('：', StringComparison.Ordinal);
        return i > 0 ? article[..i] : article;
    }
}
