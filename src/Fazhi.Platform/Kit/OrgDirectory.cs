using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Kit;

/// <summary>An org unit as modules see it: a read-only copy of the platform's <see cref="OrgUnit"/>.</summary>
/// <param name="Id">The unit's id (what modules store in <c>OrgUnitId</c>).</param>
/// <param name="Code">Unique code: a division code (370402) or a department code (370400-SFJ).</param>
/// <param name="Name">The unit's name.</param>
/// <param name="ParentId">The parent unit, null for a root.</param>
/// <param name="Level">Administrative level.</param>
/// <param name="Kind">Kind of body.</param>
/// <param name="IsActive">False once the unit is deactivated (停用); its records stay.</param>
/// <param name="Path">"/370400/370402/" style path of codes, root first.</param>
/// <param name="Depth">Depth in the tree: 1 for a root.</param>
/// <param name="SortOrder">Display order among siblings.</param>
public sealed record OrgUnitInfo(Guid Id, string Code, string Name, Guid? ParentId, OrgLevel Level, OrgKind Kind, bool IsActive, string Path, int Depth, int SortOrder);

/// <summary>
/// The org tree for modules (ADR 0007): lookups by id and code, names, ancestors, children and subtrees. Org units are
/// directory data readable by every caller (no data scope applies); callers check <c>ICurrentUser.Scope</c> themselves where
/// a unit must be within the caller's scope. Answers come from an in-memory copy of the tree that is reloaded when the
/// installation's security epoch moves (every change to an org unit raises it), so each call costs one tiny read.
/// </summary>
public interface IOrgDirectory
{
    /// <summary>The unit with this id, active or not; null when there is none.</summary>
    Task<OrgUnitInfo?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>The unit with exactly this code (ordinal, not trimmed), active or not; null when there is none.</summary>
    Task<OrgUnitInfo?> FindByCodeAsync(string code, CancellationToken ct);

    /// <summary>The units among <paramref name="ids"/> that exist, active or not, by id.</summary>
    Task<IReadOnlyDictionary<Guid, OrgUnitInfo>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken ct);

    /// <summary>The units among <paramref name="codes"/> that exist, active or not, by code (nulls are ignored).</summary>
    Task<IReadOnlyDictionary<string, OrgUnitInfo>> FindByCodesAsync(IEnumerable<string?> codes, CancellationToken ct);

    /// <summary>Names of the units among <paramref name="ids"/> that exist (deactivated units keep their names: lists show history).</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct);

    /// <summary>The parent chain of a unit, from its parent up to the root (county, city, province ...); empty for a root or an unknown id.</summary>
    Task<IReadOnlyList<OrgUnitInfo>> AncestorsAsync(Guid id, CancellationToken ct);

    /// <summary>The direct children of a unit in display order (sort order, then code).</summary>
    Task<IReadOnlyList<OrgUnitInfo>> ChildrenAsync(Guid id, bool includeInactive, CancellationToken ct);

    /// <summary>
    /// The unit and every unit below it that is active (a deactivated unit is left out, and so is whatever still hangs
    /// below it); empty when the unit is unknown or itself deactivated. For what a unit is answerable for today.
    /// </summary>
    Task<IReadOnlyList<Guid>> ActiveSubtreeIdsAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// The unit and every unit below it, deactivated ones included; empty when the unit is unknown. For history such as
    /// statistics, where cases of a since-deactivated town still count towards its county.
    /// </summary>
    Task<IReadOnlyList<Guid>> SubtreeIdsAsync(Guid id, CancellationToken ct);

    /// <summary>Every active unit, ordered by code (ordinal). Filter in memory: the list is held, not queried.</summary>
    Task<IReadOnlyList<OrgUnitInfo>> ActiveUnitsAsync(CancellationToken ct);
}

internal sealed class OrgDirectory(PlatformDb db, OrgSnapshotCache cache) : IOrgDirectory
{
    private OrgSnapshot? _tree;

    /// <summary>
    /// One tree per request or job run: the epoch is read once (a worklist asks the directory several times), except
    /// inside a transaction, where the tree is read with the transaction's own changes every time.
    /// </summary>
    private async ValueTask<OrgSnapshot> TreeAsync(CancellationToken ct) =>
        db.Database.CurrentTransaction is not null ? await cache.GetAsync(db, ct) : _tree ??= await cache.GetAsync(db, ct);

    public async Task<OrgUnitInfo?> FindAsync(Guid id, CancellationToken ct) =>
        (await TreeAsync(ct)).ById.GetValueOrDefault(id);

    public async Task<OrgUnitInfo?> FindByCodeAsync(string code, CancellationToken ct) =>
        code is null ? null : (await TreeAsync(ct)).ByCode.GetValueOrDefault(code);

