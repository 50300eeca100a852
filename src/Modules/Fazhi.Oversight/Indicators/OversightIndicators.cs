using Fazhi.Assessment.Contracts;
using Fazhi.Oversight.Data;
using Fazhi.Oversight.Disclosure;
using Fazhi.Oversight.Litigation;
using Fazhi.Oversight.Suggestions;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Oversight.Indicators;

/// <summary>
/// The oversight module's computed indicators for assessment campaigns (ADR 0017, ADR 0030), each with its source records
/// for drill-down, by the same definitions as the module's rate pages but over the campaign's period instead of a year.
/// They read as system work restricted to the asked scope (the contract), never the caller's scope.
/// </summary>
internal abstract class OversightIndicator(ISystemWork systemWork) : IComputedIndicatorProvider
{
    /// <summary>At most this many source records are listed (the ones not counted first); the figures count every record.</summary>
    public const int MaxRecords = 500;

    public abstract string Key { get; }

    public abstract string Title { get; }

    public abstract string Description { get; }

    /// <summary>The module page that shows this rate with its records (for <see cref="Fazhi.Oversight.Contracts.IOversightRates"/>).</summary>
    public abstract string RatesPage { get; }

    /// <summary>A lower value is better (败诉率).</summary>
    public bool LowerIsBetter => CountedFirst;

    public async Task<ComputedIndicatorValue> ComputeAsync(ComputedIndicatorQuery query, CancellationToken ct)
    {
        await using var db = systemWork.Db<OversightDb>("考评计算型指标");
        var rows = await RowsAsync(db, query, query.ScopeUnitIds.ToHashSet(), ct);
        var counted = rows.Count(r => r.Counted);
        var records = rows.OrderBy(r => r.Counted != CountedFirst).Take(MaxRecords).ToList();
        return ComputedIndicatorValue.Ratio(counted, rows.Count, records, rows.Count > records.Count ? $"共 {rows.Count} 项，仅列出 {records.Count} 项（{(CountedFirst ? "计入的" : "未计入的")}在前）。" : null);
    }

    /// <summary>True when the counted records are the ones against the figure (败诉率), so they are listed first.</summary>
    protected virtual bool CountedFirst => false;

    protected abstract Task<List<ComputedIndicatorRecord>> RowsAsync(OversightDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct);
}

/// <summary>行政机关负责人出庭应诉率: lawsuits first heard in the period with a responsible person present at a hearing.</summary>
internal sealed class AppearanceIndicator(ISystemWork systemWork) : OversightIndicator(systemWork)
{
    public override string RatesPage => "/oversight/litigation/rates";

    public override string Key => "oversight.appearance";

    public override string Title => LitigationStatistics.AppearanceTitle;

    public override string Description => "考评期内首次开庭的行政诉讼案件（每个审级计一件）中，行政机关负责人至少出庭一次的件数 ÷ 开庭审理的件数（《行政诉讼法》第三条第三款；出庭规定第二条、第七条）。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(OversightDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var rows = await db.Lawsuits.AsNoTracking().Where(l => l.FirstHearingOn >= query.PeriodStart && l.FirstHearingOn <= query.PeriodEnd)
            .Select(l => new { l.Id, l.CaseNumber, l.OrgUnitId, l.FirstHearingOn, l.HeadAppeared }).ToListAsync(ct);
        return rows.Where(l => scope.Contains(l.OrgUnitId)).Select(l => new ComputedIndicatorRecord(
            $"{l.CaseNumber}：{l.FirstHearingOn:yyyy-MM-dd} 开庭，{(l.HeadAppeared ? "负责人出庭" : "负责人未出庭")}", l.HeadAppeared, $"/oversight/lawsuits/{l.Id}")).ToList();
    }
}

/// <summary>行政诉讼败诉率: lawsuits decided in the period that the agency lost (a lower value is better).</summary>
internal sealed class LossIndicator(ISystemWork systemWork) : OversightIndicator(systemWork)
{
    public override string RatesPage => "/oversight/litigation/rates";

    public override string Key => "oversight.loss";

    public override string Title => LitigationStatistics.LossTitle;

    public override string Description => "考评期内作出裁判的行政诉讼案件中，被判决撤销、变更、确认违法或无效、责令履行职责的件数 ÷ 作出裁判的件数（数值越低越好；《行政诉讼法》第七十条、第七十二条至第七十五条、第七十七条）。";

