using System.Net;
using System.Net.Http.Json;
using Fazhi.Disputes.Tests.Infrastructure;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.Handling;

/// <summary>The home page's to-do panel counts the user's dispute work from the worklists, within their scope. Uses town 370403101 only.</summary>
[Collection(HostCollection.Name)]
public sealed class HomeTodoTests(FazhiFactory factory)
{
    private const string Town = "370403101"; // 沙沟镇
    private const string Pending = "/disputes?view=all&status=Pending";

    [Fact]
    public async Task The_home_page_counts_applications_awaiting_acceptance_in_the_users_scope_and_nothing_else()
    {
        var clerkUser = await factory.CreateUserAsync("dispute-clerk", Town);
        var home = await factory.SignedInBrowserAsync(clerkUser);
        var api = await factory.ApiClientAsync(clerkUser);
        Assert.Contains("暂无待办事项。", System.Net.WebUtility.HtmlDecode(await home.GetStringAsync("/")));

        var first = await CreateAsync(api, Staff("PeoplesMediation", "邻里纠纷", Person("韦桂香"), unit: Town, place: "370403"));
        await CreateAsync(api, Staff("LegalAid", "劳动争议", Person("韦德明"), channel: "Hotline", unit: Town, place: "370403"));
        Assert.Equal("2", await HomeTodo.CountAsync(home, Pending));

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/disputes/cases/{first}/accept", new { })).StatusCode);
        Assert.Equal("1", await HomeTodo.CountAsync(home, Pending));
        Assert.Null(await HomeTodo.CountAsync(home, "/disputes/follow-ups"));

        // Closing it opens its follow-up (回访), counted in the town's scope.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/disputes/cases/{first}/close", new { result = "party-refused", summary = "被申请人明确表示拒绝调解。" })).StatusCode);
        Assert.Equal("1", await HomeTodo.CountAsync(home, "/disputes/follow-ups"));

        // A clerk of another town does not see these; a user without dispute permissions gets no dispute lines at all.
        var neighbour = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("dispute-clerk", "370403006"));
        Assert.Null(await HomeTodo.CountAsync(neighbour, Pending));
        Assert.Null(await HomeTodo.CountAsync(neighbour, "/disputes/follow-ups"));
        var staff = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("staff", Town));
        Assert.DoesNotContain("/disputes?view=", await staff.GetStringAsync("/"));
    }
}
