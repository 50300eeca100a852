using System.Net;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;

namespace Fazhi.Platform.Tests.Shell;

/// <summary>
/// The back office switched to English: pages show English headings. That every Chinese UI string has a translation, in the
/// platform's or its module's resx, is checked by <c>Fazhi.Architecture.Tests</c> (<c>TextRules</c>).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class EnglishUiTests(FazhiFactory factory)
{
    [Theory]
    [InlineData(BuiltInRoles.SystemAdmin, "/admin/users", "Users", "用户管理")]
    [InlineData(BuiltInRoles.SystemAdmin, "/admin/org-units", "Organisation units", "组织机构")]
    [InlineData(BuiltInRoles.SystemAdmin, "/admin/calendar?year=2026", "Working-day calendar", "工作日历")]
    [InlineData(BuiltInRoles.SecurityAdmin, "/admin/roles", "Roles", "角色权限")]
    [InlineData(BuiltInRoles.AuditAdmin, "/admin/audit", "Audit trail", "校验完整性")]
    [InlineData(BuiltInRoles.Staff, "/account/manage", "Account security", "双因素认证（TOTP）")]
    [InlineData(BuiltInRoles.Staff, "/account/change-password", "Change password", "密码要求")]
    public async Task Admin_page_in_english_shows_english_headings(string role, string page, string heading, string chinese)
    {
        var user = await factory.CreateUserAsync(role, "370400");
        var client = await factory.ApiClientAsync(user);

        var html = await GetPageAsync(client, page + (page.Contains('?') ? "&" : "?") + "culture=en");

        Assert.Contains($"<h1>{heading}</h1>", html);
        Assert.Contains($"<title>{heading} · Fazhi Zaozhuang</title>", html);
        Assert.DoesNotContain(chinese, html);
        Assert.Contains("lang=\"en\"", html);
    }

    [Fact]
    public async Task Same_page_stays_chinese_by_default()
    {
        var user = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400");
        var client = await factory.ApiClientAsync(user);

        var html = await GetPageAsync(client, "/admin/org-units");

        Assert.Contains("<title>组织机构 · 法治枣庄</title>", html);
        Assert.DoesNotContain("Organisation units", html);
    }

    [Fact]
    public async Task English_users_page_translates_table_headers_filters_and_status_tags()
    {
        var admin = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370402");
        var client = await factory.ApiClientAsync(admin);

        var html = await GetPageAsync(client, "/admin/users?culture=en");

        foreach (var text in new[] { "User name", "Name or user name", "All statuses", "New user", "Create account", "Search", "Administration" })
        {
            Assert.Contains(text, html);
        }
        foreach (var chinese in new[] { "用户名", "全部状态", "新建用户", "创建账户", "查询" })
        {
            Assert.DoesNotContain(chinese, html);
        }
    }

    [Fact]
    public async Task English_calendar_shows_english_weekdays_and_months()
    {
        var admin = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400");
        var client = await factory.ApiClientAsync(admin);

        var html = await GetPageAsync(client, "/admin/calendar?year=2026&culture=en");

        Assert.Contains("<caption>January</caption>", html);
        Assert.Contains("<th>Mon</th>", html);
        Assert.Contains("Public holiday", html);
        Assert.DoesNotContain("法定节假日", html);
    }

    [Fact]
    public async Task Account_page_lists_recent_sign_ins_in_english()
    {
        var user = await factory.CreateUserAsync(BuiltInRoles.Staff, "370400");
        var client = await factory.ApiClientAsync(user);

        var html = await GetPageAsync(client, "/account/manage?culture=en");

        Assert.Contains("Recent sign-ins", html);
        Assert.Contains(">Signed in</span>", html);
        Assert.DoesNotContain("登录成功", html);
    }

    [Fact]
    public async Task Sign_in_page_in_english()
    {
        var html = WebUtility.HtmlDecode(await factory.BrowserClient().GetStringAsync("/account/login?culture=en"));

        Assert.Contains("<title>Sign in · Fazhi Zaozhuang</title>", html);
        Assert.Contains("Zaozhuang Rule-of-Law Integrated Management Platform", html);
        Assert.Contains(">User name</label>", html);
        Assert.Contains(">Password</label>", html);
        Assert.DoesNotContain("用户登录", html);
        Assert.DoesNotContain("用户名", html);
    }

    [Fact]
    public async Task Sign_in_validation_messages_follow_the_language()
    {
        var client = factory.BrowserClient();
        await client.GetAsync("/culture/en?returnUrl=%2Faccount%2Flogin");

        var response = await Forms.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string> { ["Input.UserName"] = "", ["Input.Password"] = "" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Enter your user name.", html);
        Assert.DoesNotContain("请输入用户名。", html);
    }

    private static async Task<string> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
