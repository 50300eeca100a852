using System.Net;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Tests.Accounts.AccountPages;

namespace Fazhi.Platform.Tests.Accounts;

[Collection(HostCollection.Name)]
public sealed class LoginPageTests(FazhiFactory factory)
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page_and_back_after_signing_in()
    {
        var user = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        var client = factory.BrowserClient();

        var home = await client.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/login", Location(home));

        var login = await LoginAsync(client, user.UserName, user.Password, "/account/login?returnUrl=%2Faccount%2Fmanage");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/account/manage", Location(login));
        var manage = await PageAsync(client, "/account/manage");
        Assert.Contains(user.UserName, manage);
        Assert.Contains("登录成功", manage);
    }

    [Fact]
    public async Task Return_url_to_another_site_is_ignored()
    {
        var user = await factory.CreateUserAsync();
        var client = factory.BrowserClient();

        var login = await LoginAsync(client, user.UserName, user.Password, "/account/login?returnUrl=%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", Location(login));
    }

    [Fact]
    public async Task Wrong_password_shows_a_chinese_message_and_no_session()
    {
        var user = await factory.CreateUserAsync();
        var client = factory.BrowserClient();

        var response = await LoginAsync(client, user.UserName, "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TextAsync(response);
        Assert.Contains("用户名或密码错误", page);
        Assert.DoesNotContain("not-the-password-at-all", page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/manage")).StatusCode);
        Assert.Equal("signin.failed", (await AuditActionsAsync(factory, user.Id)).Last());
    }

    [Fact]
    public async Task Empty_form_shows_inline_messages()
    {
        var response = await LoginAsync(factory.BrowserClient(), "", "");

        var page = await TextAsync(response);
        Assert.Contains("请输入用户名。", page);
        Assert.Contains("请输入密码。", page);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused()
    {
        var user = await factory.CreateUserAsync(BuiltInRoles.Staff, "370403");
        var client = factory.BrowserClient();

        for (var i = 1; i <= 4; i++)
        {
            Assert.Contains("用户名或密码错误", await TextAsync(await LoginAsync(client, user.UserName, $"wrong-password-{i}")));
        }
        Assert.Contains("账户已锁定", await TextAsync(await LoginAsync(client, user.UserName, "wrong-password-5")));

        var sixth = await LoginAsync(client, user.UserName, user.Password);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        var page = await TextAsync(sixth);
        Assert.Contains("账户已锁定", page);
        Assert.Matches(@"请 1[45] 分钟后再试", page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/manage")).StatusCode);
        var actions = await AuditActionsAsync(factory, user.Id);
        Assert.Equal(4, actions.Count(a => a == "signin.failed"));
        Assert.Equal(2, actions.Count(a => a == "signin.locked_out"));
        Assert.DoesNotContain("signin.succeeded", actions);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var route in new[] { "/account/login", "/account/login-2fa", "/account/login-recovery" })
        {
            var endpoint = endpoints.Single(e => "/" + e.RoutePattern.RawText?.TrimStart('/') == route);
            Assert.Equal(PlatformModule.SignInRateLimit, endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
        }
    }

    [Fact]
    public async Task Logout_needs_the_page_token_ends_the_session_and_is_audited()
    {
        var user = await factory.CreateUserAsync();
        var client = await SignedInBrowserAsync(factory, user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);

        var logout = await Forms.SubmitAsync(client, "/", "logout", new Dictionary<string, string>(), postUrl: "/account/logout");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith("/account/login", Location(logout));
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fazhi.auth=;", StringComparison.Ordinal));
        var home = await client.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/account/login", Location(home));
        Assert.Contains("您已安全退出", await PageAsync(client, Location(logout)));
        Assert.Equal("signout", (await AuditActionsAsync(factory, user.Id)).Last());
    }

    [Fact]
    public async Task Denied_page_names_the_missing_permission()
    {
        var user = await factory.CreateUserAsync();
        var client = await SignedInBrowserAsync(factory, user);

        var page = await PageAsync(client, "/account/denied?permission=platform.users.manage");

        Assert.Contains("没有访问该页面", page);
        Assert.Contains("管理用户", page);
        Assert.Contains("href=\"/\"", page);
    }

    [Fact]
    public async Task Signed_in_visitor_opening_the_login_page_goes_to_the_local_return_url_or_home()
    {
        var user = await factory.CreateUserAsync(BuiltInRoles.Staff, "370404");
        var client = await SignedInBrowserAsync(factory, user);

        var withReturn = await client.GetAsync("/account/login?returnUrl=%2Faccount%2Fmanage");
        Assert.Equal(HttpStatusCode.Redirect, withReturn.StatusCode);
        Assert.Equal("/account/manage", Location(withReturn));

        var plain = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.Equal("/", Location(plain));

        var elsewhere = await client.GetAsync("/account/login?returnUrl=%2F%2Fevil.example%2F");
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal("/", Location(elsewhere));

        // An anonymous visitor still gets the form.
        Assert.Contains("用户登录", await PageAsync(factory.BrowserClient(), "/account/login?returnUrl=%2Faccount%2Fmanage"));
    }
}
