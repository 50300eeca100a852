using Fazhi.Enforcement.Data;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.CreditRepair;

/// <summary>The home page's line for a body's credit-repair reviewer: applications awaiting its decision, in its scope.</summary>
internal sealed class CreditRepairWorkSummary(EnforcementDb db, ICurrentUser current) : IWorkSummary
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (!current.Has(CreditRepairFeature.Review))
        {
            return [];
        }
        var pending = await db.Set<CreditRepairApplication>().AsNoTracking().CountAsync(a => a.Status == CreditRepairStatus.Pending, ct);
        return [new WorkItem("执法监督", "待审核的信用修复申请", pending, "/enforcement/credit-repair")];
    }
}
