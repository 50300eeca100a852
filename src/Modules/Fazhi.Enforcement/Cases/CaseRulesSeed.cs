using Fazhi.Enforcement.Data;
using Fazhi.Platform.Features.Setup;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Cases;

/// <summary>The default procedure rules row (statutory numbers, 行政处罚法); idempotent.</summary>
internal sealed class CaseRulesSeed(EnforcementDb db) : IModuleSeed
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.CaseRules.AnyAsync(r => r.OrgUnitId == null, ct))
        {
            db.CaseRules.Add(new CaseRulesProfile());
            await db.SaveChangesAsync(ct);
        }
    }
}
