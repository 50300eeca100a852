using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using static Fazhi.Platform.Tests.Accounts.AccountPages;

namespace Fazhi.Platform.Tests.Users;

/// <summary>Resetting the two-factor authentication of a user who lost their authenticator (ADR 0003 decides who may).</summary>
[Collection(HostCollection.Name)]
public sealed class TwoFactorResetTests(FazhiFactory factory)
{
    private const string Reason = "手机遗失，已当面核实本人身份";

    [Fact]
    public async Task System_admin_resets_a_staff_user_who_then_signs_in_with_password_only_and_the_reason_is_audited()
    {
        var adminUser = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400");
        var admin = await factory.ApiClientAsync(adminUser);
        var staff = await factory.CreateUserAsync(BuiltInRoles.Staff, "370403", enrolTotp: true);
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(anonymous, staff)).StatusCode);
        var stampBefore = await StampAsync(staff.Id);

        var reset = await admin.PostAsJsonAsync($"/api/platform/users/{staff.Id}/reset-two-factor", new { reason = Reason });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(anonymous, staff)).StatusCode);
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/platform/users/{staff.Id}");
        Assert.False(detail.GetProperty("twoFactorEnabled").GetBoolean());
        // The lost authenticator's codes no longer count for anything: the account has a new key.
        var key = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Set<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>()
            .Where(t => t.UserId == staff.Id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync());
        Assert.NotEqual(staff.TotpSecret, key);
        // A new security stamp: the account's open browser sessions fail their next validation.
        Assert.NotEqual(stampBefore, await StampAsync(staff.Id));

        var events = await AuditEventsAsync(staff.Id, "2fa.reset");
        var entry = Assert.Single(events);
        Assert.Equal(adminUser.Id, entry.ActorId);
        Assert.Contains(Reason, entry.Changes);
    }

    [Fact]
    public async Task System_admin_is_refused_for_an_audit_admin_account_and_told_why()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        var auditor = await factory.CreateUserAsync(BuiltInRoles.AuditAdmin, "370400");

        var refused = await admin.PostAsJsonAsync($"/api/platform/users/{auditor.Id}/reset-two-factor", new { reason = Reason });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("审计管理员", problem.GetProperty("detail").GetString());
        Assert.Contains("只能由安全管理员重置", problem.GetProperty("detail").GetString());
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/platform/users/{auditor.Id}");
        Assert.True(detail.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.Empty(await AuditEventsAsync(auditor.Id, "2fa.reset"));
        // The auditor still signs in with their authenticator.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(factory.CreateClient(), auditor, auditor.CurrentCode())).StatusCode);
    }

    [Fact]
    public async Task Security_admin_resets_an_admin_account_which_must_enrol_again_before_using_the_api()
    {
        var security = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SecurityAdmin, "370400"));
        var targetUser = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400");
        var target = await factory.ApiClientAsync(targetUser);
        Assert.Equal(HttpStatusCode.OK, (await target.GetAsync("/api/platform/users?pageSize=1")).StatusCode);

        var reset = await security.PostAsJsonAsync($"/api/platform/users/{targetUser.Id}/reset-two-factor", new { reason = Reason });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        // Password alone now gets a token, but nothing else until the administrator enrols a new authenticator.
        var token = await TokenAsync(factory.CreateClient(), targetUser);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var gated = await client.GetAsync("/api/platform/users?pageSize=1");
        Assert.Equal(HttpStatusCode.Forbidden, gated.StatusCode);
        var problem = await gated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("需要完成账户设置", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await target.GetAsync("/api/platform/users?pageSize=1")).StatusCode);

        var key = (await client.GetFromJsonAsync<JsonElement>("/api/platform/account/two-factor/key")).GetProperty("sharedKey").GetString()!;
        Assert.NotEqual(targetUser.TotpSecret, key);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/platform/account/two-factor/enable", new { code })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/platform/users?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task Security_admin_leaves_business_accounts_to_the_system_admin_and_nobody_resets_their_own()
    {
        var securityUser = await factory.CreateUserAsync(BuiltInRoles.SecurityAdmin, "370400");
        var security = await factory.ApiClientAsync(securityUser);
        var staff = await factory.CreateUserAsync(BuiltInRoles.Staff, "370400", enrolTotp: true);

        var business = await security.PostAsJsonAsync($"/api/platform/users/{staff.Id}/reset-two-factor", new { reason = Reason });
        Assert.Equal(HttpStatusCode.Forbidden, business.StatusCode);
        Assert.Contains("由系统管理员重置", await business.Content.ReadAsStringAsync());

        var self = await security.PostAsJsonAsync($"/api/platform/users/{securityUser.Id}/reset-two-factor", new { reason = Reason });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("不能重置自己的双因素认证", await self.Content.ReadAsStringAsync());

        var staffClient = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.Staff, "370400"));
        var noPermission = await staffClient.PostAsJsonAsync($"/api/platform/users/{staff.Id}/reset-two-factor", new { reason = Reason });
        Assert.Equal(HttpStatusCode.Forbidden, noPermission.StatusCode);
        Assert.Empty(await AuditEventsAsync(staff.Id, "2fa.reset"));
    }

    [Fact]
    public async Task Account_outside_the_district_admins_scope_is_404()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370403"));
        var other = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402", enrolTotp: true);

        var response = await admin.PostAsJsonAsync($"/api/platform/users/{other.Id}/reset-two-factor", new { reason = Reason });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("不在您的数据范围内", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(factory.CreateClient(), other)).StatusCode);
    }

    [Fact]
    public async Task Missing_reason_is_400_and_nothing_changes()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        var staff = await factory.CreateUserAsync(BuiltInRoles.Staff, "370404", enrolTotp: true);

        var blank = await admin.PostAsJsonAsync($"/api/platform/users/{staff.Id}/reset-two-factor", new { reason = "  " });
        var noBody = await admin.PostAsync($"/api/platform/users/{staff.Id}/reset-two-factor", null);

        foreach (var response in new[] { blank, noBody })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("请填写重置原因", problem.GetProperty("detail").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(factory.CreateClient(), staff)).StatusCode);
        Assert.Empty(await AuditEventsAsync(staff.Id, "2fa.reset"));
    }

    [Fact]
    public async Task Stale_version_is_409()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        var staff = await factory.CreateUserAsync(BuiltInRoles.Staff, "370405", enrolTotp: true);
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/platform/users/{staff.Id}")).GetProperty("version").GetInt64();

        var stale = await admin.PostAsJsonAsync($"/api/platform/users/{staff.Id}/reset-two-factor", new { reason = Reason, version = version - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(factory.CreateClient(), staff)).StatusCode);

        var current = await admin.PostAsJsonAsync($"/api/platform/users/{staff.Id}/reset-two-factor", new { reason = Reason, version });
        Assert.Equal(HttpStatusCode.NoContent, current.StatusCode);
    }

    [Fact]
    public async Task Detail_page_asks_for_a_reason_and_confirms_or_says_why_it_is_not_offered()
    {
        var admin = await SignedInBrowserAsync(factory, await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        var staff = await factory.CreateUserAsync(BuiltInRoles.Staff, "370406", enrolTotp: true);
        var auditor = await factory.CreateUserAsync(BuiltInRoles.AuditAdmin, "370400");
        var url = $"/admin/users/{staff.Id}";

        Assert.Contains("重置双因素认证", await PageAsync(admin, url));
        var confirm = await PageAsync(admin, url + "?confirm=reset-two-factor");
        Assert.Contains("重置原因（必填，记入审计日志）", confirm);

        var noReason = await Forms.SubmitAsync(admin, url + "?confirm=reset-two-factor", "confirm", new Dictionary<string, string>
        {
            ["Confirmation.Action"] = "reset-two-factor",
            ["Confirmation.Reason"] = "",
        });
        var noReasonPage = await TextAsync(noReason);
        Assert.True(noReason.StatusCode == HttpStatusCode.OK, noReasonPage);
        Assert.Contains("请填写重置原因", noReasonPage);
        Assert.Contains("确认重置双因素认证", noReasonPage);

        var done = await Forms.SubmitAsync(admin, url + "?confirm=reset-two-factor", "confirm", new Dictionary<string, string>
        {
            ["Confirmation.Action"] = "reset-two-factor",
            ["Confirmation.Reason"] = Reason,
        });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var donePage = await TextAsync(done);
        Assert.Contains("已重置双因素认证", donePage);
        Assert.Contains("未启用双因素", donePage);
        Assert.Contains(Reason, Assert.Single(await AuditEventsAsync(staff.Id, "2fa.reset")).Changes);

        var auditorPage = await PageAsync(admin, $"/admin/users/{auditor.Id}");
        Assert.Contains("不能重置双因素认证：", auditorPage);
        Assert.Contains("只能由安全管理员重置", auditorPage);
        Assert.DoesNotContain("confirm=reset-two-factor", auditorPage);
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, TestUser user, string? code = null) =>
        client.PostAsJsonAsync("/api/platform/account/token", new { userName = user.UserName, password = user.Password, twoFactorCode = code });

    private Task<string?> StampAsync(Guid userId) => factory.InScopeAsync(sp =>
        sp.GetRequiredService<PlatformDb>().Users.IgnoreQueryFilters().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());

    private Task<List<AuditEntry>> AuditEventsAsync(Guid userId, string action) => factory.InScopeAsync(sp =>
    {
        var id = userId.ToString();
        return sp.GetRequiredService<PlatformDb>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == "FazhiUser" && e.EntityId == id && e.Action == action)
            .OrderBy(e => e.Sequence).ToListAsync();
    });
}
