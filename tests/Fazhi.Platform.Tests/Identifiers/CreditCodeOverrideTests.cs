using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Identifiers;

/// <summary>
/// Issue 12: a real credit code failing its check character is refused by the modules until a clerk's override request is
/// confirmed by another person holding <c>platform.identifiers.review</c>; the override is audited.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CreditCodeOverrideTests(FazhiFactory factory)
{
    internal const string Overrides = "/api/platform/identifiers/overrides";

    [Fact]
    public async Task A_code_failing_its_check_digit_is_refused_until_another_reviewer_confirms_the_override()
    {
        var code = BadCode();
        var clerkUser = await factory.CreateUserAsync("dispute-clerk", "370400");
        // The requester also holds the review permission: confirming one's own request is still refused.
        await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformSeeder>().GrantRoleAsync(clerkUser.UserName, "370400", IdentifiersFeature.ReviewerRole, CancellationToken.None));
        var clerk = await factory.ApiClientAsync(clerkUser);
        var staff = await factory.ApiClientAsync(await factory.CreateUserAsync());
        var reviewer = await factory.ApiClientAsync(await factory.CreateUserAsync(IdentifiersFeature.ReviewerRole, "370400"));

        // Before review: refused, and told where to ask for the review.
        var before = await OpenCaseAsync(clerk, code);
        var message = await CreditCodeErrorAsync(before);
        Assert.Contains("/admin/credit-code-overrides", message);

        // Requested but not confirmed: still refused.
        var requested = await clerk.PostAsJsonAsync(Overrides, new { code = code.ToLowerInvariant(), reason = "已核对营业执照原件（2016 年早期赋码）" });
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var request = await requested.Content.ReadFromJsonAsync<JsonElement>();
        var id = request.GetProperty("id").GetGuid();
        Assert.Equal(code, request.GetProperty("code").GetString());
        Assert.Equal("Pending", request.GetProperty("status").GetString());
        await CreditCodeErrorAsync(await OpenCaseAsync(clerk, code));

        // The pending request is listed first.
        var list = await clerk.GetFromJsonAsync<JsonElement>(Overrides + "?pageSize=200");
        Assert.Equal("Pending", list.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Contains(list.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);

        // The requester cannot confirm their own request; a user without the permission cannot either.
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"{Overrides}/{id}/confirm", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"{Overrides}/{id}/confirm", new { })).StatusCode);
        await CreditCodeErrorAsync(await OpenCaseAsync(clerk, code));

        // Another reviewer confirms: the case opens.
        var confirmed = await reviewer.PostAsJsonAsync($"{Overrides}/{id}/confirm", new { note = "与营业执照一致" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Confirmed", (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var after = await OpenCaseAsync(clerk, code);
        Assert.True(after.IsSuccessStatusCode, await after.Content.ReadAsStringAsync());
        var caseId = (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The kit's check says why it passed.
        var check = await clerk.PostAsJsonAsync("/api/platform/identifiers/validate", new { kind = "uscc", value = code });
        var checkBody = await check.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(checkBody.GetProperty("valid").GetBoolean());
        Assert.StartsWith("经人工核实放行：已核对营业执照原件", checkBody.GetProperty("message").GetString());

        // Audited: the request and the confirmation on the override, and its use on the case.
        var auditor = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.AuditAdmin));
        var trail = await auditor.GetFromJsonAsync<JsonElement>($"/api/platform/audit?entityType=CreditCodeOverride&entityId={id}&pageSize=10");
        var actions = trail.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("create", actions);
        Assert.Contains("update", actions);
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("changes").GetString()!.Contains("Confirmed"));
        var onCase = await auditor.GetFromJsonAsync<JsonElement>($"/api/platform/audit?entityId={caseId}&action=CreditCodeOverrideUsed");
        Assert.Equal(1, onCase.GetProperty("total").GetInt32());
        Assert.Contains("经人工核实放行", onCase.GetProperty("items")[0].GetProperty("changes").GetString());
    }

    [Fact]
    public async Task A_rejected_request_keeps_the_code_refused_and_a_valid_code_needs_no_request()
    {
        var code = BadCode();
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var reviewer = await factory.ApiClientAsync(await factory.CreateUserAsync(IdentifiersFeature.ReviewerRole, "370400"));
        var id = (await (await clerk.PostAsJsonAsync(Overrides, new { code, reason = "已核对营业执照" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync($"{Overrides}/{id}/reject", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"{Overrides}/{id}/reject", new { note = "营业执照上的代码不同" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsJsonAsync($"{Overrides}/{id}/confirm", new { })).StatusCode);
        await CreditCodeErrorAsync(await OpenCaseAsync(clerk, code));

        var valid = await clerk.PostAsJsonAsync(Overrides, new { code = code[..17] + UnifiedSocialCreditCode.CheckCharacter(code), reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, valid.StatusCode);
    }

    private static Task<HttpResponseMessage> OpenCaseAsync(HttpClient api, string code) => api.PostAsJsonAsync("/api/disputes/cases", new
    {
        caseType = "PeoplesMediation",
        channel = "WalkIn",
        category = "邻里纠纷",
        placeCode = "370402",
        description = "申请人与物业公司因排水沟堵塞发生争执，多次协商未果，请求调解。",
        applicant = new { kind = "Person", name = "袁丽华", idNumber = "44011320141005001X", phone = "13800000000" },
        respondent = new { kind = "Organisation", name = "枣庄某物业公司", creditCode = code },
    });

    private static async Task<string> CreditCodeErrorAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("respondent.creditCode", out var messages), text);
        return messages[0].GetString()!;
    }

    /// <summary>A well-formed code whose last character is not its check character.</summary>
    internal static string BadCode()
    {
        var body = "91370400" + string.Concat(Enumerable.Range(0, 9).Select(_ => UnifiedSocialCreditCode.Alphabet[RandomNumberGenerator.GetInt32(UnifiedSocialCreditCode.Alphabet.Length)]));
        var check = UnifiedSocialCreditCode.CheckCharacter(body);
        return body + (check == '0' ? '1' : '0');
    }
}

/// <summary>The override pages with the shipped demo's reviewer (demo-city), on a host that starts with the demo.</summary>
public sealed class CreditCodeOverridePageTests(FazhiDemoFactory factory) : IClassFixture<FazhiDemoFactory>
{
    [Fact]
    public async Task On_the_page_a_clerk_requests_and_the_demo_city_account_confirms()
    {
        var code = CreditCodeOverrideTests.BadCode();
        var clerk = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var reviewer = await factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-city"));
        const string page = "/admin/credit-code-overrides";

        var requested = await Forms.SubmitAsync(clerk, page, "credit-code-request",
            new Dictionary<string, string> { ["RequestForm.Code"] = code, ["RequestForm.Reason"] = "已核对营业执照原件" });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        Assert.Contains("核实申请已提交", await requested.Content.ReadAsStringAsync());
        // The clerk sees the request but no review link; the reviewer has the nav item and the link.
        Assert.DoesNotContain("?review=", await clerk.GetStringAsync(page));
        var list = await reviewer.GetStringAsync(page);
        Assert.Contains(code, list);
        Assert.Contains("href=\"/admin/credit-code-overrides\"", list);

        var api = await factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"));
        var items = (await api.GetFromJsonAsync<JsonElement>(CreditCodeOverrideTests.Overrides + "?pageSize=200")).GetProperty("items").EnumerateArray();
        var entry = items.Single(o => o.GetProperty("code").GetString() == code);
        var id = entry.GetProperty("id").GetGuid();
        var reviewPage = $"{page}?review={id}";
        var confirmed = await Forms.SubmitAsync(reviewer, reviewPage, "credit-code-review", new Dictionary<string, string>
        {
            ["ReviewForm.Id"] = id.ToString(),
            ["ReviewForm.Version"] = entry.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReviewForm.Action"] = "confirm",
        });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("已确认放行。", await confirmed.Content.ReadAsStringAsync());
        var check = await (await api.PostAsJsonAsync("/api/platform/identifiers/validate", new { kind = "uscc", value = code })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("演示·市司法局工作人员", check.GetProperty("message").GetString());
    }
}
