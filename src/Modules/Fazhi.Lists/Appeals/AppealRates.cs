using Fazhi.Assessment.Contracts;
using Fazhi.Lists.Data;
using Fazhi.Lists.Indicators;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Lists.Appeals;

/// <summary>One unit's figures for appeals received in the period.</summary>
internal sealed record AppealUnitRates(Guid UnitId, string UnitName, int Received, int Rated, int Satisfied, decimal? SatisfactionRate, int Due, int OnTime,
    decimal? OnTimeRate, IReadOnlyList<AppealKindCount> TopKinds);

internal sealed record AppealKindCount(AppealKind Kind, string KindName, int Count);

internal sealed record AppealRatesReport(DateOnly From, DateOnly To, AppealUnitRates Total, IReadOnlyList<AppealUnitRates> ByUnit);

/// <summary>
/// 满意率 and 按期办结率 of enterprise appeals, per handling unit, over appeals received in a period, within the caller's scope
/// (the supervising office sees every unit). The definitions (shown on the page, used by the indicators):
/// <list type="bullet">
/// <item>满意率 = (满意 + 基本满意) ÷ appeals with a rating; an appeal reopened and rated again counts with its latest rating.</item>
/// <item>按期办结率 = appeals replied and never late ÷ appeals that are replied, closed, or past their due date. Late = a reply after
/// the due date of its round, or found overdue by the daily job.</item>
/// </list>
/// </summary>
internal sealed class AppealRates(ListsDb db, IDeadlineService clock, IOrgDirectory orgs)
{
    public const string SatisfactionDefinition = "满意率 =（满意 + 基本满意）件数 ÷ 已评价件数；重新办理后再评价的，按最近一次评价计。";

    public const string OnTimeDefinition = "按期办结率 = 已答复且从未超期的件数 ÷（已答复、已办结或已过办理期限的件数）；超期指答复晚于当轮期限，或每日督办检查时已过期限未答复。";

    internal sealed record Row(Guid Id, Guid OrgUnitId, AppealKind Kind, AppealStatus Status, AppealRating? Rating, bool WasLate, DateOnly DueOn, DateOnly? RepliedOn);

    internal static bool IsDue(Row r, DateOnly today) => r.Status is AppealStatus.Replied or AppealStatus.Closed || r.DueOn < today || r.WasLate;

    internal static bool IsOnTime(Row r) => r.RepliedOn is not null && !r.WasLate && r.Status is AppealStatus.Replied or AppealStatus.Closed;

    internal static bool IsSatisfied(Row r) => r.Rating is AppealRating.Satisfied or AppealRating.BasicallySatisfied;

    internal static IQueryable<Row> Rows(ListsDb source, DateOnly from, DateOnly to) =>
        source.Appeals.AsNoTracking().Where(a => a.ReceivedOn >= from && a.ReceivedOn <= to)
            .Select(a => new Row(a.Id, a.OrgUnitId, a.Kind, a.Status, a.Rating, a.WasLate, a.DueOn, a.RepliedOn));

