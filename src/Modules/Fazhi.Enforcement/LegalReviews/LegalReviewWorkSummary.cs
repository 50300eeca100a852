using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Data;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.LegalReviews;

/// <summary>The home page's line for a legal reviewer: penalty decisions waiting for the legal review (法制审核) in their scope.</summary>
internal sealed class LegalReviewWorkSummary(EnforcementDb db, ICurrentUser current) : IWorkSummary
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (!current.Has(EnforcementPermissions.LegalReview))
        {
            return [];
        }
        var pending = await db.LegalReviews.AsNoTracking().CountAsync(r => r.Opinion == ReviewOpinion.Pending, ct);
        return [new WorkItem("执法监督", "待法制审核的案件", pending, "/enforcement/legal-reviews")];
    }
}
