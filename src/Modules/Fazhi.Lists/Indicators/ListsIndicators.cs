using Fazhi.Assessment.Contracts;
using Fazhi.Lists.Certificates;
using Fazhi.Lists.Data;
using Fazhi.Lists.Plans;
using Fazhi.Lists.Powers;
using Fazhi.Lists.Reports;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Lists.Indicators;

/// <summary>
/// The lists module's computed indicators for assessment campaigns (ADR 0017), each with its source records for drill-down.
/// They read as system work restricted to the asked scope (the contract), never the caller's scope.
/// </summary>
internal abstract class ListsIndicator(ISystemWork systemWork) : IComputedIndicatorProvider
{
    /// <summary>At most this many source records are listed (the ones not counted first); the figures count every record.</summary>
    public const int MaxRecords = 500;

    public abstract string Key { get; }

    public abstract string Title { get; }

    public abstract string Description { get; }

    /// <summary>The module page that lists the records behind the rate (for <see cref="Fazhi.Lists.Contracts.IListsRates"/>).</summary>
    public abstract string Page { get; }

    public async Task<ComputedIndicatorValue> ComputeAsync(ComputedIndicatorQuery query, CancellationToken ct)
    {
        await using var db = systemWork.Db<ListsDb>("考评计算型指标");
        var rows = await RowsAsync(db, query, query.ScopeUnitIds.ToHashSet(), ct);
        var counted = rows.Count(r => r.Counted);
        var records = rows.OrderBy(r => r.Counted).Take(MaxRecords).ToList();
        return ComputedIndicatorValue.Ratio(counted, rows.Count, records, rows.Count > records.Count ? $"共 {rows.Count} 项，仅列出 {records.Count} 项（未计入的在前）。" : null);
    }

    protected abstract Task<List<ComputedIndicatorRecord>> RowsAsync(ListsDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct);
}

/// <summary>清单外索要证明举报按期答复率: reports received in the period and due (or answered), answered by their due date.</summary>
internal sealed class ReportsAnsweredOnTimeIndicator(ISystemWork systemWork, Fazhi.Platform.Features.Calendar.IDeadlineService clock) : ListsIndicator(systemWork)
{
    public override string Key => "lists.reports-answered-on-time";

    public override string Page => "/lists/reports";

    public override string Title => "清单外索要证明举报按期答复率";

    public override string Description => "考评期内收到、答复期限已届满或已答复的“清单之外无证明”举报中，在答复期限内答复的件数 ÷ 总件数（《优化营商环境条例》第四十四条；期限见清单设置）。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(ListsDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await db.Reports.AsNoTracking().Where(r => r.ReceivedOn >= query.PeriodStart && r.ReceivedOn <= query.PeriodEnd && (r.AnsweredOn != null || r.DueOn < today))
            .Select(r => new { r.Id, r.Number, r.OrgUnitId, r.DueOn, r.AnsweredOn }).ToListAsync(ct);
        return rows.Where(r => scope.Contains(r.OrgUnitId)).Select(r => new ComputedIndicatorRecord(
            r.AnsweredOn is { } a ? $"{r.Number}：{a:yyyy-MM-dd} 答复（期限 {r.DueOn:yyyy-MM-dd}）" : $"{r.Number}：期限 {r.DueOn:yyyy-MM-dd} 已过，尚未答复",
            r.AnsweredOn is { } on && on <= r.DueOn, $"/lists/reports/{r.Id}")).ToList();
    }
}

/// <summary>实行告知承诺制的证明事项占比: items in force on the period's last day requested by units in scope, under notify-and-commit.</summary>
internal sealed class CertificatesNotifyCommitIndicator(ISystemWork systemWork) : ListsIndicator(systemWork)
{
    public override string Key => "lists.certificates-notify-commit";

    public override string Page => "/lists/certificates";

    public override string Title => "证明事项告知承诺制实行率";

    public override string Description => "考评期末施行的证明事项清单中，索要单位在考评范围内的证明事项里实行告知承诺制的项数 ÷ 总项数。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(ListsDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var version = await db.CertVersions.AsNoTracking().Where(v => v.Status == CertVersionStatus.Published && v.EffectiveOn <= query.PeriodEnd).OrderByDescending(v => v.Number)
            .Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);
        if (version is not { } n)
        {
            return [];
        }
        var items = await db.CertItems.AsNoTracking().Where(r => r.FromVersion <= n && (r.ToVersion == null || r.ToVersion > n) && r.Status == CertItemStatus.InForce)
            .Select(r => new { r.ItemCode, r.Name, r.RequestingUnitId, r.NotifyCommit }).ToListAsync(ct);
        return items.Where(i => scope.Contains(i.RequestingUnitId)).Select(i => new ComputedIndicatorRecord($"{i.ItemCode} {i.Name}{(i.NotifyCommit ? "（告知承诺）" : "")}",
            i.NotifyCommit, "/lists/certificates?q=" + Uri.EscapeDataString(i.ItemCode))).ToList();
    }
}

