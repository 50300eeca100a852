using Fazhi.Assessment.Contracts;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Statistics;

/// <summary>
/// 矛盾纠纷按期化解率, a computed assessment indicator: of the cases closed in the period (in the scope) whose stages ran on
/// a statutory or profile clock, the share in which every stage ended by its due date (pauses and approved extensions
/// counted; the stage's on-time flag is stamped when it ends, see the handling clock).
/// </summary>
internal sealed class ClosedOnTimeIndicator(DisputesDb db) : IComputedIndicatorProvider
{
    public const string ProviderKey = "disputes.closed-on-time";

    /// <summary>At most this many source records are listed (the late ones first); the figures count every case.</summary>
    public const int MaxRecords = 500;

    public string Key => ProviderKey;

    public string Title => "矛盾纠纷按期化解率";

    public string Description => "考评期内办结、办理环节有期限的纠纷案件中，各环节均在期限内完成的件数 ÷ 总件数（期限含中止、经批准的延长）。";

    public async Task<ComputedIndicatorValue> ComputeAsync(ComputedIndicatorQuery query, CancellationToken ct)
    {
        var ids = query.ScopeUnitIds.ToList();
        // System read restricted to the requested scope (the contract: not the caller's scope).
        var closed = db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => ids.Contains(c.OrgUnitId) && c.Status == CaseStatus.Closed && c.ClosedOn >= query.PeriodStart && c.ClosedOn <= query.PeriodEnd
                && db.Stages.IgnoreQueryFilters().Any(s => s.CaseId == c.Id && s.OnTime != null));
        var late = closed.Where(c => db.Stages.IgnoreQueryFilters().Any(s => s.CaseId == c.Id && s.OnTime == false));
        var total = await closed.CountAsync(ct);
        var lateCount = await late.CountAsync(ct);
        var lateRows = await late.OrderBy(c => c.ClosedOn).Take(MaxRecords).Select(c => new { c.Id, c.CaseNumber, c.ClosedOn }).ToListAsync(ct);
        var timely = await closed.Where(c => !db.Stages.IgnoreQueryFilters().Any(s => s.CaseId == c.Id && s.OnTime == false))
            .OrderByDescending(c => c.ClosedOn).Take(MaxRecords - lateRows.Count).Select(c => new { c.Id, c.CaseNumber, c.ClosedOn }).ToListAsync(ct);
        var records = lateRows.Select(c => new ComputedIndicatorRecord($"{c.CaseNumber}：{c.ClosedOn:yyyy-MM-dd} 办结，有环节超过期限", false, $"/disputes/cases/{c.Id}"))
            .Concat(timely.Select(c => new ComputedIndicatorRecord($"{c.CaseNumber}：{c.ClosedOn:yyyy-MM-dd} 办结，各环节按期", true, $"/disputes/cases/{c.Id}")))
            .ToList();
        return ComputedIndicatorValue.Ratio(total - lateCount, total, records, total > records.Count ? $"共 {total} 件，仅列出 {records.Count} 件（超期的在前）。" : null);
    }
}
