using Fazhi.Disputes.Contracts;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disputes.Reconsideration;

/// <summary>
/// <see cref="IReconsiderationDecisions"/> for the oversight module (ADR 0038): closed reconsideration cases whose result
/// leaves something to carry out, read as system work (every unit's), with the respondents' names. Read-only, its own file.
/// </summary>
internal sealed class ReconsiderationDecisions(ISystemWork systemWork) : IReconsiderationDecisions
{
    public async Task<IReadOnlyList<ReconsiderationDecision>> DecidedSinceAsync(DateOnly closedFrom, CancellationToken ct)
    {
        await using var db = systemWork.Db<DisputesDb>("复议决定履行");
        var results = IReconsiderationDecisions.PerformanceResults.ToList();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Closed && c.CaseTypeCode == CaseTypes.AdministrativeReconsideration && c.ClosedOn >= closedFrom
                && c.ResultCode != null && results.Contains(c.ResultCode))
            .OrderBy(c => c.ClosedOn).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.CaseNumber, c.OrgUnitId, c.ClosedOn, c.ResultCode, c.ResultName })
            .ToListAsync(ct);
        if (cases.Count == 0)
        {
            return [];
        }
        var ids = cases.Select(c => c.Id).ToList();
        var respondents = (await db.Parties.AsNoTracking().Where(p => ids.Contains(p.CaseId) && p.Role == PartyRole.Respondent)
                .Select(p => new { p.CaseId, p.Name }).ToListAsync(ct))
            .ToLookup(p => p.CaseId, p => p.Name);
        return cases.Select(c => new ReconsiderationDecision(c.Id, c.CaseNumber, c.OrgUnitId, c.ClosedOn!.Value, c.ResultCode!, c.ResultName ?? c.ResultCode!,
            respondents[c.Id].ToList())).ToList();
    }

    public async Task<bool> ExistsAsync(Guid caseId, CancellationToken ct)
    {
        await using var db = systemWork.Db<DisputesDb>("复议决定履行");
        return await db.Cases.AnyAsync(c => c.Id == caseId, ct);
    }
}