/// <summary>权责清单依据现行有效率: power items in force now, of units in scope, with no legal-change flag.</summary>
internal sealed class PowersBasisCurrentIndicator(ISystemWork systemWork) : ListsIndicator(systemWork)
{
    public override string Key => "lists.powers-basis-current";

    public override string Page => "/lists/powers?flagged=true";

    public override string Title => "权责清单依据现行有效率";

    public override string Description => "考评期末施行的权责清单中，实施主体在考评范围内、法律依据未被修改或废止（无“依据已变化”标注）的事项数 ÷ 事项总数（《山东省行政执法监督条例》第十九条）。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(ListsDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var version = await db.PowerVersions.AsNoTracking().Where(v => v.Status == CertVersionStatus.Published && v.EffectiveOn <= query.PeriodEnd).OrderByDescending(v => v.Number)
            .Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);
        if (version is not { } n)
        {
            return [];
        }
        var items = await db.PowerItems.AsNoTracking().Where(r => r.FromVersion <= n && (r.ToVersion == null || r.ToVersion > n) && r.Status == PowerItemStatus.InForce)
            .Select(r => new { r.Id, r.ItemCode, r.Name, r.UnitId, r.UnitName, Flagged = db.PowerFlags.Any(f => f.RevisionId == r.Id) }).ToListAsync(ct);
        return items.Where(i => scope.Contains(i.UnitId)).Select(i => new ComputedIndicatorRecord($"{i.ItemCode} {i.Name}（{i.UnitName}）{(i.Flagged ? "：依据已变化" : "")}",
            !i.Flagged, "/lists/powers?q=" + Uri.EscapeDataString(i.ItemCode))).ToList();
    }
}

/// <summary>应急预案按期评估率: plans of units in scope approved by the period's end whose review was not overdue then.</summary>
internal sealed class PlansReviewedOnTimeIndicator(ISystemWork systemWork) : ListsIndicator(systemWork)
{
    public override string Key => "lists.plans-reviewed-on-time";

    public override string Page => "/lists/plans";

    public override string Title => "应急预案按期评估率";

    public override string Description => "考评期末已印发的应急预案中，未超过评估修订期限（最近评估或印发日期加评估周期）的件数 ÷ 预案总件数。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(ListsDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => p.ApprovedOn <= query.PeriodEnd).ToListAsync(ct);
        return plans.Where(p => scope.Contains(p.OrgUnitId)).Select(p => new ComputedIndicatorRecord($"{p.Title}（{p.OwnerName}）：评估期限 {p.ReviewDueOn:yyyy-MM-dd}",
            p.ReviewDueOn >= query.PeriodEnd, $"/lists/plans/{p.Id}")).ToList();
    }
}

/// <summary>演练覆盖率 (domain.md §5): special and department plans drilled within their interval on the period's last day.</summary>
internal sealed class DrillCoverageIndicator(ISystemWork systemWork) : ListsIndicator(systemWork)
{
    public override string Key => "lists.drill-coverage";

    public override string Page => "/lists/plans";

    public override string Title => "应急预案演练覆盖率";

    public override string Description => "考评期末，专项和部门应急预案中在演练周期内至少演练一次的件数 ÷ 预案总件数。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(ListsDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var on = query.PeriodEnd;
        var plans = (await db.Plans.AsNoTracking().Where(p => (p.Kind == PlanKind.Special || p.Kind == PlanKind.Department) && p.ApprovedOn <= on).ToListAsync(ct))
            .Where(p => scope.Contains(p.OrgUnitId)).ToList();
        var held = await db.Drills.AsNoTracking().Where(d => d.HeldOn != null && d.HeldOn <= on).Select(d => new { d.PlanId, Held = d.HeldOn!.Value }).ToListAsync(ct);
        var last = held.GroupBy(d => d.PlanId).ToDictionary(g => g.Key, g => g.Max(x => x.Held));
        return PlanService.Coverage(plans, last, on).Select(c => new ComputedIndicatorRecord(
            $"{c.Title}（{c.OwnerName}）：{(c.LastHeldOn is { } h ? $"最近演练 {h:yyyy-MM-dd}" : "从未演练")}，应于 {c.DueBy:yyyy-MM-dd} 前演练", c.Covered, $"/lists/plans/{c.PlanId}")).ToList();
    }
}
