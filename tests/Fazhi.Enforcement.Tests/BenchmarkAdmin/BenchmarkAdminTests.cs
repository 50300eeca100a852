using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Tests.Infrastructure;

namespace Fazhi.Enforcement.Tests.BenchmarkAdmin;

[Collection(HostCollection.Name)]
public sealed class BenchmarkAdminTests(FazhiFactory factory)
{
    private const string BenchmarkAdmin = "enforcement-benchmark-admin";

    private static object Version(string from, int max) => new
    {
        violation = "测试违法行为", violationBasis = "测试法第一条", penaltyBasis = "测试法第二条", issuingAuthority = "测试局", effectiveFrom = from,
        tiers = new[] { new { tier = "Ordinary", conditions = "一般情形", rangeKind = "FixedAmount", min = 100, max, rangeText = $"处 100 元以上 {max} 元以下罚款", onNoLightList = false } },
    };

    private static async Task<Guid> NewMatterAsync(HttpClient api)
    {
        var code = "V-" + Guid.NewGuid().ToString("N")[..10];
        var created = await api.PostAsJsonAsync("/api/enforcement/matters", new { code, name = "对版本测试违法行为的处罚" + code, kind = "Penalty", legalBasis = "测试法", issuingOrgCode = "370400", issuingBody = "测试局" });
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Issuing_a_version_on_the_page_keeps_the_old_one_readable_and_the_engine_uses_the_version_in_force_on_the_act_date()
    {
        var admin = await factory.CreateUserAsync(BenchmarkAdmin, enrolTotp: false);
        var api = await factory.ApiClientAsync(admin);
        var matterId = await NewMatterAsync(api);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/enforcement/matters/{matterId}/benchmarks", Version("2030-01-01", 1000))).StatusCode);
        var browser = await factory.SignedInBrowserAsync(admin);
        var page = $"/enforcement/benchmarks/matters/{matterId}";

        var fields = new Dictionary<string, string>
        {
            ["Version.Violation"] = "测试违法行为",
            ["Version.ViolationBasis"] = "测试法第一条",
            ["Version.PenaltyBasis"] = "测试法第二条（修订）",
            ["Version.IssuingAuthority"] = "测试局",
            ["Version.EffectiveFrom"] = "2031-01-01",
            ["Version.Tiers[0].Include"] = "true",
            ["Version.Tiers[0].Tier"] = "NoPenalty",
            ["Version.Tiers[0].Conditions"] = "初次违法且及时改正",
            ["Version.Tiers[0].RangeKind"] = "NonMonetary",
            ["Version.Tiers[0].RangeText"] = "不予行政处罚",
            ["Version.Tiers[0].OnNoLightList"] = "true",
            ["Version.Tiers[1].Include"] = "true",
            ["Version.Tiers[1].Tier"] = "Ordinary",
            ["Version.Tiers[1].Conditions"] = "一般情形",
            ["Version.Tiers[1].RangeKind"] = "FixedAmount",
            ["Version.Tiers[1].Min"] = "100",
            ["Version.Tiers[1].Max"] = "3000",
            ["Version.Tiers[1].RangeText"] = "处 100 元以上 3000 元以下罚款",
        };
        var response = await Forms.SubmitAsync(browser, page, "version", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("已发布第 2 版，自 2031-01-01 起施行。", html);
        Assert.Contains("2030-01-01 — 2030-12-31", html);
        Assert.Contains("处 100 元以上 1000 元以下罚款", html);

        // 行政处罚法 第三十七条: the act's date decides the version, not the decision's.
        var old = await api.PostAsJsonAsync("/api/enforcement/evaluate", new { matterId, facts = new { actDate = "2030-06-01", decisionDate = "2031-03-01" } });
        Assert.Equal(1000m, (await old.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("range").GetProperty("max").GetDecimal());
        var current = await api.PostAsJsonAsync("/api/enforcement/evaluate", new { matterId, facts = new { actDate = "2031-02-01", decisionDate = "2031-03-01" } });
        Assert.Equal(3000m, (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("range").GetProperty("max").GetDecimal());

        // A version that would start inside an issued version's period is refused with the reason.
        fields["Version.EffectiveFrom"] = "2030-06-01";
        var refused = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, page, "version", fields)).Content.ReadAsStringAsync());
        Assert.Contains("新版本的施行日期须晚于第 2 版的施行日期 2031-01-01", refused);
        Assert.Equal(2, (await api.GetFromJsonAsync<JsonElement>($"/api/enforcement/matters/{matterId}/benchmarks")).GetArrayLength());
    }

    [Fact]
    public async Task A_lighter_version_in_force_at_the_decision_applies_instead_of_the_one_at_the_act_Art_37()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(BenchmarkAdmin));
        var matterId = await NewMatterAsync(api);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/enforcement/matters/{matterId}/benchmarks", Version("2030-01-01", 5000))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/enforcement/matters/{matterId}/benchmarks", Version("2031-01-01", 2000))).StatusCode);

        // 行政处罚法 第三十七条 但书: the rule was softened before the decision, so the new (lighter) version applies.
        var softened = await (await api.PostAsJsonAsync("/api/enforcement/evaluate", new { matterId, facts = new { actDate = "2030-06-01", decisionDate = "2031-03-01" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2000m, softened.GetProperty("range").GetProperty("max").GetDecimal());
        var rule = Assert.Single(softened.GetProperty("rules").EnumerateArray(), r => r.GetProperty("code").GetString() == "art37");
        Assert.Contains("适用新的规定", rule.GetProperty("finding").GetString());

        // Decided before the new version took effect: the act-date version, without any Art. 37 choice to explain.
        var before = await (await api.PostAsJsonAsync("/api/enforcement/evaluate", new { matterId, facts = new { actDate = "2030-06-01", decisionDate = "2030-09-01" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5000m, before.GetProperty("range").GetProperty("max").GetDecimal());
        Assert.DoesNotContain(before.GetProperty("rules").EnumerateArray(), r => r.GetProperty("code").GetString() == "art37");
    }

    [Fact]
    public async Task A_rules_profile_edit_is_a_new_version_applied_to_acts_from_its_effective_date()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(BenchmarkAdmin));
        var history = await api.GetFromJsonAsync<JsonElement>("/api/enforcement/rules-profile/history");
        var latest = history[0].GetProperty("number").GetInt32();

        var put = await api.PutAsJsonAsync("/api/enforcement/rules-profile", new
        {
            version = 0, number = latest, effectiveFrom = "2090-01-01", noPenaltyBelowAge = 14, minorBelowAge = 18, limitationYears = 3, extendedLimitationYears = 5,
            orderToCorrectBeforeLeniency = true, note = "测试：追责期限调整为三年",
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stale = await api.PutAsJsonAsync("/api/enforcement/rules-profile", new
        {
            version = 0, number = latest, effectiveFrom = "2091-01-01", noPenaltyBelowAge = 14, minorBelowAge = 18, limitationYears = 4, extendedLimitationYears = 5, orderToCorrectBeforeLeniency = true,
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var after = await api.GetFromJsonAsync<JsonElement>("/api/enforcement/rules-profile/history");
        Assert.Equal(history.GetArrayLength() + 1, after.GetArrayLength());
        Assert.Equal(2, after[1].GetProperty("limitationYears").GetInt32());
        Assert.Equal(2, (await api.GetFromJsonAsync<JsonElement>("/api/enforcement/rules-profile")).GetProperty("limitationYears").GetInt32());

        var matters = await api.GetFromJsonAsync<JsonElement>("/api/enforcement/matters");
        var matterId = matters.EnumerateArray().Single(m => m.GetProperty("code").GetString() == "SL-370400-002").GetProperty("id").GetGuid();
        async Task<bool> BarredAsync(string act, string discovered)
        {
            var r = await api.PostAsJsonAsync("/api/enforcement/evaluate", new { matterId, facts = new { actDate = act, discoveredOn = discovered, decisionDate = discovered } });
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("timeBarred").GetBoolean();
        }
        // 行政处罚法 第三十六条 with the numbers in force on the act's date: 2 years before 2090, 3 years from it.
        Assert.True(await BarredAsync("2080-02-01", "2082-06-01"));
        Assert.False(await BarredAsync("2090-02-01", "2092-06-01"));
    }
}
