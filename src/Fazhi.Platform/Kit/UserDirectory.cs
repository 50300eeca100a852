using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Kit;

/// <summary>A user account as modules see it: no credentials, no personal data beyond the name shown in lists.</summary>
/// <param name="Id">The account's id (what modules store as a user id).</param>
/// <param name="UserName">The sign-in name.</param>
/// <param name="DisplayName">The name shown to others; may be empty.</param>
/// <param name="OrgUnitId">The unit the account belongs to.</param>
/// <param name="IsActive">False once the account is disabled.</param>
public sealed record UserSummary(Guid Id, string UserName, string DisplayName, Guid OrgUnitId, bool IsActive)
{
    /// <summary>The display name, or the sign-in name when the account has none.</summary>
    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? UserName : DisplayName;
}

/// <summary>
/// User accounts for modules (ADR 0007). These are system reads: the caller's data scope does not hide accounts here, so a
/// list can name a handler or a supervisor whose account sits at another unit. Nothing here changes an account.
/// </summary>
public interface IUserDirectory
{
    /// <summary>The accounts among <paramref name="ids"/> that exist, active or not.</summary>
    Task<IReadOnlyList<UserSummary>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken ct);

    /// <summary>Names (<see cref="UserSummary.Name"/>) of the accounts among <paramref name="ids"/> that exist, active or not.</summary>
    Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IEnumerable<Guid> ids, CancellationToken ct);

    /// <summary>The account with this sign-in name, active or not; null when there is none.</summary>
    Task<UserSummary?> FindByUserNameAsync(string userName, CancellationToken ct);

    /// <summary>Active accounts holding <paramref name="permission"/> through a role assigned at exactly this unit (a unit's
    /// handlers, leaders or supervisors), ordered by name.</summary>
    Task<IReadOnlyList<UserSummary>> HoldersAsync(Guid orgUnitId, string permission, CancellationToken ct);

    /// <summary>How many active accounts belong to each of the units (units without any are left out). Counts only.</summary>
    Task<IReadOnlyDictionary<Guid, int>> ActiveAccountCountsAsync(IEnumerable<Guid> orgUnitIds, CancellationToken ct);

    /// <summary>Active accounts belonging to the units, ordered by name, at most <paramref name="max"/> (for user pickers).</summary>
    Task<IReadOnlyList<UserSummary>> ActiveInUnitsAsync(IEnumerable<Guid> orgUnitIds, int max, CancellationToken ct);
}

internal sealed class UserDirectory(PlatformDb db) : IUserDirectory
{
    private IQueryable<FazhiUser> Users => db.Users.IgnoreQueryFilters().AsNoTracking();

    public async Task<IReadOnlyList<UserSummary>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await Summaries(Users.Where(u => list.Contains(u.Id))).ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IEnumerable<Guid> ids, CancellationToken ct) =>
        (await FindManyAsync(ids, ct)).ToDictionary(u => u.Id, u => u.Name);

    public async Task<UserSummary?> FindByUserNameAsync(string userName, CancellationToken ct) =>
        await Summaries(Users.Where(u => u.UserName == userName)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<UserSummary>> HoldersAsync(Guid orgUnitId, string permission, CancellationToken ct)
    {
        var ids = await RoleHolders.Query(db, orgUnitId, permission).ToListAsync(ct);
        return (await FindManyAsync(ids, ct)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, int>> ActiveAccountCountsAsync(IEnumerable<Guid> orgUnitIds, CancellationToken ct)
    {
        var ids = orgUnitIds.Distinct().ToList();
        return await Users.Where(u => u.IsActive && ids.Contains(u.OrgUnitId))
            .GroupBy(u => u.OrgUnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    public async Task<IReadOnlyList<UserSummary>> ActiveInUnitsAsync(IEnumerable<Guid> orgUnitIds, int max, CancellationToken ct)
    {
        var ids = orgUnitIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var found = await Summaries(Users.Where(u => u.IsActive && ids.Contains(u.OrgUnitId)).OrderBy(u => u.DisplayName).ThenBy(u => u.UserName).Take(max))
            .ToListAsync(ct);
        return found;
    }

    private static IQueryable<UserSummary> Summaries(IQueryable<FazhiUser> users) =>
        users.Select(u => new UserSummary(u.Id, u.UserName ?? "", u.DisplayName, u.OrgUnitId, u.IsActive));
}

/// <summary>Who holds a permission at a unit: shared by <see cref="IUserDirectory"/> and the notifier.</summary>
internal static class RoleHolders
{
    /// <summary>Ids of active users holding <paramref name="permission"/> through a role assigned at exactly this unit (system read).</summary>
    public static IQueryable<Guid> Query(PlatformDb db, Guid orgUnitId, string permission) =>
        db.RoleAssignments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.OrgUnitId == orgUnitId && a.Role!.Permissions.Any(p => p.Permission == permission))
            .Join(db.Users.IgnoreQueryFilters().Where(u => u.IsActive), a => a.UserId, u => u.Id, (a, u) => u.Id)
            .Distinct();
}
