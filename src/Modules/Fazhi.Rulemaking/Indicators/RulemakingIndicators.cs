using Fazhi.Assessment.Contracts;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Rulemaking.Data;
using Fazhi.Rulemaking.Normative;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Rulemaking.Indicators;

/// <summary>
/// The module's computed indicators for assessment campaigns (ADR 0017), each with its source records for drill-down. They
/// read as system work restricted to the asked scope (the contract), never the caller's scope.
/// </summary>
internal abstract class RulemakingIndicator(ISystemWork systemWork) : IComputedIndicatorProvider
{
    public const int MaxRecords = 500;

    public abstract string Key { get; }

    public abstract string Title { get; }

    public abstract string Description { get; }

    public async Task<ComputedIndicatorValue> ComputeAsync(ComputedIndicatorQuery query, CancellationToken ct)
    {
        await using var db = systemWork.Db<RulemakingDb>("考评计算型指标");
        var scope = query.ScopeUnitIds.ToHashSet();
        var rows = (await RowsAsync(db, query, ct)).Where(r => scope.Contains(r.Unit)).Select(r => r.Record).ToList();
        var counted = rows.Count(r => r.Counted);
        var records = rows.OrderBy(r => r.Counted).Take(MaxRecords).ToList();
        return ComputedIndicatorValue.Ratio(counted, rows.Count, records, rows.Count > records.Count ? $"共 {rows.Count} 项，仅列出 {records.Count} 项（未计入的在前）。" : null);
    }

    protected abstract Task<List<(Guid Unit, ComputedIndicatorRecord Record)>> RowsAsync(RulemakingDb db, ComputedIndicatorQuery query, CancellationToken ct);
}

/// <summary>
/// 合法性审核按期办结率: review rounds of normative documents concluded in the period, or due in it and still open, concluded by
/// their due date (the review period is a settings row, on the working-day calendar).
/// </summary>
internal sealed class ReviewedBeforeIssueIndicator(ISystemWork systemWork, IDeadlineService clock) : RulemakingIndicator(systemWork)
{
    public override string Key => "rulemaking.review-on-time";

    public override string Title => "规范性文件合法性审核按期办结率";

    public override string Description => "考评期内作出审核结论、或审核期限届满尚未作出结论的行政规范性文件草案中，在审核期限内作出结论的件数 ÷ 总件数（审核期限见审核和备案期限设置）。";

    protected override async Task<List<(Guid Unit, ComputedIndicatorRecord Record)>> RowsAsync(RulemakingDb db, ComputedIndicatorQuery query, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await db.Drafts.AsNoTracking()
            .Where(d => (d.ConcludedOn != null && d.ConcludedOn >= query.PeriodStart && d.ConcludedOn <= query.PeriodEnd)
                        || (d.Status == DraftStatus.UnderReview && d.ReviewDueOn < today && d.ReviewDueOn >= query.PeriodStart && d.ReviewDueOn <= query.PeriodEnd))
            .Select(d => new { d.Id, d.Title, d.OrgUnitId, d.ReviewDueOn, d.ConcludedOn, d.Status }).ToListAsync(ct);
        return rows.Select(r => (r.OrgUnitId, new ComputedIndicatorRecord(
            r.Status == DraftStatus.UnderReview ? $"{r.Title}：审核期限 {r.ReviewDueOn:yyyy-MM-dd} 已过，尚未作出结论" : $"{r.Title}：{r.ConcludedOn:yyyy-MM-dd} 作出结论（期限 {r.ReviewDueOn:yyyy-MM-dd}）",
            r.Status != DraftStatus.UnderReview && r.ConcludedOn <= r.ReviewDueOn, $"/rulemaking/documents/{r.Id}"))).ToList();
    }
}

/// <summary>
/// 按期备案率 (domain.md Part 2 §5: filed in time ÷ issued): normative documents published in the period whose filing period
/// has ended or which were filed, filed by the due date (山东省人大常委会备案审查规定 第七条, 30 days).
/// </summary>
internal sealed class FiledOnTimeIndicator(ISystemWork systemWork, IDeadlineService clock) : RulemakingIndicator(systemWork)
{
    public override string Key => "rulemaking.filed-on-time";

    public override string Title => "规范性文件按期备案率";

    public override string Description => "考评期内公布、备案期限已届满或已备案的行政规范性文件中，在公布之日起 30 日（备案期限设置）内报送备案的件数 ÷ 总件数。";

    protected override async Task<List<(Guid Unit, ComputedIndicatorRecord Record)>> RowsAsync(RulemakingDb db, ComputedIndicatorQuery query, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await db.Drafts.AsNoTracking()
            .Where(d => d.Status == DraftStatus.Published && d.PublishedOn >= query.PeriodStart && d.PublishedOn <= query.PeriodEnd && (d.FiledOn != null || d.FilingDueOn < today))
            .Select(d => new { d.Id, d.Title, d.RegistrationNo, d.OrgUnitId, d.FilingDueOn, d.FiledOn }).ToListAsync(ct);
        return rows.Select(r => (r.OrgUnitId, new ComputedIndicatorRecord(
            r.FiledOn is { } f ? $"{r.RegistrationNo} {r.Title}：{f:yyyy-MM-dd} 报送备案（期限 {r.FilingDueOn:yyyy-MM-dd}）" : $"{r.RegistrationNo} {r.Title}：备案期限 {r.FilingDueOn:yyyy-MM-dd} 已过，尚未备案",
            r.FiledOn is { } on && on <= r.FilingDueOn, $"/rulemaking/documents/{r.Id}"))).ToList();
    }
}
