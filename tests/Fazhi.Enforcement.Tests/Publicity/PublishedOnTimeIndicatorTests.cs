using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Tests.Cases;
using Fazhi.Enforcement.Tests.Infrastructure;

namespace Fazhi.Enforcement.Tests.Publicity;

/// <summary>The enforcement module publishes 行政处罚决定按期公示率 to the assessment module through its provider contract.</summary>
[Collection(HostCollection.Name)]
public sealed class PublishedOnTimeIndicatorTests(FazhiFactory factory)
{
    private readonly CaseTestKit _kit = new(factory);

    private async Task<(HttpClient Officer, string Url, string Number)> DecidedAsync(int decidedDaysAgo)
    {
        var (_, officers) = await _kit.TeamAsync(CaseTestKit.Ecology);
        var officer = await _kit.OfficerAsync(CaseTestKit.Ecology);
        var matter = await CaseTestKit.MatterAsync(officer);
        var opened = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = matter, party = CaseTestKit.Company(CaseTestKit.Unique("公示率测试公司")), summary = "超标排放", openedOn = _kit.Today.AddDays(-decidedDaysAgo - 30), officerIds = officers,
        }), HttpStatusCode.Created);
        var url = $"/api/enforcement/cases/{opened.GetProperty("id").GetGuid()}";
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/propose", new
        {
            facts = new { actDate = _kit.Today.AddDays(-decidedDaysAgo - 40).ToString("yyyy-MM-dd"), harm = "Ordinary" }, proposedTier = "Ordinary", fineAmount = 2000,
        }));
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/notify", new { onDate = _kit.Today.AddDays(-decidedDaysAgo - 10) }));
        var number = CaseTestKit.DocNumber("枣环罚");
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/decide", new { decisionNumber = number, decidedOn = _kit.Today.AddDays(-decidedDaysAgo) }));
        return (officer, url, number);
    }

    [Fact]
    public async Task A_decision_published_in_time_counts_and_one_left_unpublished_past_7_working_days_does_not()
    {
        var (_, _, lateNumber) = await DecidedAsync(decidedDaysAgo: 20);
        var (officer, url, timelyNumber) = await DecidedAsync(decidedDaysAgo: 0);
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/publish", new { }));
        var ecology = await factory.UnitIdAsync(CaseTestKit.Ecology);

        var office = await factory.ApiClientAsync(await factory.CreateUserAsync("assessment-office", "370400"));
        var providers = await office.GetFromJsonAsync<JsonElement>("/api/assessment/providers");
        Assert.Contains(providers.EnumerateArray(), p => p.GetProperty("key").GetString() == "enforcement.published-on-time");
        var from = _kit.Today.AddDays(-60).ToString("yyyy-MM-dd");
        var to = _kit.Today.ToString("yyyy-MM-dd");
        var value = await office.GetFromJsonAsync<JsonElement>($"/api/assessment/providers/enforcement.published-on-time/value?orgUnitId={ecology}&from={from}&to={to}");
        var records = value.GetProperty("records").EnumerateArray().ToList();
        var late = Assert.Single(records, r => r.GetProperty("title").GetString()!.StartsWith(lateNumber, StringComparison.Ordinal));
        Assert.False(late.GetProperty("counted").GetBoolean());
        Assert.Contains("尚未公示", late.GetProperty("title").GetString());
        var timely = Assert.Single(records, r => r.GetProperty("title").GetString()!.StartsWith(timelyNumber, StringComparison.Ordinal));
        Assert.True(timely.GetProperty("counted").GetBoolean());
        var numerator = value.GetProperty("numerator").GetDecimal();
        var denominator = value.GetProperty("denominator").GetDecimal();
        Assert.True(denominator >= 2 && numerator >= 1 && numerator < denominator);
        Assert.Equal(Math.Round(numerator / denominator, 4), value.GetProperty("value").GetDecimal());

        // Another unit's scope does not see these decisions.
        var market = await factory.UnitIdAsync(CaseTestKit.Market);
        var other = await office.GetFromJsonAsync<JsonElement>($"/api/assessment/providers/enforcement.published-on-time/value?orgUnitId={market}&from={from}&to={to}");
        Assert.DoesNotContain(other.GetProperty("records").EnumerateArray(), r => r.GetProperty("title").GetString()!.StartsWith(lateNumber, StringComparison.Ordinal));
    }
}
