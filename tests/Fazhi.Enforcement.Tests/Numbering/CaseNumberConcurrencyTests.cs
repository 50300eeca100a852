using System.Net;
using System.Net.Http.Json;
using Fazhi.Enforcement.Tests.Cases;
using Fazhi.Enforcement.Tests.Infrastructure;

namespace Fazhi.Enforcement.Tests.Numbering;

/// <summary>Case numbers come from the platform's number sequence, taken in the case's own transaction.</summary>
[Collection(HostCollection.Name)]
public sealed class CaseNumberConcurrencyTests(FazhiFactory factory)
{
    private readonly CaseTestKit _kit = new(factory);

    [Fact]
    public async Task Twenty_officers_opening_cases_for_one_body_at_once_get_twenty_distinct_numbers()
    {
        var (_, officers) = await _kit.TeamAsync(CaseTestKit.Ecology);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            clients.Add(await _kit.OfficerAsync(CaseTestKit.Ecology));
        }
        var matter = await CaseTestKit.MatterAsync(clients[0]);
        using var start = new SemaphoreSlim(0);
        var opens = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.WaitAsync();
            return await clients[i % clients.Count].PostAsJsonAsync("/api/enforcement/cases", new
            {
                matterId = matter, party = CaseTestKit.Company(CaseTestKit.Unique("并发立案测试公司")), summary = "并发立案", officerIds = officers,
            });
        }).ToList();
        start.Release(20);
        var responses = await Task.WhenAll(opens);

        var numbers = new List<string>();
        foreach (var r in responses)
        {
            var c = await CaseTestKit.OkAsync(r, HttpStatusCode.Created);
            numbers.Add(c.GetProperty("number").GetString()!);
        }
        Assert.Equal(20, numbers.Distinct().Count());
    }
}
