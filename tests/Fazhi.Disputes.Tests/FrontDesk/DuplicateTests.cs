using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.FrontDesk;

/// <summary>The duplicate check across channels: flagged at intake (never dropped), linked or merged by staff, merges undone, all audited.</summary>
[Collection(HostCollection.Name)]
public sealed class DuplicateTests(FazhiFactory factory)
{
    [Fact]
    public async Task The_same_party_by_walk_in_and_by_12345_is_flagged_then_merged_and_unmerged_with_audit()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var referrals = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-referral-client", "370400"));
        var id = NewResidentId();
        var walkIn = await CreateAsync(clerk, Staff("PeoplesMediation", "邻里纠纷", Person("刘桂兰", id), description: "邻居在楼道堆放杂物堵塞消防通道，多次沟通无果。"));

        var response = await referrals.PostAsJsonAsync("/api/disputes/referrals", new
        {
            system = "12345",
            externalId = "ZZ12345-" + Guid.NewGuid().ToString("N")[..10],
            category = "邻里纠纷",
            placeCode = "370402",
            description = "市民来电反映邻居长期在楼道堆放杂物，要求协调。",
            applicant = new { kind = "Person", name = "刘桂兰", idNumber = id, phone = NewPhone() },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var referral = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Flagged on the new case, naming why; the new case exists (never dropped).
        var desk = await FrontDeskAsync(clerk, referral);
        var flag = Assert.Single(desk.GetProperty("duplicates").EnumerateArray());
        Assert.Equal(walkIn, flag.GetProperty("otherCaseId").GetGuid());
        Assert.Contains("身份证号相同", flag.GetProperty("reason").GetString());
        Assert.Contains("同类纠纷（邻里纠纷）", flag.GetProperty("reason").GetString());
        Assert.Equal("待核查", flag.GetProperty("statusName").GetString());

        var flagId = flag.GetProperty("id").GetGuid();
        var noReason = await clerk.PostAsJsonAsync($"/api/disputes/duplicates/{flagId}/merge", new { note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        var merge = await clerk.PostAsJsonAsync($"/api/disputes/duplicates/{flagId}/merge", new { note = "同一纠纷经12345重复反映" });
        Assert.Equal(HttpStatusCode.NoContent, merge.StatusCode);
        desk = await FrontDeskAsync(clerk, referral);
        Assert.Equal(walkIn, desk.GetProperty("mergedInto").GetGuid());
        Assert.Equal("已合并", desk.GetProperty("duplicates")[0].GetProperty("statusName").GetString());
        var primaryDesk = await FrontDeskAsync(clerk, walkIn);
        Assert.Contains(primaryDesk.GetProperty("merges").EnumerateArray(), m => m.GetProperty("mergedCaseId").GetGuid() == referral);

        var unmerge = await clerk.PostAsJsonAsync($"/api/disputes/cases/{referral}/unmerge", new { note = "经核实为两起不同纠纷" });
        Assert.Equal(HttpStatusCode.NoContent, unmerge.StatusCode);
        desk = await FrontDeskAsync(clerk, referral);
        Assert.Equal(JsonValueKind.Null, desk.GetProperty("mergedInto").ValueKind);
        var record = Assert.Single(desk.GetProperty("merges").EnumerateArray());
        Assert.Equal("经核实为两起不同纠纷", record.GetProperty("unmergeReason").GetString());
        Assert.NotEqual(JsonValueKind.Null, record.GetProperty("unmergedAt").ValueKind);

        var actions = await factory.AuditAsync(entries =>
            entries.Where(a => a.EntityId == referral.ToString() && a.Action.StartsWith("disputes.case.")).Select(a => a.Action).ToListAsync());
        Assert.Contains("disputes.case.merge", actions);
        Assert.Contains("disputes.case.unmerge", actions);
    }

    [Fact]
    public async Task The_same_phone_with_a_similar_description_is_flagged_and_can_be_linked()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var phone = NewPhone();
        var first = await CreateAsync(clerk, Staff("PeoplesMediation", "物业纠纷", Person("马建华", phone: phone), channel: "Hotline",
            description: "小区物业公司停车费收费标准上涨未经业主大会同意，要求调解停车费争议。"));
        var second = await CreateAsync(clerk, Staff("PeoplesMediation", "消费纠纷", Person("马建华", phone: phone),
            description: "物业公司停车费收费标准上涨未经业主大会同意，要求调解。"));

        var flag = Assert.Single((await FrontDeskAsync(clerk, second)).GetProperty("duplicates").EnumerateArray());
        Assert.Equal(first, flag.GetProperty("otherCaseId").GetGuid());
        Assert.Contains("联系电话相同", flag.GetProperty("reason").GetString());
        Assert.Contains("描述相似度", flag.GetProperty("reason").GetString());

        var link = await clerk.PostAsJsonAsync($"/api/disputes/duplicates/{flag.GetProperty("id").GetGuid()}/link", new { note = "同一小区停车费争议" });
        Assert.Equal(HttpStatusCode.NoContent, link.StatusCode);
        Assert.Equal("已关联", (await FrontDeskAsync(clerk, second)).GetProperty("duplicates")[0].GetProperty("statusName").GetString());
    }

    [Fact]
    public async Task A_case_outside_the_window_or_with_another_subject_is_not_flagged()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var id = NewResidentId();
        var old = await CreateAsync(clerk, Staff("PeoplesMediation", "婚姻家庭", Person("高淑珍", id)));
        // Received 91 days ago: outside the default 90-day window (data: disputes_front_desk_settings).
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisputesDb>();
            var c = await db.Cases.SingleAsync(x => x.Id == old);
            c.ReceivedOn = c.ReceivedOn.AddDays(-91);
            await db.SaveChangesAsync();
        });
        var outside = await CreateAsync(clerk, Staff("PeoplesMediation", "婚姻家庭", Person("高淑珍", id)));
        var otherSubject = await CreateAsync(clerk, Staff("AdministrativeReconsideration", "行政争议", Person("高淑珍", id),
            description: "对区自然资源局作出的责令限期拆除决定不服，申请行政复议。"));

