using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Lists.Appeals;
using Fazhi.Lists.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Lists.Tests;

/// <summary>
/// The complaint extension (ADR 0054; 济南市优化营商环境条例 第六十二条: 5 working days, +10 if complex): asked once, before the due
/// date, by the handling unit; approved or refused by the supervising office; an approval moves the due date by the configured
/// working days; the on-time rate counts against the extended date. And the result back to 12345: a referral read by its id
/// and a feed of changed referrals, for the referring account only, without the contact's phone.
/// </summary>
public sealed partial class AppealTests
{
    private async Task<(string Id, string Number, string Code)> ConfirmedAtXuechengAsync(string subject, string kind = "Complaint")
    {
        var xuecheng = await host.Lists.UnitAsync("370403");
        // Entered by the hotline clerk (staff API, not the rate-limited public form).
        var receipt = await OkAsync(xuecheng.PostAsJsonAsync("/api/lists/appeals", Appeal(subject, host.XuechengItem, kind)));
        var number = receipt.GetProperty("number").GetString()!;
        var id = await IdAsync(xuecheng, number);
        await OkAsync(xuecheng.PostAsync($"/api/lists/appeals/{id}/confirm", null));
        return (id, number, receipt.GetProperty("queryCode").GetString()!);
    }

    /// <summary>Moves an appeal's due date (the test's way of letting days pass).</summary>
    private Task SetDueAsync(string id, Func<DateOnly, DateOnly> due) => host.Factory.InScopeAsync(async sp =>
    {
        var today = sp.GetRequiredService<IDeadlineService>().Today;
        await using var db = sp.GetRequiredService<ISystemWork>().Db<ListsDb>("测试：期限变动");
        var a = await db.Appeals.FirstAsync(x => x.Id == Guid.Parse(id));
        a.DueOn = due(today);
        await db.SaveChangesAsync();
    });

    private Task<DateOnly> WorkingDaysFromAsync(DateOnly from, int days) => host.Factory.InScopeAsync(async sp =>
        (await sp.GetRequiredService<IDeadlineService>().AddWorkingDaysAsync(from, days)).Date);