    /// <summary>The figures over the caller's own scope (the handling unit's appeals; co-handled ones count for the handling unit).</summary>
    public async Task<AppealRatesReport> ComputeAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var checks = new FieldChecks();
        DateRules.Check(checks, "from", "开始日期", from);
        DateRules.Check(checks, "to", "结束日期", to);
        var today = clock.Today;
        var f = from ?? new DateOnly(today.Year, 1, 1);
        var t = to ?? today;
        checks.When(f > t, "to", "结束日期不能早于开始日期。");
        checks.ThrowIfAny("统计条件有误。");
        var rows = await Rows(db, f, t).ToListAsync(ct);
        var units = new List<AppealUnitRates>();
        foreach (var g in rows.GroupBy(r => r.OrgUnitId))
        {
            var unit = await orgs.FindAsync(g.Key, ct);
            units.Add(Figures(g.Key, unit?.Name ?? "", g.ToList(), today));
        }
        return new AppealRatesReport(f, t, Figures(Guid.Empty, "合计", rows, today), units.OrderBy(u => u.UnitName, StringComparer.Ordinal).ToList());
    }

    private static AppealUnitRates Figures(Guid unitId, string name, List<Row> rows, DateOnly today)
    {
        var rated = rows.Count(r => r.Rating is not null);
        var satisfied = rows.Count(IsSatisfied);
        var due = rows.Count(r => IsDue(r, today));
        var onTime = rows.Count(IsOnTime);
        var kinds = rows.GroupBy(r => r.Kind).Select(k => new AppealKindCount(k.Key, AppealService.KindName(k.Key), k.Count()))
            .OrderByDescending(k => k.Count).ThenBy(k => k.Kind).Take(3).ToList();
        return new AppealUnitRates(unitId, name, rows.Count, rated, satisfied, Ratio(satisfied, rated), due, onTime, Ratio(onTime, due), kinds);
    }

    private static decimal? Ratio(int n, int d) => d == 0 ? null : Math.Round((decimal)n / d, 4);
}

/// <summary>企业诉求满意率 for an assessment campaign: the definition of <see cref="AppealRates"/>, over the asked units.</summary>
internal sealed class AppealSatisfactionIndicator(ISystemWork systemWork) : ListsIndicator(systemWork)
{
    public override string Key => "lists.appeals-satisfaction";

    public override string Page => "/lists/appeals/rates";

    public override string Title => "企业诉求满意率";

    public override string Description => "考评期内受理的企业诉求中，" + AppealRates.SatisfactionDefinition;

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(ListsDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var rows = await db.Appeals.AsNoTracking().Where(a => a.ReceivedOn >= query.PeriodStart && a.ReceivedOn <= query.PeriodEnd && a.Rating != null)
            .Select(a => new { a.Id, a.Number, a.OrgUnitId, a.Rating }).ToListAsync(ct);
        return rows.Where(r => scope.Contains(r.OrgUnitId)).Select(r => new ComputedIndicatorRecord($"{r.Number}：{AppealService.RatingName(r.Rating!.Value)}",
            r.Rating is AppealRating.Satisfied or AppealRating.BasicallySatisfied, $"/lists/appeals/{r.Id}")).ToList();
    }
}

/// <summary>企业诉求按期办结率 for an assessment campaign: the definition of <see cref="AppealRates"/>, over the asked units.</summary>
internal sealed class AppealOnTimeIndicator(ISystemWork systemWork, IDeadlineService clock) : ListsIndicator(systemWork)
{
    public override string Key => "lists.appeals-on-time";

    public override string Page => "/lists/appeals/rates";

    public override string Title => "企业诉求按期办结率";

    public override string Description => "考评期内受理的企业诉求中，" + AppealRates.OnTimeDefinition + "办理时限见企业诉求时限设置。";

    protected override async Task<List<ComputedIndicatorRecord>> RowsAsync(ListsDb db, ComputedIndicatorQuery query, HashSet<Guid> scope, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await AppealRates.Rows(db, query.PeriodStart, query.PeriodEnd).ToListAsync(ct);
        var numbers = await db.Appeals.AsNoTracking().Where(a => a.ReceivedOn >= query.PeriodStart && a.ReceivedOn <= query.PeriodEnd)
            .Select(a => new { a.Id, a.Number }).ToDictionaryAsync(a => a.Id, a => a.Number, ct);
        return rows.Where(r => scope.Contains(r.OrgUnitId) && AppealRates.IsDue(r, today)).Select(r => new ComputedIndicatorRecord(
            AppealRates.IsOnTime(r) ? $"{numbers[r.Id]}：{r.RepliedOn:yyyy-MM-dd} 按期答复" : $"{numbers[r.Id]}：期限 {r.DueOn:yyyy-MM-dd}，超期",
            AppealRates.IsOnTime(r), $"/lists/appeals/{r.Id}")).ToList();
    }
}
