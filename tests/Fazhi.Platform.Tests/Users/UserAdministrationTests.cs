using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Users;

[Collection(HostCollection.Name)]
public sealed class UserAdministrationTests(FazhiFactory factory)
{
    [Fact]
    public async Task District_clerk_lists_only_accounts_of_their_own_district()
    {
        var prefix = "scope" + Guid.NewGuid().ToString("N")[..6];
        var own = await factory.CreateUserAsync(BuiltInRoles.Staff, "370403", prefix: prefix);
        var other = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402", prefix: prefix);
        var clerk = await factory.CreateUserAsync(BuiltInRoles.Staff, "370403", prefix: prefix);
        var client = await factory.ApiClientAsync(clerk);

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/platform/users?q={prefix}&pageSize=100");
        var names = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("userName").GetString()).ToList();

        Assert.Contains(own.UserName, names);
        Assert.Contains(clerk.UserName, names);
        Assert.DoesNotContain(other.UserName, names);
        Assert.Equal(2, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Another_districts_account_is_404_by_id_through_api_and_page()
    {
        var other = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        var own = await factory.CreateUserAsync(BuiltInRoles.Staff, "370403");
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.Staff, "370403"));

        var api = await clerk.GetAsync($"/api/platform/users/{other.Id}");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Contains("不在您的数据范围内", await api.Content.ReadAsStringAsync());

