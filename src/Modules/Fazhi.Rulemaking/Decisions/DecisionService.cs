using Fazhi.Platform.Features.Attachments;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Rulemaking.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Decisions;

internal sealed record CatalogueInput(int Year, string? Title);

internal sealed record DecisionInput(Guid CatalogueId, string? Title, string? Summary, Guid? OrgUnitId);

internal sealed record StepInput(DateOnly? StartedOn, DateOnly? EndedOn, string? Note, string? Reason);

internal sealed record NotRequiredInput(string? Reason);

internal sealed record ReturnInput(DecisionStep Step, string? Reason);

internal sealed record MeetingInput(DateOnly? HeldOn, string? Minutes, string? LeaderDecision);

internal sealed record DecisionPublishInput(DateOnly? PublishedOn);

internal sealed record HearingRequiredInput(bool Required, string? Reason);

internal sealed record EvidenceView(Guid Id, DecisionStep Step, string FileName, long Size, string Url);

internal sealed record DecisionDetail(MajorDecision Decision, DecisionCatalogue Catalogue, IReadOnlyList<DecisionStepRecord> Steps, IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<DecisionReturn> Returns);

/// <summary>
/// The procedure of a major administrative decision as a state machine (重大行政决策程序暂行条例), independent of pages: which
/// steps must be finished before the collective decision, what each needs, and which may be marked not required and why.
/// </summary>
internal static class DecisionProcedure
{
    /// <summary>The steps that must be done (with evidence) or lawfully not required before the meeting.</summary>
    public static readonly DecisionStep[] BeforeMeeting = [DecisionStep.PublicParticipation, DecisionStep.ExpertArgumentation, DecisionStep.RiskAssessment, DecisionStep.LegalityReview];

    public static string Name(DecisionStep s) => s switch
    {
        DecisionStep.PublicParticipation => "公众参与",
        DecisionStep.ExpertArgumentation => "专家论证",
        DecisionStep.RiskAssessment => "风险评估",
        DecisionStep.LegalityReview => "合法性审查",
        DecisionStep.CollectiveDecision => "集体讨论决定",
        DecisionStep.Publication => "决策公布",
        _ => "决策后评估",
    };

    public static string Article(DecisionStep s) => s switch
    {
        DecisionStep.PublicParticipation => "重大行政决策程序暂行条例 第十四条",
        DecisionStep.ExpertArgumentation => "重大行政决策程序暂行条例 第十九条",
        DecisionStep.RiskAssessment => "重大行政决策程序暂行条例 第二十二条",
        DecisionStep.LegalityReview => "重大行政决策程序暂行条例 第二十五条",
        DecisionStep.CollectiveDecision => "重大行政决策程序暂行条例 第三十条",
        DecisionStep.Publication => "重大行政决策程序暂行条例 第三十二条",
        _ => "重大行政决策程序暂行条例 第三十六条",
    };

    /// <summary>
    /// The statutory ground on which a step may be left out, or null when it never may: 公众参与 for matters not to be
    /// disclosed by law (第十四条), 专家论证 for matters not specialised or technical (第十九条), 风险评估 for a decision that
    /// cannot harm social stability or public safety (第二十二条). 合法性审查 may never be left out (第二十五条).
    /// </summary>
    public static string? StatutoryGround(DecisionStep s) => s switch
    {
        DecisionStep.PublicParticipation => "依法不予公开的决策事项（第十四条）",
        DecisionStep.ExpertArgumentation => "决策事项专业性、技术性不强，无需专家论证（第十九条）",
        DecisionStep.RiskAssessment => "决策实施不会对社会稳定、公共安全等方面造成不利影响（第二十二条）",
        _ => null,
    };

    /// <summary>The refusal when a decision that requires a hearing has none held (第十八条; ADR 0047).</summary>
    public const string HearingMissing = "该决策事项须举行听证会，听证会尚未举行并登记笔录，“公众参与”不能完成（程序回流）。";

    /// <summary>Where a hearing's requirement and procedure come from.</summary>
    public const string HearingArticle = "重大行政决策程序暂行条例 第十八条";

    /// <summary>The first step that keeps the decision from the meeting, or null when it may be put to it.</summary>
    public static (DecisionStep Step, string Why)? Blocking(IEnumerable<DecisionStepRecord> steps, IReadOnlyCollection<DecisionStep> withEvidence, bool hearingMissing = false)
    {
        if (hearingMissing)
        {
            return (DecisionStep.PublicParticipation, HearingMissing);
        }
        var byStep = steps.ToDictionary(s => s.Step);
        foreach (var step in BeforeMeeting)
        {
            var row = byStep.GetValueOrDefault(step);
            if (row is null || row.State == StepState.Pending)
            {
                return (step, $"“{Name(step)}”尚未完成，不得提交集体讨论（程序回流）。");
            }
            if (row.State == StepState.Done && !withEvidence.Contains(step))
            {
                return (step, $"“{Name(step)}”缺少证明材料，不得提交集体讨论（程序回流）。");
            }
        }
        return null;
    }
}