    public async Task<IReadOnlyDictionary<Guid, OrgUnitInfo>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var tree = await TreeAsync(ct);
        var result = new Dictionary<Guid, OrgUnitInfo>();
        foreach (var id in ids)
        {
            if (tree.ById.TryGetValue(id, out var unit))
            {
                result[id] = unit;
            }
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<string, OrgUnitInfo>> FindByCodesAsync(IEnumerable<string?> codes, CancellationToken ct)
    {
        var tree = await TreeAsync(ct);
        var result = new Dictionary<string, OrgUnitInfo>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (code is not null && tree.ByCode.TryGetValue(code, out var unit))
            {
                result[code] = unit;
            }
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct) =>
        (await FindManyAsync(ids, ct)).ToDictionary(u => u.Key, u => u.Value.Name);

    public async Task<IReadOnlyList<OrgUnitInfo>> AncestorsAsync(Guid id, CancellationToken ct)
    {
        var tree = await TreeAsync(ct);
        var result = new List<OrgUnitInfo>();
        var unit = tree.ById.GetValueOrDefault(id);
        // The tree has no loops (moves refuse them); the bound only guards against a corrupt row.
        while (unit?.ParentId is { } parentId && tree.ById.TryGetValue(parentId, out unit) && result.Count < tree.ById.Count)
        {
            result.Add(unit);
        }
        return result;
    }

    public async Task<IReadOnlyList<OrgUnitInfo>> ChildrenAsync(Guid id, bool includeInactive, CancellationToken ct)
    {
        var children = (await TreeAsync(ct)).ChildrenOf(id);
        return includeInactive ? children : children.Where(c => c.IsActive).ToList();
    }

    public async Task<IReadOnlyList<Guid>> ActiveSubtreeIdsAsync(Guid id, CancellationToken ct) =>
        (await TreeAsync(ct)).Subtree(id, activeOnly: true);

    public async Task<IReadOnlyList<Guid>> SubtreeIdsAsync(Guid id, CancellationToken ct) =>
        (await TreeAsync(ct)).Subtree(id, activeOnly: false);

    public async Task<IReadOnlyList<OrgUnitInfo>> ActiveUnitsAsync(CancellationToken ct) => (await TreeAsync(ct)).Active;
}

/// <summary>The whole org tree in memory, as read at one security epoch.</summary>
internal sealed class OrgSnapshot
{
    private static readonly IReadOnlyList<OrgUnitInfo> None = [];
    private readonly Dictionary<Guid, List<OrgUnitInfo>> _children = [];

    public OrgSnapshot(IEnumerable<OrgUnitInfo> units)
    {
        var all = units.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        ById = all.ToDictionary(u => u.Id);
        ByCode = all.ToDictionary(u => u.Code, StringComparer.Ordinal);
        Active = all.Where(u => u.IsActive).ToList();
        foreach (var u in all)
        {
            if (u.ParentId is { } p && ById.ContainsKey(p))
            {
                if (!_children.TryGetValue(p, out var list))
                {
                    _children[p] = list = [];
                }
                list.Add(u);
            }
        }
        foreach (var list in _children.Values)
        {
            list.Sort((a, b) => a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : string.CompareOrdinal(a.Code, b.Code));
        }
    }

    public IReadOnlyDictionary<Guid, OrgUnitInfo> ById { get; }

    public IReadOnlyDictionary<string, OrgUnitInfo> ByCode { get; }

    /// <summary>Active units ordered by code.</summary>
    public IReadOnlyList<OrgUnitInfo> Active { get; }

    public IReadOnlyList<OrgUnitInfo> ChildrenOf(Guid id) => _children.TryGetValue(id, out var list) ? list : None;

    public List<Guid> Subtree(Guid id, bool activeOnly)
    {
        if (!ById.TryGetValue(id, out var root) || (activeOnly && !root.IsActive))
        {
            return [];
        }
        var result = new List<Guid>();
        var seen = new HashSet<Guid>();
        var stack = new Stack<OrgUnitInfo>();
        stack.Push(root);
        while (stack.TryPop(out var unit))
        {
            if (!seen.Add(unit.Id))
            {
                continue;
            }
            result.Add(unit.Id);
            foreach (var child in ChildrenOf(unit.Id))
            {
                if (!activeOnly || child.IsActive)
                {
                    stack.Push(child);
                }
            }
        }
        return result;
    }

    public static async Task<OrgSnapshot> LoadAsync(PlatformDb db, CancellationToken ct)
    {
        var rows = await db.OrgUnits.AsNoTracking()
            .Select(u => new { u.Id, u.Code, u.Name, u.ParentId, u.Level, u.Kind, u.IsActive, u.Path, u.SortOrder })
            .ToListAsync(ct);
        return new OrgSnapshot(rows.Select(u => new OrgUnitInfo(u.Id, u.Code, u.Name, u.ParentId, u.Level, u.Kind, u.IsActive, u.Path,
            OrgUnitService.PathCodes(u.Path).Length, u.SortOrder)));
    }
}

/// <summary>
/// The org tree shared by every request and job, keyed by the security epoch (ADR 0014): every committed change to an org
/// unit raises the epoch, so a snapshot is used only while the epoch read at the call is the one it was loaded at.
/// </summary>
internal sealed class OrgSnapshotCache(SecurityEpochWatch watch) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Entry? _current;

    public void Dispose() => _loading.Dispose();

    public async Task<OrgSnapshot> GetAsync(PlatformDb db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Inside a transaction the tree may include uncommitted changes: read them, share nothing.
            return await OrgSnapshot.LoadAsync(db, ct);
        }
        var epoch = await watch.CurrentAsync(() => db, ct);
        if (_current is { } hit && hit.Epoch == epoch)
        {
            return hit.Snapshot;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (_current is { } again && again.Epoch == epoch)
            {
                return again.Snapshot;
            }
            // Loaded after the epoch was read, so the snapshot is at least as new as its epoch says.
            var snapshot = await OrgSnapshot.LoadAsync(db, ct);
            _current = new Entry(epoch, snapshot);
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Entry(long Epoch, OrgSnapshot Snapshot);
}