        var page = await clerk.GetAsync($"/admin/users/{other.Id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(other.UserName, await page.Content.ReadAsStringAsync());

        var ownPage = await clerk.GetAsync($"/admin/users/{own.Id}");
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Contains(own.UserName, WebUtility.HtmlDecode(await ownPage.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task District_system_admin_cannot_update_another_districts_account()
    {
        var other = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        var own = await factory.CreateUserAsync(BuiltInRoles.Staff, "370403");
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370403"));

        var refused = await admin.PutAsJsonAsync($"/api/platform/users/{other.Id}", new { displayName = "改名", orgUnitId = own.OrgUnitId, version = 0 });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var ownVersion = (await admin.GetFromJsonAsync<JsonElement>($"/api/platform/users/{own.Id}")).GetProperty("version").GetInt64();
        var ok = await admin.PutAsJsonAsync($"/api/platform/users/{own.Id}", new { displayName = "薛城区张三", orgUnitId = own.OrgUnitId, version = ownVersion });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        // Moving an own account into another district is refused with a reason, not silently done.
        var move = await admin.PutAsJsonAsync($"/api/platform/users/{own.Id}", new { displayName = "薛城区张三", orgUnitId = other.OrgUnitId, version = ownVersion + 1 });
        Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode);
        Assert.Contains("不在您的管理范围内", await move.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Created_account_gets_a_one_time_password_and_a_stale_edit_is_409()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        var orgId = await OrgIdAsync("370404");
        var userName = "new-" + Guid.NewGuid().ToString("N")[..8];

        var created = await admin.PostAsJsonAsync("/api/platform/users", new { userName, displayName = "峄城区李四", orgUnitId = orgId });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.True(body.GetProperty("oneTimePassword").GetString()!.Length >= 12);

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/platform/users/{id}");
        Assert.True(detail.GetProperty("mustChangePassword").GetBoolean());
        Assert.DoesNotContain("oneTimePassword", detail.GetRawText());
        var version = detail.GetProperty("version").GetInt64();

        var first = await admin.PutAsJsonAsync($"/api/platform/users/{id}", new { displayName = "李四（一）", orgUnitId = orgId, version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await admin.PutAsJsonAsync($"/api/platform/users/{id}", new { displayName = "李四（二）", orgUnitId = orgId, version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("已被他人修改", await stale.Content.ReadAsStringAsync());

        var duplicate = await admin.PostAsJsonAsync("/api/platform/users", new { userName, displayName = "重复", orgUnitId = orgId });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("已被使用", await duplicate.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_cannot_deactivate_themselves_but_can_deactivate_and_reset_others()
    {
        var adminUser = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400");
        var admin = await factory.ApiClientAsync(adminUser);
        var target = await factory.CreateUserAsync(BuiltInRoles.Staff, "370405");

        var self = await admin.PostAsync($"/api/platform/users/{adminUser.Id}/deactivate", null);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("不能停用自己的账户", await self.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/platform/users/{target.Id}/deactivate", null)).StatusCode);
        var signIn = await factory.CreateClient().PostAsJsonAsync("/api/platform/account/token", new { userName = target.UserName, password = target.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/platform/users/{target.Id}/reactivate", null)).StatusCode);

        var reset = await admin.PostAsync($"/api/platform/users/{target.Id}/reset-password", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var otp = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("oneTimePassword").GetString();
        var withOtp = await factory.CreateClient().PostAsJsonAsync("/api/platform/account/token", new { userName = target.UserName, password = otp });
        Assert.Equal(HttpStatusCode.OK, withOtp.StatusCode);
    }

    [Fact]
    public async Task Locked_out_account_is_tagged_and_can_be_unlocked()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        var target = await factory.CreateUserAsync(BuiltInRoles.Staff, "370406");
        var anonymous = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/platform/account/token", new { userName = target.UserName, password = "wrong-password-" + i });
        }

        var locked = await admin.GetFromJsonAsync<JsonElement>($"/api/platform/users?q={target.UserName}&status=locked");
        Assert.Equal(1, locked.GetProperty("total").GetInt32());
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/users?q={target.UserName}"));
        Assert.Contains("已锁定", page);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/platform/users/{target.Id}/unlock", null)).StatusCode);
        var signIn = await anonymous.PostAsJsonAsync("/api/platform/account/token", new { userName = target.UserName, password = target.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task Users_without_manage_permission_get_403_on_manage_endpoints()
    {
        var staff = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.Staff, "370400"));
        var auditor = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.AuditAdmin, "370400"));
        var target = await factory.CreateUserAsync(BuiltInRoles.Staff, "370400");
        var orgId = target.OrgUnitId;

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/platform/users", new { userName = "x-" + Guid.NewGuid().ToString("N")[..6], displayName = "x", orgUnitId = orgId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync($"/api/platform/users/{target.Id}", new { displayName = "x", orgUnitId = orgId, version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/platform/users/{target.Id}/reset-password", null)).StatusCode);
        var assign = await staff.PostAsJsonAsync($"/api/platform/users/{target.Id}/roles", new { roleId = await RoleIdAsync(BuiltInRoles.Staff), orgUnitId = orgId });
        Assert.Equal(HttpStatusCode.Forbidden, assign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/platform/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/roles")).StatusCode);
    }

    [Fact]
    public async Task Role_changes_are_audited_as_explicit_events()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        var target = await factory.CreateUserAsync(BuiltInRoles.Staff, "370400");
        var orgId = await OrgIdAsync("370402");

        var assigned = await admin.PostAsJsonAsync($"/api/platform/users/{target.Id}/roles", new { roleId = await RoleIdAsync(BuiltInRoles.Staff), orgUnitId = orgId });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var assignmentId = (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/platform/users/{target.Id}/roles/{assignmentId}")).StatusCode);

        var events = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityId == target.Id.ToString() && e.ActorId != null && (e.Action == "role.assigned" || e.Action == "role.removed"))
            .OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(["role.assigned", "role.removed"], events.Select(e => e.Action).ToArray());
        Assert.All(events, e => Assert.Contains("370402", e.Changes));
        Assert.All(events, e => Assert.Contains(BuiltInRoles.Staff, e.Changes));
    }

    private Task<Guid> OrgIdAsync(string code) => factory.InScopeAsync(sp =>
        sp.GetRequiredService<PlatformDb>().OrgUnits.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    private Task<Guid> RoleIdAsync(string code) => factory.InScopeAsync(sp =>
        sp.GetRequiredService<PlatformDb>().Roles.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());
}
