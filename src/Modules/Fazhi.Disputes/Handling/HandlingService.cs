using System.Globalization;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Notifications;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Handling;

/// <summary>
/// Handling a case along the stage machine of its pinned profile: assignment, notes, sessions, attachments, correction,
/// suspension, extension, transfer, closing, and the lapses the law attaches consequences to (视为受理, 视为放弃).
/// Every action is one transaction with its history entry; a refusal changes nothing and names the rule and article.
/// </summary>
internal sealed class HandlingService(DisputesDb db, IUserDirectory users, ICurrentUser current, HandlingClock clock, INotifier notifier, IAttachmentStore attachments, FollowUp.FollowUpService followUps,
    IOrgDirectory orgs, ISystemWork systemWork, HandOvers handOvers)
{
    public const string AttachmentOwner = "disputes.case";

    private DateOnly Today => clock.Today;

    public async Task<HandlingView?> GetAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Stages).ThenInclude(s => s.Extensions).Include(x => x.Stages).ThenInclude(s => s.Pauses)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }
        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var options = await db.Set<ProfileOption>().AsNoTracking().Where(o => o.ProfileId == c.ProfileId).OrderBy(o => o.Order).ToListAsync(ct);
        var rules = await clock.RulesAsync(c.ProfileId, ct);
        // The case's files belong to the case wherever it has been routed or passed: whoever sees the case sees them, the
        // applicant's (ADR 0056) and the handling materials staff uploaded alike (ADR 0064); the case is in scope here.
        var files = await attachments.ListOfOwnerAsync(AttachmentOwner, id.ToString(), ct);
        var applicantFiles = await attachments.ListOfOwnerAsync(Intake.ApplicantFiles.Owner, id.ToString(), ct);
        var names = StatutoryProfiles.All.ToDictionary(p => p.Code, p => p.Name);
        var stages = await db.ProfileStages.AsNoTracking().Where(s => s.ProfileId == c.ProfileId).OrderBy(s => s.Order).ToListAsync(ct);
        var facts = Facts(stages, rules, options, events.Count(e => e.Kind == CaseEventKind.CorrectionNotice),
            AwaitingReceipt(events.Where(e => e.Kind is CaseEventKind.Dispatched or CaseEventKind.Escalated or CaseEventKind.Received).Select(e => e.Kind).LastOrDefault()));
        OptionView Opt(ProfileOption o) => new(o.Code, o.Name, o.Article);
        return new HandlingView(c.Id, c.Version, c.Status.ToString(), c.DueOn, c.DueOn < Today, c.Suspended, c.Simplified, c.AssigneeUserId, c.AssigneeName,
            c.ResultName, c.ClosedOn, c.IntakeFlag,
            events.Count(e => e.Kind == CaseEventKind.CorrectionNotice), rules.TryGetValue(RuleKeys.CorrectionMaxNotices, out var max) ? max.Value : 0,
            events.Select(e => new CaseEventView(e.Id, e.Kind.ToString(), EventLabels.Name(e.Kind), e.OnDate, e.CreatedAt, e.ActorName, e.Text, e.Place,
                e.SessionAt is { } at ? DateTime.SpecifyKind(at.AddHours(8), DateTimeKind.Unspecified) : null, e.Participants)).ToList(),
            c.Stages.SelectMany(s => s.Extensions.Select(x => new ExtensionView(x.Id, s.StageName, x.Days, x.Reason, x.Status.ToString(), x.RequestedOn, x.DecidedOn)))
                .OrderBy(x => x.RequestedOn).ToList(),
            options.Where(o => o.Kind == ProfileOptionKind.Result).Select(Opt).ToList(),
            options.Where(o => o.Kind == ProfileOptionKind.Suspension).Select(Opt).ToList(),
            options.Where(o => o.Kind == ProfileOptionKind.Transfer && names.ContainsKey(o.Code)).Select(o => new OptionView(o.Code, names[o.Code], o.Article)).ToList(),
            c.Stages.Where(s => s.EndedOn == null).Select(s => s.StageCode).ToList(),
            applicantFiles.Select(f => new AttachmentView(f.Id, f.FileName, f.Size, $"/api/disputes/cases/{id}/attachments/{f.Id}", f.UploadedAt, FromApplicant: true))
                .Concat(files.Select(f => new AttachmentView(f.Id, f.FileName, f.Size, $"/api/disputes/cases/{id}/attachments/{f.Id}", f.UploadedAt))).ToList(),
            c.Actions(facts));
    }

    /// <summary>What the case's pinned profile and history add to the case when <see cref="CaseActions"/> decides which actions are open.</summary>
    private async Task<CaseProfileFacts> FactsAsync(DisputeCase c, CancellationToken ct)
    {
        var stages = await db.ProfileStages.AsNoTracking().Where(s => s.ProfileId == c.ProfileId).OrderBy(s => s.Order).ToListAsync(ct);
        var rules = await clock.RulesAsync(c.ProfileId, ct);
        var options = await db.Set<ProfileOption>().AsNoTracking().Where(o => o.ProfileId == c.ProfileId).ToListAsync(ct);
        var sent = await db.Set<CaseEvent>().CountAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.CorrectionNotice, ct);
        var lastMove = await db.Set<CaseEvent>().Where(e => e.CaseId == c.Id
                && (e.Kind == CaseEventKind.Dispatched || e.Kind == CaseEventKind.Escalated || e.Kind == CaseEventKind.Received))
            .OrderByDescending(e => e.Id).Select(e => e.Kind).FirstOrDefaultAsync(ct);
        return Facts(stages, rules, options, sent, AwaitingReceipt(lastMove));
    }

    /// <summary>The last 下派/上报/接收 entry (ids are time-ordered) leaves the case awaiting receipt unless it is the receipt.</summary>
    private static bool AwaitingReceipt(CaseEventKind lastMove) => lastMove is CaseEventKind.Dispatched or CaseEventKind.Escalated;

    private static CaseProfileFacts Facts(IReadOnlyList<ProfileStage> stages, IReadOnlyDictionary<string, ProfileRule> rules, IReadOnlyList<ProfileOption> options, int correctionNotices,
        bool awaitingReceipt)
    {
        var types = StatutoryProfiles.All.Select(p => p.Code).ToHashSet();
        var reply = rules.GetValueOrDefault(RuleKeys.CorrectionReply);
        var max = rules.GetValueOrDefault(RuleKeys.CorrectionMaxNotices);
        return new CaseProfileFacts
        {
            Stages = stages,
            CorrectionArticle = reply is null ? null : EventLabels.Ref(reply.Article),
            MaxCorrectionNotices = max?.Value ?? 1,
            MaxCorrectionArticle = max is null ? null : EventLabels.Ref(max.Article),
            CorrectionNoticesSent = correctionNotices,
            HasSuspensionReasons = options.Any(o => o.Kind == ProfileOptionKind.Suspension),
            HasTransferTargets = options.Any(o => o.Kind == ProfileOptionKind.Transfer && types.Contains(o.Code)),
            HasAgreement = options.Any(o => o.Kind == ProfileOptionKind.Result && o.Code == "success"),
            HasSimplified = rules.ContainsKey(RuleKeys.SimplifiedDecision) && rules.ContainsKey(RuleKeys.SimplifiedAmount),
            AwaitingReceipt = awaitingReceipt,
        };
    }

    /// <summary>Workload-aware suggestion: holders of the handle permission at the case's unit, fewest open cases first.</summary>
    public async Task<IReadOnlyList<AssigneeSuggestion>?> SuggestAssigneesAsync(Guid id, CancellationToken ct)
    {
        var unit = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => (Guid?)c.OrgUnitId).FirstOrDefaultAsync(ct);
        if (unit is null)
        {
            return null;
        }
        var handlers = await notifier.UsersWithPermissionAtAsync(unit.Value, DisputesPermissions.CasesHandle, ct);
        if (handlers.Count == 0)
        {
            return [];
        }
        var names = await users.FindManyAsync(handlers, ct);
        var load = await db.Cases.AsNoTracking()
            .Where(c => c.AssigneeUserId != null && handlers.Contains(c.AssigneeUserId.Value) && (c.Status == CaseStatus.Pending || c.Status == CaseStatus.InProgress))
            .GroupBy(c => c.AssigneeUserId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return names.Select(u => new AssigneeSuggestion(u.Id, u.Name, load.GetValueOrDefault(u.Id)))
            .OrderBy(s => s.OpenCases).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    public Task<bool> AssignAsync(Guid id, AssignRequest r, CancellationToken ct) => RunAsync(id, r.Version, async (c, f) =>
    {
        if (r.UserId is not { } userId)
        {
            throw Refuse.Field("userId", "请选择承办人。");
        }
        var suggestions = await SuggestAssigneesAsync(id, ct) ?? [];
        var chosen = suggestions.FirstOrDefault(s => s.UserId == userId)
            ?? throw Refuse.Field("userId", "承办人须为本案办理单位中具有“受理与办理纠纷案件”权限的人员。");
        c.AssigneeUserId = chosen.UserId;
        c.AssigneeName = chosen.Name;
        Event(c, CaseEventKind.Assignment, $"指派承办人：{chosen.Name}（当前在办 {chosen.OpenCases} 件）");
        if (chosen.UserId != current.UserId)
        {
            After(() => handOvers.ToUserAsync(c.Id, chosen.UserId, $"assign:{c.Version}", $"指派给您的案件：{c.CaseNumber}",
                $"{current.UserName} 将{Labels.CaseTypeName(c.CaseTypeCode)}案件 {c.CaseNumber} 指派给您承办，当前期限 {Labels.Date(c.DueOn)}。", ct));
        }
    }, ct, CaseAction.Assign);

    public Task<bool> AddNoteAsync(Guid id, NoteRequest r, CancellationToken ct) => RunAsync(id, r.Version, (c, f) =>
    {
        Event(c, CaseEventKind.Note, Required(r.Text, "text", "请填写办理记录内容。", 4000));
        return Task.CompletedTask;
    }, ct, CaseAction.Note);

    public Task<bool> AddSessionAsync(Guid id, SessionRequest r, CancellationToken ct) => RunAsync(id, r.Version, (c, f) =>
    {
        if (r.At is not { } at)
        {
            throw Refuse.Field("at", "请填写调解/听证的日期和时间。");
        }
        var day = DateOnly.FromDateTime(at);
        if (day < c.ReceivedOn || day > Today.AddYears(1))
        {
            throw Refuse.Field("at", $"日期不可能：调解/听证日期须在收到申请之日（{Labels.Date(c.ReceivedOn)}）之后、一年以内。");
        }
        var place = Required(r.Place, "place", "请填写地点。", 200);
        var participants = Required(r.Participants, "participants", "请填写参加人员。", 1000);
        var e = Event(c, CaseEventKind.Session, string.IsNullOrWhiteSpace(r.Text) ? "调解/听证安排" : r.Text.Trim());
        e.Place = place;
        e.Participants = participants;
        // Entered in Beijing time (UTC+8, no daylight saving), stored as UTC.
        e.SessionAt = DateTime.SpecifyKind(at.AddHours(-8), DateTimeKind.Utc);
        return Task.CompletedTask;
    }, ct, CaseAction.Session);

    /// <summary>
    /// One of the files of a case the caller can see (the case's data scope decides, wherever the case was routed or
    /// passed: ADR 0056, ADR 0064), the applicant's or a handling material, audited as a download; null when the case is out
    /// of sight or the file is not one of its own.
    /// </summary>
    public async Task<(AttachmentDto Meta, Stream Content)?> OpenFileAsync(Guid id, Guid attachmentId, CancellationToken ct) =>
        await db.Cases.AnyAsync(x => x.Id == id, ct)
            ? await attachments.OpenOfOwnerAsync(attachmentId, Intake.ApplicantFiles.Owner, id.ToString(), ct)
              ?? await attachments.OpenOfOwnerAsync(attachmentId, AttachmentOwner, id.ToString(), ct)
            : null;

    public async Task<(bool Found, string? Refusal)> AddAttachmentAsync(Guid id, Stream content, string fileName, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return (false, null);
        }
        var saved = await attachments.SaveAsync(content, fileName, c.OrgUnitId, AttachmentOwner, id.ToString(), ct);
        if (!saved.Ok)
        {
            return (true, saved.Refusal);
        }
        Event(c, CaseEventKind.Attachment, $"上传材料：{saved.Saved!.FileName}");
        await db.SaveChangesAsync(ct);
        return (true, null);
    }

    /// <summary>行政复议法 第三十一条: one correction notice listing everything; the review clock stops until the materials arrive.</summary>
    public Task<bool> CorrectionNoticeAsync(Guid id, CorrectionRequest r, CancellationToken ct) => RunAsync(id, r.Version, async (c, f) =>
    {
        // The case said whether a notice may go out (第三十一条: one notice, during the acceptance review).
        var rules = await clock.RulesAsync(c.ProfileId, ct);
        var reply = rules[RuleKeys.CorrectionReply];
        var items = Required(r.Items, "items", "请一次性列明需要补正的全部事项。", 2000);
        var review = OpenStage(c, StatutoryProfiles.Acceptance)!;
        Pause(c, review, "补正");
        db.Stages.Add(HandlingClock.StageFromRule(c, HandlingClock.CorrectionStage, "补正", reply, Today));
        Event(c, CaseEventKind.CorrectionNotice, "补正事项：" + items);
    }, ct, CaseAction.CorrectionNotice);

    public Task<bool> CorrectionReceivedAsync(Guid id, SimpleRequest r, CancellationToken ct) => RunAsync(id, r.Version, (c, f) =>
    {
        var stage = OpenStage(c, HandlingClock.CorrectionStage)!;
        stage.EndedOn = Today;
        stage.Outcome = "已补正";
        foreach (var s in c.Stages)
        {
            foreach (var p in s.Pauses.Where(p => p.ResumedOn == null && p.Reason == "补正").ToList())
            {
                Resume(s, p);
            }
        }
        Event(c, CaseEventKind.CorrectionReceived, string.IsNullOrWhiteSpace(r.Text) ? "收到补正材料，受理审查继续计时。" : r.Text.Trim());
        return Task.CompletedTask;
    }, ct, CaseAction.CorrectionReceived);

    /// <summary>中止: the clock of every open stage stops for a reason the profile lists.</summary>
    public Task<bool> SuspendAsync(Guid id, SuspendRequest r, CancellationToken ct) => RunAsync(id, r.Version, async (c, f) =>
    {
        var reason = await db.Set<ProfileOption>().AsNoTracking()
            .FirstOrDefaultAsync(o => o.ProfileId == c.ProfileId && o.Kind == ProfileOptionKind.Suspension && o.Code == r.Reason, ct)
            ?? throw Refuse.Field("reason", "请选择本案件类型规程所列的中止事由。");
        foreach (var s in c.Stages.Where(s => s.EndedOn == null && !s.Pauses.Any(p => p.ResumedOn == null)))
        {
            Pause(c, s, reason.Name);
        }
        c.Suspend();
        Event(c, CaseEventKind.Suspended, $"中止：{reason.Name}（{reason.Article}）" + (string.IsNullOrWhiteSpace(r.Text) ? "" : "。" + r.Text.Trim()));
    }, ct, CaseAction.Suspend);

    public Task<bool> ResumeAsync(Guid id, SimpleRequest r, CancellationToken ct) => RunAsync(id, r.Version, (c, f) =>
    {
        foreach (var s in c.Stages)
        {
            foreach (var p in s.Pauses.Where(p => p.ResumedOn == null && p.Reason != "补正").ToList())
            {
                Resume(s, p);
            }
        }
        c.Resume();
        Event(c, CaseEventKind.Resumed, "中止事由消除，恢复计时。" + (string.IsNullOrWhiteSpace(r.Text) ? "" : r.Text.Trim()));
        return Task.CompletedTask;
    }, ct, CaseAction.Resume);

    /// <summary>延期 (e.g. 行政复议法 第六十二条): within the stage's limits (how many, how long); counted once approved.</summary>
    public Task<bool> RequestExtensionAsync(Guid id, ExtensionRequest r, CancellationToken ct) => RunAsync(id, r.Version, async (c, f) =>
    {
        // The case said the open main stage may still be extended (how many times: e.g. 第六十二条, once).
        var (stage, def) = c.MainStage(f.Stages)!.Value;
        var article = EventLabels.Ref(def.Article);
        if (r.Days is not { } days || days < 1)
        {
            throw Refuse.Field("days", "请填写延长的天数。");
        }
        if (days > def.ExtensionDays)
        {
            throw Refuse.Field("days", $"延长期限超出上限：最多延长 {def.ExtensionDays} {Labels.DayKindName(def.DayKind)}（{article}）。");
        }
        var reason = Required(r.Reason, "reason", "请写明延期理由（如情况复杂的具体情形）。", 1000);
        var rules = await clock.RulesAsync(c.ProfileId, ct);
        var needsApproval = rules.TryGetValue(RuleKeys.ExtensionApproval, out var approval) && approval.Value > 0;
        var ext = new StageExtension
        {
            CaseId = c.Id, StageId = stage.Id, OrgUnitId = c.OrgUnitId, Days = days, Reason = reason, RequestedBy = current.UserId, RequestedOn = Today,
        };
        if (!needsApproval)
        {
            ext.Status = ExtensionStatus.Approved;
            ext.DecidedOn = Today;
            ext.DecidedBy = current.UserId;
            stage.Extensions.Add(ext);
        }
        db.Set<StageExtension>().Add(ext);
        Event(c, CaseEventKind.ExtensionRequested, $"申请延长“{stage.StageName}” {days} {Labels.DayKindName(def.DayKind)}：{reason}" + (needsApproval ? $"（待负责人批准，{EventLabels.Ref(approval!.Article)}）" : ""));
    }, ct, CaseAction.Extend);

    /// <summary>Approval of an extension by a holder of the approve permission (行政复议法 第六十二条: 经负责人批准).</summary>
    public Task<bool> DecideExtensionAsync(Guid id, Guid extensionId, ExtensionDecisionRequest r, CancellationToken ct) => RunAsync(id, r.Version, async (c, f) =>
    {
        if (!current.Has(DisputesPermissions.CasesApprove))
        {
            throw Refuse.Field("approve", "批准延期须由具有“批准延期”权限的负责人作出（行政复议法 第六十二条：经行政复议机构的负责人批准）。");
        }
        var ext = c.Stages.SelectMany(s => s.Extensions).FirstOrDefault(e => e.Id == extensionId)
            ?? throw Refuse.Field("extension", "延期申请不存在。");
        if (ext.Status != ExtensionStatus.Requested)
        {
            throw Refuse.Field("extension", "该延期申请已处理。");
        }
        var stage = c.Stages.First(s => s.Id == ext.StageId);
        if (stage.EndedOn is not null)
        {
            throw Refuse.Field("extension", "该环节已结束，无需延期。");
        }
        var def = await ProfileStageAsync(c, stage.StageCode, ct);
        if (r.Approve && def is not null && stage.Extensions.Count(e => e.Status == ExtensionStatus.Approved) >= def.MaxExtensions)
        {
            throw Refuse.Field("extension", $"延期次数已达上限（{EventLabels.Ref(def.Article)}）。");
        }
        ext.Status = r.Approve ? ExtensionStatus.Approved : ExtensionStatus.Refused;
        ext.DecidedBy = current.UserId;
        ext.DecidedOn = Today;
        Event(c, r.Approve ? CaseEventKind.ExtensionApproved : CaseEventKind.ExtensionRefused,
            (r.Approve ? $"批准延长“{stage.StageName}” {ext.Days} 日" : $"不批准延长“{stage.StageName}”") + (string.IsNullOrWhiteSpace(r.Comment) ? "" : "：" + r.Comment.Trim()));
    }, ct, CaseAction.DecideExtension);

    /// <summary>Transfer to another case type (调解不成转仲裁、法律援助...): same case, one history, the new type's profile from its acceptance.</summary>
    public Task<bool> TransferAsync(Guid id, TransferRequest r, CancellationToken ct) => RunAsync(id, r.Version, async (c, f) =>
    {
        var allowed = await db.Set<ProfileOption>().AsNoTracking()
            .AnyAsync(o => o.ProfileId == c.ProfileId && o.Kind == ProfileOptionKind.Transfer && o.Code == r.CaseType, ct);
        if (!allowed)
        {
            throw Refuse.Field("caseType", $"{Labels.CaseTypeName(c.CaseTypeCode)}案件不能转为所选类型（规程未列此转换）。");
        }
        var reason = Required(r.Reason, "reason", "请写明转换理由（如调解不成）。", 1000);
        var profile = await db.Profiles.AsNoTracking().Include(p => p.Stages)
            .Where(p => p.Code == r.CaseType && p.EffectiveFrom <= Today).OrderByDescending(p => p.ProfileVersion).FirstOrDefaultAsync(ct)
            ?? throw Refuse.Field("caseType", "目标案件类型没有生效的规程。");
        var from = Labels.CaseTypeName(c.CaseTypeCode);
        EndOpenStages(c, $"转为{profile.Name}");
        c.TransferTo(profile.Code, profile.Id, profile.ProfileVersion);
        db.Stages.Add(HandlingClock.StageFrom(profile.Stages.OrderBy(s => s.Order).First(), c, Today));
        Event(c, CaseEventKind.Transferred, $"由{from}转为{profile.Name}：{reason}");
    }, ct, CaseAction.Transfer);

    /// <summary>办结 with a result kind of the profile; a decision needs an accepted case (行政复议法 第三十条 before 第六十二条).</summary>
    public Task<bool> CloseAsync(Guid id, CloseRequest r, CancellationToken ct) => RunAsync(id, r.Version, async (c, f) =>
    {
        var result = await db.Set<ProfileOption>().AsNoTracking()
            .FirstOrDefaultAsync(o => o.ProfileId == c.ProfileId && o.Kind == ProfileOptionKind.Result && o.Code == r.Result, ct)
            ?? throw Refuse.Field("result", "请选择本案件类型规程所列的结果类型。");
        var summary = Required(r.Summary, "summary", "请填写办理结果摘要。", 2000);
        Close(c, result, $"办结：{result.Name}" + (result.Article is null ? "" : $"（{result.Article}）") + "。" + summary);
    }, ct, CaseAction.Close);

    /// <summary>人民调解法 第二十八条至第三十条: the agreement takes effect when signed; 第三十三条: remind of judicial confirmation within 30 days.</summary>
    public Task<bool> AgreementAsync(Guid id, AgreementRequest r, CancellationToken ct) => RunAsync(id, r.Version, async (c, f) =>
    {
        var success = await db.Set<ProfileOption>().AsNoTracking()
            .FirstAsync(o => o.ProfileId == c.ProfileId && o.Kind == ProfileOptionKind.Result && o.Code == "success", ct);
        if (r.SignedOn is not { } signed || signed > Today || signed < c.ReceivedOn)
        {
            throw Refuse.Field("signedOn", $"日期不可能：签署日期须在收到申请之日（{Labels.Date(c.ReceivedOn)}）至今天之间。");
        }
        // 人民调解法 第二十九条: the agreement states the main facts and issues, what was agreed, and how and by when it is performed.
        var facts = Required(r.Facts, "facts", "请填写纠纷的主要事实和争议事项（人民调解法 第二十九条，由调解员归纳，不照抄申请书）。", 2000);
        var content = Required(r.Content, "content", "请填写调解协议的内容（各方约定的义务，人民调解法 第二十九条）。", 2000);
        var performance = Required(r.Performance, "performance", "请填写履行方式和期限（人民调解法 第二十九条）。", 500);
        Close(c, success, Documents.AgreementRecord.Write(signed, facts, content, performance), signed);
        var confirmation = await ProfileStageAsync(c, HandlingClock.ConfirmationStage, ct);
        if (confirmation is not null)
        {
            // 人民调解法 第三十三条：自调解协议生效之日起三十日内共同申请司法确认 — a reminder stage from the signing day.
            db.Stages.Add(HandlingClock.StageFrom(confirmation, c, signed));
        }
    }, ct, CaseAction.Agreement, CaseEventKind.Agreement);

    /// <summary>行政复议法 第四十八条: copy served on the respondent; the 10-working-day answer period starts.</summary>
    public Task<bool> RespondentServedAsync(Guid id, SimpleRequest r, CancellationToken ct) => RunAsync(id, r.Version, async (c, f) =>
    {
        var stage = OpenStage(c, HandlingClock.RespondentCopyStage)!;
        stage.EndedOn = Today;
        stage.Outcome = "已送达";
        var rules = await clock.RulesAsync(c.ProfileId, ct);
        if (rules.TryGetValue(c.Simplified ? RuleKeys.SimplifiedAnswer : RuleKeys.RespondentAnswer, out var answer))
        {
            db.Stages.Add(HandlingClock.StageFromRule(c, HandlingClock.RespondentAnswerStage, "被申请人答复", answer, Today));
        }
        Event(c, CaseEventKind.RespondentServed, "申请书副本已发送被申请人，答复期限开始计算。");
    }, ct, CaseAction.RespondentServed);

    public Task<bool> AnswerReceivedAsync(Guid id, SimpleRequest r, CancellationToken ct) => RunAsync(id, r.Version, (c, f) =>
    {
        var stage = OpenStage(c, HandlingClock.RespondentAnswerStage)!;
        stage.EndedOn = Today;
        stage.Outcome = "已答复";
        Event(c, CaseEventKind.AnswerReceived, string.IsNullOrWhiteSpace(r.Text) ? "收到被申请人书面答复。" : r.Text.Trim());
        return Task.CompletedTask;
    }, ct, CaseAction.AnswerReceived);

    /// <summary>行政复议法 第五十三条: the simplified procedure; the decision is due 30 days from acceptance (第六十二条第二款).</summary>
    public Task<bool> SimplifyAsync(Guid id, SimpleRequest r, CancellationToken ct) => RunAsync(id, r.Version, async (c, f) =>
    {
        var rules = await clock.RulesAsync(c.ProfileId, ct);
        var decision = rules[RuleKeys.SimplifiedDecision];
        var amount = rules[RuleKeys.SimplifiedAmount];
        if ((c.Amount is null || c.Amount > amount.Value) && string.IsNullOrWhiteSpace(r.Text))
        {
            throw Refuse.Field("text", $"涉及款额超过 {amount.Value} 元，须写明适用简易程序的其他法定情形（{EventLabels.Ref(amount.Article)}）。");
        }
        var main = c.SimplifiableStage()!;
        main.Days = decision.Value;
        main.DayKind = decision.DayKind ?? DayKind.Calendar;
        main.Article = decision.Article;
        if (OpenStage(c, HandlingClock.RespondentCopyStage) is { } copy && rules.TryGetValue(RuleKeys.SimplifiedCopy, out var sc))
        {
            copy.Days = sc.Value;
            copy.Article = sc.Article;
        }
        c.Simplify();
        Event(c, CaseEventKind.Simplified, $"适用简易程序（{EventLabels.Ref(amount.Article)}）" + (string.IsNullOrWhiteSpace(r.Text) ? "" : "：" + r.Text.Trim()));
    }, ct, CaseAction.Simplify);

    /// <summary>Ends the open main stage and starts the next one of the profile (e.g. 法律援助 审查决定 -> 指派承办).</summary>
    public Task<bool> CompleteStageAsync(Guid id, SimpleRequest r, CancellationToken ct) => RunAsync(id, r.Version, (c, f) =>
    {
        // The case said there is an open main stage and a next one after it.
        var open = c.MainStage(f.Stages)!.Value;
        var next = f.Stages.First(s => !s.Optional && s.Order > open.Def.Order);
        open.Stage.EndedOn = Today;
        open.Stage.Outcome = string.IsNullOrWhiteSpace(r.Text) ? "完成" : r.Text.Trim();
        db.Stages.Add(HandlingClock.StageFrom(next, c, Today));
        Event(c, CaseEventKind.StageCompleted, $"“{open.Stage.StageName}”完成，进入“{next.Name}”。" + (string.IsNullOrWhiteSpace(r.Text) ? "" : r.Text.Trim()));
        return Task.CompletedTask;
    }, ct, CaseAction.Advance);

    /// <summary>
    /// The consequences the law attaches to a lapse, recorded when first noticed (by the daily job or when the case is read):
    /// 行政复议法 第三十条 deemed accepted; 第三十一条 correction not supplied: treated as withdrawn; 人民调解法 第三十三条 reminder over.
    /// </summary>
    public async Task<int> EvaluateLapsesAsync(Guid? caseId, CancellationToken ct)
    {
        var today = Today;
        var query = db.Cases.Where(c => c.DueOn < today && (c.Status == CaseStatus.Pending || c.Status == CaseStatus.Closed));
        if (caseId is { } one)
        {
            query = query.Where(c => c.Id == one);
        }
        var ids = await query.OrderBy(c => c.DueOn).Select(c => c.Id).Take(500).ToListAsync(ct);
        var calculator = await clock.CalculatorAsync(ct);
        var changed = 0;
        foreach (var id in ids)
        {
            var c = await LoadAsync(id, ct);
            if (c is null)
            {
                continue;
            }
            var rules = await clock.RulesAsync(c.ProfileId, ct);
            var lapsed = false;
            if (OpenStage(c, HandlingClock.CorrectionStage) is { } correction && calculator.Compute(correction.ToSpec(), today) is { IsOverdue: true, DueDate: { } cd })
            {
                // 行政复议法 第三十一条：无正当理由逾期不补正的，视为申请人放弃行政复议申请。
                EndOpenStages(c, "逾期未补正", cd);
                c.Close(cd, "withdrawn", "视为放弃申请");
                SystemEvent(c, CaseEventKind.Withdrawn, $"申请人逾期未提交补正材料（期限届满日 {Labels.Date(cd)}），视为放弃申请（{EventLabels.Ref(correction.Article)}）。", cd);
                lapsed = true;
            }
            else if (c.Status == CaseStatus.Pending && rules.TryGetValue(RuleKeys.DeemedAcceptance, out var deemed) && deemed.Value > 0
                && OpenStage(c, StatutoryProfiles.Acceptance) is { } review && calculator.Compute(review.ToSpec(), today) is { IsOverdue: true, DueDate: { } rd })
            {
                // 行政复议法 第三十条第三款：审查期限届满之日起视为受理。
                review.EndedOn = rd;
                review.Outcome = "视为受理";
                c.Accept();
                var stages = await db.ProfileStages.AsNoTracking().Where(s => s.ProfileId == c.ProfileId).OrderBy(s => s.Order).ToListAsync(ct);
                var order = stages.FirstOrDefault(s => s.Code == review.StageCode)?.Order ?? 0;
                if (stages.FirstOrDefault(s => !s.Optional && s.Order > order) is { } next)
                {
                    db.Stages.Add(HandlingClock.StageFrom(next, c, rd));
                }
                SystemEvent(c, CaseEventKind.DeemedAccepted, $"受理审查期限于{Labels.Date(rd)}届满，未作出不予受理决定，自该日起视为受理（{EventLabels.Ref(deemed.Article)}）。", rd);
                await clock.AfterChangeAsync(c, accepted: true, ct);
                lapsed = true;
            }
            else if (OpenStage(c, HandlingClock.ConfirmationStage) is { } confirm && calculator.Compute(confirm.ToSpec(), today) is { IsOverdue: true, DueDate: { } fd })
            {
                confirm.EndedOn = fd;
                confirm.Outcome = "司法确认申请期限届满";
                lapsed = true;
            }
            if (lapsed)
            {
                clock.Refresh(c, calculator, today);
                await db.SaveChangesAsync(ct);
                changed++;
            }
        }
        return changed;
    }

    private void Close(DisputeCase c, ProfileOption result, string text, DateOnly? on = null)
    {
        EndOpenStages(c, "办结：" + result.Name);
        c.Close(on ?? Today, result.Code, result.Name);
        Event(c, CaseEventKind.Closed, text);
    }

    /// <summary>Stops a stage's clock from today; the day a period starts on is never counted, so a stop begins the day after it at the earliest.</summary>
    private void Pause(DisputeCase c, CaseStage stage, string reason)
    {
        var from = Today > stage.StartedOn ? Today : stage.StartedOn.AddDays(1);
        var pause = new StagePause { CaseId = c.Id, StageId = stage.Id, OrgUnitId = c.OrgUnitId, PausedFrom = from, Reason = reason };
        stage.Pauses.Add(pause);
        db.Set<StagePause>().Add(pause);
    }

    /// <summary>Restarts the clock today; a stop that had not begun yet (paused and resumed the same day) is dropped.</summary>
    private void Resume(CaseStage stage, StagePause pause)
    {
        if (Today < pause.PausedFrom)
        {
            stage.Pauses.Remove(pause);
            db.Set<StagePause>().Remove(pause);
            return;
        }
        pause.ResumedOn = Today;
    }

    private void EndOpenStages(DisputeCase c, string outcome, DateOnly? on = null) => HandlingClock.EndOpenStages(c, outcome, on ?? Today);

    private Task<ProfileStage?> ProfileStageAsync(DisputeCase c, string code, CancellationToken ct) =>
        db.ProfileStages.AsNoTracking().FirstOrDefaultAsync(s => s.ProfileId == c.ProfileId && s.Code == code, ct);

    private static CaseStage? OpenStage(DisputeCase c, string code) => c.Stages.FirstOrDefault(s => s.EndedOn == null && s.StageCode == code);

    private Task<DisputeCase?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Cases.Include(x => x.Stages).ThenInclude(s => s.Pauses).Include(x => x.Stages).ThenInclude(s => s.Extensions)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);

    /// <summary>
    /// Loads, checks the version, asks the case whether <paramref name="caseAction"/> is open now (refused as a conflict with
    /// the case's reason when not: 409), runs the action, refreshes the clock and saves, all in one transaction.
    /// </summary>
    private async Task<bool> RunAsync(Guid id, long? version, Func<DisputeCase, CaseProfileFacts, Task> action, CancellationToken ct,
        CaseAction caseAction, CaseEventKind? eventKind = null)
    {
        var c = await LoadAsync(id, ct);
        if (c is null)
        {
            return false;
        }
        if (version is { } v && v != c.Version)
        {
            throw new DbUpdateConcurrencyException("该案件已被他人修改，请刷新后再操作。");
        }
        var facts = await FactsAsync(c, ct);
        if (c.State(caseAction, facts) is { Open: false, WhyNot: var why })
        {
            throw Refuse.Conflict(why ?? "");
        }
        _eventKindOverride = eventKind;
        var wasClosed = c.Status == CaseStatus.Closed;
        await action(c, facts);
        await clock.AfterChangeAsync(c, accepted: false, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (!wasClosed && c.Status == CaseStatus.Closed)
        {
            // 回访: every closed case gets its follow-up task in the closing transaction.
            await followUps.CaseClosedAsync(c.Id, c.ResultName, c.ClosedOn, ct);
        }
        await tx.CommitAsync(ct);
        if (!wasClosed && c.Status == CaseStatus.Closed)
        {
            await followUps.AfterClosedAsync(c.Id, ct);
        }
        await RunAfterCommitAsync();
        return true;
    }

    private CaseEventKind? _eventKindOverride;

    /// <summary>Hand-over messages of the action being run, sent once its transaction committed.</summary>
    private readonly List<Func<Task>> _afterCommit = [];

    private void After(Func<Task> send) => _afterCommit.Add(send);

    private async Task RunAfterCommitAsync()
    {
        var sends = _afterCommit.ToList();
        _afterCommit.Clear();
        foreach (var send in sends)
        {
            await send();
        }
    }

    /// <summary>Where the case can be passed: the active units below its handling unit (下派) and the unit above it (上报).</summary>
    public async Task<IReadOnlyList<DispatchTarget>> DispatchTargetsAsync(Guid id, CancellationToken ct)
    {
        var unitId = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => (Guid?)c.OrgUnitId).FirstOrDefaultAsync(ct);
        if (unitId is not { } unit || await orgs.FindAsync(unit, ct) is not { } here)
        {
            return [];
        }
        var targets = new List<DispatchTarget>();
        if (here.ParentId is { } parentId && await orgs.FindAsync(parentId, ct) is { IsActive: true } parent)
        {
            targets.Add(new DispatchTarget(parent.Code, parent.Name, Up: true));
        }
        var below = await orgs.FindManyAsync((await orgs.ActiveSubtreeIdsAsync(unit, ct)).Where(u => u != unit), ct);
        targets.AddRange(below.Values.Where(u => current.Scope.Allows(u.Id)).OrderBy(u => u.Path, StringComparer.Ordinal)
            .Select(u => new DispatchTarget(u.Code, u.Name, Up: false)));
        return targets;
    }

    /// <summary>
    /// 下派 / 上报 (issue 13): an accepted case passes to a unit below its handling unit, or back to the unit above, with the
    /// reason. It keeps its number, stages, clock and history, and the receiving unit receives it (接收) before handling it.
    /// The move itself is system work: passing a case up leaves the sender's own scope, as 上报 must.
    /// </summary>
    public async Task<bool> DispatchAsync(Guid id, DispatchRequest r, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c is null)
        {
            return false;
        }
        if (r.Version is { } v && v != c.Version)
        {
            throw new DbUpdateConcurrencyException("该案件已被他人修改，请刷新后再操作。");
        }
        if (c.State(CaseAction.Dispatch, await FactsAsync(c, ct)) is { Open: false, WhyNot: var why })
        {
            throw Refuse.Conflict(why ?? "");
        }
        var reason = Required(r.Reason, "reason", "请写明下派或上报的理由。", 500);
        if (reason.Length < 4)
        {
            throw Refuse.Field("reason", "下派或上报的理由至少 4 个字，理由记入办理记录并告知接收单位。");
        }
        var targets = await DispatchTargetsAsync(id, ct);
        var target = string.IsNullOrWhiteSpace(r.UnitCode) ? null : targets.FirstOrDefault(t => t.Code == r.UnitCode.Trim())
            ?? throw Refuse.Field("unit", "接收单位须为本案办理单位的下级单位（下派）或上级单位（上报），且在您的数据范围内。");
        if (target is null)
        {
            throw Refuse.Field("unit", "请选择接收单位。");
        }
        var to = (await orgs.FindByCodeAsync(target.Code, ct))!;
        if ((await notifier.UsersWithPermissionAtAsync(to.Id, DisputesPermissions.CasesHandle, ct)).Count == 0)
        {
            throw Refuse.Field("unit", $"{to.Name}没有可以办理纠纷案件的人员（“受理与办理纠纷案件”权限），不能{(target.Up ? "上报" : "下派")}。");
        }
        var from = await orgs.FindAsync(c.OrgUnitId, ct);
        var verb = target.Up ? "上报" : "下派";
        await using (var system = systemWork.Db<DisputesDb>($"纠纷案件{verb}"))
        {
            var moving = await system.Cases.Include(x => x.Stages).Include(x => x.Parties).FirstAsync(x => x.Id == id, ct);
            await CaseMove.ToUnitAsync(system, moving, to.Id, ct);
            moving.AssigneeUserId = null;
            moving.AssigneeName = null;
            system.Set<CaseEvent>().Add(new CaseEvent
            {
                CaseId = id,
                OrgUnitId = to.Id,
                Kind = target.Up ? CaseEventKind.Escalated : CaseEventKind.Dispatched,
                OnDate = Today,
                ActorUserId = current.UserId,
                ActorName = current.UserName ?? "system",
                Text = $"由{from?.Name}{verb}至{to.Name}：{reason}",
            });
            system.Entry(moving).Property(x => x.Version).IsModified = true;
            await system.SaveChangesAsync(ct);
        }
        await CaseMove.FilesToUnitAsync(attachments, id, to.Id, $"纠纷案件{verb}", ct);
        await handOvers.ToUnitAsync(id, to.Id, $"dispatch:{c.Version}", $"{verb}给本单位的案件：{c.CaseNumber}",
            $"{from?.Name}将{Labels.CaseTypeName(c.CaseTypeCode)}案件 {c.CaseNumber} {verb}至本单位（理由：{reason}），请接收并办理；当前期限 {Labels.Date(c.DueOn)}，期限连续计算。", ct);
        return true;
    }

    /// <summary>接收: a handler of the receiving unit takes the dispatched case; the sender is told.</summary>
    public Task<bool> ReceiveAsync(Guid id, SimpleRequest r, CancellationToken ct) => RunAsync(id, r.Version, async (c, f) =>
    {
        var handlers = await notifier.UsersWithPermissionAtAsync(c.OrgUnitId, DisputesPermissions.CasesHandle, ct);
        if (current.UserId is not { } me || !handlers.Contains(me))
        {
            throw Refuse.Conflict("接收须由现办理单位中具有“受理与办理纠纷案件”权限的人员操作。");
        }
        var unit = await orgs.FindAsync(c.OrgUnitId, ct);
        Event(c, CaseEventKind.Received, $"{unit?.Name}接收案件" + (string.IsNullOrWhiteSpace(r.Text) ? "" : $"：{r.Text.Trim()}"));
        var sender = await db.Set<CaseEvent>().AsNoTracking()
            .Where(e => e.CaseId == c.Id && (e.Kind == CaseEventKind.Dispatched || e.Kind == CaseEventKind.Escalated))
            .OrderByDescending(e => e.Id).Select(e => e.ActorUserId).FirstOrDefaultAsync(ct);
        if (sender is { } by && by != me)
        {
            After(() => handOvers.ToUserAsync(c.Id, by, $"received:{c.Version}", $"案件已被接收：{c.CaseNumber}",
                $"{unit?.Name}已接收案件 {c.CaseNumber}。", ct));
        }
    }, ct, CaseAction.Receive);

    private CaseEvent Event(DisputeCase c, CaseEventKind kind, string text)
    {
        var e = new CaseEvent
        {
            CaseId = c.Id,
            OrgUnitId = c.OrgUnitId,
            Kind = kind == CaseEventKind.Closed && _eventKindOverride is { } k ? k : kind,
            OnDate = Today,
            ActorUserId = current.UserId,
            ActorName = current.UserName ?? "system",
            Text = text,
        };
        db.Set<CaseEvent>().Add(e);
        // The version of the case moves with every handling action, so a stale form is caught (409).
        db.Entry(c).Property(x => x.Version).IsModified = true;
        return e;
    }

    private void SystemEvent(DisputeCase c, CaseEventKind kind, string text, DateOnly on) =>
        db.Set<CaseEvent>().Add(new CaseEvent { CaseId = c.Id, OrgUnitId = c.OrgUnitId, Kind = kind, OnDate = on, ActorName = "系统（期限届满）", Text = text });

    private static string Required(string? value, string field, string message, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw Refuse.Field(field, message);
        }
        if (text.Length > max)
        {
            throw Refuse.Field(field, string.Format(CultureInfo.InvariantCulture, "内容不能超过 {0} 字。", max));
        }
        return text;
    }
}
