using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Tests.Infrastructure;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.FrontDesk;

/// <summary>Referrals from court, 12345 and 信访 through the API: validation, routing when no type is given, repeat referrals.</summary>
[Collection(HostCollection.Name)]
public sealed class ReferralTests(FazhiFactory factory)
{
    private const string ReferralClient = "dispute-referral-client";

    private static object Referral(string system, string externalId, string category, object applicant, object? respondent = null, object? agent = null, string? caseType = null) => new
    {
        system,
        externalId,
        category,
        amount = 12000m,
        placeCode = "370402",
        description = "来电人反映用人单位拖欠三个月工资共计一万二千元，要求处理。",
        applicant,
        respondent = respondent ?? Organisation("枣庄某建材有限公司"),
        agent,
        caseType,
    };

    [Fact]
    public async Task A_12345_referral_is_routed_by_the_rules_and_a_repeat_returns_the_same_case()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(ReferralClient, "370400"));
        var externalId = "ZZ12345-" + Guid.NewGuid().ToString("N")[..10];
        var body = Referral("12345", externalId, "劳动争议", Person("孙立军"), agent: Person("钱律师"));

        var first = await api.PostAsJsonAsync("/api/disputes/referrals", body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        // Published rule 1: 劳动争议 -> 劳动仲裁 (劳动争议调解仲裁法 第五条).
        Assert.Equal("Arbitration", created.GetProperty("caseType").GetString());
        Assert.Contains("劳动争议调解仲裁法 第五条", created.GetProperty("routingReason").GetString());
        Assert.False(created.GetProperty("alreadyReceived").GetBoolean());

        var again = await api.PostAsJsonAsync("/api/disputes/referrals", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(repeated.GetProperty("alreadyReceived").GetBoolean());
        Assert.Equal(created.GetProperty("id").GetGuid(), repeated.GetProperty("id").GetGuid());
        Assert.Equal(created.GetProperty("caseNumber").GetString(), repeated.GetProperty("caseNumber").GetString());

        // The case keeps the referring system and its id, the agent, and is handled by the recommended unit.
        var city = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var detail = await city.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{created.GetProperty("id").GetGuid()}");
        Assert.Equal("12345热线", detail.GetProperty("externalSystem").GetString());
        // Kept normalised (trimmed, upper-case): one id per referring system whatever its spelling.
        Assert.Equal(externalId.ToUpperInvariant(), detail.GetProperty("externalId").GetString());
        Assert.Equal("枣庄市人力资源和社会保障局", detail.GetProperty("handlingUnit").GetString());
        Assert.Contains(detail.GetProperty("parties").EnumerateArray(), p => p.GetProperty("role").GetString() == "代理人" && p.GetProperty("name").GetString() == "钱律师");
    }

    [Fact]
    public async Task When_a_referred_case_closes_the_referring_account_is_told_the_result_without_personal_data()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(ReferralClient, "370400"));
        var externalId = "FY-" + Guid.NewGuid().ToString("N")[..10];
        var created = await client.PostAsJsonAsync("/api/disputes/referrals", Referral("court", externalId, "邻里纠纷", Person("韩秋月"), caseType: "PeoplesMediation"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var referral = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = referral.GetProperty("id").GetGuid();
        Assert.DoesNotContain(externalId, await client.GetStringAsync("/api/platform/notifications"), StringComparison.OrdinalIgnoreCase);

        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/close", new { result = "party-refused", summary = "被申请人明确表示拒绝调解。" })).StatusCode);

        var inbox = await client.GetStringAsync("/api/platform/notifications");
        Assert.Contains(externalId, inbox, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(referral.GetProperty("caseNumber").GetString()!, inbox);
        Assert.Contains("当事人拒绝调解，终止调解", inbox);
        Assert.DoesNotContain("韩秋月", inbox);
        // Staff-entered cases have no referring account: the clerk's inbox gets nothing of the kind.
        Assert.DoesNotContain(externalId, await clerk.GetStringAsync("/api/platform/notifications"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_referral_already_received_through_the_api_is_answered_with_its_case_when_staff_enter_it_again()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(ReferralClient, "370400"));
        var externalId = "FY-" + Guid.NewGuid().ToString("N")[..10];
        var created = await api.PostAsJsonAsync("/api/disputes/referrals", Referral("court", externalId, "合同纠纷", Person("彭建军")));
        var first = await created.Content.ReadFromJsonAsync<JsonElement>();
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));

        var staff = await clerk.PostAsJsonAsync("/api/disputes/cases", new
        {
            caseType = "PeoplesMediation", channel = "Referral", externalSystem = "法院", externalId, category = "合同纠纷", placeCode = "370402",
            description = "法院委派的诉前调解案件，双方就货款支付发生争议。", applicant = Person("彭建军"),
        });

        // The same answer as the referral API gives a repeat: 200 with the case registered the first time.
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        var again = await staff.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal(first.GetProperty("caseNumber").GetString(), again.GetProperty("caseNumber").GetString());
        Assert.True(again.GetProperty("alreadyReceived").GetBoolean());
    }

    [Fact]
    public async Task One_referral_id_per_system_across_channels_trimmed_and_case_insensitive()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(ReferralClient, "370400"));
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var created = await api.PostAsJsonAsync("/api/disputes/referrals", Referral("court", $" acc-ref-{suffix} ", "合同纠纷", Person("冯志强")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = first.GetProperty("id").GetGuid();

        // The same referral through the cases API, the system by its API code and the id in another spelling.
        var staff = await clerk.PostAsJsonAsync("/api/disputes/cases", new
        {
            caseType = "PeoplesMediation", channel = "Referral", externalSystem = "court", externalId = $"ACC-REF-{suffix.ToUpperInvariant()}", category = "合同纠纷",
            placeCode = "370402", description = "法院委派的诉前调解案件，双方就货款支付发生争议。", applicant = Person("冯志强"),
        });
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal(id, (await staff.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        // And through the referral API again, upper-case.
        var repeat = await api.PostAsJsonAsync("/api/disputes/referrals", Referral("court", $"ACC-REF-{suffix}".ToUpperInvariant(), "合同纠纷", Person("冯志强")));
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(id, (await repeat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        var detail = await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}");
        Assert.Equal("法院", detail.GetProperty("externalSystem").GetString());
        Assert.Equal($"ACC-REF-{suffix}".ToUpperInvariant(), detail.GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task The_same_id_from_another_system_is_another_case()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(ReferralClient, "370400"));
        var externalId = "X-" + Guid.NewGuid().ToString("N")[..10];

        var court = await api.PostAsJsonAsync("/api/disputes/referrals", Referral("court", externalId, "合同纠纷", Person("周玉兰")));
        var letters = await api.PostAsJsonAsync("/api/disputes/referrals", Referral("letters", externalId, "合同纠纷", Person("吴桂芳")));

        Assert.Equal(HttpStatusCode.Created, court.StatusCode);
        Assert.Equal(HttpStatusCode.Created, letters.StatusCode);
        Assert.NotEqual((await court.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            (await letters.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task An_invalid_resident_id_and_credit_code_are_refused_with_the_reasons()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(ReferralClient, "370400"));
        var body = Referral("visits", "XF-" + Guid.NewGuid().ToString("N")[..8], "邻里纠纷",
            new { kind = "Person", name = "郑海燕", idNumber = Corrupt(NewResidentId()), phone = NewPhone() },
            new { kind = "Organisation", name = "枣庄某物业公司", creditCode = Corrupt(NewCreditCode()) });

        var response = await api.PostAsJsonAsync("/api/disputes/referrals", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("申请人身份证号码无效", detail);
        Assert.Contains("被申请人统一社会信用代码无效", detail);
        Assert.True(problem.GetProperty("errors").TryGetProperty("applicant.idNumber", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("respondent.creditCode", out _));
    }

    [Fact]
    public async Task An_unknown_system_or_a_missing_id_is_refused()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(ReferralClient, "370400"));

        var response = await api.PostAsJsonAsync("/api/disputes/referrals", Referral("wechat", "", "邻里纠纷", Person("冯志强")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("system", out _));
        Assert.True(errors.TryGetProperty("externalId", out _));
    }

    [Fact]
    public async Task A_clerk_without_the_referral_permission_cannot_use_the_referral_api()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));

        var response = await api.PostAsJsonAsync("/api/disputes/referrals", Referral("court", "C-" + Guid.NewGuid().ToString("N")[..8], "邻里纠纷", Person("陈红")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
