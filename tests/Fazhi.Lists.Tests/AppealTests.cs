using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Contracts;
using Fazhi.Lists.Appeals;
using Fazhi.Lists.Data;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Lists.Tests;

/// <summary>
/// Enterprise appeals (企业诉求; 优化营商环境条例 第四十八、四十九条): routing by the published power list, confirmation and
/// override with a reason, co-handling and scope, 12345 referrals (a duplicate id refused), the time limit per kind on the
/// working-day calendar (默认参照 济南市优化营商环境条例 第六十二条: 5 个工作日), the enterprise's rating (不满意 reopens), the
/// overdue run raised to the supervising office, and the rates against known data.
/// </summary>
public sealed partial class AppealTests(AppealTests.Host host) : IClassFixture<AppealTests.Host>
{
    private const string Code = "91340600MA2PBM9HXD";

    /// <summary>The lists host with a published power list: a matter of Xuecheng and one of Tai'erzhuang (only the rates test routes there).</summary>
    public sealed class Host : IAsyncLifetime
    {
        public ListsHost Lists { get; } = new();

        public FazhiFactory Factory => Lists.Factory;

        public string XuechengItem { get; private set; } = "";

        public string TaierzhuangItem { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await Lists.InitializeAsync();
            var owner = await Lists.OwnerAsync();
            await PowerListTests.ProposeAsync(owner, new { kind = "Add", item = PowerListTests.Item("SQ-LH-1", "诉求测试绿化监督检查", "Inspection", "County",
                await Factory.UnitIdAsync("370403"), "《枣庄市城市绿化条例》第三十三条") });
            await PowerListTests.ProposeAsync(owner, new { kind = "Add", item = PowerListTests.Item("SQ-LH-2", "诉求测试台儿庄检查", "Inspection", "County",
                await Factory.UnitIdAsync("370405"), "《枣庄市城市绿化条例》第三十三条") });
            await PowerListTests.AcceptAndPublishAsync(owner);
            var items = await owner.GetFromJsonAsync<JsonElement>("/api/lists/powers?q=" + Uri.EscapeDataString("诉求测试"));
            foreach (var i in items.GetProperty("items").GetProperty("items").EnumerateArray())
            {
                if (i.GetProperty("matterCode").GetString() == "SQ-LH-1")
                {
                    XuechengItem = i.GetProperty("itemCode").GetString()!;
                }
                else
                {
                    TaierzhuangItem = i.GetProperty("itemCode").GetString()!;
                }
            }
        }

        public Task DisposeAsync() => Lists.DisposeAsync();
    }

    private static object Appeal(string subject, string? item, string kind = "Complaint", string? referralId = null, string creditCode = Code) => new
    {
        kind,
        creditCode,
        enterpriseName = "山东鲁南新材料科技有限公司",
        subject,
        content = subject + "，请协调解决。",
        powerItemCode = item,
        contactName = "王经理",
        contactPhone = "13912345678",
        referralId,
    };