    protected override bool CountedFirst => true;

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(OversightDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var rows = await db.Lawsuits.AsNoTracking().Where(l => l.DecidedOn >= query.PeriodStart && l.DecidedOn <= query.PeriodEnd)
            .Select(l => new { l.Id, l.CaseNumber, l.OrgUnitId, l.DecidedOn, l.Lost, l.Result }).ToListAsync(ct);
        return rows.Where(l => scope.Contains(l.OrgUnitId)).Select(l => new ComputedIndicatorRecord(
            $"{l.CaseNumber}：{l.DecidedOn:yyyy-MM-dd} {(l.Result is { } r ? LitigationRules.ResultName(r) : "")}{(l.Lost ? "（败诉）" : "")}", l.Lost, $"/oversight/lawsuits/{l.Id}"))
            .ToList();
    }
}

/// <summary>司法建议、检察建议办复率: suggestions received in the period with a written reply.</summary>
internal sealed class SuggestionRepliedIndicator(ISystemWork systemWork) : OversightIndicator(systemWork)
{
    public override string RatesPage => "/oversight/suggestions/rates";

    public override string Key => "oversight.suggestions-replied";

    public override string Title => SuggestionStatistics.RepliedTitle;

    public override string Description => "考评期内收到的司法建议、检察建议中，被建议单位已书面答复的件数 ÷ 收到的件数。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(OversightDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var rows = await db.Suggestions.AsNoTracking().Where(s => s.ReceivedOn >= query.PeriodStart && s.ReceivedOn <= query.PeriodEnd)
            .Select(s => new { s.Id, s.DocumentNumber, s.OrgUnitId, s.ReplyDueOn, s.RepliedOn }).ToListAsync(ct);
        return rows.Where(s => scope.Contains(s.OrgUnitId)).Select(s => new ComputedIndicatorRecord(
            s.RepliedOn is { } r ? $"{s.DocumentNumber}：{r:yyyy-MM-dd} 答复" : $"{s.DocumentNumber}：尚未答复（期限 {s.ReplyDueOn:yyyy-MM-dd}）", s.RepliedOn is not null,
            $"/oversight/suggestions/{s.Id}")).ToList();
    }
}

/// <summary>司法建议、检察建议按期办复率: of the suggestions received in the period and replied or due, those replied in time.</summary>
internal sealed class SuggestionOnTimeIndicator(ISystemWork systemWork, IDeadlineService deadlines) : OversightIndicator(systemWork)
{
    public override string RatesPage => "/oversight/suggestions/rates";

    public override string Key => "oversight.suggestions-on-time";

    public override string Title => SuggestionStatistics.OnTimeTitle;

    public override string Description => "考评期内收到、已答复或答复期限已届满的司法建议、检察建议中，在答复期限内书面答复的件数 ÷ 该类建议件数（综合治理类司法建议规定第八条、检察公益诉讼解释第二十一条）。尚未到期且未答复的不计入。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(OversightDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var today = deadlines.Today;
        var rows = await db.Suggestions.AsNoTracking()
            .Where(s => s.ReceivedOn >= query.PeriodStart && s.ReceivedOn <= query.PeriodEnd && (s.RepliedOn != null || s.ReplyDueOn < today))
            .Select(s => new { s.Id, s.DocumentNumber, s.OrgUnitId, s.ReplyDueOn, s.RepliedOn }).ToListAsync(ct);
        return rows.Where(s => scope.Contains(s.OrgUnitId)).Select(s => new ComputedIndicatorRecord(
            s.RepliedOn is { } r ? $"{s.DocumentNumber}：{r:yyyy-MM-dd} 答复（期限 {s.ReplyDueOn:yyyy-MM-dd}）" : $"{s.DocumentNumber}：期限 {s.ReplyDueOn:yyyy-MM-dd} 已过，尚未答复",
            s.RepliedOn is { } on && on <= s.ReplyDueOn, $"/oversight/suggestions/{s.Id}")).ToList();
    }
}

/// <summary>依申请公开按期答复率: of the disclosure requests received in the period and answered or overdue, those answered in time.</summary>
internal sealed class DisclosureOnTimeIndicator(ISystemWork systemWork, IDeadlineService deadlines) : OversightIndicator(systemWork)
{
    public override string RatesPage => "/oversight/disclosures/rates";

    public override string Key => "oversight.disclosure-on-time";

    public override string Title => DisclosureStatistics.OnTimeTitle;

