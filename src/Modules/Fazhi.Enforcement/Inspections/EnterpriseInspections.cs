using Fazhi.Enforcement.Contracts;
using Fazhi.Platform.Features.Identifiers;

namespace Fazhi.Enforcement.Inspections;

/// <summary>
/// <see cref="IEnterpriseInspections"/> over the inspection plans: the cap rule's period containing the day and the
/// enterprise's visits in it, read as the cap check reads them (every body's plans: the cap is on the enterprise).
/// </summary>
internal sealed class EnterpriseInspections(InspectionService inspections) : IEnterpriseInspections
{
    public async Task<EnterpriseInspectionWindow> WindowAsync(string creditCode, DateOnly on, CancellationToken ct)
    {
        var code = UnifiedSocialCreditCode.Validate(creditCode).Normalized;
        var rule = await inspections.CapRuleAsync(ct);
        var (from, to) = rule.PeriodOf(on);
        var visits = await inspections.VisitsAsync(code, from, to, ct);
        return new EnterpriseInspectionWindow(code, from, to, rule.MaxVisits, rule.Describe(),
            visits.Select(v => new EnterpriseInspectionVisit(v.PlannedDate, v.Bodies, v.Subjects, v.Counted)).ToList());
    }
}
