using Fazhi.Platform.Features.Users;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Features.Roles;

/// <summary>Roles and the permission catalogue (安全管理员), and the role-assignment service every caller shares.</summary>
internal static class RolesFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RoleAssignmentService>();
        builder.Services.AddScoped<RoleAdministration>();
        builder.Services.AddNavItems(new NavItem("系统管理", "角色权限", "/admin/roles", PlatformPermissions.RolesManage, 30, "Roles"));
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/permissions", (RoleAdministration roles) => TypedResults.Ok(roles.Catalogue()))
            .WithTags("roles").RequirePermission(PlatformPermissions.UsersRead);
        var g = api.MapGroup("/roles").WithTags("roles");
        g.MapGet("/", async (RoleAdministration roles, CancellationToken ct) => TypedResults.Ok(await roles.ListAsync(ct)))
            .RequirePermission(PlatformPermissions.UsersRead);
        g.MapGet("/{id:guid}", GetAsync).RequirePermission(PlatformPermissions.UsersRead);
        g.MapPost("/", async (CreateRoleRequest request, RoleAdministration roles, CancellationToken ct) => TypedResults.Ok(await roles.CreateAsync(request, ct)))
            .RequirePermission(PlatformPermissions.RolesManage);
        g.MapPut("/{id:guid}", async (Guid id, UpdateRoleRequest request, RoleAdministration roles, CancellationToken ct) => TypedResults.Ok(await roles.UpdateAsync(id, request, ct)))
            .RequirePermission(PlatformPermissions.RolesManage);
        g.MapDelete("/{id:guid}", async (Guid id, RoleAdministration roles, CancellationToken ct) =>
            {
                await roles.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(PlatformPermissions.RolesManage);
    }

    private static async Task<Results<Ok<RoleDetail>, ProblemHttpResult>> GetAsync(Guid id, RoleAdministration roles, CancellationToken ct) =>
        await roles.GetAsync(id, ct) is { } role
            ? TypedResults.Ok(role)
            : TypedResults.Problem(title: "未找到", detail: "角色不存在。", statusCode: StatusCodes.Status404NotFound);
}
