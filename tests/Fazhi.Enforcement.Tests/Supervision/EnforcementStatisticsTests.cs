using System.Net;
using System.Net.Http.Json;
using Fazhi.Enforcement.Contracts;
using Fazhi.Enforcement.Tests.Cases;
using Fazhi.Enforcement.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.Tests.Supervision;

/// <summary>The dashboard's Contracts query: cases, on-time, legal review and publication rates per body over a period.</summary>
[Collection(HostCollection.Name)]
public sealed class EnforcementStatisticsTests(FazhiFactory factory)
{
    private readonly CaseTestKit _kit = new(factory);

    [Fact]
    public async Task Two_decisions_made_in_time_and_published_late_or_never_give_the_rates_of_their_body_and_period()
    {
        var (_, officers) = await _kit.TeamAsync(CaseTestKit.Ecology);
        var officer = await _kit.OfficerAsync(CaseTestKit.Ecology);
        var matter = await CaseTestKit.MatterAsync(officer);
        var urls = new List<string>();
        foreach (var day in new[] { 10, 11 })
        {
            var opened = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", new
            {
                matterId = matter, party = CaseTestKit.Company(CaseTestKit.Unique("统计测试公司")), summary = "超标排放", openedOn = new DateOnly(2023, 1, day), officerIds = officers,
            }), HttpStatusCode.Created);
            var url = $"/api/enforcement/cases/{opened.GetProperty("id").GetGuid()}";
            await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/propose", new
            {
                facts = new { actDate = "2022-12-20", decisionDate = "2023-02-15", harm = "Ordinary" }, proposedTier = "Ordinary", fineAmount = 2000,
            }));
            await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/notify", new { onDate = new DateOnly(2023, 2, 1) }));
            await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/decide", new { decisionNumber = CaseTestKit.DocNumber("枣环罚"), decidedOn = new DateOnly(2023, 2, 15) }));
            urls.Add(url);
        }
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{urls[0]}/publish", new { })); // today: long after its 7 working days

        var report = await factory.InScopeAsync(sp => sp.GetRequiredService<IEnforcementStatistics>()
            .GetAsync(new EnforcementStatisticsQuery(new DateOnly(2023, 1, 1), new DateOnly(2023, 3, 31), CaseTestKit.Ecology), CancellationToken.None));
        Assert.Equal(2, report.Opened);
        Assert.Equal(2, report.Decided);
        Assert.Equal(1m, report.OnTimeRate);         // both decided within 90 days (行政处罚法 第六十条)
        Assert.Null(report.LegalReviewRate);         // no major decision: nothing to divide
        Assert.Equal(0m, report.PublicationRate);    // one published late, one never: 0 of 2
        var body = Assert.Single(report.ByBody);
        Assert.Equal(CaseTestKit.Ecology, body.OrgUnitCode);
        Assert.Equal(2, body.PublicationDue);

        // Another unit's figures do not include them.
        var market = await factory.InScopeAsync(sp => sp.GetRequiredService<IEnforcementStatistics>()
            .GetAsync(new EnforcementStatisticsQuery(new DateOnly(2023, 1, 1), new DateOnly(2023, 3, 31), CaseTestKit.Market), CancellationToken.None));
        Assert.Equal(0, market.Decided);
    }
}
