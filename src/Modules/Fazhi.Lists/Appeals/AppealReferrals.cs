using Fazhi.Lists.Data;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Lists.Appeals;

/// <summary>
/// A referral's result as 12345 reads it back: where it is, the reply and its date, the enterprise's rating when given.
/// Never the contact's name or phone (山东省优化营商环境条例 第五十六条: the complainant's identity is kept by the handling unit).
/// </summary>
internal sealed record ReferralResult(string ReferralId, string Number, AppealStatus Status, string StatusName, string UnitName, DateOnly ReceivedOn, DateOnly DueOn,
    AppealExtensionStatus? ExtensionStatus, string Reply, DateOnly? RepliedOn, AppealRating? Rating, string? RatingName, string RatingComment, DateOnly? RatedOn,
    DateOnly? ClosedOn, DateTimeOffset StateChangedAt);

/// <summary>One page of the feed; <paramref name="Next"/> is the <c>since</c> of the next poll, <paramref name="More"/> says to poll again at once.</summary>
internal sealed record ReferralFeed(IReadOnlyList<ReferralResult> Items, DateTimeOffset? Next, bool More);

/// <summary>
/// The result back to 12345 (ADR 0054): no outbound call (the city's network decides what may call out), so the referring
/// system reads it: one referral by its work-order id, and a feed of its referrals whose state changed since a moment, to
/// poll. Same account and permission as the referral intake (<see cref="ListsPermissions.AppealsRefer"/>); a referring
/// account reads only the referrals it made (another gets 404).
/// </summary>
internal sealed class AppealReferrals(ISystemWork systemWork, ICurrentUser user, IOrgDirectory orgs)
{
    public const int MaxFeed = 200;

    /// <summary>Stamps <see cref="EnterpriseAppeal.StateChangedAtUtc"/> on a new appeal and on a change of what 12345 reads back.</summary>
    public static void StampStateChanges(ListsDb db)
    {
        var now = DateTime.UtcNow;
        foreach (var e in db.ChangeTracker.Entries<EnterpriseAppeal>())
        {
            if (e.State == EntityState.Added
                || (e.State == EntityState.Modified && (e.Property(a => a.Status).IsModified || e.Property(a => a.OrgUnitId).IsModified || e.Property(a => a.DueOn).IsModified
                    || e.Property(a => a.Reply).IsModified || e.Property(a => a.Rating).IsModified || e.Property(a => a.ExtensionStatus).IsModified)))
            {
                e.Entity.StateChangedAtUtc = now;
            }
        }
    }

    public async Task<ReferralResult> GetAsync(string referralId, CancellationToken ct)
    {
        var id = (referralId ?? "").Trim().ToUpperInvariant();
        var caller = user.UserId;
        await using var system = systemWork.Db<ListsDb>("12345 查询转办结果");
        var a = caller is null || id.Length is 0 or > 64 ? null
            : await system.Appeals.AsNoTracking().FirstOrDefaultAsync(x => x.ReferralId == id && x.Channel == AppealChannel.Referral && x.ReferrerUserId == caller, ct);
        return a is null ? throw Refuse.NotFound($"没有本账号转来的工单“{id}”。") : await ToResultAsync(a, ct);
    }

    public async Task<ReferralFeed> ChangedAsync(DateTimeOffset? since, int? limit, CancellationToken ct)
    {
        var take = Math.Clamp(limit ?? 100, 1, MaxFeed);
        var from = (since ?? DateTimeOffset.MinValue).UtcDateTime;
        var caller = user.UserId;
        if (caller is null)
        {
            return new ReferralFeed([], since, false);
        }
        await using var system = systemWork.Db<ListsDb>("12345 轮询转办结果");
        var rows = await system.Appeals.AsNoTracking()
            .Where(a => a.ReferrerUserId == caller && a.Channel == AppealChannel.Referral && a.StateChangedAtUtc > from)
            .OrderBy(a => a.StateChangedAtUtc).ThenBy(a => a.Id).Take(take + 1).ToListAsync(ct);
        var more = rows.Count > take;
        if (more)
        {
            // The next poll asks for "after the last moment returned": keep whole moments, so no row is skipped.
            var cut = rows[take].StateChangedAtUtc;
            var whole = rows.Take(take).Where(a => a.StateChangedAtUtc < cut).ToList();
            rows = whole.Count > 0 ? whole
                : await system.Appeals.AsNoTracking().Where(a => a.ReferrerUserId == caller && a.Channel == AppealChannel.Referral && a.StateChangedAtUtc == cut)
                    .OrderBy(a => a.Id).ToListAsync(ct);
        }
        var items = new List<ReferralResult>(rows.Count);
        foreach (var a in rows)
        {
            items.Add(await ToResultAsync(a, ct));
        }
        return new ReferralFeed(items, items.Count > 0 ? items[^1].StateChangedAt : since, more);
    }

    private async Task<ReferralResult> ToResultAsync(EnterpriseAppeal a, CancellationToken ct)
    {
        // A reopened appeal (不满意) is being handled again: its earlier reply is not the result.
        var replied = a.Status is AppealStatus.Replied or AppealStatus.Closed;
        return new(a.ReferralId!, a.Number, a.Status, AppealService.StatusName(a.Status), (await orgs.FindAsync(a.OrgUnitId, ct))?.Name ?? "", a.ReceivedOn, a.DueOn, a.ExtensionStatus,
            replied ? a.Reply : "", replied ? a.RepliedOn : null, a.Rating, a.Rating is { } r ? AppealService.RatingName(r) : null, a.RatingComment,
            a.RatedOn, a.ClosedOn, new DateTimeOffset(DateTime.SpecifyKind(a.StateChangedAtUtc, DateTimeKind.Utc)));
    }
}
