using System.Net;
using Fazhi.Platform.Features.Accounts;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;
using static Fazhi.Platform.Tests.Accounts.AccountPages;

namespace Fazhi.Platform.Tests.Accounts;

[Collection(HostCollection.Name)]
public sealed class TwoFactorPageTests(FazhiFactory factory)
{
    private static Dictionary<string, string> CodeField(string form, string code) => new() { [$"{form}.Code"] = code };

    /// <summary>Enrols TOTP through the page the way a person does; returns the key and the recovery codes shown.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> EnrolAsync(HttpClient client)
    {
        var page = await PageAsync(client, "/account/two-factor");
        Assert.Contains("data:image/png;base64,", page);
        var key = SharedKey(page);
        Assert.Contains(TwoFactor.FormatKey(key), page);

        var wrong = await Forms.SubmitAsync(client, "/account/two-factor", "enable-2fa", CodeField("Enable", Code(key, DateTime.UtcNow.AddMinutes(-10))));
        Assert.Contains("验证码不正确", await TextAsync(wrong));

        var enabled = await Forms.SubmitAsync(client, "/account/two-factor", "enable-2fa", CodeField("Enable", Code(key)));
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var shown = await TextAsync(enabled);
        Assert.Contains("请立即保存恢复码", shown);
        return (key, RecoveryCodes(shown));
    }

