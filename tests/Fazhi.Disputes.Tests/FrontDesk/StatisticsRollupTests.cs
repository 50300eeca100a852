using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Contracts;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Statistics;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Platform.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.FrontDesk;

/// <summary>
/// The statistics roll-up gives the same figures as counting the cases themselves: after each change (delta rows), after a
/// rebuild, for whole and partial months, and for users who see only their county or town. Uses county 山亭区 (370406) only.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class StatisticsRollupTests(FazhiFactory factory)
{
    private const string County = "370406";
    private const string TownA = "370406101"; // 店子镇
    private const string TownB = "370406102"; // 西集镇

    [Fact]
    public async Task The_rollup_equals_the_live_count_for_scoped_users_after_changes_and_after_a_rebuild()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", County));
        var closed = await CreateAsync(clerk, Staff("PeoplesMediation", "邻里纠纷", Person("葛春生"), unit: TownA, place: County));
        var pending = await CreateAsync(clerk, Staff("LegalAid", "劳动争议", Person("邵红霞"), channel: "Hotline", unit: TownB, place: County));
        var rejected = await CreateAsync(clerk, Staff("PeoplesMediation", "物业纠纷", Person("孔庆华"), unit: TownB, place: County));
        var handling = await CreateAsync(clerk, Staff("PeoplesMediation", "婚姻家庭", Person("宋玉兰"), unit: TownA, place: County));
        foreach (var id in new[] { closed, handling })
        {
            Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/accept", new { })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{closed}/close", new { result = "party-refused", summary = "被申请人明确表示拒绝调解。" })).StatusCode);
        Assert.True((await clerk.PostAsJsonAsync($"/api/disputes/cases/{rejected}/reject", new { reason = "不属于人民调解受理范围" })).IsSuccessStatusCode);
        var task = (await FrontDeskAsync(clerk, closed)).GetProperty("followUp").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/disputes/follow-ups/{task}/call", new { rating = "Basic", comment = "基本满意" })).StatusCode);

        // The roll-up exists (built on start) and the changes above reached it as delta rows.
        Assert.True(await factory.InScopeAsync(sp => sp.GetRequiredService<StatisticsRollupService>().IsBuiltAsync(default)));
        Assert.Equal(4, await RollupReceivedAsync());

        var county = await ReportAsync("dispute-reviewer", County);
        Assert.Equal(4, county.GetProperty("total").GetInt32());
        Assert.Equal(2, Count(county, "byUnit", TownA));
        Assert.Equal(2, Count(county, "byUnit", TownB));
        Assert.Equal(1, Count(county, "byStatus", "Closed"));
        Assert.Equal(1, Count(county, "byStatus", "Rejected"));
        Assert.Equal(1, Count(county, "byStatus", "Pending"));
        Assert.Equal(1, Count(county, "byStatus", "InProgress"));
        Assert.Equal(1, county.GetProperty("closed").GetInt32());
        Assert.Equal(1m, county.GetProperty("satisfactionRate").GetDecimal());
        // Every stage ended the day it started, within its limit: the on-time rate is computed, not left empty.
        Assert.Equal(1m, county.GetProperty("onTimeRate").GetDecimal());
        await AssertMatchesLiveAsync();

        // A rebuild folds the delta rows into whole-month rows: same figures.
        await factory.InScopeAsync(sp => sp.GetRequiredService<StatisticsRollupService>().RebuildAsync(default));
        Assert.Equal(4, await RollupReceivedAsync());
        await AssertMatchesLiveAsync();

        // A status change after the rebuild moves the case between buckets.
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{pending}/accept", new { })).StatusCode);
        var after = await ReportAsync("dispute-reviewer", County);
        Assert.Equal(0, Count(after, "byStatus", "Pending"));
        Assert.Equal(2, Count(after, "byStatus", "InProgress"));
        await AssertMatchesLiveAsync();
    }

    /// <summary>
    /// A partial month is read as the month's roll-up rows less the days left out when those are fewer (counted live), and a
    /// period reaching today as open-ended. Cases dated on the days left out prove the subtraction. Uses town 370481003 only.
    /// </summary>
    [Fact]
    public async Task A_partial_month_read_as_the_month_less_the_days_left_out_equals_the_live_count()
    {
        const string county = "370481";
        const string town = "370481003"; // 北辛街道 (the count-cap test fills 370481001)
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", county));
        var early = await CreateAsync(clerk, Staff("PeoplesMediation", "邻里纠纷", Person("滕立新"), unit: town, place: county));
        var middle = await CreateAsync(clerk, Staff("PeoplesMediation", "婚姻家庭", Person("滕秀英"), unit: town, place: county));
        var late = await CreateAsync(clerk, Staff("LegalAid", "劳动争议", Person("滕国庆"), channel: "Hotline", unit: town, place: county));
        var accepted = await clerk.PostAsJsonAsync($"/api/disputes/cases/{middle}/accept", new { });
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{middle}/close", new { result = "party-refused", summary = "被申请人明确表示拒绝调解。" })).StatusCode);

        // Last month: received on the 3rd, the 15th and the 28th; the closing on the 28th; the stages ended on the 3rd.
        var today = await factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IDeadlineService>().Today));
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisputesDb>();
            foreach (var (id, day) in new[] { (early, 3), (middle, 15), (late, 28) })
            {
                var on = lastMonth.AddDays(day - 1);
                await db.Cases.IgnoreQueryFilters().Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ReceivedOn, on));
                await db.Stages.IgnoreQueryFilters().Where(x => x.CaseId == id && x.EndedOn != null).ExecuteUpdateAsync(u => u.SetProperty(x => x.EndedOn, lastMonth.AddDays(2)));
            }
            await db.Set<Fazhi.Disputes.FollowUp.FollowUpTask>().IgnoreQueryFilters().Where(f => f.CaseId == middle)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.ClosedOn, lastMonth.AddDays(27)));
            await sp.GetRequiredService<StatisticsRollupService>().RebuildAsync(default);
        });

        var reviewer = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-reviewer", county));
        foreach (var (from, to) in new (DateOnly, DateOnly?)[]
        {
            (lastMonth.AddDays(9), null),                  // the 10th to today: last month less the 1st-9th (the 3rd's case)
            (lastMonth.AddDays(9), today),                 // the same, "to" given as today
            (lastMonth.AddDays(1), lastMonth.AddDays(26)), // the 2nd to the 27th: the month less the 1st and the 28th onwards
            (lastMonth.AddDays(9), lastMonth.AddDays(19)), // the 10th to the 20th: fewer days inside, counted live
            (lastMonth.AddDays(27), lastMonth.AddDays(27)),
        })
        {
            var live = await factory.InScopeAsync(sp => sp.GetRequiredService<DisputeStatistics>().GetLiveAsync(new DisputeStatisticsQuery(from, to, town), default));
            var report = await reviewer.GetFromJsonAsync<JsonElement>($"/api/disputes/statistics?from={from:yyyy-MM-dd}" + (to is null ? "" : $"&to={to:yyyy-MM-dd}") + $"&unit={town}");
            Assert.Equal(Figures(JsonSerializer.SerializeToElement(live, JsonSerializerOptions.Web)), Figures(report));
        }
        var tenth = await reviewer.GetFromJsonAsync<JsonElement>($"/api/disputes/statistics?from={lastMonth.AddDays(9):yyyy-MM-dd}&unit={town}");
        Assert.Equal(2, tenth.GetProperty("total").GetInt32());
        var inner = await reviewer.GetFromJsonAsync<JsonElement>($"/api/disputes/statistics?from={lastMonth.AddDays(1):yyyy-MM-dd}&to={lastMonth.AddDays(26):yyyy-MM-dd}&unit={town}");
        Assert.Equal(2, inner.GetProperty("total").GetInt32());
        Assert.Equal(0, inner.GetProperty("closed").GetInt32());
    }

    /// <summary>County and town reviewers (their own scope, no filter), the city filtering by unit, whole and partial months.</summary>
    private async Task AssertMatchesLiveAsync()
    {
        var today = await factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IDeadlineService>().Today));
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        foreach (var (from, to) in new (DateOnly?, DateOnly?)[] { (null, null), (monthStart, null), (today, today), (monthStart.AddMonths(-2), today), (null, monthStart.AddDays(-1)),
            (new DateOnly(today.Year, 1, 1), null), (new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)) })
        {
            var period = (from is null ? "" : $"&from={from:yyyy-MM-dd}") + (to is null ? "" : $"&to={to:yyyy-MM-dd}");
            foreach (var (role, unit, filter) in new[] { ("dispute-reviewer", County, (string?)null), ("dispute-reviewer", TownA, null), ("dispute-reviewer", "370400", County), ("dispute-reviewer", "370400", TownB) })
            {
                var live = await factory.InScopeAsync(sp => sp.GetRequiredService<DisputeStatistics>().GetLiveAsync(new DisputeStatisticsQuery(from, to, filter ?? unit), default));
                var api = await factory.ApiClientAsync(await factory.CreateUserAsync(role, unit)); // a fresh user: no cached report
                var report = await api.GetFromJsonAsync<JsonElement>($"/api/disputes/statistics?x=1{period}" + (filter is null ? "" : $"&unit={filter}"));
                Assert.Equal(Figures(JsonSerializer.SerializeToElement(live, JsonSerializerOptions.Web)), Figures(report));
            }
        }
    }

    private async Task<JsonElement> ReportAsync(string role, string unit) =>
        await (await factory.ApiClientAsync(await factory.CreateUserAsync(role, unit))).GetFromJsonAsync<JsonElement>("/api/disputes/statistics");

    /// <summary>The received-case count the roll-up table holds for the county's units (month rows by status, whole and delta).</summary>
    private async Task<int> RollupReceivedAsync()
    {
        var units = await factory.SubtreeIdsAsync(County);
        return await factory.InScopeAsync(sp => sp.GetRequiredService<DisputesDb>().Set<StatisticsRollupRow>().Where(r => r.Kind == RollupKind.ReceivedByStatus && units.Contains(r.OrgUnitId)).SumAsync(r => r.Count));
    }

    /// <summary>Everything but the echoed query, as comparable text.</summary>
    private static string Figures(JsonElement report) =>
        JsonSerializer.Serialize(report.EnumerateObject().Where(p => p.Name != "query").ToDictionary(p => p.Name, p => p.Value));

    private static int Count(JsonElement report, string breakdown, string key) =>
        report.GetProperty(breakdown).EnumerateArray().Where(x => x.GetProperty("key").GetString() == key).Sum(x => x.GetProperty("count").GetInt32());
}
