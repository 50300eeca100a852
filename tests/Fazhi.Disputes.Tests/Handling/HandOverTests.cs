using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Platform.Features.Identifiers;

namespace Fazhi.Disputes.Tests.Handling;

/// <summary>
/// Issue 13: every hand-over puts a message in the right inbox (and none outside the unit), the handling record lists
/// 受理, 分流/改派, 下派, 上报 and 接收, the parties are texted, and 下派 keeps one case with one clock and one history.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class HandOverTests(FazhiFactory factory)
{
    private const string District = "370402";
    private const string Street = "370402001";
    private const string OtherDistrict = "370403";

    private static string ValidResidentId(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17 + "0");

    private static object Intake(string description, string? handlingUnitCode = null) => new
    {
        caseType = "PeoplesMediation",
        channel = "WalkIn",
        category = "邻里纠纷",
        amount = 1200m,
        placeCode = District,
        description,
        handlingUnitCode,
        applicant = new { kind = "Person", name = "孔繁荣", idNumber = ValidResidentId("37040219800101002"), phone = "13900001111" },
    };

    private static async Task<Guid> CreateAsync(HttpClient api, object body)
    {
        var created = await api.PostAsJsonAsync("/api/disputes/cases", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The recipient's messages about one case (their link names it).</summary>
    private static async Task<List<JsonElement>> MessagesAsync(HttpClient api, Guid caseId)
    {
        var inbox = await api.GetFromJsonAsync<JsonElement>("/api/platform/notifications");
        return inbox.GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("link").GetString() == $"/disputes/cases/{caseId}").ToList();
    }

    private static async Task<JsonElement> HandlingAsync(HttpClient api, Guid caseId) =>
        await api.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{caseId}/handling");

    private static IEnumerable<(string Kind, string Text)> History(JsonElement handling) =>
        handling.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("text").GetString()!));

    private static async Task<string> RefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task A_new_application_an_assignment_and_acceptance_reach_the_unit_the_handler_and_the_party()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", District));
        var colleague = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", District));
        var mediatorUser = await factory.CreateUserAsync("dispute-mediator", District);
        var mediator = await factory.ApiClientAsync(mediatorUser);
        var elsewhere = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", OtherDistrict));

        var id = await CreateAsync(clerk, Intake("邻居装修噪音持续三个月，协商未果，请求调解。"));
        var arrived = Assert.Single(await MessagesAsync(colleague, id));
        Assert.StartsWith("新的纠纷申请", arrived.GetProperty("title").GetString());
        Assert.Empty(await MessagesAsync(elsewhere, id));

        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/accept", new { })).StatusCode);
        var assigned = await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/assign", new { userId = mediatorUser.Id });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var toHandler = (await MessagesAsync(mediator, id)).Select(m => m.GetProperty("title").GetString()!).ToList();
        Assert.Contains(toHandler, t => t.StartsWith("指派给您的案件"));
        Assert.DoesNotContain(await MessagesAsync(colleague, id), m => m.GetProperty("title").GetString()!.StartsWith("指派给您的案件"));

        var history = History(await HandlingAsync(clerk, id)).ToList();
        Assert.Contains(history, e => e.Kind == "Accepted" && e.Text.Contains("受理"));
        // The party was texted on acceptance, with the masked number in the record (never the full number).
        var sms = Assert.Single(history, e => e.Kind == "PartyMessage");
        Assert.Contains("139****1111", sms.Text);
        Assert.Contains("已于", sms.Text);
        Assert.DoesNotContain("13900001111", sms.Text);
    }

    [Fact]
    public async Task A_front_desk_override_to_a_district_tells_that_district_and_is_in_the_handling_record()
    {
        var city = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var district = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", District));
        var id = await CreateAsync(city, Intake("两户因宅基地边界发生争执，请求调解处理。"));
        Assert.Empty(await MessagesAsync(district, id));

        var routed = await city.PostAsJsonAsync($"/api/disputes/cases/{id}/routing/override",
            new { handlingUnitCode = District, reason = "纠纷发生在市中区，由区中心就近调解" });
        Assert.Equal(HttpStatusCode.NoContent, routed.StatusCode);
        Assert.Contains(await MessagesAsync(district, id), m => m.GetProperty("title").GetString()!.StartsWith("分流到本单位的案件"));
        var history = History(await HandlingAsync(district, id)).ToList();
        Assert.Contains(history, e => e.Kind == "Routed" && e.Text.Contains("改派") && e.Text.Contains("就近调解"));
    }

    [Fact]
    public async Task A_district_passes_an_accepted_case_down_to_a_street_which_receives_it_and_can_pass_it_back_up()
    {
        var clerkUser = await factory.CreateUserAsync("dispute-clerk", District);
        var clerk = await factory.ApiClientAsync(clerkUser);
        var streetUser = await factory.CreateUserAsync("dispute-mediator", Street);
        var street = await factory.ApiClientAsync(streetUser);
        var elsewhere = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", OtherDistrict));

        var id = await CreateAsync(clerk, Intake("楼上漏水损坏楼下装修，双方就赔偿金额争执不下。"));
        // Only an accepted case is passed down: before acceptance the front desk routes it instead.
        Assert.Contains("尚未受理", await RefusedAsync(await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/dispatch",
            new { unitCode = Street, reason = "由街道调委会就近调解" }), HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/accept", new { })).StatusCode);
        var before = await HandlingAsync(clerk, id);
        var number = (await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}")).GetProperty("caseNumber").GetString();

        var targets = await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}/dispatch-targets");
        Assert.Contains(targets.EnumerateArray(), t => t.GetProperty("code").GetString() == Street && !t.GetProperty("up").GetBoolean());
        Assert.DoesNotContain(targets.EnumerateArray(), t => t.GetProperty("code").GetString() == OtherDistrict);

        // Refusals name the field: a unit beside the case's unit, and no reason.
        await Refusals.AssertRefusedNamingAsync(await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/dispatch",
            new { unitCode = OtherDistrict, reason = "试图下派到其他区" }), "unit");
        await Refusals.AssertRefusedNamingAsync(await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/dispatch",
            new { unitCode = Street, reason = "" }), "reason");

        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/dispatch",
            new { unitCode = Street, reason = "由街道调委会就近调解" })).StatusCode);
        Assert.Contains(await MessagesAsync(street, id), m => m.GetProperty("title").GetString()!.StartsWith("下派给本单位的案件"));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/disputes/cases/{id}")).StatusCode);

        // One case: the same number, due date and history, now at the street.
        var atStreet = await HandlingAsync(street, id);
        Assert.Equal(before.GetProperty("dueOn").GetString(), atStreet.GetProperty("dueOn").GetString());
        Assert.Equal(number, (await street.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}")).GetProperty("caseNumber").GetString());
        Assert.Contains(History(atStreet), e => e.Kind == "Accepted");
        Assert.Contains(History(atStreet), e => e.Kind == "Dispatched" && e.Text.Contains("就近调解"));

        // Until the street receives it, nothing but a note is open there; the district cannot receive for it.
        Assert.Contains("先接收", await RefusedAsync(await street.PostAsJsonAsync($"/api/disputes/cases/{id}/assign",
            new { userId = streetUser.Id }), HttpStatusCode.Conflict));
        Assert.Contains("现办理单位", await RefusedAsync(await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/receive", new { }), HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.OK, (await street.PostAsJsonAsync($"/api/disputes/cases/{id}/receive", new { })).StatusCode);
        Assert.Contains(await MessagesAsync(clerk, id), m => m.GetProperty("title").GetString()!.StartsWith("案件已被接收"));
        Assert.Equal(HttpStatusCode.OK, (await street.PostAsJsonAsync($"/api/disputes/cases/{id}/assign", new { userId = streetUser.Id })).StatusCode);

        // 上报: back to the district, which leaves the street's scope; the district receives it.
        Assert.Equal(HttpStatusCode.NoContent, (await street.PostAsJsonAsync($"/api/disputes/cases/{id}/dispatch",
            new { unitCode = District, reason = "涉及多个小区，需区中心组织联合调解" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/api/disputes/cases/{id}")).StatusCode);
        Assert.Contains(await MessagesAsync(clerk, id), m => m.GetProperty("title").GetString()!.StartsWith("上报给本单位的案件"));
        var received = await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/receive", new { });
        Assert.True(received.StatusCode == HttpStatusCode.OK, $"{received.StatusCode}: {await received.Content.ReadAsStringAsync()}");
        var back = await HandlingAsync(clerk, id);
        Assert.Equal(before.GetProperty("dueOn").GetString(), back.GetProperty("dueOn").GetString());
        Assert.Equal(["Dispatched", "Received", "Escalated", "Received"],
            History(back).Select(e => e.Kind).Where(k => k is "Dispatched" or "Escalated" or "Received").ToArray());
    }
}
