using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.Duplicates;
using Fazhi.Disputes.Routing;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Calendar;

namespace Fazhi.Disputes.FrontDesk;

/// <summary>
/// The front desk's part of every intake, whatever the channel: inside the intake transaction, flag possible duplicates and
/// record the routing recommendation. <paramref name="platform"/> is read only (org codes).
/// </summary>
internal sealed class FrontDeskIntake(PlatformDb platform, IDeadlineService deadlines, FrontDeskCache cache)
{
    public async Task OnIntakeAsync(DisputesDb target, DisputeCase dispute, CancellationToken ct)
    {
        var (ruleSet, settings) = await cache.GetAsync(target, ct);
        await DuplicateService.FlagAsync(target, dispute, settings, deadlines.Today, ct);
        await RoutingService.RecordAsync(target, platform, ruleSet, dispute, ct);
    }
}
