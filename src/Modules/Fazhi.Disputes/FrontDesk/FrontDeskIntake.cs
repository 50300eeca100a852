using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.Duplicates;
using Fazhi.Disputes.Routing;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;

namespace Fazhi.Disputes.FrontDesk;

/// <summary>
/// The front desk's part of every intake, whatever the channel: inside the intake transaction, flag possible duplicates and
/// record the routing recommendation (the org directory gives the place's code).
/// </summary>
internal sealed class FrontDeskIntake(IOrgDirectory orgs, IDeadlineService deadlines, FrontDeskCache cache)
{
    public async Task OnIntakeAsync(DisputesDb target, DisputeCase dispute, CancellationToken ct)
    {
        var (ruleSet, settings) = await cache.GetAsync(target, ct);
        await DuplicateService.FlagAsync(target, dispute, settings, deadlines.Today, ct);
        await RoutingService.RecordAsync(target, orgs, ruleSet, dispute, ct);
    }
}