    [Fact]
    public async Task A_complaint_is_extended_once_by_the_configured_working_days_after_the_office_approves()
    {
        var xuecheng = await host.Lists.UnitAsync("370403");
        var owner = await host.Lists.OwnerAsync();
        var (id, _, _) = await ConfirmedAtXuechengAsync("延期测试：涉及多个部门的投诉");
        var before = (await xuecheng.GetFromJsonAsync<JsonElement>($"/api/lists/appeals/{id}")).GetProperty("appeal");
        var oldDue = DateOnly.Parse(before.GetProperty("dueOn").GetString()!);

        // The reason is required (第六十二条: 情况复杂的).
        await (await xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/extension", new { reason = " " })).AssertRefusedNamingAsync("reason");
        var asked = await OkAsync(xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/extension", new { reason = "需会同规划、住建部门现场核查" }));
        Assert.Equal("Requested", asked.GetProperty("extensionStatus").GetString());
        Assert.Equal(oldDue.ToString("yyyy-MM-dd"), asked.GetProperty("dueOn").GetString());

        // Once only: a second request is refused naming the rule.
        var again = await xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/extension", new { reason = "再申请一次" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("第六十二条", await again.Content.ReadAsStringAsync());
        Assert.Contains("只能申请一次", await again.Content.ReadAsStringAsync());

        // The handling unit does not decide its own request; the supervising office does.
        Assert.Equal(HttpStatusCode.Forbidden, (await xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/extension/decision", new { approve = true })).StatusCode);
        await (await owner.PostAsJsonAsync($"/api/lists/appeals/{id}/extension/decision", new { approve = (bool?)null })).AssertRefusedNamingAsync("approve");
        var approved = await OkAsync(owner.PostAsJsonAsync($"/api/lists/appeals/{id}/extension/decision", new { approve = true, note = "情况属实" }));
        Assert.Equal("Approved", approved.GetProperty("extensionStatus").GetString());
        Assert.Equal(10, approved.GetProperty("extensionDays").GetInt32());
        Assert.Equal(oldDue.ToString("yyyy-MM-dd"), approved.GetProperty("dueOnBeforeExtension").GetString());
        Assert.Equal((await WorkingDaysFromAsync(oldDue, 10)).ToString("yyyy-MM-dd"), approved.GetProperty("dueOn").GetString());
        Assert.Contains("批准延期 10 个工作日", approved.GetProperty("routingLog").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsJsonAsync($"/api/lists/appeals/{id}/extension/decision", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/extension", new { reason = "批准后再申请" })).StatusCode);

        // The appeal page shows it as action dialogs: the unit's request closed with its reason.
        var page = WebUtility.HtmlDecode(await (await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-unit", "370403"))).GetStringAsync($"/lists/appeals/{id}"));
        Assert.Contains("已批准延期", page);
        Assert.Contains("每件诉求只能申请一次延期", page);

        // Audited: the request and the decision are in the appeal's audit trail.
        var audit = await host.Factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<ISystemWork>().Db<ListsDb>("测试：审计");
            var changes = await db.Set<Fazhi.Platform.Features.Audit.AuditEntry>().AsNoTracking().Where(e => e.EntityId == id).Select(e => e.Changes).ToListAsync();
            return string.Join("\n", changes.Select(System.Text.RegularExpressions.Regex.Unescape));
        });
        Assert.Contains("需会同规划、住建部门现场核查", audit);
        Assert.Contains("情况属实", audit);
    }

    [Fact]
    public async Task An_extension_is_refused_after_the_due_date_for_a_kind_without_one_and_a_refusal_needs_a_reason()
    {
        var xuecheng = await host.Lists.UnitAsync("370403");
        var owner = await host.Lists.OwnerAsync();
        var (late, _, _) = await ConfirmedAtXuechengAsync("延期测试：期限已过才申请");
        await SetDueAsync(late, today => today.AddDays(-1));
        var refused = await xuecheng.PostAsJsonAsync($"/api/lists/appeals/{late}/extension", new { reason = "来不及了" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("期限届满前申请", text);
        Assert.Contains("第六十二条", text);

        // 咨询 has no extension (0 working days in its settings row).
        var (consult, _, _) = await ConfirmedAtXuechengAsync("延期测试：咨询不能延期", "Consult");
        var noExtension = await xuecheng.PostAsJsonAsync($"/api/lists/appeals/{consult}/extension", new { reason = "复杂" });
        Assert.Equal(HttpStatusCode.Conflict, noExtension.StatusCode);
        Assert.Contains("咨询类诉求不能延期", await noExtension.Content.ReadAsStringAsync());

        // A refusal needs its reason; a refused request cannot be asked again.
        var (id, _, _) = await ConfirmedAtXuechengAsync("延期测试：不批准");
        await OkAsync(xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/extension", new { reason = "情况复杂" }));
        await (await owner.PostAsJsonAsync($"/api/lists/appeals/{id}/extension/decision", new { approve = false, note = "" })).AssertRefusedNamingAsync("note");
        var no = await OkAsync(owner.PostAsJsonAsync($"/api/lists/appeals/{id}/extension/decision", new { approve = false, note = "不属于复杂情形" }));
        Assert.Equal("Refused", no.GetProperty("extensionStatus").GetString());
        Assert.Equal(JsonValueKind.Null, no.GetProperty("dueOnBeforeExtension").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/extension", new { reason = "再次申请" })).StatusCode);

        // The extension days are a settings row beside the time limits.
        await (await owner.PutAsJsonAsync("/api/lists/appeal-time-limits", new { kind = "Complaint", workingDays = 5, extensionWorkingDays = -1 }))
            .AssertRefusedNamingAsync("extensionWorkingDays");
        var limits = await owner.GetFromJsonAsync<JsonElement>("/api/lists/appeal-time-limits");
        Assert.Equal(10, limits.EnumerateArray().Single(l => l.GetProperty("kind").GetString() == "Complaint").GetProperty("extensionWorkingDays").GetInt32());
        Assert.Contains("延期工作日", WebUtility.HtmlDecode(await (await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-owner", "370400")))
            .GetStringAsync("/lists/appeals/time-limits")));
    }

    [Fact]
    public async Task The_on_time_rate_counts_against_the_extended_date()
    {
        // At Yicheng (no other test counts there): two complaints whose first due date passed; one had an extension asked in
        // time and approved, the other none. Both are replied now: the extended one is on time, the other late.
        var xuecheng = await host.Lists.UnitAsync("370403");
        var owner = await host.Lists.OwnerAsync();
        var yicheng = await host.Lists.UnitAsync("370404");
        var yichengId = await host.Factory.UnitIdAsync("370404");
        var ids = new List<string>();
        foreach (var subject in new[] { "按期率测试：已延期", "按期率测试：未延期" })
        {
            var receipt = await OkAsync(xuecheng.PostAsJsonAsync("/api/lists/appeals", Appeal(subject, host.XuechengItem)));
            var id = await IdAsync(xuecheng, receipt.GetProperty("number").GetString()!);
            await OkAsync(xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/override", new { unitId = yichengId, reason = "属峄城区" }));
            await OkAsync(yicheng.PostAsync($"/api/lists/appeals/{id}/confirm", null));
            ids.Add(id);
        }
        await OkAsync(yicheng.PostAsJsonAsync($"/api/lists/appeals/{ids[0]}/extension", new { reason = "涉及历史遗留问题" }));
        // Days pass: both first due dates are behind; the daily run holds the late mark of the one awaiting its decision.
        await SetDueAsync(ids[0], today => today.AddDays(-1));
        await SetDueAsync(ids[1], today => today.AddDays(-1));
        await host.Factory.InScopeAsync(sp => sp.GetRequiredService<AppealService>().RunOverdueAsync(CancellationToken.None));
        Assert.False((await yicheng.GetFromJsonAsync<JsonElement>($"/api/lists/appeals/{ids[0]}")).GetProperty("appeal").GetProperty("wasLate").GetBoolean());
        Assert.True((await yicheng.GetFromJsonAsync<JsonElement>($"/api/lists/appeals/{ids[1]}")).GetProperty("appeal").GetProperty("wasLate").GetBoolean());
        var approved = await OkAsync(owner.PostAsJsonAsync($"/api/lists/appeals/{ids[0]}/extension/decision", new { approve = true }));
        Assert.True(DateOnly.Parse(approved.GetProperty("dueOn").GetString()!) > await host.Factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IDeadlineService>().Today)));
        foreach (var id in ids)
        {
            await OkAsync(yicheng.PostAsJsonAsync($"/api/lists/appeals/{id}/reply", new { reply = "已办理。" }));
        }
        var rates = await yicheng.GetFromJsonAsync<JsonElement>("/api/lists/appeals/rates");
        var unit = Assert.Single(rates.GetProperty("byUnit").EnumerateArray(), u => u.GetProperty("unitId").GetString() == yichengId.ToString());
        Assert.Equal(2, unit.GetProperty("due").GetInt32());
        Assert.Equal(1, unit.GetProperty("onTime").GetInt32());
        Assert.Equal(0.5m, unit.GetProperty("onTimeRate").GetDecimal());
    }

    [Fact]
    public async Task The_matter_picker_searches_the_power_list_in_force_and_the_forms_use_it()
    {
        var client = host.Factory.CreateClient();
        var found = await client.GetFromJsonAsync<JsonElement>("/api/lists/public/appeals/matters?q=" + Uri.EscapeDataString("诉求测试绿化"));
        var item = Assert.Single(found.EnumerateArray());
        Assert.Equal(host.XuechengItem, item.GetProperty("value").GetString());
        Assert.Equal("诉求测试绿化监督检查（薛城区）", item.GetProperty("label").GetString());
        // By the unit's name and by the item code, as the published list's search (ADR 0044); the limit bounds the answer.
        var byUnit = await client.GetFromJsonAsync<JsonElement>("/api/lists/public/appeals/matters?q=" + Uri.EscapeDataString("台儿庄区"));
        Assert.Contains(byUnit.EnumerateArray(), m => m.GetProperty("value").GetString() == host.TaierzhuangItem);
        Assert.All(byUnit.EnumerateArray(), m => Assert.Contains("台儿庄", m.GetProperty("label").GetString()));
        var byCode = await client.GetFromJsonAsync<JsonElement>("/api/lists/public/appeals/matters?q=" + host.TaierzhuangItem);
        Assert.Equal(host.TaierzhuangItem, Assert.Single(byCode.EnumerateArray()).GetProperty("value").GetString());
        Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/lists/public/appeals/matters?limit=1&q=" + Uri.EscapeDataString("诉求测试"))).EnumerateArray());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/lists/public/appeals/matters?q=" + Uri.EscapeDataString("没有这样的事项"))).EnumerateArray());
        await (await client.GetAsync("/api/lists/public/appeals/matters?q=" + new string('绿', 101))).AssertRefusedNamingAsync("q");

        // The public and hotline forms carry the search picker, not a select of every item.
        foreach (var html in new[]
        {
            WebUtility.HtmlDecode(await client.GetStringAsync("/public/appeals")),
            WebUtility.HtmlDecode(await (await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-unit", "370403"))).GetStringAsync("/lists/appeals/new")),
        })
        {
            Assert.Contains("data-pick-search=\"/api/lists/public/appeals/matters\"", html);
            Assert.Contains("list=\"matter-matters\"", html);
            Assert.Contains("<datalist id=\"matter-matters\">", html);
            Assert.DoesNotContain("<select id=\"matter\"", html);
        }
    }

    [Fact]
    public async Task The_referrer_reads_its_referral_result_and_polls_the_changes_without_the_phone()
    {
        var referrer = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("lists-12345", "370400"));
        var referralId = "GD-FEED-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var first = await OkAsync(referrer.PostAsJsonAsync("/api/lists/appeals/referrals", Appeal("12345 回传测试", host.XuechengItem, referralId: referralId.ToLowerInvariant())));
        var number = first.GetProperty("number").GetString()!;

        var start = await OkAsync(referrer.GetAsync("/api/lists/appeals/referrals/" + Uri.EscapeDataString(referralId)));
        Assert.Equal(number, start.GetProperty("number").GetString());
        Assert.Equal("Routed", start.GetProperty("status").GetString());
        Assert.Equal("薛城区", start.GetProperty("unitName").GetString());
        Assert.Equal("", start.GetProperty("reply").GetString());
        var feed = await OkAsync(referrer.GetAsync("/api/lists/appeals/referrals"));
        Assert.Contains(feed.GetProperty("items").EnumerateArray(), i => i.GetProperty("referralId").GetString() == referralId);
        var since = feed.GetProperty("next").GetString()!;
        Assert.DoesNotContain(referralId, (await OkAsync(referrer.GetAsync("/api/lists/appeals/referrals?since=" + Uri.EscapeDataString(since)))).ToString());

        // The unit replies: the change is in the feed after the last poll, with the reply and its date.
        var xuecheng = await host.Lists.UnitAsync("370403");
        var id = await IdAsync(xuecheng, number);
        await OkAsync(xuecheng.PostAsync($"/api/lists/appeals/{id}/confirm", null));
        await OkAsync(xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/reply", new { reply = "已协调解决。" }));
        var changed = await OkAsync(referrer.GetAsync("/api/lists/appeals/referrals?since=" + Uri.EscapeDataString(since)));
        var item = Assert.Single(changed.GetProperty("items").EnumerateArray(), i => i.GetProperty("referralId").GetString() == referralId);
        Assert.Equal("Replied", item.GetProperty("status").GetString());
        Assert.Equal("已协调解决。", item.GetProperty("reply").GetString());
        Assert.NotEqual(JsonValueKind.Null, item.GetProperty("repliedOn").ValueKind);
        since = changed.GetProperty("next").GetString()!;

        // The enterprise rates it (its code came back to 12345 at referral): the rating follows.
        await RateAsync(number, first.GetProperty("queryCode").GetString()!, "BasicallySatisfied", null);
        var rated = await OkAsync(referrer.GetAsync("/api/lists/appeals/referrals?since=" + Uri.EscapeDataString(since)));
        var ratedItem = Assert.Single(rated.GetProperty("items").EnumerateArray(), i => i.GetProperty("referralId").GetString() == referralId);
        Assert.Equal("BasicallySatisfied", ratedItem.GetProperty("rating").GetString());
        Assert.Equal("基本满意", ratedItem.GetProperty("ratingName").GetString());
        Assert.Equal("Closed", ratedItem.GetProperty("status").GetString());

        // Never the contact or the phone, in the result or the feed.
        foreach (var body in new[] { await referrer.GetStringAsync("/api/lists/appeals/referrals/" + referralId), await referrer.GetStringAsync("/api/lists/appeals/referrals") })
        {
            Assert.DoesNotContain("13912345678", body);
            Assert.DoesNotContain("139****5678", body);
            Assert.DoesNotContain("王经理", body);
            Assert.DoesNotContain("contactPhone", body, StringComparison.OrdinalIgnoreCase);
        }

        // Another caller: a unit without the referral permission is forbidden; another referring account finds nothing of this one's.
        Assert.Equal(HttpStatusCode.Forbidden, (await xuecheng.GetAsync("/api/lists/appeals/referrals/" + referralId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await xuecheng.GetAsync("/api/lists/appeals/referrals")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Factory.CreateClient().GetAsync("/api/lists/appeals/referrals/" + referralId)).StatusCode);
        var other = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("lists-12345", "370400"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/lists/appeals/referrals/" + referralId)).StatusCode);
        Assert.DoesNotContain(referralId, await other.GetStringAsync("/api/lists/appeals/referrals"));
        Assert.Equal(HttpStatusCode.NotFound, (await referrer.GetAsync("/api/lists/appeals/referrals/GD-NONE-1")).StatusCode);
    }
}
