using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Platform.Features.Documents;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.FrontDesk;

/// <summary>Statistics against known data: one town's cases only, so other tests' cases do not count.</summary>
[Collection(HostCollection.Name)]
public sealed class StatisticsTests(FazhiFactory factory)
{
    private const string Town = "370405100"; // 台儿庄区邳庄镇

    [Fact]
    public async Task Counts_rates_and_the_xlsx_export_match_the_cases_entered()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370405"));
        var reviewer = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-reviewer", "370405"));
        var a = await CreateAsync(clerk, Staff("PeoplesMediation", "邻里纠纷", Person("石永刚"), unit: Town, place: "370405"));
        var b = await CreateAsync(clerk, Staff("PeoplesMediation", "婚姻家庭", Person("谭美玲"), unit: Town, place: "370405"));
        await CreateAsync(clerk, Staff("LegalAid", "劳动争议", Person("廖国庆"), channel: "Hotline", unit: Town, place: "370405"));
        await FollowUpTests.CloseAsync(factory, a, "调解成功", afterDays: 10);
        await FollowUpTests.CloseAsync(factory, b, "调解不成", afterDays: 20);
        foreach (var (caseId, rating, comment) in new[] { (a, "Satisfied", "满意"), (b, "Unsatisfied", "调解没有结果") })
        {
            var task = (await FrontDeskAsync(clerk, caseId)).GetProperty("followUp").GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/disputes/follow-ups/{task}/call", new { rating, comment })).StatusCode);
        }

        var report = await reviewer.GetFromJsonAsync<JsonElement>($"/api/disputes/statistics?unit={Town}");

        Assert.Equal(3, report.GetProperty("total").GetInt32());
        Assert.Equal(2, Count(report, "byType", "PeoplesMediation"));
        Assert.Equal(1, Count(report, "byType", "LegalAid"));
        Assert.Equal(2, Count(report, "byChannel", "WalkIn"));
        Assert.Equal(1, Count(report, "byChannel", "Hotline"));
        Assert.Equal(3, Count(report, "byUnit", Town));
        Assert.Equal(3, report.GetProperty("byMonth").EnumerateArray().Sum(m => m.GetProperty("count").GetInt32()));
        Assert.Equal(1, Count(report, "byResult", "调解成功"));
        Assert.Equal(2, report.GetProperty("closed").GetInt32());
        Assert.Equal(0.5m, report.GetProperty("mediationSuccessRate").GetDecimal());
        Assert.Equal(15m, report.GetProperty("averageDurationDays").GetDecimal());
        Assert.Equal(2, report.GetProperty("rated").GetInt32());
        Assert.Equal(0.5m, report.GetProperty("satisfactionRate").GetDecimal());

        var xlsx = await reviewer.GetAsync($"/api/disputes/statistics/export.xlsx?unit={Town}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(XlsxWriter.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
        var rows = XlsxReader.Read(await xlsx.Content.ReadAsStreamAsync(), "概览");
        Assert.Contains(rows, r => r[0] == "受理案件数" && r[1] == "3");
        Assert.Contains(rows, r => r[0] == "调解成功率" && r[1] == "50.0%");
    }

    [Fact]
    public async Task A_report_is_reused_for_the_same_user_and_query_for_a_short_while_and_never_across_users()
    {
        const string town = "370405101";
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370405"));
        var reviewer = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-reviewer", "370405"));
        await CreateAsync(clerk, Staff("PeoplesMediation", "邻里纠纷", Person("程立伟"), unit: town, place: "370405"));
        var first = await reviewer.GetFromJsonAsync<JsonElement>($"/api/disputes/statistics?unit={town}");

        await CreateAsync(clerk, Staff("PeoplesMediation", "物业纠纷", Person("汤晓燕"), unit: town, place: "370405"));
        var again = await reviewer.GetFromJsonAsync<JsonElement>($"/api/disputes/statistics?unit={town}");
        var otherReviewer = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-reviewer", "370405"));
        var fresh = await otherReviewer.GetFromJsonAsync<JsonElement>($"/api/disputes/statistics?unit={town}");

        Assert.Equal(1, first.GetProperty("total").GetInt32());
        Assert.Equal(1, again.GetProperty("total").GetInt32()); // Disputes:StatisticsCacheSeconds (120 s by default)
        Assert.Equal(2, fresh.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_clerk_without_the_statistics_permission_is_refused()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370405"));
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/disputes/statistics")).StatusCode);
    }

    private static int Count(JsonElement report, string breakdown, string key) =>
        report.GetProperty(breakdown).EnumerateArray().Where(x => x.GetProperty("key").GetString() == key).Sum(x => x.GetProperty("count").GetInt32());
}
