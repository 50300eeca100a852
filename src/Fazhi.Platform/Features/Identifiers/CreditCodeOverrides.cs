using Fazhi.Platform.Data;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Features.Identifiers;

/// <summary>One override as the list and the page show it.</summary>
public sealed record CreditCodeOverrideView(
    Guid Id, string Code, string Reason, string Status, string RequestedBy, DateTimeOffset RequestedAt,
    string? ReviewedBy, DateTimeOffset? ReviewedAt, string? ReviewNote, long Version);

/// <summary>
/// The reviewed override of a credit code failing its check character: any signed-in user requests it with a reason; a holder of
/// <see cref="PlatformPermissions.IdentifiersReview"/> other than the requester confirms or rejects it. The entity's audit
/// trail records each step (FazhiDbContext).
/// </summary>
internal sealed class CreditCodeOverrides(PlatformDb db, ICurrentUser current, TimeProvider clock)
{
    public async Task<CreditCodeOverride> RequestAsync(string? code, string? reason, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var check = UnifiedSocialCreditCode.Validate(code);
        if (check.Problem == IdentifierProblem.None)
        {
            checks.Add("code", "该统一社会信用代码校验通过，无需核实放行。");
        }
        else if (check.Problem != IdentifierProblem.CheckDigitMismatch)
        {
            checks.Add("code", "只有仅校验码不符的代码可申请核实放行：" + check.Message);
        }
        var text = TextRules.Required(checks, "reason", "核实理由", reason, CreditCodeOverride.MaxReasonLength);
        checks.ThrowIfAny("核实申请未提交。");
        var normalized = check.Normalized;
        if (await db.Set<CreditCodeOverride>().AnyAsync(o => o.Code == normalized
                && (o.Status == CreditCodeOverrideStatus.Pending || o.Status == CreditCodeOverrideStatus.Confirmed), ct))
        {
            throw Refuse.Conflict($"代码 {normalized} 已有待确认或已确认的核实申请。");
        }
        var entry = new CreditCodeOverride
        {
            Code = normalized,
            Reason = text,
            RequestedById = current.UserId,
            RequestedByName = await NameAsync(ct),
            RequestedAt = clock.GetUtcNow(),
        };
        db.Set<CreditCodeOverride>().Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Pending requests first (oldest first), then the reviewed ones (latest first).</summary>
    public async Task<Paged<CreditCodeOverrideView>> ListAsync(PageRequest page, CancellationToken ct)
    {
        var all = await db.Set<CreditCodeOverride>().AsNoTracking().ToListAsync(ct);
        var ordered = all
            .OrderBy(o => o.Status == CreditCodeOverrideStatus.Pending ? 0 : 1)
            .ThenBy(o => o.Status == CreditCodeOverrideStatus.Pending ? o.RequestedAt.UtcTicks : -(o.ReviewedAt ?? o.RequestedAt).UtcTicks)
            .Select(ToView)
            .ToList();
        return ordered.ToPaged(page);
    }

    public Task<CreditCodeOverride> ConfirmAsync(Guid id, long? version, string? note, CancellationToken ct) =>
        ReviewAsync(id, version, note, CreditCodeOverrideStatus.Confirmed, ct);

    public Task<CreditCodeOverride> RejectAsync(Guid id, long? version, string? note, CancellationToken ct) =>
        ReviewAsync(id, version, note, CreditCodeOverrideStatus.Rejected, ct);

    private async Task<CreditCodeOverride> ReviewAsync(Guid id, long? version, string? note, CreditCodeOverrideStatus outcome, CancellationToken ct)
    {
        if (!current.Has(PlatformPermissions.IdentifiersReview))
        {
            throw Refuse.Forbidden("核实统一社会信用代码需要“核实统一社会信用代码”权限。");
        }
        var entry = await db.Set<CreditCodeOverride>().SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw Refuse.NotFound();
        if (version is { } v && v != entry.Version)
        {
            throw Refuse.Stale();
        }
        if (entry.Status != CreditCodeOverrideStatus.Pending)
        {
            throw Refuse.Conflict($"该核实申请已{(entry.Status == CreditCodeOverrideStatus.Confirmed ? "确认" : "驳回")}，不能再处理。");
        }
        if (entry.RequestedById is { } requester && requester == current.UserId)
        {
            throw Refuse.Forbidden("不能确认或驳回自己提交的核实申请：须由有核实权限的其他人员处理。");
        }
        var checks = new FieldChecks();
        var text = outcome == CreditCodeOverrideStatus.Rejected
            ? TextRules.Required(checks, "note", "驳回理由", note, CreditCodeOverride.MaxReasonLength)
            : TextRules.Optional(checks, "note", "核实意见", note, CreditCodeOverride.MaxReasonLength);
        checks.ThrowIfAny();
        entry.Status = outcome;
        entry.ReviewedById = current.UserId;
        entry.ReviewedByName = await NameAsync(ct);
        entry.ReviewedAt = clock.GetUtcNow();
        entry.ReviewNote = string.IsNullOrEmpty(text) ? null : text;
        await db.SaveChangesAsync(ct);
        return entry;
    }

    private async Task<string> NameAsync(CancellationToken ct)
    {
        if (current.UserId is not { } id)
        {
            return current.UserName ?? "system";
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.UserName, u.DisplayName }).SingleOrDefaultAsync(ct);
        return user is null ? current.UserName ?? "" : string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName;
    }

    internal static CreditCodeOverrideView ToView(CreditCodeOverride o) => new(
        o.Id, o.Code, o.Reason, o.Status.ToString(), o.RequestedByName, o.RequestedAt, o.ReviewedByName, o.ReviewedAt, o.ReviewNote, o.Version);
}