    public override string Description => "考评期内收到、已答复或答复期限已届满的政府信息公开申请中，在答复期限内答复的件数 ÷ 该类申请件数（《政府信息公开条例》第三十三条：20 个工作日，经批准延长的加计最长 20 个工作日；补正的自收到补正申请之日起计算，第三十条）。尚未到期、待补正和视为放弃的不计入。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(OversightDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var today = deadlines.Today;
        var rows = await DisclosureStatistics.Counted(db.DisclosureRequests.AsNoTracking()
                .Where(r => r.ReceivedOn >= query.PeriodStart && r.ReceivedOn <= query.PeriodEnd), today)
            .Select(r => new { r.Id, r.Number, r.OrgUnitId, r.DueOn, r.RepliedOn }).ToListAsync(ct);
        return rows.Where(r => scope.Contains(r.OrgUnitId)).Select(r => new ComputedIndicatorRecord(
            r.RepliedOn is { } a ? $"{r.Number}：{a:yyyy-MM-dd} 答复（期限 {r.DueOn:yyyy-MM-dd}）" : $"{r.Number}：期限 {r.DueOn:yyyy-MM-dd} 已过，尚未答复",
            r.RepliedOn is { } on && on <= r.DueOn, $"/oversight/disclosures/{r.Id}")).ToList();
    }
}

/// <summary>建议提案办结率: deputies' suggestions and CPPCC proposals assigned in the period that have a reply.</summary>
internal sealed class ProposalRepliedIndicator(ISystemWork systemWork) : OversightIndicator(systemWork)
{
    public override string RatesPage => "/oversight/proposals/rates";

    public override string Key => "oversight.proposals-replied";

    public override string Title => Proposals.ProposalStatistics.RepliedTitle;

    public override string Description => "考评期内交办的人大代表建议、政协提案中，主办单位已书面答复的件数 ÷ 交办的件数。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(OversightDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var rows = await db.Proposals.AsNoTracking().Where(p => p.AssignedOn >= query.PeriodStart && p.AssignedOn <= query.PeriodEnd)
            .Select(p => new { p.Id, p.Number, p.Title, p.OrgUnitId, p.DueOn, p.RepliedOn }).ToListAsync(ct);
        return rows.Where(p => scope.Contains(p.OrgUnitId)).Select(p => new ComputedIndicatorRecord(
            p.RepliedOn is { } r ? $"{p.Number}《{p.Title}》：{r:yyyy-MM-dd} 答复" : $"{p.Number}《{p.Title}》：尚未答复（期限 {p.DueOn:yyyy-MM-dd}）", p.RepliedOn is not null,
            $"/oversight/proposals/{p.Id}")).ToList();
    }
}

/// <summary>建议提案按期办结率: of the items assigned in the period and answered or due, those first answered by their due date.</summary>
internal sealed class ProposalOnTimeIndicator(ISystemWork systemWork, IDeadlineService deadlines) : OversightIndicator(systemWork)
{
    public override string RatesPage => "/oversight/proposals/rates";

    public override string Key => "oversight.proposals-on-time";

    public override string Title => Proposals.ProposalStatistics.OnTimeTitle;

    public override string Description => "考评期内交办、已答复或答复期限已届满的人大代表建议、政协提案中，在答复期限内首次答复的件数 ÷ 该类件数（《代表法》第五十一条：三个月，延期最长六个月）。尚未到期且未答复的不计入。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(OversightDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var today = deadlines.Today;
        var rows = await db.Proposals.AsNoTracking()
            .Where(p => p.AssignedOn >= query.PeriodStart && p.AssignedOn <= query.PeriodEnd && (p.RepliedOn != null || p.DueOn < today))
            .Select(p => new { p.Id, p.Number, p.Title, p.OrgUnitId, p.DueOn, p.RepliedOn }).ToListAsync(ct);
        return rows.Where(p => scope.Contains(p.OrgUnitId)).Select(p => new ComputedIndicatorRecord(
            p.RepliedOn is { } r ? $"{p.Number}《{p.Title}》：{r:yyyy-MM-dd} 答复（期限 {p.DueOn:yyyy-MM-dd}）" : $"{p.Number}《{p.Title}》：期限 {p.DueOn:yyyy-MM-dd} 已过，尚未答复",
            p.RepliedOn is { } on && on <= p.DueOn, $"/oversight/proposals/{p.Id}")).ToList();
    }
}

/// <summary>建议提案满意度: of the items assigned in the period and evaluated, those whose latest evaluation is 满意 or 基本满意.</summary>
internal sealed class ProposalSatisfactionIndicator(ISystemWork systemWork) : OversightIndicator(systemWork)
{
    public override string RatesPage => "/oversight/proposals/rates";