        Assert.Empty((await FrontDeskAsync(clerk, outside)).GetProperty("duplicates").EnumerateArray());
        // Same person, but another category and an unrelated description: not a duplicate.
        Assert.Empty((await FrontDeskAsync(clerk, otherSubject)).GetProperty("duplicates").EnumerateArray());
    }

    [Fact]
    public async Task A_party_with_many_older_cases_is_still_matched_with_its_recent_one()
    {
        // A frequent applicant: 55 cases received long ago (outside the 90-day window), then one this week. The search looks at
        // most 50 of a party's cases; it must be the newest ones inside the window, not the first 50 ever stored.
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var id = NewResidentId();
        var older = new List<Guid>();
        for (var i = 0; i < 55; i++)
        {
            older.Add(await CreateAsync(clerk, Staff("PeoplesMediation", "婚姻家庭", Person("孙秀英", id))));
        }
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisputesDb>();
            foreach (var c in await db.Cases.Where(x => older.Contains(x.Id)).ToListAsync())
            {
                c.ReceivedOn = c.ReceivedOn.AddDays(-120);
            }
            await db.SaveChangesAsync();
        });
        var recent = await CreateAsync(clerk, Staff("PeoplesMediation", "婚姻家庭", Person("孙秀英", id)));
        var latest = await CreateAsync(clerk, Staff("PeoplesMediation", "婚姻家庭", Person("孙秀英", id)));

        var flag = Assert.Single((await FrontDeskAsync(clerk, latest)).GetProperty("duplicates").EnumerateArray());
        Assert.Equal(recent, flag.GetProperty("otherCaseId").GetGuid());
    }
}