    private async Task<JsonElement> SubmitAsync(object body)
    {
        var response = await host.Factory.CreateClient().PostAsJsonAsync("/api/lists/public/appeals", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> IdAsync(HttpClient client, string number)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/lists/appeals?q=" + Uri.EscapeDataString(number));
        return Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<DateOnly> WorkingDaysFromTodayAsync(int days) => host.Factory.InScopeAsync(async sp =>
    {
        var deadlines = sp.GetRequiredService<IDeadlineService>();
        return (await deadlines.AddWorkingDaysAsync(deadlines.Today, days)).Date;
    });

    private Task<JsonElement> RateAsync(string number, string code, string rating, string? comment) =>
        host.Factory.CreateClient().PostAsJsonAsync("/api/lists/public/appeals/rate", new { number, queryCode = code, rating, comment })
            .ContinueWith(t => t.Result.Content.ReadFromJsonAsync<JsonElement>()).Unwrap();

    [Fact]
    public async Task Routed_by_the_power_list_replied_rated_unsatisfied_reopens_and_satisfied_closes()
    {
        var xuecheng = await host.Lists.UnitAsync("370403");
        var receipt = await SubmitAsync(Appeal("检查过于频繁", host.XuechengItem));
        var (number, code) = (receipt.GetProperty("number").GetString()!, receipt.GetProperty("queryCode").GetString()!);
        Assert.Equal("薛城区", receipt.GetProperty("unitName").GetString());
        Assert.Contains(host.XuechengItem, receipt.GetProperty("routingReason").GetString());
        // 投诉: 5 working days by default (济南市优化营商环境条例 第六十二条), on the platform calendar.
        Assert.Equal((await WorkingDaysFromTodayAsync(5)).ToString("yyyy-MM-dd"), receipt.GetProperty("dueOn").GetString());

        var id = await IdAsync(xuecheng, number);
        var detail = await xuecheng.GetFromJsonAsync<JsonElement>($"/api/lists/appeals/{id}");
        Assert.Equal("Routed", detail.GetProperty("appeal").GetProperty("status").GetString());
        Assert.Equal("139****5678", detail.GetProperty("appeal").GetProperty("contactPhoneMasked").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/reply", new { reply = "先答复" })).StatusCode);
        await OkAsync(xuecheng.PostAsync($"/api/lists/appeals/{id}/confirm", null));
        await (await xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/reply", new { reply = "" })).AssertRefusedNamingAsync("reply");
        await OkAsync(xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/reply", new { reply = "已统筹检查计划，本月不再重复检查。" }));

        var track = await OkAsync(host.Factory.CreateClient().PostAsJsonAsync("/api/lists/public/appeals/track", new { number, queryCode = code.ToLowerInvariant() }));
        Assert.Equal("已答复待评价", track.GetProperty("statusName").GetString());
        Assert.True(track.GetProperty("canRate").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Factory.CreateClient().PostAsJsonAsync("/api/lists/public/appeals/track", new { number, queryCode = "WRONG123" })).StatusCode);

        // 不满意 needs a reason and sends the appeal back with a new time limit.
        await (await host.Factory.CreateClient().PostAsJsonAsync("/api/lists/public/appeals/rate", new { number, queryCode = code, rating = "Unsatisfied" }))
            .AssertRefusedNamingAsync("comment");
        var reopened = await RateAsync(number, code, "Unsatisfied", "答复没有说明何时整改");
        Assert.Equal("办理中", reopened.GetProperty("statusName").GetString());
        var after = (await xuecheng.GetFromJsonAsync<JsonElement>($"/api/lists/appeals/{id}")).GetProperty("appeal");
        Assert.Equal(1, after.GetProperty("reopenCount").GetInt32());
        Assert.Equal("Handling", after.GetProperty("status").GetString());

        await OkAsync(xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/reply", new { reply = "已书面说明整改时间：12 月 20 日前。" }));
        var closed = await RateAsync(number, code, "Satisfied", null);
        Assert.Equal("已办结", closed.GetProperty("statusName").GetString());
        Assert.Equal("满意", closed.GetProperty("ratingName").GetString());
        Assert.Equal(HttpStatusCode.Conflict,
            (await host.Factory.CreateClient().PostAsJsonAsync("/api/lists/public/appeals/rate", new { number, queryCode = code, rating = "Unsatisfied", comment = "再评" })).StatusCode);
    }

    [Fact]
    public async Task An_appeal_shows_the_enforcement_inspections_of_its_enterprise_in_the_cap_period()
    {
        var body = "91370400" + string.Concat(Enumerable.Range(0, 9).Select(_ => UnifiedSocialCreditCode.Alphabet[Random.Shared.Next(UnifiedSocialCreditCode.Alphabet.Length)]));
        var code = body + UnifiedSocialCreditCode.CheckCharacter(body);
        var xuecheng = await host.Lists.UnitAsync("370403");
        var receipt = await SubmitAsync(Appeal("一个季度内检查过于频繁", host.XuechengItem, creditCode: code));
        var id = await IdAsync(xuecheng, receipt.GetProperty("number").GetString()!);
        var received = (await xuecheng.GetFromJsonAsync<JsonElement>($"/api/lists/appeals/{id}")).GetProperty("appeal").GetProperty("receivedOn").GetString()!;

        var empty = await OkAsync(xuecheng.GetAsync($"/api/lists/appeals/{id}/inspections"));
        Assert.Empty(empty.GetProperty("visits").EnumerateArray());
        Assert.False(empty.GetProperty("capReached").GetBoolean());

        var market = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("enforcement-inspector", "370400-SJJ"));
        var plan = await market.PostAsJsonAsync("/api/enforcement/inspections", new
        {
            creditCode = code, enterpriseName = "山东鲁南新材料科技有限公司", subject = "诉求测试食品安全检查", plannedDate = received,
            inspectors = "张三（执法证 37040001）、李四（执法证 37040002）", basis = "年度双随机抽查计划", trigger = "Routine",
        });
        Assert.True(plan.StatusCode == HttpStatusCode.Created, await plan.Content.ReadAsStringAsync());

        var window = await OkAsync(xuecheng.GetAsync($"/api/lists/appeals/{id}/inspections"));
        Assert.Equal(code, window.GetProperty("creditCode").GetString());
        Assert.True(window.GetProperty("maxVisits").GetInt32() > 0);
        var visit = Assert.Single(window.GetProperty("visits").EnumerateArray());
        Assert.Equal(received, visit.GetProperty("plannedDate").GetString());
        Assert.Equal(["诉求测试食品安全检查"], visit.GetProperty("subjects").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.True(visit.GetProperty("counted").GetBoolean());
        Assert.Equal(1, window.GetProperty("counted").GetInt32());
        Assert.True(string.CompareOrdinal(window.GetProperty("from").GetString(), received) <= 0 && string.CompareOrdinal(received, window.GetProperty("to").GetString()) <= 0);

        // Only who may see the appeal: another district's unit gets no window.
        var taierzhuang = await host.Lists.UnitAsync("370405");
        Assert.Equal(HttpStatusCode.NotFound, (await taierzhuang.GetAsync($"/api/lists/appeals/{id}/inspections")).StatusCode);
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-unit", "370403"));
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/lists/appeals/{id}"));
        Assert.Contains("无事不扰", html);
        Assert.Contains("诉求测试食品安全检查", html);
    }

    [Fact]
    public async Task Staff_override_the_routing_with_a_reason_and_no_matter_goes_to_the_intake_unit()
    {
        var unknown = await SubmitAsync(Appeal("不知道找哪个部门", null, "Consult"));
        Assert.Contains("未指明权责清单事项", unknown.GetProperty("routingReason").GetString());
        var owner = await host.Lists.OwnerAsync();
        var xuecheng = await host.Lists.UnitAsync("370403");
        Assert.Equal(0, (await xuecheng.GetFromJsonAsync<JsonElement>("/api/lists/appeals?q=" + unknown.GetProperty("number").GetString())).GetProperty("total").GetInt32());

        await (await host.Factory.CreateClient().PostAsJsonAsync("/api/lists/public/appeals", Appeal("不存在的事项", "QZ1999-99999")))
            .AssertRefusedNamingAsync("powerItemCode");

        var receipt = await SubmitAsync(Appeal("门前道路绿化迁移", host.XuechengItem, "Help"));
        var number = receipt.GetProperty("number").GetString()!;
        var id = await IdAsync(xuecheng, number);
        var shizhongId = await host.Factory.UnitIdAsync("370402");
        await (await xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/override", new { unitId = shizhongId, reason = "" })).AssertRefusedNamingAsync("reason");
        var moved = await OkAsync(xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/override", new { unitId = shizhongId, reason = "道路位于市中区辖区" }));
        Assert.Equal("Routed", moved.GetProperty("status").GetString());
        Assert.Contains("道路位于市中区辖区", moved.GetProperty("routingReason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await xuecheng.GetAsync($"/api/lists/appeals/{id}")).StatusCode);
        var shizhong = await host.Lists.UnitAsync("370402");
        var there = (await shizhong.GetFromJsonAsync<JsonElement>($"/api/lists/appeals/{id}")).GetProperty("appeal");
        Assert.Contains("改派至 市中区", there.GetProperty("routingLog").GetString());
        // The supervising office (city scope) sees both.
        Assert.Equal(1, (await owner.GetFromJsonAsync<JsonElement>("/api/lists/appeals?q=" + number)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_unit_sees_its_own_and_co_handled_appeals_and_nothing_else()
    {
        var xuecheng = await host.Lists.UnitAsync("370403");
        var receipt = await SubmitAsync(Appeal("协办范围测试诉求", host.XuechengItem));
        var number = receipt.GetProperty("number").GetString()!;
        var id = await IdAsync(xuecheng, number);
        await OkAsync(xuecheng.PostAsync($"/api/lists/appeals/{id}/confirm", null));
        var shizhongId = await host.Factory.UnitIdAsync("370402");
        await OkAsync(xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/cohandlers", new { unitId = shizhongId }));
        await (await xuecheng.PostAsJsonAsync($"/api/lists/appeals/{id}/cohandlers", new { unitId = shizhongId })).AssertRefusedNamingAsync("unitId");

        var shizhong = await host.Lists.UnitAsync("370402");
        Assert.Equal(1, (await shizhong.GetFromJsonAsync<JsonElement>("/api/lists/appeals?q=" + Uri.EscapeDataString("协办范围测试"))).GetProperty("total").GetInt32());
        var seen = await shizhong.GetFromJsonAsync<JsonElement>($"/api/lists/appeals/{id}");
        Assert.False(seen.GetProperty("handledHere").GetBoolean());
        await OkAsync(shizhong.PostAsJsonAsync($"/api/lists/appeals/{id}/opinion", new { opinion = "涉及市中区路段，同意配合。" }));
        // A co-handler reads and gives its opinion, but the reply is the handling unit's.
        Assert.Equal(HttpStatusCode.NotFound, (await shizhong.PostAsJsonAsync($"/api/lists/appeals/{id}/reply", new { reply = "越权答复" })).StatusCode);
        var co = (await xuecheng.GetFromJsonAsync<JsonElement>($"/api/lists/appeals/{id}")).GetProperty("coHandlers");
        Assert.Equal("涉及市中区路段，同意配合。", Assert.Single(co.EnumerateArray()).GetProperty("opinion").GetString());

        var yicheng = await host.Lists.UnitAsync("370404");
        Assert.Equal(0, (await yicheng.GetFromJsonAsync<JsonElement>("/api/lists/appeals?q=" + Uri.EscapeDataString("协办范围测试"))).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await yicheng.GetAsync($"/api/lists/appeals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yicheng.PostAsJsonAsync($"/api/lists/appeals/{id}/opinion", new { opinion = "越界" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yicheng.PostAsJsonAsync($"/api/lists/appeals/{id}/reply", new { reply = "越界" })).StatusCode);
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-unit", "370404"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/lists/appeals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Factory.CreateClient().GetAsync("/api/lists/appeals")).StatusCode);

        // The export is the list's rows, as .xlsx.
        var export = await shizhong.GetAsync("/api/lists/appeals/export?q=" + Uri.EscapeDataString("协办范围测试"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_12345_referral_needs_its_id_a_duplicate_is_refused_and_a_bad_credit_code_is_named()
    {
        var referrer = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("lists-12345", "370400"));
        var first = await OkAsync(referrer.PostAsJsonAsync("/api/lists/appeals/referrals", Appeal("12345 转来的诉求", host.XuechengItem, referralId: "gd-2026-0001")));
        var again = await referrer.PostAsJsonAsync("/api/lists/appeals/referrals", Appeal("12345 重复转来", host.XuechengItem, referralId: " GD-2026-0001 "));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(first.GetProperty("number").GetString()!, await again.Content.ReadAsStringAsync());
        await (await referrer.PostAsJsonAsync("/api/lists/appeals/referrals", Appeal("没有工单编号", host.XuechengItem))).AssertRefusedNamingAsync("referralId");
        var unit = await host.Lists.UnitAsync("370403");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync("/api/lists/appeals/referrals", Appeal("无权转办", host.XuechengItem, referralId: "GD-X"))).StatusCode);
        var xc = await host.Lists.UnitAsync("370403");
        var row = (await xc.GetFromJsonAsync<JsonElement>("/api/lists/appeals?q=" + first.GetProperty("number").GetString())).GetProperty("items")[0];
        Assert.Equal("Referral", row.GetProperty("channel").GetString());
        Assert.Equal("GD-2026-0001", row.GetProperty("referralId").GetString());

        // 统一社会信用代码 through the kit's check: a wrong check character is named.
        await (await host.Factory.CreateClient().PostAsJsonAsync("/api/lists/public/appeals", Appeal("代码错误", host.XuechengItem, creditCode: "91110000600037341N")))
            .AssertRefusedNamingAsync("creditCode");
        // Hotline entry by staff gives the query code to tell the caller.
        var hotline = await OkAsync(unit.PostAsJsonAsync("/api/lists/appeals", Appeal("热线来电", host.XuechengItem, "Consult")));
        Assert.Equal(8, hotline.GetProperty("queryCode").GetString()!.Length);
    }

    [Fact]
    public async Task The_time_limit_per_kind_is_a_settings_row_counted_in_working_days()
    {
        var owner = await host.Lists.OwnerAsync();
        var limits = await owner.GetFromJsonAsync<JsonElement>("/api/lists/appeal-time-limits");
        Assert.Equal(4, limits.GetArrayLength());
        Assert.All(limits.EnumerateArray(), l => Assert.Equal(5, l.GetProperty("workingDays").GetInt32()));
        Assert.Contains("第六十二条", limits[0].GetProperty("basis").GetString());
        await (await owner.PutAsJsonAsync("/api/lists/appeal-time-limits", new { kind = "Suggestion", workingDays = 0 })).AssertRefusedNamingAsync("workingDays");
        var unit = await host.Lists.UnitAsync("370403");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PutAsJsonAsync("/api/lists/appeal-time-limits", new { kind = "Suggestion", workingDays = 9 })).StatusCode);
        await OkAsync(owner.PutAsJsonAsync("/api/lists/appeal-time-limits", new { kind = "Suggestion", workingDays = 10 }));
        try
        {
            var receipt = await SubmitAsync(Appeal("建议延长窗口时间", host.XuechengItem, "Suggestion"));
            Assert.Equal((await WorkingDaysFromTodayAsync(10)).ToString("yyyy-MM-dd"), receipt.GetProperty("dueOn").GetString());
        }
        finally
        {
            await OkAsync(owner.PutAsJsonAsync("/api/lists/appeal-time-limits", new { kind = "Suggestion", workingDays = 5 }));
        }
    }

    [Fact]
    public async Task Overdue_appeals_are_raised_to_the_supervising_office_and_the_rates_match_known_data()
    {
        // Four appeals at Tai'erzhuang (no other test routes there): satisfied, unsatisfied (reopened), basically satisfied, overdue.
        var taierzhuang = await host.Lists.UnitAsync("370405");
        var rows = new List<(string Number, string Code, string Id)>();
        foreach (var (subject, kind) in new[] { ("统计一", "Complaint"), ("统计二", "Complaint"), ("统计三", "Consult"), ("统计四", "Help") })
        {
            var r = await SubmitAsync(Appeal("台儿庄" + subject, host.TaierzhuangItem, kind));
            var number = r.GetProperty("number").GetString()!;
            rows.Add((number, r.GetProperty("queryCode").GetString()!, await IdAsync(taierzhuang, number)));
        }
        for (var i = 0; i < 3; i++)
        {
            await OkAsync(taierzhuang.PostAsync($"/api/lists/appeals/{rows[i].Id}/confirm", null));
            await OkAsync(taierzhuang.PostAsJsonAsync($"/api/lists/appeals/{rows[i].Id}/reply", new { reply = "已办理。" }));
        }
        await RateAsync(rows[0].Number, rows[0].Code, "Satisfied", null);
        await RateAsync(rows[1].Number, rows[1].Code, "Unsatisfied", "没有解决");
        await RateAsync(rows[2].Number, rows[2].Code, "BasicallySatisfied", null);

        // The fourth is past its due date: the daily run marks it late and raises it to the supervising office (370400).
        var overdueId = Guid.Parse(rows[3].Id);
        await host.Factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<ISystemWork>().Db<ListsDb>("测试：期限已过");
            var a = await db.Appeals.FirstAsync(x => x.Id == overdueId);
            a.DueOn = a.ReceivedOn.AddDays(-1);
            await db.SaveChangesAsync();
        });
        var run = await host.Factory.InScopeAsync(sp => sp.GetRequiredService<AppealService>().RunOverdueAsync(CancellationToken.None));
        Assert.True(run.Sent >= 2, $"sent {run.Sent}");
        var detail = (await taierzhuang.GetFromJsonAsync<JsonElement>($"/api/lists/appeals/{overdueId}")).GetProperty("appeal");
        Assert.True(detail.GetProperty("wasLate").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, detail.GetProperty("escalatedOn").ValueKind);
        var officeUser = await host.Factory.CreateUserAsync("lists-owner", "370400");
        var office = await host.Factory.SignedInBrowserAsync(officeUser);
        Assert.NotNull(await HomeTodo.CountAsync(office, "/lists/appeals?overdue=true"));
        var overdueList = await (await host.Factory.ApiClientAsync(officeUser)).GetFromJsonAsync<JsonElement>("/api/lists/appeals?overdue=true&q=" + rows[3].Number);
        Assert.Equal(1, overdueList.GetProperty("total").GetInt32());

        // 满意率 = (满意 + 基本满意) ÷ 已评价 = 2/3; 按期办结率 = 按期答复 ÷ 应办结 (two closed on time, one overdue) = 2/3.
        var rates = await taierzhuang.GetFromJsonAsync<JsonElement>("/api/lists/appeals/rates");
        var unit = Assert.Single(rates.GetProperty("byUnit").EnumerateArray());
        Assert.Equal(4, unit.GetProperty("received").GetInt32());
        Assert.Equal(3, unit.GetProperty("rated").GetInt32());
        Assert.Equal(2, unit.GetProperty("satisfied").GetInt32());
        Assert.Equal(0.6667m, unit.GetProperty("satisfactionRate").GetDecimal());
        Assert.Equal(3, unit.GetProperty("due").GetInt32());
        Assert.Equal(2, unit.GetProperty("onTime").GetInt32());
        Assert.Equal("Complaint", unit.GetProperty("topKinds")[0].GetProperty("kind").GetString());
        Assert.Equal(2, unit.GetProperty("topKinds")[0].GetProperty("count").GetInt32());

        // The same figures as assessment indicators for the unit.
        var unitId = await host.Factory.UnitIdAsync("370405");
        var (satisfaction, onTime) = await host.Factory.InScopeAsync(async sp =>
        {
            var today = sp.GetRequiredService<IDeadlineService>().Today;
            var q = new ComputedIndicatorQuery(today.AddDays(-30), today, unitId, [unitId]);
            var providers = sp.GetServices<IComputedIndicatorProvider>().ToList();
            return (await providers.Single(p => p.Key == "lists.appeals-satisfaction").ComputeAsync(q, CancellationToken.None),
                await providers.Single(p => p.Key == "lists.appeals-on-time").ComputeAsync(q, CancellationToken.None));
        });
        Assert.Equal((2m, 3m), (satisfaction.Numerator, satisfaction.Denominator));
        Assert.Equal((2m, 3m), (onTime.Numerator, onTime.Denominator));
    }
}
