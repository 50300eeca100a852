using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Roles;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Roles;

/// <summary>三员分立: no account holds two of the system, security and audit administrator roles.</summary>
[Collection(HostCollection.Name)]
public sealed class SeparatedAdministratorsTests(FazhiFactory factory)
{
    private const string Refusal = "该账户已是系统管理员，三员分立要求系统管理员、安全管理员、审计管理员由不同账户担任";

    [Fact]
    public async Task Security_admin_cannot_make_a_system_admin_the_auditor_too_via_api()
    {
        var security = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SecurityAdmin, "370400"));
        var sysadmin = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400");

        // At another org unit too: the rule covers the account, wherever the roles are held.
        var response = await security.PostAsJsonAsync($"/api/platform/users/{sysadmin.Id}/roles",
            new { roleId = await RoleIdAsync(BuiltInRoles.AuditAdmin), orgUnitId = await OrgIdAsync("370402") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Refusal, await response.Content.ReadAsStringAsync());
        Assert.Equal([BuiltInRoles.SystemAdmin], await RoleCodesAsync(sysadmin.Id));
    }

    [Fact]
    public async Task Security_admin_may_give_a_business_account_an_administrator_role()
    {
        var security = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SecurityAdmin, "370400"));
        var staff = await factory.CreateUserAsync(BuiltInRoles.Staff, "370400");

        var response = await security.PostAsJsonAsync($"/api/platform/users/{staff.Id}/roles",
            new { roleId = await RoleIdAsync(BuiltInRoles.AuditAdmin), orgUnitId = staff.OrgUnitId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([BuiltInRoles.AuditAdmin, BuiltInRoles.Staff], (await RoleCodesAsync(staff.Id)).Order().ToArray());
    }

    [Fact]
    public async Task System_admin_assigns_business_roles_but_not_administrator_roles()
    {
        var sysadmin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        var staff = await factory.CreateUserAsync(BuiltInRoles.Staff, "370400");

        var admin = await sysadmin.PostAsJsonAsync($"/api/platform/users/{staff.Id}/roles",
            new { roleId = await RoleIdAsync(BuiltInRoles.SecurityAdmin), orgUnitId = staff.OrgUnitId });
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Contains("只有安全管理员", await admin.Content.ReadAsStringAsync());

        var business = await sysadmin.PostAsJsonAsync($"/api/platform/users/{staff.Id}/roles",
            new { roleId = await RoleIdAsync(BuiltInRoles.Staff), orgUnitId = await OrgIdAsync("370481") });
        Assert.Equal(HttpStatusCode.OK, business.StatusCode);
    }

    [Fact]
    public async Task Admin_create_refuses_a_second_administrator_role_for_an_existing_account()
    {
        var sysadmin = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400");
        var verb = factory.Services.GetServices<ICliVerb>().Single(v => v.Words.SequenceEqual(["admin", "create"]));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.InScopeAsync(sp =>
            verb.RunAsync(sp, [sysadmin.UserName, "--role", BuiltInRoles.SecurityAdmin], CancellationToken.None)));

        Assert.Contains(Refusal, error.Message);
        Assert.Equal([BuiltInRoles.SystemAdmin], await RoleCodesAsync(sysadmin.Id));
    }

    [Fact]
    public async Task Admin_create_creates_a_new_administrator_with_a_one_time_password()
    {
        var userName = "cli-auditor-" + Guid.NewGuid().ToString("N")[..6];
        var verb = factory.Services.GetServices<ICliVerb>().Single(v => v.Words.SequenceEqual(["admin", "create"]));

        var code = await factory.InScopeAsync(sp => verb.RunAsync(sp, [userName, "--role", BuiltInRoles.AuditAdmin], CancellationToken.None));

        Assert.Equal(0, code);
        var user = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Users.SingleAsync(u => u.UserName == userName));
        Assert.True(user.MustChangePassword);
        Assert.Equal([BuiltInRoles.AuditAdmin], await RoleCodesAsync(user.Id));
    }

    [Fact]
    public async Task The_user_page_shows_the_separation_refusal()
    {
        var security = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SecurityAdmin, "370400"));
        var sysadmin = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400");

        var response = await Forms.SubmitAsync(security, $"/admin/users/{sysadmin.Id}", "add-role", new Dictionary<string, string>
        {
            ["AddRole.RoleId"] = (await RoleIdAsync(BuiltInRoles.AuditAdmin)).ToString(),
            ["AddRole.OrgCode"] = "370400",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Refusal, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal([BuiltInRoles.SystemAdmin], await RoleCodesAsync(sysadmin.Id));
    }

    [Fact]
    public async Task Nobody_changes_their_own_roles()
    {
        var securityUser = await factory.CreateUserAsync(BuiltInRoles.SecurityAdmin, "370400");
        var security = await factory.ApiClientAsync(securityUser);

        var response = await security.PostAsJsonAsync($"/api/platform/users/{securityUser.Id}/roles",
            new { roleId = await RoleIdAsync(BuiltInRoles.Staff), orgUnitId = securityUser.OrgUnitId });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("不能修改自己的角色", await response.Content.ReadAsStringAsync());
    }

    private Task<string[]> RoleCodesAsync(Guid userId) => factory.InScopeAsync(sp =>
        sp.GetRequiredService<PlatformDb>().RoleAssignments.Where(a => a.UserId == userId).Select(a => a.Role!.Code).ToArrayAsync());

    private Task<Guid> OrgIdAsync(string code) => factory.InScopeAsync(sp =>
        sp.GetRequiredService<PlatformDb>().OrgUnits.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    private Task<Guid> RoleIdAsync(string code) => factory.InScopeAsync(sp =>
        sp.GetRequiredService<PlatformDb>().Roles.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());
}
