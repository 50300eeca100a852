using Fazhi.Assessment.Contracts;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Rulemaking.Cleanup;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Decisions;
using Fazhi.Rulemaking.Normative;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Indicators;

/// <summary>
/// 合法性审核率 (ADR 0047): normative documents published in the period that were published after a concluded legality review,
/// and major decisions put to the collective decision in the period whose 合法性审查 step was done (重大行政决策程序暂行条例
/// 第二十五条), ÷ both together. A document entered as published without a review, or a decision without the step, is not counted.
/// </summary>
internal sealed class LegalityReviewedIndicator(ISystemWork systemWork) : RulemakingIndicator(systemWork)
{
    public override string Key => "rulemaking.legality-reviewed";

    public override string Title => "合法性审核率";

    public override string Description => "考评期内公布的行政规范性文件和提交集体讨论决定的重大行政决策事项中，经合法性审核（审查）的件数 ÷ 总件数。";

    protected override async Task<List<(Guid Unit, ComputedIndicatorRecord Record)>> RowsAsync(RulemakingDb db, ComputedIndicatorQuery query, CancellationToken ct)
    {
        var docs = await db.Drafts.AsNoTracking()
            .Where(d => d.PublishedOn != null && d.PublishedOn >= query.PeriodStart && d.PublishedOn <= query.PeriodEnd)
            .Select(d => new { d.Id, d.Title, d.OrgUnitId, d.ConcludedOn, d.ReviewerName }).ToListAsync(ct);
        var decisions = await db.Decisions.AsNoTracking()
            .Where(d => d.DecidedOn != null && d.DecidedOn >= query.PeriodStart && d.DecidedOn <= query.PeriodEnd)
            .Select(d => new { d.Id, d.Title, d.OrgUnitId, d.DecidedOn }).ToListAsync(ct);
        var ids = decisions.Select(d => d.Id).ToList();
        var reviewed = (await db.DecisionSteps.AsNoTracking().Where(s => ids.Contains(s.DecisionId) && s.Step == DecisionStep.LegalityReview && s.State == StepState.Done)
            .Select(s => s.DecisionId).ToListAsync(ct)).ToHashSet();
        var rows = docs.Select(d => (d.OrgUnitId, new ComputedIndicatorRecord(
            d.ConcludedOn is { } c ? $"规范性文件《{d.Title}》：{c:yyyy-MM-dd} 审核通过" : $"规范性文件《{d.Title}》：未经合法性审核", d.ConcludedOn is not null, $"/rulemaking/documents/{d.Id}"))).ToList();
        rows.AddRange(decisions.Select(d => (d.OrgUnitId, new ComputedIndicatorRecord(
            reviewed.Contains(d.Id) ? $"重大行政决策“{d.Title}”：{d.DecidedOn:yyyy-MM-dd} 集体讨论前已经合法性审查" : $"重大行政决策“{d.Title}”：未经合法性审查",
            reviewed.Contains(d.Id), $"/rulemaking/decisions/{d.Id}"))));
        return rows;
    }
}

/// <summary>
/// 重大行政决策程序完备率: decisions put to the collective decision in the period whose 公众参与、专家论证、风险评估 and 合法性审查
/// steps were each done or lawfully not required, and which were not returned by 程序回流 at any point, ÷ all of them.
/// </summary>
internal sealed class DecisionProcedureCompleteIndicator(ISystemWork systemWork) : RulemakingIndicator(systemWork)
{
    public override string Key => "rulemaking.decision-procedure-complete";

    public override string Title => "重大行政决策程序完备率";

    public override string Description => "考评期内作出决定的重大行政决策事项中，公众参与、专家论证、风险评估、合法性审查均已完成或依法无需进行，且未发生程序回流的件数 ÷ 总件数。";

    protected override async Task<List<(Guid Unit, ComputedIndicatorRecord Record)>> RowsAsync(RulemakingDb db, ComputedIndicatorQuery query, CancellationToken ct)
    {
        var decisions = await db.Decisions.AsNoTracking()
            .Where(d => d.DecidedOn != null && d.DecidedOn >= query.PeriodStart && d.DecidedOn <= query.PeriodEnd)
            .Select(d => new { d.Id, d.Title, d.OrgUnitId }).ToListAsync(ct);
        var ids = decisions.Select(d => d.Id).ToList();
        var steps = await db.DecisionSteps.AsNoTracking().Where(s => ids.Contains(s.DecisionId)).Select(s => new { s.DecisionId, s.Step, s.State }).ToListAsync(ct);
        var returned = (await db.DecisionReturns.AsNoTracking().Where(r => ids.Contains(r.DecisionId)).Select(r => r.DecisionId).ToListAsync(ct)).ToHashSet();
        return decisions.Select(d =>
        {
            var missing = DecisionProcedure.BeforeMeeting.Where(step => steps.All(s => s.DecisionId != d.Id || s.Step != step || s.State == StepState.Pending)).ToList();
            var why = missing.Count > 0 ? $"缺少“{string.Join("、", missing.Select(DecisionProcedure.Name))}”" : returned.Contains(d.Id) ? "曾被程序回流" : "程序完备";
            return (d.OrgUnitId, new ComputedIndicatorRecord($"{d.Title}：{why}", missing.Count == 0 && !returned.Contains(d.Id), $"/rulemaking/decisions/{d.Id}"));
        }).ToList();
    }
}

