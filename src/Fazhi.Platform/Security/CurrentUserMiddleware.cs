using System.Security.Claims;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Features.Roles;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Security;

/// <summary>
/// Loads the signed-in user's role assignments once per request and turns them into permissions and a data scope:
/// the org units where a role is held and every unit below them.
/// </summary>
internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser current, PlatformDb db)
    {
        var idText = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (context.User.Identity?.IsAuthenticated == true && Guid.TryParse(idText, out var userId))
        {
            var loaded = await LoadAsync(db, userId, context.RequestAborted);
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
            DisplayName = user.DisplayName,
            OrgUnitName = user.OrgName ?? "",
        };
    }
}