    [Fact]
    public async Task Staff_enrols_totp_on_the_page_and_then_needs_the_code_to_sign_in()
    {
        var user = await factory.CreateUserAsync(BuiltInRoles.Staff, "370404", enrolTotp: false);
        var client = await SignedInBrowserAsync(factory, user);

        var (key, codes) = await EnrolAsync(client);

        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("2fa.enabled", await AuditActionsAsync(factory, user.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);
        Assert.Contains("已启用", await PageAsync(client, "/account/two-factor"));

        var next = factory.BrowserClient();
        var step1 = await LoginAsync(next, user.UserName, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, step1.StatusCode);
        Assert.StartsWith("/account/login-2fa", Location(step1));
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/account/manage")).StatusCode);

        var wrong = await SecondFactorAsync(next, Code(key, DateTime.UtcNow.AddMinutes(-10)));
        Assert.Contains("验证码不正确", await TextAsync(wrong));
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/account/manage")).StatusCode);

        var step2 = await SecondFactorAsync(next, Code(key));
        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        Assert.Equal("/", Location(step2));
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/account/manage")).StatusCode);

        var actions = await AuditActionsAsync(factory, user.Id);
        Assert.Equal(["signin.password_ok_needs_2fa", "signin.2fa_failed", "signin.succeeded"], actions.TakeLast(3));

        // A recovery code works once instead of the TOTP code.
        var third = factory.BrowserClient();
        await LoginAsync(third, user.UserName, user.Password);
        var recovery = new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] };
        var used = await Forms.SubmitAsync(third, "/account/login-recovery", "login-recovery", recovery);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        var fourth = factory.BrowserClient();
        await LoginAsync(fourth, user.UserName, user.Password);
        var again = await Forms.SubmitAsync(fourth, "/account/login-recovery", "login-recovery", recovery);
        Assert.Contains("恢复码无效或已使用", await TextAsync(again));
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_lockout()
    {
        var user = await factory.CreateUserAsync(BuiltInRoles.Staff, "370406", enrolTotp: true);
        var client = factory.BrowserClient();
        await LoginAsync(client, user.UserName, user.Password);
        var stale = Code(user.TotpSecret!, DateTime.UtcNow.AddMinutes(-10));

        for (var i = 1; i <= 4; i++)
        {
            Assert.Contains("验证码不正确", await TextAsync(await SecondFactorAsync(client, stale)));
        }
        Assert.Contains("账户已锁定", await TextAsync(await SecondFactorAsync(client, stale)));

        var again = factory.BrowserClient();
        var login = await LoginAsync(again, user.UserName, user.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("账户已锁定", await TextAsync(login));
        Assert.Equal("signin.locked_out", (await AuditActionsAsync(factory, user.Id)).Last());
    }

    [Fact]
    public async Task Code_step_without_a_password_step_is_refused()
    {
        var client = factory.BrowserClient();
        var page = await PageAsync(client, "/account/login-2fa");
        Assert.Contains("请重新登录", page);
        Assert.DoesNotContain("name=\"Input.Code\"", page);
    }

    [Fact]
    public async Task Staff_regenerates_recovery_codes_and_may_disable_totp_with_a_current_code()
    {
        var user = await factory.CreateUserAsync(BuiltInRoles.Staff, "370405", enrolTotp: true);
        var client = await SignedInBrowserAsync(factory, user);

        var regenerated = await Forms.SubmitAsync(client, "/account/two-factor", "regenerate-codes", CodeField("Regenerate", user.CurrentCode()));
        Assert.Equal(10, RecoveryCodes(await TextAsync(regenerated)).Count);

        var refused = await Forms.SubmitAsync(client, "/account/two-factor", "disable-2fa", CodeField("Disable", Code(user.TotpSecret!, DateTime.UtcNow.AddMinutes(-10))));
        Assert.Contains("验证码不正确", await TextAsync(refused));

        var disabled = await Forms.SubmitAsync(client, "/account/two-factor", "disable-2fa", CodeField("Disable", user.CurrentCode()));
        var page = await TextAsync(disabled);
        Assert.Contains("双因素认证已停用", page);
        Assert.NotEqual(user.TotpSecret, SharedKey(page));
        Assert.Equal(["2fa.recovery_codes_regenerated", "2fa.disabled"], (await AuditActionsAsync(factory, user.Id)).TakeLast(2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);

        var next = factory.BrowserClient();
        var login = await LoginAsync(next, user.UserName, user.Password);
        Assert.Equal("/", Location(login));
    }

    [Fact]
    public async Task Administrator_without_totp_is_held_at_enrolment_until_enrolled_and_cannot_disable_it()
    {
        var admin = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400", enrolTotp: false);
        var client = await SignedInBrowserAsync(factory, admin);

        foreach (var url in new[] { "/", "/account/manage", "/admin/org-units" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/two-factor", Location(response));
        }
        var api = await client.GetAsync("/api/platform/org-units");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("管理员必须先启用双因素认证", await api.Content.ReadAsStringAsync());

        var enrolPage = await PageAsync(client, "/account/two-factor");
        Assert.Contains("等保 2.0", enrolPage);

        var (key, _) = await EnrolAsync(client);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);
        var status = await PageAsync(client, "/account/two-factor");
        Assert.Contains("不能停用双因素认证", status);
        Assert.DoesNotContain("disable-2fa", status);
        var refused = await Forms.SubmitAsync(client, "/account/two-factor", "regenerate-codes", CodeField("Regenerate", Code(key)));
        Assert.Equal(10, RecoveryCodes(await TextAsync(refused)).Count);
    }
}

public sealed class RecoveryCodeFormatTests
{
    [Theory]
    [InlineData("B7K2M-9QXRT", "B7K2M-9QXRT")]
    [InlineData("b7k2m9qxrt", "B7K2M-9QXRT")]
    [InlineData(" b7k2m 9qxrt ", "B7K2M-9QXRT")]
    public void Recovery_codes_are_accepted_as_people_type_them(string typed, string stored) =>
        Assert.Equal(stored, Fazhi.Platform.Features.Accounts.SignInService.CleanRecoveryCode(typed));

    [Fact]
    public void Shared_key_is_shown_in_groups_of_four() =>
        Assert.Equal("JBSW Y3DP EHPK 3PXP", Fazhi.Platform.Features.Accounts.TwoFactor.FormatKey("jbswy3dpehpk3pxp"));
}
