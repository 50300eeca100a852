using Fazhi.Platform.Kit;
using Fazhi.Platform.Data;
using Fazhi.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Features.OrgUnits;

internal sealed record OrgUnitDto(
    Guid Id, string Code, string Name, OrgLevel Level, string LevelName, OrgKind Kind, string KindName,
    Guid? ParentId, string? ParentCode, string PathText, int SortOrder, bool IsActive, bool HasChildren, long Version);


internal sealed record CreateOrgUnitRequest(string Code, string Name, OrgLevel Level, OrgKind Kind, Guid? ParentId, int SortOrder);

internal sealed record UpdateOrgUnitRequest(string Name, OrgLevel Level, OrgKind Kind, int SortOrder, long Version);

internal sealed record MoveOrgUnitRequest(Guid? ParentId, long Version);

internal sealed record DeactivateOrgUnitRequest(string Reason, long Version);

internal sealed record ActivateOrgUnitRequest(long Version);

/// <summary>
/// The org tree's rules, shared by the API, the pages and the CLI. Org units are reference data every signed-in
/// user with <see cref="PlatformPermissions.OrgUnitsRead"/> may read in full (pickers, paths); writes need
/// <see cref="PlatformPermissions.OrgUnitsManage"/>.
/// </summary>
internal sealed partial class OrgUnitService(PlatformDb db, ICurrentUser current)
{
    private const string ForbiddenMessage = "您没有管理组织机构的权限。";

    public const int MaxPageSize = 200;

