using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Disputes.Tests.Infrastructure;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.FrontDesk;

/// <summary>The front desk's pages as staff use them: routing and duplicates on the case, rule testing, follow-up, statistics.</summary>
[Collection(HostCollection.Name)]
public sealed partial class FrontDeskPageTests(FazhiFactory factory)
{
    private static async Task<string> HtmlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_see_the_recommendation_on_the_case_and_an_override_without_a_reason_is_refused_inline()
    {
        var user = await factory.CreateUserAsync("dispute-clerk", "370400");
        var api = await factory.ApiClientAsync(user);
        var browser = await factory.SignedInBrowserAsync(user);
        var caseId = await CreateAsync(api, Staff("PeoplesMediation", "行政争议", Person("袁志刚"), description: "对区城管局作出的没收摊位决定不服。"));

        var detail = WebUtility.HtmlDecode(await browser.GetStringAsync($"/disputes/cases/{caseId}"));
        Assert.Contains("分流建议", detail);
        Assert.Contains("行政复议法 第二条", detail);

        var page = $"/disputes/cases/{caseId}/front-desk";
        var refused = await HtmlAsync(await Forms.SubmitAsync(browser, page, "routing-override", new Dictionary<string, string>
        {
            ["Override.CaseType"] = "LegalAid",
            ["Override.Reason"] = "",
        }));
        Assert.Contains("不采纳分流建议须写明理由", refused);

        var confirmed = await HtmlAsync(await Forms.SubmitAsync(browser, page, "routing-confirm", new Dictionary<string, string>()));
        Assert.Contains("已采纳分流建议。", confirmed);
        Assert.Contains("枣庄市司法局", confirmed);
    }

    [Fact]
    public async Task Staff_merge_a_flagged_duplicate_from_the_case_page()
    {
        var user = await factory.CreateUserAsync("dispute-clerk", "370400");
        var api = await factory.ApiClientAsync(user);
        var browser = await factory.SignedInBrowserAsync(user);
        var code = NewCreditCode();
        var first = await CreateAsync(api, Staff("LawyerMediation", "合同纠纷", Organisation("枣庄某机械有限公司", code), channel: "Hotline"));
        var second = await CreateAsync(api, Staff("LawyerMediation", "合同纠纷", Organisation("枣庄某机械有限公司", code)));
        var flagId = (await FrontDeskAsync(api, second)).GetProperty("duplicates")[0].GetProperty("id").GetGuid();

        var page = $"/disputes/cases/{second}/front-desk";
        var html = await HtmlAsync(await Forms.SubmitAsync(browser, page, "duplicate", new Dictionary<string, string>
        {
            ["Flag.Action"] = $"merge:{flagId}",
            ["Flag.Note"] = "同一合同纠纷先后电话和来访反映",
        }));

        Assert.Contains("已合并到该案，可随时撤销。", html);
        Assert.Contains("统一社会信用代码相同", html);
        Assert.Equal(first, (await FrontDeskAsync(api, second)).GetProperty("mergedInto").GetGuid());
        Assert.Contains("撤销合并", html);
    }

    [Fact]
    public async Task The_rules_page_tests_samples_against_the_rules_in_force()
    {
        var user = await factory.CreateUserAsync("dispute-front-desk-admin", "370400");
        var api = await factory.ApiClientAsync(user);
        var browser = await factory.SignedInBrowserAsync(user);
        var sets = await api.GetFromJsonAsync<JsonElement>("/api/disputes/routing/rule-sets");
        var inForce = sets.EnumerateArray().First(s => s.GetProperty("inForce").GetBoolean());

        var html = await HtmlAsync(await Forms.SubmitAsync(browser, $"/disputes/routing?set={inForce.GetProperty("number").GetInt32()}", "test", new Dictionary<string, string>
        {
            ["Test.SetId"] = inForce.GetProperty("id").GetString()!,
            ["Test.Samples"] = "劳动争议,8000,自然人,370402\n合同纠纷,20000,单位,",
        }));

        var results = TestResults().Match(html).Value;
        Assert.Contains("劳动争议走劳动仲裁", results);
        Assert.Contains("小额合同纠纷律师调解", results);
    }

    [Fact]
    public async Task Staff_issue_a_rating_link_and_the_statistics_page_shows_the_figures()
    {
        var clerkUser = await factory.CreateUserAsync("dispute-clerk", "370404");
        var api = await factory.ApiClientAsync(clerkUser);
        var caseId = await CreateAsync(api, Staff("PeoplesMediation", "邻里纠纷", Person("龙春燕"), place: "370404"));
        await FollowUpTests.CloseAsync(factory, caseId, "调解成功", afterDays: 5);
        var taskId = (await FrontDeskAsync(api, caseId)).GetProperty("followUp").GetProperty("id").GetGuid();

        var html = await HtmlAsync(await Forms.SubmitAsync(await factory.SignedInBrowserAsync(clerkUser), $"/disputes/follow-ups/{taskId}", "link", new Dictionary<string, string>()));
        Assert.Matches(@"/rate/[A-Za-z0-9_-]{43}", html);

        var reviewer = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("dispute-reviewer", "370404"));
        var stats = WebUtility.HtmlDecode(await reviewer.GetStringAsync("/disputes/statistics?unit=370404"));
        Assert.Contains("受理案件数", stats);
        Assert.Contains("调解成功率", stats);
        Assert.Contains("100.0%", stats);
        Assert.Contains("/api/disputes/statistics/export.xlsx?unit=370404", stats);
        // Each breakdown row: its count, a bar of the same value against the breakdown's largest, and its share.
        Assert.Matches("<td class=\"num\">(\\d+)</td>\\s*<td class=\"share\"><meter min=\"0\" max=\"\\d+\" value=\"\\1\" title=\"[0-9.]+%\">", stats);
    }

    [GeneratedRegex("<table class=\"grid\" id=\"test-results\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TestResults();
}
