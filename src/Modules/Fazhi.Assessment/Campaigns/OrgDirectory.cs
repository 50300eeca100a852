using Fazhi.Platform.Data;
using Fazhi.Platform.Features.OrgUnits;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Assessment.Campaigns;

/// <summary>Read-only org-tree lookups for the module (org units are readable by every signed-in user, ADR 0005).</summary>
internal sealed class OrgDirectory(PlatformDb platform)
{
    public Task<List<OrgUnit>> AllAsync(CancellationToken ct) => platform.OrgUnits.AsNoTracking().Where(u => u.IsActive).ToListAsync(ct);

    /// <summary>Names of the given units (for lists: only the units shown, not the whole tree).</summary>
    public Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        platform.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    public Task<OrgUnit?> ByIdAsync(Guid id, CancellationToken ct) => platform.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);

    public Task<OrgUnit?> ByCodeAsync(string code, CancellationToken ct) => platform.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct);

    /// <summary>The unit and every active unit below it.</summary>
    public async Task<List<Guid>> SubtreeAsync(Guid id, CancellationToken ct)
    {
        var unit = await ByIdAsync(id, ct);
        if (unit is null)
        {
            return [];
        }
        return await platform.OrgUnits.AsNoTracking().Where(u => u.Path.StartsWith(unit.Path)).Select(u => u.Id).ToListAsync(ct);
    }

    /// <summary>Ancestors from the parent upwards (district, city ...).</summary>
    public async Task<List<OrgUnit>> AncestorsAsync(Guid id, CancellationToken ct)
    {
        var result = new List<OrgUnit>();
        var unit = await ByIdAsync(id, ct);
        while (unit?.ParentId is { } parentId)
        {
            unit = await ByIdAsync(parentId, ct);
            if (unit is not null)
            {
                result.Add(unit);
            }
        }
        return result;
    }
}