/// <summary>Major administrative decisions: the catalogue, each decision's steps with evidence, 程序回流, the meeting, publication.</summary>
internal sealed class DecisionService(RulemakingDb db, ICurrentUser user, IDeadlineService clock, IOrgDirectory orgs, IAttachmentStore attachments, ISystemWork systemWork)
{
    /// <summary>Refused (naming the article) while the decision requires a hearing and none has been held with its record.</summary>
    private async Task EnsureHearingHeldAsync(MajorDecision decision, CancellationToken ct)
    {
        if (decision.HearingRequired && !await Hearings.HearingService.HearingHeldAsync(db, decision.Id, ct))
        {
            throw Refuse.Conflict(DecisionProcedure.HearingMissing, DecisionProcedure.HearingArticle);
        }
    }

    /// <summary>
    /// The government office marks a decision as requiring a hearing (重大行政决策程序暂行条例 第十四条: 听证会 is one of the
    /// ways of public participation; 第十八条 its procedure; a law or rule may require it), with the reason; or lifts it
    /// with the reason, before the 公众参与 step is done.
    /// </summary>
    public async Task<MajorDecision> SetHearingRequiredAsync(Guid id, HearingRequiredInput input, CancellationToken ct)
    {
        var (decision, row) = await OpenStepAsync(id, DecisionStep.PublicParticipation, ct);
        if (decision.Status != DecisionStatus.InProgress)
        {
            throw Refuse.Conflict("决策已作出，不能再变更决策前的程序。");
        }
        if (row.State != StepState.Pending)
        {
            throw Refuse.Conflict("“公众参与”已完成，请先程序回流到“公众参与”再变更是否须举行听证会。", DecisionProcedure.Article(DecisionStep.PublicParticipation));
        }
        var checks = new FieldChecks();
        var reason = TextRules.Required(checks, "reason", "理由（须举行听证会的依据或不再举行的理由）", input.Reason, 2000);
        checks.ThrowIfAny("未登记。");
        (decision.HearingRequired, decision.HearingRequiredReason) = (input.Required, reason);
        await db.SaveChangesAsync(ct);
        return decision;
    }

    public const string EvidenceOwner = "rulemaking.decision";

    public DateOnly Today => clock.Today;

