using Fazhi.Platform.Features.Notifications;

namespace Fazhi.Platform.Kit;

/// <summary>
/// Whom a hand-over message goes to when the work is done by someone whose scope covers the unit (a legal reviewer at
/// the bureau above, the office at the city): the holders of the permission at the unit and at every unit above it.
/// </summary>
public static class HandOverRecipients
{
    public static async Task<IReadOnlyList<Guid>> AtOrAboveAsync(this INotifier notifier, IOrgDirectory orgs, Guid unitId, string permission, CancellationToken ct)
    {
        var users = new HashSet<Guid>(await notifier.UsersWithPermissionAtAsync(unitId, permission, ct));
        foreach (var above in await orgs.AncestorsAsync(unitId, ct))
        {
            users.UnionWith(await notifier.UsersWithPermissionAtAsync(above.Id, permission, ct));
        }
        return users.ToList();
    }
}
