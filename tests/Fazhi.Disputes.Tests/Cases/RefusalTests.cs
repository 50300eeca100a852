using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.Disputes.Tests.Infrastructure;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.Cases;

/// <summary>The kit's refusals in the disputes module: null bodies, invisible names, unknown kinds, reversed periods.</summary>
[Collection(HostCollection.Name)]
public sealed class RefusalTests(FazhiFactory factory)
{
    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("errors");
    }

    [Theory]
    [InlineData("assign")]
    [InlineData("close")]
    [InlineData("suspend")]
    [InlineData("transfer")]
    [InlineData("notes")]
    public async Task A_null_body_on_a_handling_action_is_refused_naming_the_body(string action)
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var caseId = await CreateAsync(api, Staff("PeoplesMediation", "邻里纠纷", Person("袁丽华")));

        var response = await api.PostAsync($"/api/disputes/cases/{caseId}/{action}", new StringContent("null", Encoding.UTF8, "application/json"));

        Assert.True((await ErrorsAsync(response)).TryGetProperty("body", out _));
    }

    [Theory]
    [InlineData("/api/disputes/cases/{0}/reject")]
    [InlineData("/api/disputes/referrals")]
    [InlineData("/api/disputes/cases")]
    public async Task A_null_body_elsewhere_is_refused_too(string path)
    {
        var role = path.Contains("referrals", StringComparison.Ordinal) ? "dispute-referral-client" : "dispute-clerk";
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(role, "370400"));
        var response = await api.PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid()), new StringContent("null", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
    }

    [Theory]
    [InlineData("\u200B\u200B\u200B")]
    [InlineData("\uFEFF")]
    [InlineData("\u200B\uFEFF\u3000")]
    public async Task A_name_of_invisible_characters_is_refused(string name)
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var response = await api.PostAsJsonAsync("/api/disputes/cases", Staff("PeoplesMediation", "邻里纠纷", new { kind = "Person", name, idNumber = NewResidentId(), phone = NewPhone() }));
        Assert.True((await ErrorsAsync(response)).TryGetProperty("applicant.name", out _));
    }

    [Fact]
    public async Task A_name_with_a_control_character_is_refused_and_length_counts_text_elements()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var bad = await api.PostAsJsonAsync("/api/disputes/cases", Staff("PeoplesMediation", "邻里纠纷", new { kind = "Person", name = "王\u0007五", idNumber = NewResidentId(), phone = NewPhone() }));
        Assert.True((await ErrorsAsync(bad)).TryGetProperty("applicant.name", out _));

        // 100 characters from CJK Extension B are 200 UTF-16 units but 100 characters: within the 128 allowed.
        var longName = string.Concat(Enumerable.Repeat("\U00020000", 100));
        var ok = await api.PostAsJsonAsync("/api/disputes/cases", Staff("PeoplesMediation", "邻里纠纷", new { kind = "Organisation", name = longName, creditCode = NewCreditCode() }));
        Assert.True(ok.IsSuccessStatusCode, await ok.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Robot")]
    [InlineData("3")]
    public async Task An_unknown_party_kind_is_refused_not_taken_for_a_person(string kind)
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var response = await api.PostAsJsonAsync("/api/disputes/cases", Staff("PeoplesMediation", "邻里纠纷", new { kind, name = "蒋文杰", idNumber = NewResidentId(), phone = NewPhone() }));
        var errors = await ErrorsAsync(response);
        Assert.True(errors.TryGetProperty("applicant.kind", out _), errors.ToString());
    }

    [Fact]
    public async Task Statistics_with_the_end_before_the_start_are_refused_naming_to_and_the_page_says_so_inline()
    {
        var user = await factory.CreateUserAsync("dispute-reviewer", "370400");
        var api = await factory.ApiClientAsync(user);
        var errors = await ErrorsAsync(await api.GetAsync("/api/disputes/statistics?from=2026-05-01&to=2026-04-01"));
        Assert.True(errors.TryGetProperty("to", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/disputes/statistics/export.xlsx?from=2026-05-01&to=2026-04-01")).StatusCode);

        var browser = await factory.SignedInBrowserAsync(user);
        var page = await browser.GetAsync("/disputes/statistics?from=2026-05-01&to=2026-04-01");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("结束日期不能早于开始日期。", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }
}
