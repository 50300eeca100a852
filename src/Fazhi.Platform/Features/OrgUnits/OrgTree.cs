using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Features.OrgUnits;

/// <summary>Queries over the org tree by materialised path.</summary>
internal static class OrgTree
{
    /// <summary>The given units and every unit below them.</summary>
    public static async Task<List<Guid>> SubtreeIdsAsync(PlatformDb db, IReadOnlyCollection<Guid> roots, CancellationToken ct)
    {
        if (roots.Count == 0)
        {
            return [];
        }
        var paths = await db.OrgUnits.AsNoTracking().Where(u => roots.Contains(u.Id)).Select(u => u.Path).ToListAsync(ct);
        var result = new HashSet<Guid>(roots);
        foreach (var path in paths)
        {
            var ids = await db.OrgUnits.AsNoTracking().Where(u => u.Path.StartsWith(path)).Select(u => u.Id).ToListAsync(ct);
            result.UnionWith(ids);
        }
        return [.. result];
    }
}
