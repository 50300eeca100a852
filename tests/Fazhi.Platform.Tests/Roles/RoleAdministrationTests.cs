using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Roles;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Roles;

[Collection(HostCollection.Name)]
public sealed class RoleAdministrationTests(FazhiFactory factory)
{
    [Fact]
    public async Task Unknown_permission_codes_are_refused()
    {
        var security = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SecurityAdmin, "370400"));

        var response = await security.PostAsJsonAsync("/api/platform/roles", new
        {
            name = "调解员" + Guid.NewGuid().ToString("N")[..4],
            permissions = new[] { PlatformPermissions.UsersRead, "platform.no.such.permission" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("未知权限", body);
        Assert.Contains("platform.no.such.permission", body);
    }

    [Fact]
    public async Task A_role_in_use_cannot_be_deleted_until_its_assignments_are_removed()
    {
        var security = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SecurityAdmin, "370400"));
        var staff = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        var created = await security.PostAsJsonAsync("/api/platform/roles", new
        {
            name = "调解员" + Guid.NewGuid().ToString("N")[..4],
            description = "人民调解",
            permissions = new[] { PlatformPermissions.UsersRead, PlatformPermissions.AttachmentsRead },
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var role = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("None", role.GetProperty("adminKind").GetString());
        var roleId = role.GetProperty("id").GetGuid();
        var assigned = await security.PostAsJsonAsync($"/api/platform/users/{staff.Id}/roles", new { roleId, orgUnitId = staff.OrgUnitId });
        var assignmentId = (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var refused = await security.DeleteAsync($"/api/platform/roles/{roleId}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("仍有 1 项用户授权", await refused.Content.ReadAsStringAsync());

        await security.DeleteAsync($"/api/platform/users/{staff.Id}/roles/{assignmentId}");
        Assert.Equal(HttpStatusCode.NoContent, (await security.DeleteAsync($"/api/platform/roles/{roleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await security.GetAsync($"/api/platform/roles/{roleId}")).StatusCode);
    }

    [Fact]
    public async Task Administrator_roles_keep_their_duties_separated()
    {
        var security = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SecurityAdmin, "370400"));
        var system = await RoleAsync(security, BuiltInRoles.SystemAdmin);
        var audit = await RoleAsync(security, BuiltInRoles.AuditAdmin);

        var auditForSystem = await security.PutAsJsonAsync($"/api/platform/roles/{system.Id}", new
        {
            permissions = system.Permissions.Append(PlatformPermissions.AuditRead),
            version = system.Version,
        });
        Assert.Equal(HttpStatusCode.BadRequest, auditForSystem.StatusCode);
        Assert.Contains("审计管理员的职责", await auditForSystem.Content.ReadAsStringAsync());

        var manageForAudit = await security.PutAsJsonAsync($"/api/platform/roles/{audit.Id}", new
        {
            permissions = audit.Permissions.Append(PlatformPermissions.UsersManage).Append(PlatformPermissions.RolesManage),
            version = audit.Version,
        });
        Assert.Equal(HttpStatusCode.BadRequest, manageForAudit.StatusCode);
        var body = await manageForAudit.Content.ReadAsStringAsync();
        Assert.Contains("系统管理员的职责", body);
        Assert.Contains("安全管理员的职责", body);

        var custom = await security.PostAsJsonAsync("/api/platform/roles", new { name = "超级角色" + Guid.NewGuid().ToString("N")[..4], permissions = new[] { PlatformPermissions.RolesManage } });
        Assert.Equal(HttpStatusCode.BadRequest, custom.StatusCode);
        Assert.Contains("业务角色不能包含", await custom.Content.ReadAsStringAsync());

        var unchanged = await RoleAsync(security, BuiltInRoles.AuditAdmin);
        Assert.Equal([PlatformPermissions.AuditRead], unchanged.Permissions);
    }

    [Fact]
    public async Task Built_in_role_permissions_are_editable_with_a_version_check()
    {
        var security = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SecurityAdmin, "370400"));
        var created = await security.PostAsJsonAsync("/api/platform/roles", new { name = "执法人员" + Guid.NewGuid().ToString("N")[..4], permissions = new[] { PlatformPermissions.OrgUnitsRead } });
        var role = await created.Content.ReadFromJsonAsync<RoleDto>();

        var first = await security.PutAsJsonAsync($"/api/platform/roles/{role!.Id}", new { name = role.Name, permissions = new[] { PlatformPermissions.OrgUnitsRead, PlatformPermissions.AttachmentsRead }, version = role.Version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await security.PutAsJsonAsync($"/api/platform/roles/{role.Id}", new { name = role.Name, permissions = new[] { PlatformPermissions.OrgUnitsRead }, version = role.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var saved = await security.GetFromJsonAsync<RoleDto>($"/api/platform/roles/{role.Id}");
        Assert.Equal([PlatformPermissions.AttachmentsRead, PlatformPermissions.OrgUnitsRead], saved!.Permissions);
    }

    [Fact]
    public async Task System_admin_and_staff_cannot_manage_roles()
    {
        var sysadmin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        var staff = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.Staff, "370400"));
        var staffRole = await RoleAsync(sysadmin, BuiltInRoles.Staff);

        foreach (var client in new[] { sysadmin, staff })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/platform/roles", new { name = "x", permissions = Array.Empty<string>() })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/platform/roles/{staffRole.Id}", new { permissions = Array.Empty<string>(), version = staffRole.Version })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/platform/roles/{staffRole.Id}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await sysadmin.GetAsync("/admin/roles")).StatusCode);
    }

    [Fact]
    public async Task The_role_page_saves_the_checked_permissions_and_refuses_merged_duties()
    {
        var security = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SecurityAdmin, "370400"));
        var created = await security.PostAsJsonAsync("/api/platform/roles", new { name = "复议人员" + Guid.NewGuid().ToString("N")[..4], permissions = Array.Empty<string>() });
        var role = await created.Content.ReadFromJsonAsync<RoleDto>();
        var page = $"/admin/roles/{role!.Id}";

        var html = WebUtility.HtmlDecode(await security.GetStringAsync(page));
        Assert.Contains("平台基础", html);
        Assert.Contains(PlatformPermissions.AuditRead, html);

        var refused = await SubmitWithPermissionsAsync(security, page, role, [PlatformPermissions.UsersRead, PlatformPermissions.AuditRead]);
        Assert.Contains("审计管理员的职责", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var saved = await SubmitWithPermissionsAsync(security, page, role, [PlatformPermissions.UsersRead, PlatformPermissions.AttachmentsUpload]);
        Assert.Contains("已保存", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));
        var after = await security.GetFromJsonAsync<RoleDto>($"/api/platform/roles/{role.Id}");
        Assert.Equal([PlatformPermissions.AttachmentsUpload, PlatformPermissions.UsersRead], after!.Permissions);
    }

    private static async Task<HttpResponseMessage> SubmitWithPermissionsAsync(HttpClient client, string page, RoleDto role, string[] permissions)
    {
        var current = await client.GetFromJsonAsync<RoleDto>($"/api/platform/roles/{role.Id}");
        var html = await client.GetStringAsync(page);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token)),
            new("_handler", "edit-role"),
            new("Input.Name", role.Name),
            new("Input.Description", ""),
            new("Input.Version", current!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        fields.AddRange(permissions.Select(p => new KeyValuePair<string, string>("perm", p)));
        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    private static async Task<RoleDto> RoleAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<List<RoleDto>>("/api/platform/roles"))!.Single(r => r.Code == code) is var item
            ? (await client.GetFromJsonAsync<RoleDto>($"/api/platform/roles/{item.Id}"))!
            : throw new InvalidOperationException();

    private sealed record RoleDto(Guid Id, string Code, string Name, string AdminKind, List<string> Permissions, long Version);
}
