using System.Net;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Tests.Accounts.AccountPages;

namespace Fazhi.Platform.Tests.Accounts;

[Collection(HostCollection.Name)]
public sealed class ChangePasswordPageTests(FazhiFactory factory)
{
    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string? confirm = null) =>
        Forms.SubmitAsync(client, "/account/change-password", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm ?? next,
        });

    [Fact]
    public async Task One_time_password_user_must_set_a_password_that_meets_the_baseline()
    {
        var name = "otp-" + Guid.NewGuid().ToString("N")[..8];
        const string oneTime = "Tmp-k3v9-Qx7p-Lm2w";
        var user = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformSeeder>()
            .CreateUserAsync(name, "一次性密码用户", "370481", BuiltInRoles.Staff, oneTime, mustChange: true, demo: false, CancellationToken.None));
        var client = factory.BrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(client, name, oneTime)).StatusCode);

        var home = await client.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/change-password", Location(home));
        var form = await PageAsync(client, "/account/change-password");
        Assert.Contains("一次性密码", form);
        Assert.Contains("至少 12 个字符", form);
        Assert.Contains("不能包含您的用户名", form);

        Assert.Contains("当前密码不正确", await TextAsync(await ChangeAsync(client, "wrong-current-password", "Shizhong-river-walk-2026")));
        Assert.Contains("两次输入的新密码不一致", await TextAsync(await ChangeAsync(client, oneTime, "Shizhong-river-walk-2026", "Shizhong-river-walk-2025")));
        Assert.Contains("密码至少需要 12 个字符", await TextAsync(await ChangeAsync(client, oneTime, "short-pw")));
        Assert.Contains("密码不能包含用户名", await TextAsync(await ChangeAsync(client, oneTime, name + "-extra-words")));
        Assert.Contains("过于常见", await TextAsync(await ChangeAsync(client, oneTime, "password1234")));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/manage")).StatusCode);

        var changed = await ChangeAsync(client, oneTime, "Shizhong-river-walk-2026");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/", Location(changed));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);
        Assert.Contains("password.changed", await AuditActionsAsync(factory, user.Id));
        Assert.Contains("用户名或密码错误", await TextAsync(await LoginAsync(factory.BrowserClient(), name, oneTime)));
        Assert.Equal("/", Location(await LoginAsync(factory.BrowserClient(), name, "Shizhong-river-walk-2026")));
    }
}
