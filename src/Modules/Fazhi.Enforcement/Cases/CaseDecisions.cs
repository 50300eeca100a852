using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Discretion;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Notifications;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Cases;

/// <summary>法制审核, 集体讨论, extension of the period and the decision itself (行政处罚法 第五十七条、第五十八条、第六十条、第六十二条).</summary>
internal sealed class CaseDecisions(EnforcementDb db, BenchmarkService benchmarks, IDeadlineService deadlines, ICurrentUser current,
    CaseProcedure procedure, CaseNumbering numbering, CaseRulesService caseRules, INotifier notifier, IOrgDirectory orgs)
{
    /// <summary>行政处罚法 第五十八条: 重大执法决定在作出决定前，应当进行法制审核.</summary>
    public async Task<LegalReview> RequestReviewAsync(Guid id, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.RequestReview);
        if (await db.LegalReviews.AnyAsync(r => r.CaseId == c.Id && r.Opinion == ReviewOpinion.Pending, ct))
        {
            throw Refuse.Conflict("本案已有待审核的法制审核申请。");
        }
        var review = new LegalReview { OrgUnitId = c.OrgUnitId, CaseId = c.Id, RequestedAtUtc = procedure.Now(), RequestedBy = current.UserName ?? "" };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.LegalReviews.Add(review);
        c.Stage = CaseStage.LegalReview;
        await procedure.StepAsync(c, "legal-review-request", deadlines.Today, "提请法制审核（行政处罚法第五十八条）。", [], ct);
        await procedure.SaveAsync(tx, ct);
        // Hand-over (issue 13): the legal reviewers whose scope covers the case are told at once.
        var reviewers = await notifier.AtOrAboveAsync(orgs, c.OrgUnitId, EnforcementPermissions.LegalReview, ct);
        await notifier.NotifyAsync(reviewers, new NotificationMessage("enforcement.handover", $"待法制审核：{c.Number}",
            $"{current.UserName} 提请对案件 {c.Number}（{c.PartyName}，{c.MatterName}）进行法制审核（行政处罚法第五十八条），请审核案卷、证据和程序。",
            "/enforcement/legal-reviews", $"{c.Id}:legal-review:{review.Id}"), ct);
        return review;
    }

    /// <summary>A reviewer's opinion: pass lets the decision be issued; revise or fail sends the case back to investigation.</summary>
    public async Task<LegalReview> ReviewAsync(Guid reviewId, OpinionInput input, CancellationToken ct)
    {
        var review = await db.LegalReviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct) ?? throw Refuse.NotFound("案件不存在或不在您的数据范围内。");
        if (review.Opinion != ReviewOpinion.Pending)
        {
            throw Refuse.Conflict("该审核已出具意见。");
        }
        if (input.Opinion == ReviewOpinion.Pending)
        {
            throw Refuse.Field("opinion", "请选择审核意见：通过、修改或不通过。");
        }
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            throw Refuse.Field("reason", "请填写审核理由。");
        }
        var c = await procedure.LoadAsync(review.CaseId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        review.Opinion = input.Opinion;
        review.Reason = input.Reason.Trim();
        review.Reviewer = current.UserName ?? "";
        review.DecidedAtUtc = procedure.Now();
        if (input.Opinion != ReviewOpinion.Pass)
        {
            c.Stage = CaseStage.Investigating;
        }
        else
        {
            c.LegalReviewPassed = true;
        }
        await procedure.StepAsync(c, "legal-review-opinion", deadlines.Today, $"法制审核意见：{CaseDisplay.OpinionName(input.Opinion)}；理由：{review.Reason}", [], ct);
        await procedure.SaveAsync(tx, ct);
        return review;
    }

    /// <summary>行政处罚法 第五十七条第二款: 对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定.</summary>
    public async Task<PenaltyCase> CollectiveAsync(Guid id, CollectiveInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.Collective);
        CaseProcedure.PlausibleDate("onDate", "集体讨论日期", input.OnDate);
        if (string.IsNullOrWhiteSpace(input.Participants) || string.IsNullOrWhiteSpace(input.Conclusion))
        {
            throw Refuse.Field("participants", "请填写参加集体讨论的负责人和讨论结论。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.CollectiveDecisionOn = input.OnDate;
        await procedure.StepAsync(c, "collective", input.OnDate, $"负责人集体讨论（{input.Participants.Trim()}）：{input.Conclusion.Trim()}", [], ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }

    /// <summary>行政处罚法 第六十条: 法律、法规、规章另有规定的，从其规定 — an extension is recorded with its reason and approver.</summary>
    public async Task<PenaltyCase> ExtendAsync(Guid id, ExtensionInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        CaseProcedure.Require(c, CaseAction.Extend);
        if (input.Days is < 1 or > 365 || string.IsNullOrWhiteSpace(input.Reason) || string.IsNullOrWhiteSpace(input.ApprovedBy))
        {
            throw Refuse.Field("days", "延期须填写天数（1-365）、理由和批准人（行政处罚法第六十条）。");
        }
        var rules = await caseRules.RulesAsync(c.OrgUnitId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.ExtensionDays += input.Days;
        c.DecisionDueOn = (await deadlines.AddCalendarDaysAsync(c.OpenedOn, rules.DecisionCalendarDays + c.ExtensionDays, ct)).Date;
        await procedure.StepAsync(c, "extend", deadlines.Today, $"延长办案期限 {input.Days} 日至 {c.DecisionDueOn:yyyy-MM-dd}；理由：{input.Reason.Trim()}；批准：{input.ApprovedBy.Trim()}", [], ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }

    public async Task<PenaltyCase> DecideAsync(Guid id, DecideInput input, CancellationToken ct)
    {
        var c = await procedure.LoadAsync(id, ct);
        // 第六十二条: 未告知拟处罚内容及权利的，不得作出行政处罚决定.
        CaseProcedure.Require(c, CaseAction.Decide);
        procedure.FactDate("decidedOn", "决定日期", input.DecidedOn);
        var day = input.DecidedOn ?? deadlines.Today;
        if (day < (c.NotifiedOn ?? c.OpenedOn) || day > deadlines.Today)
        {
            throw Refuse.Field("decidedOn", $"决定日期须在告知日期（{c.NotifiedOn:yyyy-MM-dd}）之后且不晚于今天。");
        }
        var typedNumber = CaseNumbering.TypedDecisionNumber(input.DecisionNumber, "行政处罚决定书文号");
        if (day > c.DecisionDueOn)
        {
            throw Refuse.Field("decidedOn", $"已超过办案期限（{c.DecisionDueOn:yyyy-MM-dd}，自立案之日起 90 日{(c.ExtensionDays > 0 ? $"并延期 {c.ExtensionDays} 日" : "")}），且无延期记录，不能作出决定（行政处罚法第六十条）。");
        }
        if (c.HearingRequestedOn is null && c.HearingRequestDueOn is { } due && day <= due && c.HearingOffered)
        {
            throw Refuse.Field("decidedOn", $"听证申请期限至 {due:yyyy-MM-dd} 尚未届满，不能作出决定（行政处罚法第六十四条第一项）。");
        }
        if (c.DecisionPrerequisite() is { } missing)
        {
            throw missing.Field is null ? Refuse.Conflict(missing.Message) : Refuse.Field(missing.Field, missing.Message);
        }
        var profile = await benchmarks.ProfileAsync(ct);
        if (profile.OrderToCorrectBeforeLeniency && c.ProposedTier is DiscretionTier.NoPenalty or DiscretionTier.Exempted or DiscretionTier.Mitigated && c.OrderToCorrectOn is null)
        {
            throw Refuse.Field("orderToCorrect", "作出不予处罚或减轻处罚决定前，须先责令当事人改正并记录在案（山东省规定）。");
        }
        var rules = await caseRules.RulesAsync(c.OrgUnitId, ct);
        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == c.BodyId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        c.DecisionNumber = await numbering.DecisionNumberAsync(c, body, typedNumber, day, ct);
        c.DecidedOn = day;
        c.Stage = CaseStage.Decided;
        // 第六十一条: 当事人不在场的，应当在七日内送达 (工作日).
        c.ServiceDueOn = (await deadlines.AddWorkingDaysAsync(day, rules.ServiceWorkingDays, ct)).Date;
        c.PublicationDueOn = (await deadlines.AddWorkingDaysAsync(day, rules.PublicationWorkingDays, ct)).Date;
        await procedure.StepAsync(c, "decide", day, $"作出行政处罚决定 {c.DecisionNumber}：{c.PenaltyText}", [], ct);
        await procedure.SaveAsync(tx, ct);
        return c;
    }
}
