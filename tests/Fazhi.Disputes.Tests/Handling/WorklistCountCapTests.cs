using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Deadlines;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Platform.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.Tests.Handling;

/// <summary>
/// Worklists count matching cases only up to <see cref="Worklists.CountCap"/>: beyond it the pager reads "1000 条以上";
/// a page past the cap is still counted exactly. Uses town 370481001 (荆河街道) only.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class WorklistCountCapTests(FazhiFactory factory)
{
    private const string Town = "370481001";

    [Fact]
    public async Task Beyond_the_cap_the_total_reads_n_or_more_and_a_far_page_is_counted_exactly()
    {
        var total = Worklists.CountCap + 5;
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisputesDb>();
            var unit = await factory.UnitIdAsync(Town);
            var profile = await db.Profiles.Where(p => p.Code == "PeoplesMediation").OrderByDescending(p => p.ProfileVersion).FirstAsync();
            var today = sp.GetRequiredService<IDeadlineService>().Today;
            var year = 3000 + Random.Shared.Next(0, 5000);
            for (var i = 1; i <= total; i++)
            {
                var c = new DisputeCase
                {
                    OrgUnitId = unit, CaseNumber = $"CAP-{Guid.NewGuid():N}", Year = year, Sequence = i, CaseTypeCode = profile.Code, ProfileId = profile.Id,
                    ProfileVersion = profile.ProfileVersion, Channel = IntakeChannel.WalkIn, Category = "邻里纠纷",
                    Description = "计数上限测试用案件。", ReceivedOn = today.AddDays(-30), DueOn = today.AddDays(-1),
                };
                c.Accept();
                db.Cases.Add(c);
            }
            await db.SaveChangesAsync();
        });
        var clerkUser = await factory.CreateUserAsync("dispute-clerk", Town);
        var api = await factory.ApiClientAsync(clerkUser);

        foreach (var view in new[] { "all", "overdue" })
        {
            var first = await api.GetFromJsonAsync<JsonElement>($"/api/disputes/worklist?view={view}");
            Assert.Equal(Worklists.CountCap, first.GetProperty("total").GetInt32());
            Assert.True(first.GetProperty("capped").GetBoolean());
            Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        }
        // Page 60 of 20 lies beyond the cap: counting goes up to that page, and finds every case.
        var far = await api.GetFromJsonAsync<JsonElement>("/api/disputes/worklist?view=all&page=60&pageSize=20");
        Assert.Equal(total, far.GetProperty("total").GetInt32());
        Assert.False(far.GetProperty("capped").GetBoolean());

        var browser = await factory.SignedInBrowserAsync(clerkUser);
        foreach (var url in new[] { "/disputes", "/disputes?view=overdue" })
        {
            var page = WebUtility.HtmlDecode(await browser.GetStringAsync(url));
            Assert.Contains($"{Worklists.CountCap} 条以上", page);
        }
    }
}
