using Fazhi.Platform.Features.Audit;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Fazhi.Platform.Features.Jobs;

/// <summary>Nightly: walks the audit chain and records <c>audit.verified</c> with the result; a broken chain is logged as an error.</summary>
internal sealed class AuditChainVerifyJob(AuditTrail trail, ILogger<AuditChainVerifyJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public async Task<AuditVerifyResult> RunAsync(CancellationToken ct)
    {
        var result = await trail.VerifyAndRecordAsync(ct);
        if (result.Intact)
        {
            log.LogInformation("Audit chain intact: {Checked} entries in {Elapsed}", result.Checked, result.Elapsed);
        }
        return result;
    }
}
