using System.Globalization;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Kit;

/// <summary>
/// Checks a 统一社会信用代码 for a record (issue 12). A valid code passes. A code that fails only its check character passes
/// only when a reviewed override for it was confirmed (requested by a clerk with a reason at <c>/admin/credit-code-overrides</c>
/// or <c>POST /api/platform/identifiers/overrides</c>, confirmed by another person holding <c>platform.identifiers.review</c>);
/// its message then reads "经人工核实放行：{reason}（{confirmer}，{date}）" for the record to show. Everything else is refused
/// with the reason, as <see cref="UnifiedSocialCreditCode.Validate"/> gives it.
/// </summary>
public interface ICreditCodeCheck
{
    Task<IdentifierCheck> CheckAsync(string? code, CancellationToken ct);
}

internal sealed class CreditCodeCheck(PlatformDb db, TimeProvider clock) : ICreditCodeCheck
{
    public async Task<IdentifierCheck> CheckAsync(string? code, CancellationToken ct)
    {
        var check = UnifiedSocialCreditCode.Validate(code);
        if (check.Problem != IdentifierProblem.CheckDigitMismatch)
        {
            return check;
        }
        var normalized = check.Normalized;
        var confirmed = await db.Set<CreditCodeOverride>().AsNoTracking()
            .Where(o => o.Code == normalized && o.Status == CreditCodeOverrideStatus.Confirmed)
            .OrderByDescending(o => o.Id)
            .FirstOrDefaultAsync(ct);
        if (confirmed is null)
        {
            var pending = await db.Set<CreditCodeOverride>().AsNoTracking()
                .AnyAsync(o => o.Code == normalized && o.Status == CreditCodeOverrideStatus.Pending, ct);
            var mismatch = UnifiedSocialCreditCode.MismatchMessage(normalized);
            return check with
            {
                Message = mismatch + (pending ? "该代码的核实申请尚待有核实权限的其他人员确认（/admin/credit-code-overrides），确认前不能使用。" : UnifiedSocialCreditCode.ReviewHint),
            };
        }
        var date = confirmed.ReviewedAt is { } at
            ? TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : "";
        return new IdentifierCheck(IdentifierProblem.CheckDigitMismatch,
            $"经人工核实放行：{confirmed.Reason}（{confirmed.ReviewedByName}，{date}）", normalized, AcceptedByOverride: true);
    }
}
