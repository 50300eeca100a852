using System.Security.Claims;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Features.Roles;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Security;

/// <summary>
/// Gives each request its signed-in user: role assignments turned into permissions and a data scope (the org units
/// where a role is held and every unit below them). Loaded users are reused while the installation's
/// <see cref="SecurityEpoch"/> is unchanged, so a role change, deactivation or org-tree move applies from the next
/// request on every node.
/// </summary>
internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser current, SecurityEpochWatch watch, SignedInUserCache cache)
    {
        var idText = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (context.User.Identity?.IsAuthenticated == true && Guid.TryParse(idText, out var userId))
        {
            // No query while the epoch has not moved (ADR 0026); the four queries of a full load only when something
            // security-relevant changed. The database context is made only when one of them is needed.
            PlatformDb? made = null;
            PlatformDb Db() => made ??= context.RequestServices.GetRequiredService<PlatformDb>();
            var epoch = await watch.CurrentAsync(Db, context.RequestAborted);
            ICurrentUser? loaded;
            if (cache.Contains(userId, epoch))
            {
                loaded = cache.Get(userId, epoch);
            }
            else
            {
                loaded = await LoadAsync(Db(), userId, context.RequestAborted);
                cache.Set(userId, epoch, loaded);
            }
            if (loaded is not null)
            {
                current.Set(loaded);
            }
        }
        await next(context);
    }

    internal static async Task<ICurrentUser?> LoadAsync(PlatformDb db, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.OrgUnitId, u.TwoFactorEnabled, u.MustChangePassword, OrgName = db.OrgUnits.Where(o => o.Id == u.OrgUnitId).Select(o => o.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }
        var assignments = await db.RoleAssignments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.UserId == userId)
            .Select(a => new { a.OrgUnitId, a.Role!.AdminKind, Permissions = a.Role.Permissions.Select(p => p.Permission).ToList() })
            .ToListAsync(ct);
        var permissions = assignments.SelectMany(a => a.Permissions).ToHashSet(StringComparer.Ordinal);
        var unitIds = assignments.Select(a => a.OrgUnitId).Distinct().ToList();
        var units = await OrgTree.SubtreeIdsAsync(db, unitIds, ct);
        return new SignedInUser(user.Id, user.UserName ?? "", user.OrgUnitId, permissions, DataScope.Of(units))
        {
            MustEnrolTwoFactor = !user.TwoFactorEnabled && assignments.Any(a => a.AdminKind != AdminKind.None),
            MustChangePassword = user.MustChangePassword,
            TwoFactorEnabled = user.TwoFactorEnabled,
            DisplayName = user.DisplayName,
            OrgUnitName = user.OrgName ?? "",
        };
    }
}
