using System.Net;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;
using static Fazhi.Testing.ListOutputs;

namespace Fazhi.Platform.Tests.Users;

/// <summary>
/// The account list on the kit's query bar (ADR 0049, ADR 0052): keyword, status, creation dates and page size; the .xlsx
/// export and the print view carry exactly the filtered accounts, in the administrator's scope only.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class UserListOutputTests(FazhiFactory factory)
{

    [Fact]
    public async Task The_account_export_and_print_carry_exactly_the_accounts_the_keyword_status_and_creation_dates_keep()
    {
        var stem = "exp" + Guid.NewGuid().ToString("N")[..8];
        var users = new List<Fazhi.Testing.TestUser>();
        for (var i = 0; i < 3; i++)
        {
            users.Add(await factory.CreateUserAsync(BuiltInRoles.Staff, "370404", prefix: stem));
        }
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370404"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/platform/users/{users[2].Id}/deactivate", null)).StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");

        var sheet = await SheetAsync(admin, $"/api/platform/users/export?q={stem}&sort=userName");
        Assert.Equal("用户名", sheet[0][0]);
        Assert.Equal(users.Select(u => u.UserName).Order(StringComparer.Ordinal), sheet.Skip(1).Select(r => r[0]));
        Assert.Equal("已停用、未启用双因素", sheet.Skip(1).Single(r => r[0] == users[2].UserName)[6]);
        Assert.All(sheet.Skip(1), r => Assert.Equal(today, r[7]));

        // The status and the creation dates filter the export as they do the list.
        var inactive = await SheetAsync(admin, $"/api/platform/users/export?q={stem}&status=inactive&from={today}&to={today}");
        Assert.Equal(users[2].UserName, Assert.Single(inactive.Skip(1))[0]);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1).ToString("yyyy-MM-dd");
        Assert.Single(await SheetAsync(admin, $"/api/platform/users/export?q={stem}&from={tomorrow}"));

        var html = await PrintAsync(admin, $"/api/platform/users/print?q={stem}&status=active");
        Assert.Contains(users[0].UserName, html);
        Assert.Contains(users[1].UserName, html);
        Assert.DoesNotContain(users[2].UserName, html);
        Assert.Contains("共 2 条", html);
        Assert.Contains("关键词：" + stem, html);
        Assert.Contains("状态：正常", html);
        Assert.DoesNotContain("<nav", html);

        // Another district's administrator sees none of them; a bad query is refused naming the parameter.
        var other = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370403"));
        Assert.Single(await SheetAsync(other, $"/api/platform/users/export?q={stem}"));
        Assert.Contains("共 0 条", await PrintAsync(other, $"/api/platform/users/print?q={stem}"));
        var bad = await admin.GetAsync($"/api/platform/users/export?q={stem}&from={tomorrow}&to={today}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"to\"", await bad.Content.ReadAsStringAsync());

        // The page: the query bar keeps the page size and the dates, and its export link carries the query.
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/users?q={stem}&status=inactive&pageSize=50&from={today}"));
        Assert.Contains(users[2].UserName, page);
        Assert.DoesNotContain(users[0].UserName, page);
        Assert.Contains($"/api/platform/users/export?q={stem}&status=inactive&from={today}", page);
        Assert.Matches("<option value=\"50\" selected", page);
    }
}
