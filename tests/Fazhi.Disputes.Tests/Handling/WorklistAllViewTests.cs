using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Handling;
using Fazhi.Disputes.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.Handling;

/// <summary>
/// The "all" worklist of a county reads each of its units' newest cases and merges them: the same cases, in the same order,
/// page by page, as every case in its scope sorted newest first, and none from outside it. Uses towns 370481004/370481005.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class WorklistAllViewTests(FazhiFactory factory)
{
    [Fact]
    public async Task A_county_sees_the_newest_cases_of_all_its_units_in_order_and_nothing_else()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370481"));
        var elsewhere = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370402"));
        var created = new List<Guid>();
        var outside = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await CreateAsync(clerk, Staff("PeoplesMediation", "邻里纠纷", Person("滕文" + i), unit: "370481004", place: "370481")));
            outside.Add(await CreateAsync(elsewhere, Staff("PeoplesMediation", "邻里纠纷", Person("市文" + i), unit: "370402")));
            created.Add(await CreateAsync(clerk, Staff("LegalAid", "劳动争议", Person("滕武" + i), channel: "Hotline", unit: "370481005", place: "370481")));
        }
        created.Reverse();

        // Every case in the county's scope, newest first, as the database sorts them.
        var units = await factory.SubtreeIdsAsync("370481");
        var expected = await factory.InScopeAsync(async sp =>
        {
            return await sp.GetRequiredService<DisputesDb>().Cases.IgnoreQueryFilters().Where(c => units.Contains(c.OrgUnitId))
                .OrderByDescending(c => c.Id).Select(c => c.Id).Take(12).ToListAsync();
        });
        Assert.Equal(created, expected.Take(6));

        for (var page = 1; page <= 3; page++)
        {
            var list = await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/worklist?view=all&page={page}&pageSize=4");
            var ids = list.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ToList();
            Assert.Equal(expected.Skip((page - 1) * 4).Take(4), ids);
            Assert.DoesNotContain(ids, outside.Contains);
        }

        // Each row names its handling unit (and its handler, none yet).
        var newest = (await clerk.GetFromJsonAsync<JsonElement>("/api/disputes/worklist?view=all&pageSize=1")).GetProperty("items")[0];
        var townName = (await factory.UnitAsync("370481005")).Name;
        Assert.Equal(townName, newest.GetProperty("handlingUnit").GetString());
        Assert.Equal(JsonValueKind.Null, newest.GetProperty("assignee").ValueKind);

        // Filtered to one unit: that unit's cases only, newest first.
        var town = await clerk.GetFromJsonAsync<JsonElement>("/api/disputes/worklist?view=all&unit=370481005&pageSize=3");
        Assert.Equal(created.Where((_, i) => i % 2 == 0).Take(3), town.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()));
        // A unit outside the scope shows nothing, even by name.
        var foreign = await clerk.GetFromJsonAsync<JsonElement>("/api/disputes/worklist?view=all&unit=370402");
        Assert.Equal(0, foreign.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_county_sees_the_overdue_cases_of_all_its_units_in_due_date_order()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370481"));
        var created = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            created.Add(await CreateAsync(clerk, Staff("PeoplesMediation", "邻里纠纷", Person("滕迟" + i), unit: "370481004", place: "370481")));
            created.Add(await CreateAsync(clerk, Staff("PeoplesMediation", "物业纠纷", Person("滕晚" + i), unit: "370481005", place: "370481")));
        }
        // Overdue by different amounts, interleaving the two towns.
        for (var i = 0; i < created.Count; i++)
        {
            await CaseDates.BackdateAsync(factory, created[i], 20 + 7 * i);
        }

        // Every open overdue case in the county's scope, in due-date order, as the database sorts them.
        var units = await factory.SubtreeIdsAsync("370481");
        var expected = await factory.InScopeAsync(async sp =>
        {
            var today = sp.GetRequiredService<HandlingClock>().Today;
            return await sp.GetRequiredService<DisputesDb>().Cases.IgnoreQueryFilters()
                .Where(c => units.Contains(c.OrgUnitId) && (c.Status == Domain.CaseStatus.Pending || c.Status == Domain.CaseStatus.InProgress) && c.DueOn < today)
                .OrderBy(c => c.DueOn).ThenBy(c => c.Id).Select(c => c.Id).Take(12).ToListAsync();
        });
        Assert.All(created, id => Assert.Contains(id, expected));

        var seen = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            var list = await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/worklist?view=overdue&page={page}&pageSize=4");
            seen.AddRange(list.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()));
            Assert.True(list.GetProperty("total").GetInt32() >= created.Count);
        }
        Assert.Equal(expected, seen.Take(expected.Count));
    }
}
