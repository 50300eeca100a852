using System.Net;
using System.Net.Http.Json;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;

namespace Fazhi.Platform.Tests.Accounts;

[Collection(HostCollection.Name)]
public sealed class TokenTests(FazhiFactory factory)
{
    [Fact]
    public async Task Staff_signs_in_with_a_token_and_reads_their_profile()
    {
        var user = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        var client = await factory.ApiClientAsync(user);

        var me = await client.GetFromJsonAsync<MeDto>("/api/platform/account/me");

        Assert.Equal(user.UserName, me!.UserName);
        Assert.Equal(user.OrgUnitId, me.OrgUnitId);
        Assert.Contains("platform.orgunits.read", me.Permissions);
    }

    [Fact]
    public async Task Wrong_password_is_401_problem_details_in_chinese()
    {
        var user = await factory.CreateUserAsync();
        var response = await factory.CreateClient().PostAsJsonAsync("/api/platform/account/token", new { userName = user.UserName, password = "wrong-password-123" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_api_call_is_401_not_a_redirect()
    {
        var response = await factory.BrowserClient().GetAsync("/api/platform/account/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private sealed record MeDto(Guid Id, string UserName, Guid OrgUnitId, List<string> Permissions);
}
