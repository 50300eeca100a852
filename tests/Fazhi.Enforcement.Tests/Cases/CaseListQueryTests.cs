using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Tests.Infrastructure;

namespace Fazhi.Enforcement.Tests.Cases;

/// <summary>The case list endpoint on the kit's list query (ADR 0007).</summary>
[Collection(HostCollection.Name)]
public sealed class CaseListQueryTests(FazhiFactory factory)
{
    private readonly CaseTestKit _kit = new(factory);

    [Fact]
    public async Task The_case_list_filters_by_keyword_and_opening_day_and_sorts_by_party()
    {
        var (_, officers) = await _kit.TeamAsync(CaseTestKit.Market);
        var officer = await _kit.OfficerAsync(CaseTestKit.Market);
        var matter = await CaseTestKit.MatterAsync(officer);
        var stem = CaseTestKit.Unique("枣庄列表查询");
        foreach (var (suffix, daysAgo) in new[] { ("乙商店", 3), ("甲商店", 10), ("丙商店", 20) })
        {
            await CaseTestKit.OkAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", new
            {
                matterId = matter, party = CaseTestKit.Company(stem + suffix), summary = "列表查询", openedOn = _kit.Today.AddDays(-daysAgo), officerIds = officers,
            }), HttpStatusCode.Created);
        }
        var from = _kit.Today.AddDays(-15).ToString("yyyy-MM-dd");

        var page = await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases?q={Uri.EscapeDataString(stem)}&from={from}&sort=partyName&dir=desc");

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var parties = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("partyName").GetString()).ToList();
        Assert.Equal(new[] { stem + "乙商店", stem + "甲商店" }.OrderDescending(StringComparer.Ordinal), parties);
    }

    [Theory]
    [InlineData("sort=fine", "sort")]
    [InlineData("from=2026-03-01&to=2026-02-01", "to")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task The_case_list_refuses_a_query_it_cannot_use_naming_it(string query, string field)
    {
        var officer = await _kit.OfficerAsync(CaseTestKit.Market);

        await (await officer.GetAsync("/api/enforcement/cases?" + query)).AssertRefusedNamingAsync(field);
    }
}
