using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.FrontDesk;

/// <summary>The dispute centre publishes 矛盾纠纷按期化解率 to assessment campaigns through the provider contract.</summary>
[Collection(HostCollection.Name)]
public sealed class ClosedOnTimeIndicatorTests(FazhiFactory factory)
{
    private const string County = "370405"; // 台儿庄区

    [Fact]
    public async Task A_case_closed_within_its_stage_limits_counts_and_one_closed_after_them_does_not()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", County));
        var timely = await CreateAsync(clerk, Staff("PeoplesMediation", "邻里纠纷", Person("周玉珍"), place: County));
        var late = await CreateAsync(clerk, Staff("PeoplesMediation", "物业纠纷", Person("吴德顺"), place: County));
        foreach (var id in new[] { timely, late })
        {
            Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/accept", new { })).StatusCode);
        }
        // The late case's running stages started 200 days ago: closing today is past every limit of the profile.
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisputesDb>();
            foreach (var s in await db.Stages.Where(s => s.CaseId == late && s.EndedOn == null).ToListAsync())
            {
                s.StartedOn = s.StartedOn.AddDays(-200);
            }
            await db.SaveChangesAsync();
        });
        foreach (var id in new[] { timely, late })
        {
            Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/close", new { result = "party-refused", summary = "当事人拒绝调解。" })).StatusCode);
        }
        var numbers = await factory.InScopeAsync(sp => sp.GetRequiredService<DisputesDb>().Cases.IgnoreQueryFilters().Where(c => c.Id == timely || c.Id == late)
            .ToDictionaryAsync(c => c.Id, c => c.CaseNumber));
        var county = await factory.UnitIdAsync(County);

        var office = await factory.ApiClientAsync(await factory.CreateUserAsync("assessment-office", "370400"));
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var value = await office.GetFromJsonAsync<JsonElement>($"/api/assessment/providers/disputes.closed-on-time/value?orgUnitId={county}&from=2026-01-01&to={today}");
        var records = value.GetProperty("records").EnumerateArray().ToList();
        Assert.True(Assert.Single(records, r => r.GetProperty("title").GetString()!.StartsWith(numbers[timely], StringComparison.Ordinal)).GetProperty("counted").GetBoolean());
        var lateRecord = Assert.Single(records, r => r.GetProperty("title").GetString()!.StartsWith(numbers[late], StringComparison.Ordinal));
        Assert.False(lateRecord.GetProperty("counted").GetBoolean());
        Assert.Contains("超过期限", lateRecord.GetProperty("title").GetString());
        var numerator = value.GetProperty("numerator").GetDecimal();
        var denominator = value.GetProperty("denominator").GetDecimal();
        Assert.True(denominator >= 2 && numerator >= 1 && numerator < denominator);
    }
}