    public async Task<Paged<OrgUnitDto>> SearchAsync(string? q, Guid? parentId, OrgLevel? level, bool includeInactive, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.OrgUnits.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.Name.Contains(term) || u.Code.Contains(term));
        }
        if (parentId is { } p)
        {
            query = query.Where(u => u.ParentId == p);
        }
        if (level is { } l)
        {
            query = query.Where(u => u.Level == l);
        }
        if (!includeInactive)
        {
            query = query.Where(u => u.IsActive);
        }
        var total = await query.CountAsync(ct);
        var units = await query.OrderBy(u => u.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<OrgUnitDto>(await ToDtosAsync(units, ct), total, page, pageSize);
    }

    /// <summary>Direct children of a unit (or the roots when null), in display order.</summary>
    public async Task<IReadOnlyList<OrgUnitDto>?> ChildrenAsync(Guid? id, bool includeInactive, CancellationToken ct)
    {
        if (id is { } i && !await db.OrgUnits.AnyAsync(u => u.Id == i, ct))
        {
            return null;
        }
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ParentId == id && (includeInactive || u.IsActive))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Code)
            .ToListAsync(ct);
        return await ToDtosAsync(units, ct);
    }

    public async Task<OrgUnitDto?> GetAsync(Guid id, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        return unit is null ? null : (await ToDtosAsync([unit], ct))[0];
    }

    public Task<Guid?> FindIdByCodeAsync(string code, CancellationToken ct) =>
        db.OrgUnits.Where(u => u.Code == code.Trim()).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);

    /// <summary>Loads a unit for a change: refused without the manage permission, 404 when absent, 409 when the version is stale.</summary>
    private async Task<OrgUnit> EditableAsync(Guid id, long version, CancellationToken ct)
    {
        if (!current.Has(PlatformPermissions.OrgUnitsManage))
        {
            throw Refuse.Forbidden(ForbiddenMessage);
        }
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw Refuse.NotFound("组织机构不存在。");
        return unit.Version == version ? unit : throw Refuse.Stale();
    }

    /// <summary>The whole tree in one query, for the tree page and the tree endpoint.</summary>
    public async Task<OrgForest> ForestAsync(CancellationToken ct)
    {
        var nodes = await db.OrgUnits.AsNoTracking()
            .Select(u => new OrgNode(u.Id, u.Code, u.Name, u.Level, u.Kind, u.ParentId, u.SortOrder, u.IsActive))
            .ToListAsync(ct);
        return new OrgForest(nodes);
    }

    public async Task<OrgUnitDto> CreateAsync(CreateOrgUnitRequest request, CancellationToken ct)
    {
        if (!current.Has(PlatformPermissions.OrgUnitsManage))
        {
            throw Refuse.Forbidden(ForbiddenMessage);
        }
        var errors = new FieldChecks();
        var code = request.Code?.Trim() ?? "";
        var name = request.Name?.Trim() ?? "";
        Add(errors, "code", OrgRules.CheckCode(code));
        Add(errors, "name", OrgRules.CheckName(name));
        if (!Enum.IsDefined(request.Level))
        {
            Add(errors, "level", "请选择层级。");
        }
        if (!Enum.IsDefined(request.Kind))
        {
            Add(errors, "kind", "请选择类型。");
        }
        if (!errors.Errors.ContainsKey("code") && await db.OrgUnits.AnyAsync(u => u.Code == code, ct))
        {
            Add(errors, "code", $"代码 {code} 已被其他单位使用。");
        }
        OrgUnit? parent = null;
        if (request.ParentId is { } pid)
        {
            parent = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == pid, ct);
            if (parent is null)
            {
                Add(errors, "parentId", "上级单位不存在。");
            }
            else if (!parent.IsActive)
            {
                Add(errors, "parentId", $"上级单位“{parent.Name}”已停用，不能新建下级。");
            }
        }
        if (!errors.Any)
        {
            Add(errors, "level", OrgRules.CheckPlacement(name, request.Level, request.Kind, parent is null ? null : Ref(parent)));
        }
        NotSavedIfAny(errors);
        var unit = new OrgUnit
        {
            Code = code, Name = name, Level = request.Level, Kind = request.Kind, ParentId = parent?.Id,
            Path = (parent?.Path ?? "/") + code + "/", SortOrder = request.SortOrder, IsActive = true,
        };
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(unit.Id, ct))!;
    }

    public async Task<OrgUnitDto> UpdateAsync(Guid id, UpdateOrgUnitRequest request, CancellationToken ct)
    {
        var unit = await EditableAsync(id, request.Version, ct);
        var errors = new FieldChecks();
        var name = request.Name?.Trim() ?? "";
        Add(errors, "name", OrgRules.CheckName(name));
        if (!Enum.IsDefined(request.Level))
        {
            Add(errors, "level", "请选择层级。");
        }
        if (!Enum.IsDefined(request.Kind))
        {
            Add(errors, "kind", "请选择类型。");
        }
        if (!errors.Any)
        {
            var parent = unit.ParentId is { } pid ? await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == pid, ct) : null;
            Add(errors, "level", OrgRules.CheckPlacement(name, request.Level, request.Kind, parent is null ? null : Ref(parent)));
            var children = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == id).ToListAsync(ct);
            var self = new OrgUnitRef(name, request.Level, request.Kind);
            var clash = children.Select(c => OrgRules.CheckPlacement(c.Name, c.Level, c.Kind, self)).FirstOrDefault(m => m is not null);
            Add(errors, "level", clash is null ? null : "下级单位与修改后的层级或类型不符：" + clash);
        }
        NotSavedIfAny(errors);
        unit.Name = name;
        unit.Level = request.Level;
        unit.Kind = request.Kind;
        unit.SortOrder = request.SortOrder;
        return await SaveAsync(unit, ct);
    }

    /// <summary>Moves a unit under another parent (or to the top); the paths of the whole subtree change in one transaction.</summary>
    public async Task<OrgUnitDto> MoveAsync(Guid id, MoveOrgUnitRequest request, CancellationToken ct)
    {
        var unit = await EditableAsync(id, request.Version, ct);
        if (unit.ParentId == request.ParentId)
        {
            return (await GetAsync(id, ct))!;
        }
        OrgUnit? parent = null;
        if (request.ParentId is { } pid)
        {
            parent = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == pid, ct);
            if (parent is null)
            {
                throw Refuse.Field("parentId", "新的上级单位不存在。");
            }
            if (parent.Path.StartsWith(unit.Path, StringComparison.Ordinal))
            {
                throw Refuse.Field("parentId", $"不能把“{unit.Name}”移到它自身或它的下级单位“{parent.Name}”之下。");
            }
            if (!parent.IsActive && unit.IsActive)
            {
                throw Refuse.Field("parentId", $"新的上级单位“{parent.Name}”已停用。");
            }
            if (OrgRules.CheckPlacement(unit.Name, unit.Level, unit.Kind, Ref(parent)) is { } why)
            {
                throw Refuse.Field("parentId", why);
            }
        }
        var oldPath = unit.Path;
        var newPath = (parent?.Path ?? "/") + unit.Code + "/";
        var descendants = await db.OrgUnits.Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id).ToListAsync(ct);
        foreach (var d in descendants)
        {
            d.Path = newPath + d.Path[oldPath.Length..];
        }
        unit.Path = newPath;
        unit.ParentId = parent?.Id;
        return await SaveAsync(unit, ct);
    }

    /// <summary>Deactivates a unit that no longer has active children, users or role assignments; the reason goes to the audit trail.</summary>
    public async Task<OrgUnitDto> DeactivateAsync(Guid id, DeactivateOrgUnitRequest request, CancellationToken ct)
    {
        var unit = await EditableAsync(id, request.Version, ct);
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            throw Refuse.Field("reason", "请填写停用原因。");
        }
        if (reason.Length > 500)
        {
            throw Refuse.Field("reason", "停用原因不能超过 500 个字。");
        }
        if (!unit.IsActive)
        {
            throw Refuse.Field("isActive", $"“{unit.Name}”已经是停用状态。");
        }
        var reasons = new List<string>();
        var activeChildren = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == id && u.IsActive).OrderBy(u => u.SortOrder).Select(u => u.Name).ToListAsync(ct);
        if (activeChildren.Count > 0)
        {
            reasons.Add($"下级还有 {activeChildren.Count} 个启用的单位（{string.Join("、", activeChildren.Take(3))}{(activeChildren.Count > 3 ? " 等" : "")}），请先停用或移走下级单位。");
        }
        // System check: accounts and role assignments anywhere count, not only those in the caller's data scope.
        var users = await db.Users.IgnoreQueryFilters().CountAsync(u => u.OrgUnitId == id, ct);
        if (users > 0)
        {
            reasons.Add($"本单位还有 {users} 个用户账户，请先把这些账户调整到其他单位。");
        }
        var assignments = await db.RoleAssignments.IgnoreQueryFilters().CountAsync(a => a.OrgUnitId == id, ct);
        if (assignments > 0)
        {
            reasons.Add($"还有 {assignments} 个角色授权以本单位为范围，请先收回这些授权。");
        }
        if (reasons.Count > 0)
        {
            throw Refuse.Fields(new Dictionary<string, string[]> { ["isActive"] = [.. reasons] }, $"不能停用“{unit.Name}”：" + string.Join(" ", reasons));
        }
        unit.IsActive = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var saved = await SaveAsync(unit, ct);
        await db.WriteAuditEventAsync("orgunit.deactivated", nameof(OrgUnit), unit.Id.ToString(), new { unit.Code, unit.Name, reason }, ct);
        await tx.CommitAsync(ct);
        return saved;
    }

    public async Task<OrgUnitDto> ActivateAsync(Guid id, ActivateOrgUnitRequest request, CancellationToken ct)
    {
        var unit = await EditableAsync(id, request.Version, ct);
        if (unit.ParentId is { } pid && await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == pid, ct) is { IsActive: false } parent)
        {
            throw Refuse.Field("isActive", $"上级单位“{parent.Name}”已停用，请先启用上级单位。");
        }
        unit.IsActive = true;
        return await SaveAsync(unit, ct);
    }

    private async Task<OrgUnitDto> SaveAsync(OrgUnit unit, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The page reloads the unit after the refusal through the same context: forget the stale edit.
            db.ChangeTracker.Clear();
            throw Refuse.Stale();
        }
        return (await GetAsync(unit.Id, ct))!;
    }

    private async Task<List<OrgUnitDto>> ToDtosAsync(List<OrgUnit> units, CancellationToken ct)
    {
        if (units.Count == 0)
        {
            return [];
        }
        var codes = units.SelectMany(u => PathCodes(u.Path)).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).Select(u => new { u.Code, u.Name }).ToDictionaryAsync(x => x.Code, x => x.Name, ct);
        var ids = units.Select(u => u.Id).ToList();
        var withChildren = (await db.OrgUnits.AsNoTracking().Where(u => u.ParentId != null && ids.Contains(u.ParentId.Value)).Select(u => u.ParentId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        return units.Select(u =>
        {
            var path = PathCodes(u.Path);
            return new OrgUnitDto(u.Id, u.Code, u.Name, u.Level, OrgRules.LevelName(u.Level), u.Kind, OrgRules.KindName(u.Kind),
                u.ParentId, path.Length > 1 ? path[^2] : null,
                string.Join(" / ", path.Select(c => names.GetValueOrDefault(c, c))),
                u.SortOrder, u.IsActive, withChildren.Contains(u.Id), u.Version);
        }).ToList();
    }

    internal static string[] PathCodes(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static OrgUnitRef Ref(OrgUnit u) => new(u.Name, u.Level, u.Kind);

    private static void Add(FieldChecks errors, string field, string? message)
    {
        if (message is not null)
        {
            errors.Add(field, message);
        }
    }

    private static void NotSavedIfAny(FieldChecks errors) =>
        errors.ThrowIfAny("组织机构未保存：" + string.Join(" ", errors.Errors.Values.SelectMany(v => v)));
}

/// <summary>A light node of the tree.</summary>
internal sealed record OrgNode(Guid Id, string Code, string Name, OrgLevel Level, OrgKind Kind, Guid? ParentId, int SortOrder, bool IsActive);

/// <summary>The whole tree in memory: children by parent, in display order (sort order, then code).</summary>
internal sealed class OrgForest
{
    private static readonly IReadOnlyList<OrgNode> None = [];
    private readonly Dictionary<Guid, List<OrgNode>> _children = [];

    public OrgForest(IReadOnlyList<OrgNode> nodes)
    {
        All = nodes;
        ById = nodes.ToDictionary(n => n.Id);
        var roots = new List<OrgNode>();
        foreach (var n in nodes)
        {
            if (n.ParentId is { } p && ById.ContainsKey(p))
            {
                if (!_children.TryGetValue(p, out var list))
                {
                    _children[p] = list = [];
                }
                list.Add(n);
            }
            else
            {
                roots.Add(n);
            }
        }
        Comparison<OrgNode> order = (a, b) => a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : string.CompareOrdinal(a.Code, b.Code);
        roots.Sort(order);
        foreach (var list in _children.Values)
        {
            list.Sort(order);
        }
        Roots = roots;
    }

    public IReadOnlyList<OrgNode> All { get; }

    public IReadOnlyDictionary<Guid, OrgNode> ById { get; }

    public IReadOnlyList<OrgNode> Roots { get; }

    public IReadOnlyList<OrgNode> ChildrenOf(Guid id) => _children.TryGetValue(id, out var list) ? list : None;
}