/// <summary>
/// 征求意见反馈率: comments on legislation drafts whose comment period ended in the period, answered (采纳 / 部分采纳 / 不采纳
/// with the reason, which the commenter reads) ÷ all of them; scoped to the project's drafting unit.
/// </summary>
internal sealed class CommentFeedbackIndicator(ISystemWork systemWork) : RulemakingIndicator(systemWork)
{
    public override string Key => "rulemaking.comment-feedback";

    public override string Title => "立法征求意见反馈率";

    public override string Description => "考评期内征求意见期限届满的立法草案收到的意见中，已答复（采纳、部分采纳或不采纳并说明理由）的条数 ÷ 意见总条数。";

    protected override async Task<List<(Guid Unit, ComputedIndicatorRecord Record)>> RowsAsync(RulemakingDb db, ComputedIndicatorQuery query, CancellationToken ct)
    {
        // Each comment counts in the period its own round ended (a round per version, ADR 0069), not the project's latest round.
        var rows = await db.LegislationComments.AsNoTracking()
            .Join(db.CommentRounds.AsNoTracking().Where(r => r.To >= query.PeriodStart && r.To <= query.PeriodEnd), c => c.VersionId, r => r.VersionId,
                (c, r) => new { c.Number, c.ArticleLabel, c.OrgUnitId, c.Answer, c.AnsweredOn, c.ProjectId })
            .Join(db.LegislationProjects.AsNoTracking(), c => c.ProjectId, p => p.Id, (c, p) => new { c.Number, c.ArticleLabel, c.OrgUnitId, c.Answer, c.AnsweredOn, p.Id, p.Title })
            .ToListAsync(ct);
        return rows.Select(r => (r.OrgUnitId, new ComputedIndicatorRecord(
            r.Answer is null ? $"《{r.Title}》{r.ArticleLabel} 意见 {r.Number}：未答复" : $"《{r.Title}》{r.ArticleLabel} 意见 {r.Number}：{r.AnsweredOn:yyyy-MM-dd} 已答复",
            r.Answer is not null, $"/rulemaking/legislation/{r.Id}"))).ToList();
    }
}

/// <summary>
/// 清理完成率: documents listed in cleanup campaigns whose proposal deadline falls in the period, decided by the office
/// (保留 / 修改 / 废止 / 宣布失效) ÷ all listed; scoped to the owning unit.
/// </summary>
internal sealed class CleanupCompletionIndicator(ISystemWork systemWork) : RulemakingIndicator(systemWork)
{
    public override string Key => "rulemaking.cleanup-completion";

    public override string Title => "法规规章规范性文件清理完成率";

    public override string Description => "考评期内提出意见期限届满的清理中列入的文件，已审定清理结果的件数 ÷ 列入的总件数。";

    protected override async Task<List<(Guid Unit, ComputedIndicatorRecord Record)>> RowsAsync(RulemakingDb db, ComputedIndicatorQuery query, CancellationToken ct)
    {
        var rows = await db.CleanupItems.AsNoTracking()
            .Join(db.CleanupCampaigns.AsNoTracking().Where(c => c.ProposalDueOn >= query.PeriodStart && c.ProposalDueOn <= query.PeriodEnd),
                i => i.CampaignId, c => c.Id, (i, c) => new { i.Title, i.OrgUnitId, i.State, i.Decision, CampaignId = c.Id, Campaign = c.Title })
            .ToListAsync(ct);
        return rows.Select(r => (r.OrgUnitId, new ComputedIndicatorRecord(
            r.State == CleanupItemState.Decided ? $"{r.Campaign}：《{r.Title}》审定为{CleanupService.OutcomeName(r.Decision)}" : $"{r.Campaign}：《{r.Title}》{CleanupService.StateName(r.State)}",
            r.State == CleanupItemState.Decided, $"/rulemaking/cleanup/{r.CampaignId}"))).ToList();
    }
}
