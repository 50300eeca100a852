using Fazhi.Platform.Features.Roles;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Features.Users;

/// <summary>User administration (系统管理员): accounts, their status and their roles, within the caller's data scope.</summary>
internal static class UsersFeature
{
    public sealed record AssignRoleRequest(Guid RoleId, Guid OrgUnitId);

    public static void Add(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddNavItems(new NavItem("系统管理", "用户管理", "/admin/users", PlatformPermissions.UsersRead, 20, "Users"));
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("users");
        g.MapGet("/", ListAsync).RequirePermission(PlatformPermissions.UsersRead);
        g.MapGet("/export", async ([AsParameters] UserListQuery query, UserAdministration admin, CancellationToken ct) =>
            ListOutput.Xlsx(await admin.TableAsync(query, UserAdministration.Shape.Check(query), ct))).RequirePermission(PlatformPermissions.UsersRead);
        g.MapGet("/print", async ([AsParameters] UserListQuery query, UserAdministration admin, TimeProvider clock, CancellationToken ct) =>
            ListOutput.Print(await admin.TableAsync(query, UserAdministration.Shape.Check(query), ct), clock.GetUtcNow().ToOffset(ChinaTime.Offset)))
            .RequirePermission(PlatformPermissions.UsersRead);
        g.MapGet("/{id:guid}", GetAsync).RequirePermission(PlatformPermissions.UsersRead);
        g.MapPost("/", CreateAsync).RequirePermission(PlatformPermissions.UsersManage);
        g.MapPut("/{id:guid}", UpdateAsync).RequirePermission(PlatformPermissions.UsersManage);
        g.MapPost("/{id:guid}/deactivate", (Guid id, UserAdministration admin, CancellationToken ct) => SetActiveAsync(id, false, admin, ct))
            .RequirePermission(PlatformPermissions.UsersManage);
        g.MapPost("/{id:guid}/reactivate", (Guid id, UserAdministration admin, CancellationToken ct) => SetActiveAsync(id, true, admin, ct))
            .RequirePermission(PlatformPermissions.UsersManage);
        g.MapPost("/{id:guid}/unlock", UnlockAsync).RequirePermission(PlatformPermissions.UsersManage);
        g.MapPost("/{id:guid}/reset-password", ResetPasswordAsync).RequirePermission(PlatformPermissions.UsersManage);
        // Business accounts: the system administrator; 三员 accounts: the security administrator (ADR 0003), decided in the service.
        g.MapPost("/{id:guid}/reset-two-factor", ResetTwoFactorAsync).RequireAuthorization();
        // Business roles: the system administrator; administrator roles: the security administrator (ADR 0003).
        g.MapPost("/{id:guid}/roles", AssignRoleAsync).RequireAuthorization();
        g.MapDelete("/{id:guid}/roles/{assignmentId:guid}", RemoveRoleAsync).RequireAuthorization();
    }

    /// <summary>
    /// Accounts in the caller's data scope: q searches user name and name, sort is userName or displayName; status is
    /// active, inactive, locked, demo or no2fa.
    /// </summary>
    private static async Task<Ok<Paged<UserListItem>>> ListAsync([AsParameters] UserListQuery query, UserAdministration admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(query, UserAdministration.Shape.Check(query), ct));

    private static async Task<Results<Ok<UserDetail>, ProblemHttpResult>> GetAsync(Guid id, UserAdministration admin, CancellationToken ct) =>
        await admin.GetAsync(id, ct) is { } user
            ? TypedResults.Ok(user)
            : TypedResults.Problem(title: "未找到", detail: "用户不存在或不在您的数据范围内。", statusCode: StatusCodes.Status404NotFound);

    /// <summary>Creates an account with a one-time password, returned in this response only.</summary>
    private static async Task<Ok<CreatedUser>> CreateAsync(
        CreateUserRequest request, UserAdministration admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.CreateAsync(request, ct));

    private static async Task<Ok<UserDetail>> UpdateAsync(
        Guid id, UpdateUserRequest request, UserAdministration admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.UpdateAsync(id, request, ct));

    private static async Task<NoContent> SetActiveAsync(
        Guid id, bool active, UserAdministration admin, CancellationToken ct)
    {
        await admin.SetActiveAsync(id, active, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> UnlockAsync(
        Guid id, UserAdministration admin, CancellationToken ct)
    {
        await admin.UnlockAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<OneTimePasswordResponse>> ResetPasswordAsync(
        Guid id, UserAdministration admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.ResetPasswordAsync(id, ct));

    /// <summary>Resets a lost authenticator: TOTP off, key and recovery codes discarded, sessions ended; the reason is audited.</summary>
    private static async Task<NoContent> ResetTwoFactorAsync(
        Guid id, ResetTwoFactorRequest? request, UserAdministration admin, CancellationToken ct)
    {
        await admin.ResetTwoFactorAsync(id, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<UserRoleItem>> AssignRoleAsync(
        Guid id, AssignRoleRequest request, RoleAssignmentService assignments, UserAdministration admin, CancellationToken ct)
    {
        var assignment = await assignments.AssignAsync(id, request.RoleId, request.OrgUnitId, ct);
        var user = await admin.GetAsync(id, ct);
        return TypedResults.Ok(user!.Roles.First(r => r.Id == assignment.Id));
    }

    private static async Task<NoContent> RemoveRoleAsync(
        Guid id, Guid assignmentId, RoleAssignmentService assignments, CancellationToken ct)
    {
        await assignments.RemoveAsync(id, assignmentId, ct);
        return TypedResults.NoContent();
    }
}
