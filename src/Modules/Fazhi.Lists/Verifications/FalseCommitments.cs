using Fazhi.Lists.Contracts;
using Fazhi.Lists.Data;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Lists.Verifications;

/// <summary>
/// <see cref="IFalseCommitments"/>: the verifications that found a false commitment, for the credit records (ADR 0053). Reads as
/// system work restricted to the units the reader passes (the contract), never the caller's own scope.
/// </summary>
internal sealed class FalseCommitments(ISystemWork systemWork) : IFalseCommitments
{
    public async Task<IReadOnlyList<FalseCommitment>> FindAsync(FalseCommitmentQuery query, CancellationToken ct)
    {
        var checks = new FieldChecks();
        if (query.From > query.To)
        {
            checks.Add("to", "统计期间的结束日期不能早于开始日期。");
        }
        var code = string.IsNullOrWhiteSpace(query.CreditCode) ? null : query.CreditCode.Trim().ToUpperInvariant();
        if (code is not null && code.Length != 18)
        {
            // Not the check character: a code whose check character is wrong may be on record through a reviewed override.
            checks.Add("creditCode", "统一社会信用代码应为 18 位（GB 32100-2015）。");
        }
        checks.ThrowIfAny("虚假承诺查询条件有误。");
        if (query.ScopeUnitIds.Count == 0)
        {
            return [];
        }
        var units = query.ScopeUnitIds.ToList();
        await using var db = systemWork.Db<ListsDb>("信用记录：虚假承诺");
        var rows = db.CertVerifications.AsNoTracking()
            .Where(v => v.Result == VerificationResult.FalseCommitment && v.VerifiedOn >= query.From && v.VerifiedOn <= query.To && units.Contains(v.OrgUnitId));
        if (code is not null)
        {
            rows = rows.Where(v => v.CreditCode == code);
        }
        return (await rows.OrderBy(v => v.VerifiedOn).ThenBy(v => v.Id).ToListAsync(ct))
            .Select(v => new FalseCommitment(v.Id, v.ItemCode, v.ItemName, v.CaseReference, v.ApplicantName, v.CreditCode, v.OrgUnitId, v.UnitName, v.VerifiedOn,
                v.Finding, v.Measures, "/lists/verifications?q=" + Uri.EscapeDataString(v.CaseReference)))
            .ToList();
    }
}
