using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Platform.Features.OrgUnits;

/// <summary>/api/platform/org-units: read with OrgUnitsRead, change with OrgUnitsManage.</summary>
internal static class OrgUnitsApi
{
    internal sealed record OrgTreeNode(Guid Id, string Code, string Name, OrgLevel Level, OrgKind Kind, bool IsActive, IReadOnlyList<OrgTreeNode> Children);

    internal sealed record ImportResponse(int Created, int Updated, int Unchanged);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/org-units").WithTags("org-units");
        g.MapGet("/", SearchAsync).RequirePermission(PlatformPermissions.OrgUnitsRead);
        g.MapGet("/tree", TreeAsync).RequirePermission(PlatformPermissions.OrgUnitsRead);
        g.MapGet("/roots", (OrgUnitService s, bool? includeInactive, CancellationToken ct) => ChildrenCoreAsync(s, null, includeInactive, ct))
            .RequirePermission(PlatformPermissions.OrgUnitsRead);
        g.MapGet("/{id:guid}/children", (OrgUnitService s, Guid id, bool? includeInactive, CancellationToken ct) => ChildrenCoreAsync(s, id, includeInactive, ct))
            .RequirePermission(PlatformPermissions.OrgUnitsRead);
        g.MapGet("/export", ExportAsync).RequirePermission(PlatformPermissions.OrgUnitsRead);
        g.MapGet("/{id:guid}", GetAsync).RequirePermission(PlatformPermissions.OrgUnitsRead);
        g.MapPost("/", CreateAsync).RequirePermission(PlatformPermissions.OrgUnitsManage);
        g.MapPut("/{id:guid}", (OrgUnitService s, Guid id, UpdateOrgUnitRequest r, CancellationToken ct) => OkAsync(s.UpdateAsync(id, r, ct)))
            .RequirePermission(PlatformPermissions.OrgUnitsManage);
        g.MapPost("/{id:guid}/move", (OrgUnitService s, Guid id, MoveOrgUnitRequest r, CancellationToken ct) => OkAsync(s.MoveAsync(id, r, ct)))
            .RequirePermission(PlatformPermissions.OrgUnitsManage);
        g.MapPost("/{id:guid}/deactivate", (OrgUnitService s, Guid id, DeactivateOrgUnitRequest r, CancellationToken ct) => OkAsync(s.DeactivateAsync(id, r, ct)))
            .RequirePermission(PlatformPermissions.OrgUnitsManage);
        g.MapPost("/{id:guid}/activate", (OrgUnitService s, Guid id, ActivateOrgUnitRequest r, CancellationToken ct) => OkAsync(s.ActivateAsync(id, r, ct)))
            .RequirePermission(PlatformPermissions.OrgUnitsManage);
        // Cookie callers (the page) must send the antiforgery token; bearer-token clients carry no cookie to forge.
        g.MapPost("/import", ImportAsync).RequirePermission(PlatformPermissions.OrgUnitsManage).RequireAntiforgeryForCookies();
    }

    /// <summary>Search by name or code (contains), optionally under a parent or at a level; paged, ordered by code.</summary>
    private static async Task<Ok<Paged<OrgUnitDto>>> SearchAsync(OrgUnitService s, string? q, Guid? parentId, OrgLevel? level, bool? includeInactive, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await s.SearchAsync(q, parentId, level, includeInactive ?? true, page ?? 1, pageSize ?? 20, ct));

    private static async Task<Ok<IReadOnlyList<OrgUnitDto>>> ChildrenCoreAsync(OrgUnitService s, Guid? id, bool? includeInactive, CancellationToken ct) =>
        TypedResults.Ok(await s.ChildrenAsync(id, includeInactive ?? true, ct) ?? throw NotFound());

    /// <summary>The tree as nested nodes, from <paramref name="rootId"/> (or every root) down <paramref name="depth"/> levels (all when omitted).</summary>
    private static async Task<Ok<IReadOnlyList<OrgTreeNode>>> TreeAsync(OrgUnitService s, Guid? rootId, int? depth, CancellationToken ct)
    {
        var forest = await s.ForestAsync(ct);
        IReadOnlyList<OrgNode> start;
        if (rootId is { } r)
        {
            if (!forest.ById.TryGetValue(r, out var root))
            {
                throw NotFound();
            }
            start = [root];
        }
        else
        {
            start = forest.Roots;
        }
        var max = depth is > 0 ? depth.Value : int.MaxValue;
        OrgTreeNode Build(OrgNode n, int level) => new(n.Id, n.Code, n.Name, n.Level, n.Kind, n.IsActive,
            level >= max ? [] : forest.ChildrenOf(n.Id).Select(c => Build(c, level + 1)).ToList());
        return TypedResults.Ok<IReadOnlyList<OrgTreeNode>>(start.Select(n => Build(n, 1)).ToList());
    }

    private static async Task<Ok<OrgUnitDto>> GetAsync(OrgUnitService s, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await s.GetAsync(id, ct) ?? throw NotFound());

    private static async Task<Created<OrgUnitDto>> CreateAsync(OrgUnitService s, CreateOrgUnitRequest request, CancellationToken ct)
    {
        var created = await s.CreateAsync(request, ct);
        return TypedResults.Created($"/api/platform/org-units/{created.Id}", created);
    }

    private static async Task<Ok<OrgUnitDto>> OkAsync(Task<OrgUnitDto> command) => TypedResults.Ok(await command);

    private static async Task<FileContentHttpResult> ExportAsync(OrgUnitTransfer transfer, IDeadlineService deadlines, CancellationToken ct)
    {
        var bytes = await transfer.ExportAsync(ct);
        return TypedResults.File(bytes, XlsxWriter.ContentType, $"组织机构-{deadlines.Today:yyyyMMdd}.xlsx");
    }

    /// <summary>Multipart upload with a field named <c>file</c>. On any row error nothing is imported; the errors come back keyed <c>rows[N]</c>.</summary>
    private static async Task<Ok<ImportResponse>> ImportAsync(HttpContext http, OrgUnitTransfer transfer, CancellationToken ct)
    {
        var upload = await ImportUploads.ReadAsync(http, ct);
        await using var stream = upload.File.OpenReadStream();
        var result = await transfer.ImportAsync(stream, ct);
        if (!result.Succeeded)
        {
            var errors = result.Errors.GroupBy(e => $"rows[{e.Row}]").ToDictionary(g => g.Key, g => g.Select(e => e.Code.Length > 0 ? $"第 {e.Row} 行（{e.Code}）：{e.Message}" : e.Row > 0 ? $"第 {e.Row} 行：{e.Message}" : e.Message).ToArray());
            throw Refuse.Fields(errors, $"导入未执行：{result.Errors.Select(e => e.Row).Distinct().Count()} 行有错误，请修改后重新导入。");
        }
        return TypedResults.Ok(new ImportResponse(result.Created, result.Updated, result.Unchanged));
    }

    private static RefusalException NotFound() => Refuse.NotFound("组织机构不存在。");
}