    public Task<List<DecisionCatalogue>> CataloguesAsync(CancellationToken ct) => db.Catalogues.AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);

    public Task<List<MajorDecision>> ListAsync(CancellationToken ct) => db.Decisions.AsNoTracking().OrderBy(d => d.Title).ToListAsync(ct);

    public async Task<DecisionCatalogue> CreateCatalogueAsync(CatalogueInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.When(input.Year is < 2000 or > 2100, "year", "年度不正确。");
        var title = TextRules.Required(checks, "title", "目录名称", input.Title, 200);
        checks.ThrowIfAny("目录未建立。");
        var catalogue = new DecisionCatalogue { Year = input.Year, Title = title };
        db.Catalogues.Add(catalogue);
        await db.SaveChangesAsync(ct);
        return catalogue;
    }

    /// <summary>Publishes the catalogue (第三条); its decisions then appear on the public page.</summary>
    public async Task<DecisionCatalogue> PublishCatalogueAsync(Guid id, CancellationToken ct)
    {
        var catalogue = await db.Catalogues.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw Refuse.NotFound("目录不存在。");
        if (catalogue.PublishedOn is not null)
        {
            throw Refuse.Conflict("该目录已公布。");
        }
        catalogue.PublishedOn = Today;
        await db.SaveChangesAsync(ct);
        return catalogue;
    }

    public async Task<MajorDecision> AddAsync(DecisionInput input, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var title = TextRules.Required(checks, "title", "决策事项名称", input.Title, 200);
        var summary = TextRules.Optional(checks, "summary", "决策事项概要", input.Summary, 4000) ?? "";
        var catalogue = await db.Catalogues.AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.CatalogueId, ct);
        checks.When(catalogue is null, "catalogueId", "请选择决策事项目录。");
        var unit = input.OrgUnitId is { } id && id != Guid.Empty ? await orgs.FindAsync(id, ct) : null;
        checks.When(unit is null, "orgUnitId", "请选择承办单位。");
        checks.When(unit is not null && !user.Scope.Allows(unit.Id), "orgUnitId", "承办单位不在您的数据范围内。");
        checks.ThrowIfAny("决策事项未登记。");
        var decision = new MajorDecision { CatalogueId = catalogue!.Id, OrgUnitId = unit!.Id, UnitName = unit.Name, Title = title, Summary = summary };
        db.Decisions.Add(decision);
        foreach (var step in Enum.GetValues<DecisionStep>())
        {
            db.DecisionSteps.Add(new DecisionStepRecord { DecisionId = decision.Id, OrgUnitId = unit.Id, Step = step });
        }
        await db.SaveChangesAsync(ct);
        return decision;
    }

    public async Task<DecisionDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw Refuse.NotFound("决策事项不存在或不在您的数据范围内。");
        var catalogue = await db.Catalogues.AsNoTracking().FirstAsync(c => c.Id == decision.CatalogueId, ct);
        var steps = await db.DecisionSteps.AsNoTracking().Where(s => s.DecisionId == id).ToListAsync(ct);
        var returns = await db.DecisionReturns.AsNoTracking().Where(r => r.DecisionId == id).OrderBy(r => r.ReturnedOn).ToListAsync(ct);
        return new DecisionDetail(decision, catalogue, steps.OrderBy(s => s.Step).ToList(), await EvidenceAsync(id, ct), returns);
    }

    private async Task<List<EvidenceView>> EvidenceAsync(Guid id, CancellationToken ct)
    {
        var list = new List<EvidenceView>();
        foreach (var step in Enum.GetValues<DecisionStep>())
        {
            foreach (var a in await attachments.ListAsync($"{EvidenceOwner}.{step}", id.ToString(), ct))
            {
                list.Add(new EvidenceView(a.Id, step, a.FileName, a.Size, AttachmentLinks.ContentUrl(a.Id)));
            }
        }
        return list;
    }

    public async Task AddEvidenceAsync(Guid id, string? step, Stream content, string fileName, CancellationToken ct)
    {
        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw Refuse.NotFound("决策事项不存在或不在您的数据范围内。");
        if (!Enum.TryParse<DecisionStep>(step, false, out var s) || !Enum.IsDefined(s))
        {
            throw Refuse.Field("step", "请指定证明材料所属的程序步骤。");
        }
        var saved = await attachments.SaveAsync(content, fileName, decision.OrgUnitId, $"{EvidenceOwner}.{s}", id.ToString(), ct);
        if (!saved.Ok)
        {
            throw Refuse.Field("file", saved.Refusal ?? "文件未保存。");
        }
    }

    private async Task<(MajorDecision Decision, DecisionStepRecord Step)> OpenStepAsync(Guid id, DecisionStep step, CancellationToken ct)
    {
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw Refuse.NotFound("决策事项不存在或不在您的数据范围内。");
        var row = await db.DecisionSteps.FirstAsync(s => s.DecisionId == id && s.Step == step, ct);
        return (decision, row);
    }

    /// <summary>
    /// Completes a step before the meeting (or the post-evaluation after publication) with its evidence attached: public
    /// comment of at least 30 days (第十五条) and legality review of at least 7 working days (第二十六条) unless a reason is given.
    /// </summary>
    public async Task<DecisionStepRecord> CompleteAsync(Guid id, DecisionStep step, StepInput input, CancellationToken ct)
    {
        if (step is DecisionStep.CollectiveDecision or DecisionStep.Publication)
        {
            throw Refuse.Field("step", $"“{DecisionProcedure.Name(step)}”由政府办公室登记会议或公布，不在此完成。");
        }
        var (decision, row) = await OpenStepAsync(id, step, ct);
        if (step == DecisionStep.PostEvaluation ? decision.Status != DecisionStatus.Published : decision.Status != DecisionStatus.InProgress)
        {
            throw Refuse.Conflict(step == DecisionStep.PostEvaluation ? "决策公布后才能进行后评估。" : "决策已作出，不能再变更决策前的程序。");
        }
        if (step == DecisionStep.PublicParticipation)
        {
            await EnsureHearingHeldAsync(decision, ct);
        }
        var checks = new FieldChecks();
        checks.When(input.StartedOn is null, "startedOn", "请填写开始日期。");
        checks.When(input.EndedOn is null, "endedOn", "请填写结束日期。");
        DateRules.Check(checks, "startedOn", "开始日期", input.StartedOn, Today);
        DateRules.Check(checks, "endedOn", "结束日期", input.EndedOn, Today);
        checks.When(input.EndedOn < input.StartedOn, "endedOn", "结束日期不能早于开始日期。");
        var note = TextRules.Required(checks, "note", "情况说明", input.Note, 4000);
        var reason = TextRules.Optional(checks, "reason", "理由", input.Reason, 2000) ?? "";
        if (input.StartedOn is { } from && input.EndedOn is { } to && reason.Length == 0)
        {
            // 第十五条: 征求意见期限一般不少于 30 日; 第二十六条: 合法性审查时间一般不少于 7 个工作日 — the days are the settings
            // row's (RulemakingSettings.DecisionCommentDays, DecisionReviewWorkingDays; ADR 0051), edited at /rulemaking/settings.
            var settings = await db.Settings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new Normative.RulemakingSettings();
            if (step == DecisionStep.PublicParticipation && to.DayNumber - from.DayNumber < settings.DecisionCommentDays)
            {
                checks.Add("reason", $"公开征求意见期限一般不少于 {settings.DecisionCommentDays} 日，不足的须写明理由（重大行政决策程序暂行条例第十五条）。");
            }
            if (step == DecisionStep.LegalityReview && to < (await clock.AddWorkingDaysAsync(from, settings.DecisionReviewWorkingDays, ct)).Date)
            {
                checks.Add("reason", $"合法性审查时间一般不少于 {settings.DecisionReviewWorkingDays} 个工作日，不足的须写明理由（重大行政决策程序暂行条例第二十六条）。");
            }
        }
        var withEvidence = await attachments.ListAsync($"{EvidenceOwner}.{step}", id.ToString(), ct);
        checks.When(withEvidence.Count == 0, "evidence", $"请先上传“{DecisionProcedure.Name(step)}”的证明材料。");
        checks.ThrowIfAny("步骤未完成。");
        (row.State, row.StartedOn, row.EndedOn, row.Note, row.Reason, row.CompletedBy) = (StepState.Done, input.StartedOn, input.EndedOn, note, reason, user.UserName ?? "");
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Marks a step not required, only on its statutory ground with an explanation; 合法性审查 never (第二十五条).</summary>
    public async Task<DecisionStepRecord> NotRequiredAsync(Guid id, DecisionStep step, NotRequiredInput input, CancellationToken ct)
    {
        var ground = DecisionProcedure.StatutoryGround(step);
        if (ground is null)
        {
            throw Refuse.Field("step", $"“{DecisionProcedure.Name(step)}”不得省略。", DecisionProcedure.Article(step));
        }
        var (decision, row) = await OpenStepAsync(id, step, ct);
        if (decision.Status != DecisionStatus.InProgress)
        {
            throw Refuse.Conflict("决策已作出，不能再变更决策前的程序。");
        }
        if (step == DecisionStep.PublicParticipation)
        {
            await EnsureHearingHeldAsync(decision, ct);
        }
        var checks = new FieldChecks();
        var reason = TextRules.Required(checks, "reason", "法定理由的具体说明", input.Reason, 1800);
        checks.ThrowIfAny("未登记。");
        (row.State, row.Reason, row.Note, row.CompletedBy) = (StepState.NotRequired, $"{ground}：{reason}", "", user.UserName ?? "");
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>程序回流: the office returns the decision to a step before the meeting with the reason; the step is open again and the return is recorded.</summary>
    public async Task<DecisionReturn> ReturnAsync(Guid id, ReturnInput input, CancellationToken ct)
    {
        if (!DecisionProcedure.BeforeMeeting.Contains(input.Step))
        {
            throw Refuse.Field("step", "只能退回到集体讨论前的程序步骤。");
        }
        var (decision, row) = await OpenStepAsync(id, input.Step, ct);
        if (decision.Status != DecisionStatus.InProgress)
        {
            throw Refuse.Conflict("决策已作出，不能再退回。");
        }
        var checks = new FieldChecks();
        var reason = TextRules.Required(checks, "reason", "退回理由", input.Reason, 2000);
        checks.ThrowIfAny("未退回。");
        row.State = StepState.Pending;
        var back = new DecisionReturn { DecisionId = id, OrgUnitId = decision.OrgUnitId, Step = input.Step, Reason = reason, ReturnedBy = user.UserName ?? "", ReturnedOn = Today };
        db.DecisionReturns.Add(back);
        await db.SaveChangesAsync(ct);
        return back;
    }

    /// <summary>
    /// The collective decision (第三十条): refused, naming the step, while a step before it is missing or lacks evidence
    /// (第二十五条: no discussion without legality review); the minutes must be attached and the leader's decision recorded.
    /// </summary>
    public async Task<MajorDecision> MeetingAsync(Guid id, MeetingInput input, CancellationToken ct)
    {
        var (decision, row) = await OpenStepAsync(id, DecisionStep.CollectiveDecision, ct);
        if (decision.Status != DecisionStatus.InProgress)
        {
            throw Refuse.Conflict("该决策已集体讨论决定。");
        }
        var steps = await db.DecisionSteps.AsNoTracking().Where(s => s.DecisionId == id).ToListAsync(ct);
        var evidence = await EvidenceAsync(id, ct);
        var hearingMissing = decision.HearingRequired && !await Hearings.HearingService.HearingHeldAsync(db, id, ct);
        if (DecisionProcedure.Blocking(steps, evidence.Select(e => e.Step).ToHashSet(), hearingMissing) is { } blocking)
        {
            throw Refuse.Conflict(blocking.Why, DecisionProcedure.Article(blocking.Step));
        }
        var checks = new FieldChecks();
        checks.When(input.HeldOn is null, "heldOn", "请填写会议日期。");
        DateRules.Check(checks, "heldOn", "会议日期", input.HeldOn, Today);
        var minutes = TextRules.Required(checks, "minutes", "会议纪要要点", input.Minutes, 8000);
        var leader = TextRules.Required(checks, "leaderDecision", "行政首长的决定", input.LeaderDecision, 4000);
        checks.When(evidence.All(e => e.Step != DecisionStep.CollectiveDecision), "evidence", "请先上传会议纪要（集体讨论决定的证明材料）。");
        checks.ThrowIfAny("会议未登记。");
        (row.State, row.StartedOn, row.EndedOn, row.Note, row.CompletedBy) = (StepState.Done, input.HeldOn, input.HeldOn, minutes, user.UserName ?? "");
        (decision.Status, decision.DecidedOn, decision.Minutes, decision.LeaderDecision) = (DecisionStatus.Decided, input.HeldOn, minutes, leader);
        await db.SaveChangesAsync(ct);
        return decision;
    }

    /// <summary>决策公布 (第三十二条) after the collective decision.</summary>
    public async Task<MajorDecision> PublishAsync(Guid id, DecisionPublishInput input, CancellationToken ct)
    {
        var (decision, row) = await OpenStepAsync(id, DecisionStep.Publication, ct);
        if (decision.Status != DecisionStatus.Decided)
        {
            throw Refuse.Conflict(decision.Status == DecisionStatus.Published ? "该决策已公布。" : "“集体讨论决定”尚未完成，不能公布。", DecisionProcedure.Article(DecisionStep.Publication));
        }
        var checks = new FieldChecks();
        checks.When(input.PublishedOn is null, "publishedOn", "请填写公布日期。");
        DateRules.Check(checks, "publishedOn", "公布日期", input.PublishedOn, Today);
        checks.When(input.PublishedOn < decision.DecidedOn, "publishedOn", "公布日期不能早于决定日期。");
        checks.ThrowIfAny("未公布。");
        (row.State, row.StartedOn, row.EndedOn, row.CompletedBy) = (StepState.Done, input.PublishedOn, input.PublishedOn, user.UserName ?? "");
        (decision.Status, decision.PublishedOn) = (DecisionStatus.Published, input.PublishedOn);
        await db.SaveChangesAsync(ct);
        return decision;
    }

    /// <summary>The published catalogues with their decisions and where each stands (public, no account).</summary>
    public async Task<List<(DecisionCatalogue Catalogue, List<MajorDecision> Decisions)>> PublicAsync(CancellationToken ct)
    {
        await using var system = systemWork.Db<RulemakingDb>("重大行政决策目录公开");
        var catalogues = await system.Catalogues.AsNoTracking().Where(c => c.PublishedOn != null).OrderByDescending(c => c.Year).ToListAsync(ct);
        var ids = catalogues.Select(c => c.Id).ToList();
        var decisions = await system.Decisions.AsNoTracking().Where(d => ids.Contains(d.CatalogueId)).OrderBy(d => d.Title).ToListAsync(ct);
        return catalogues.Select(c => (c, decisions.Where(d => d.CatalogueId == c.Id).ToList())).ToList();
    }

    public static string StatusName(DecisionStatus s) => s switch
    {
        DecisionStatus.InProgress => "决策程序进行中",
        DecisionStatus.Decided => "已集体讨论决定",
        _ => "已公布",
    };

    public static string StateName(StepState s) => s switch
    {
        StepState.Pending => "未完成",
        StepState.Done => "已完成",
        _ => "依法无需进行",
    };
}
