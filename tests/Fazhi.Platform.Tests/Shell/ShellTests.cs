using System.Net;
using Fazhi.Platform.Tests.Infrastructure;

namespace Fazhi.Platform.Tests.Shell;

[Collection(HostCollection.Name)]
public sealed class ShellTests(FazhiFactory factory)
{
    [Fact]
    public async Task Home_is_in_chinese_by_default_and_english_on_request()
    {
        var user = await factory.CreateUserAsync(orgCode: "370402");
        var client = await factory.ApiClientAsync(user);

        var zh = await client.GetStringAsync("/");
        var en = await client.GetStringAsync("/?culture=en");

        Assert.Contains("工作台", zh);
        Assert.Contains("市中区", zh); // the user's org unit in the top bar
        Assert.Contains("Workbench", en);
        Assert.Contains("lang=\"en\"", en);
    }

    [Fact]
    public async Task Anonymous_visitor_gets_the_citizens_portal_and_back_office_pages_send_to_the_sign_in_page()
    {
        var client = factory.BrowserClient();
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var portal = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"portal\"", portal);
        foreach (var href in new[] { "/apply", "/track", "/public/penalties", "/public/benchmarks", "/public/no-light-list", "/public/credit-repair", "/account/login" })
        {
            Assert.Contains($"href=\"{href}\"", portal);
        }
        // No back-office shell for a visitor: no side menu, no breadcrumb, no workbench.
        Assert.DoesNotContain("工作台", portal);
        Assert.DoesNotContain("class=\"breadcrumb\"", portal);
        Assert.DoesNotContain("sidemenu", portal);

        var backOffice = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, backOffice.StatusCode);
        Assert.StartsWith("/account/login", backOffice.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Signed_in_staff_keep_their_workbench_at_home_and_see_public_pages_without_the_back_office_menu()
    {
        var user = await factory.CreateUserAsync(orgCode: "370402");
        var client = await factory.ApiClientAsync(user);

        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("工作台", home);
        Assert.DoesNotContain("id=\"portal\"", home);

        var penalties = WebUtility.HtmlDecode(await client.GetStringAsync("/public/penalties"));
        Assert.Contains("行政处罚决定公示", penalties);
        Assert.DoesNotContain("class=\"breadcrumb\"", penalties);
        Assert.DoesNotContain("sidemenu", penalties);
        Assert.Contains("返回工作台", penalties);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await factory.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Ready_probe_checks_the_database_and_openapi_is_published()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var openapi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/platform/account/token", openapi);
    }

    [Fact]
    public async Task Malformed_json_is_400_problem_details_not_500()
    {
        var client = factory.CreateClient();
        var response = await client.PostAsync("/api/platform/account/token", new StringContent("{\"userName\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Oversized_body_is_rejected_with_problem_details()
    {
        var client = factory.CreateClient();
        var huge = new string('x', 2 * 1024 * 1024);
        var response = await client.PostAsync("/api/platform/account/token", new StringContent($"{{\"userName\":\"{huge}\",\"password\":\"x\"}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_page_shows_the_not_found_page_with_404()
    {
        var user = await factory.CreateUserAsync(orgCode: "370402");
        var client = await factory.ApiClientAsync(user);
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }
}
