using Microsoft.Extensions.Logging;
using Quartz;

namespace Fazhi.Disputes.FollowUp;

/// <summary>Nightly: closed cases found without a follow-up task get one (a close that bypassed the hook is not lost).</summary>
internal sealed class FollowUpSweepJob(FollowUpService service, ILogger<FollowUpSweepJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var created = await service.SweepAsync(cancellationToken);
        if (created > 0)
        {
            log.LogInformation("Created {Count} follow-up tasks for closed cases without one", created);
        }
    }
}