    public override string Key => "oversight.proposals-satisfaction";

    public override string Title => Proposals.ProposalStatistics.SatisfactionTitle;

    public override string Description => "考评期内交办、代表（委员）已评价的人大代表建议、政协提案中，最近一次评价为满意或基本满意的件数 ÷ 已评价的件数。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(OversightDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var rows = await db.Proposals.AsNoTracking()
            .Where(p => p.AssignedOn >= query.PeriodStart && p.AssignedOn <= query.PeriodEnd && p.Evaluation != null)
            .Select(p => new { p.Id, p.Number, p.Title, p.OrgUnitId, p.Evaluation }).ToListAsync(ct);
        return rows.Where(p => scope.Contains(p.OrgUnitId)).Select(p => new ComputedIndicatorRecord(
            $"{p.Number}《{p.Title}》：{Proposals.ProposalService.EvaluationName(p.Evaluation!.Value)}", Proposals.ProposalStatistics.IsSatisfied(p.Evaluation),
            $"/oversight/proposals/{p.Id}")).ToList();
    }
}

/// <summary>行政复议决定履行率: of the decisions made in the period that need performing and are performed or due, those performed by their deadline.</summary>
internal sealed class PerformanceOnTimeIndicator(ISystemWork systemWork, IDeadlineService deadlines, Performance.PerformanceSync sync) : OversightIndicator(systemWork)
{
    public override string RatesPage => "/oversight/performance/rates";

    public override string Key => "oversight.reconsideration-performance";

    public override string Title => Performance.PerformanceStatistics.OnTimeTitle;

    public override string Description => "考评期内作出的变更、撤销、确认违法、责令履行的行政复议决定中，已报告履行或履行期限已届满的决定为分母，被申请人在履行期限内履行的件数为分子（行政复议法第六十三条至第六十六条、第七十七条）。尚未到期且未履行的不计入。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(OversightDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        await sync.SyncAsync(ct);
        var today = deadlines.Today;
        var rows = await db.PerformanceTasks.AsNoTracking()
            .Where(t => t.DecidedOn >= query.PeriodStart && t.DecidedOn <= query.PeriodEnd && (t.PerformedOn != null || t.DueOn < today))
            .Select(t => new { t.Id, t.CaseNumber, t.OrgUnitId, t.ResultName, t.DueOn, t.PerformedOn }).ToListAsync(ct);
        return rows.Where(t => scope.Contains(t.OrgUnitId)).Select(t => new ComputedIndicatorRecord(
            t.PerformedOn is { } p ? $"{t.CaseNumber}（{t.ResultName}）：{p:yyyy-MM-dd} 履行（期限 {t.DueOn:yyyy-MM-dd}）" : $"{t.CaseNumber}（{t.ResultName}）：期限 {t.DueOn:yyyy-MM-dd} 已过，尚未履行",
            t.PerformedOn is { } on && on <= t.DueOn, $"/oversight/performance/{t.Id}")).ToList();
    }
}

/// <summary>
/// <see cref="Fazhi.Oversight.Contracts.IOversightRates"/>: every oversight indicator over the period and the units the reader
/// passes, without the records (the reader links to <see cref="Fazhi.Oversight.Contracts.OversightRate.Link"/> for them).
/// </summary>
internal sealed class OversightRates(IEnumerable<IComputedIndicatorProvider> providers) : Fazhi.Oversight.Contracts.IOversightRates
{
    public async Task<Fazhi.Oversight.Contracts.OversightRatesReport> GetAsync(Fazhi.Oversight.Contracts.OversightRatesQuery query, CancellationToken ct)
    {
        if (query.From > query.To)
        {
            throw Refuse.Field("to", "统计期间的结束日期不能早于开始日期。");
        }
        var rates = new List<Fazhi.Oversight.Contracts.OversightRate>();
        foreach (var indicator in providers.OfType<OversightIndicator>())
        {
            var value = await indicator.ComputeAsync(new ComputedIndicatorQuery(query.From, query.To, Guid.Empty, query.ScopeUnitIds), ct);
            rates.Add(new Fazhi.Oversight.Contracts.OversightRate(indicator.Key, indicator.Title, indicator.Description, (int)value.Numerator, (int)value.Denominator,
                value.Value, indicator.LowerIsBetter, indicator.RatesPage));
        }
        return new Fazhi.Oversight.Contracts.OversightRatesReport(query, rates);
    }
}
