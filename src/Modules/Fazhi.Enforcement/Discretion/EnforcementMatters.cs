using Fazhi.Enforcement.Contracts;
using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Discretion;

/// <summary>The matters with the count of their benchmarks in force today, for other modules (<see cref="IEnforcementMatters"/>).</summary>
internal sealed class EnforcementMatters(EnforcementDb db, IDeadlineService clock) : IEnforcementMatters
{
    public async Task<IReadOnlyList<EnforcementMatterInfo>> ListAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var counts = await db.Benchmarks.AsNoTracking().Where(b => b.EffectiveFrom <= today && (b.EffectiveTo == null || b.EffectiveTo >= today))
            .GroupBy(b => b.MatterId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var matters = await db.Matters.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);
        return matters.Select(m => new EnforcementMatterInfo(m.Code, m.Name, m.Kind.ToString(), m.IssuingOrgCode, m.IssuingBody, counts.GetValueOrDefault(m.Id), today)).ToList();
    }
}
