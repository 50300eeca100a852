using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Oversight.Tests;

/// <summary>
/// Litigation response through HTTP: the statutory periods (行政诉讼法 第六十七条 answer, 第八十五条 appeal) on the working-day
/// calendar, hearings and who appeared (第三条), results and losses, refusals naming their rule, and the data scope.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class LitigationTests(FazhiFactory factory)
{
    private readonly Kit _kit = new(factory);

    [Fact]
    public async Task The_answer_is_due_15_days_after_the_complaint_copy_and_a_last_day_in_the_national_day_holiday_moves_to_the_next_working_day()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var xuecheng = await factory.UnitIdAsync(Kit.Xuecheng);
        var number = Kit.UniqueNumber();
        // 行政诉讼法 第六十七条: 15 days from receipt; 2026-09-16 + 15 = 2026-10-01, inside the National Day holiday (10-01..10-07),
        // so the period ends on 2026-10-08 (行诉解释 第四十八条).
        var created = await Kit.OkAsync(await agency.PostAsJsonAsync("/api/oversight/lawsuits",
            Kit.Suit(xuecheng, number.Replace("（", "(").Replace("）", ")"), "2026-09-10", "2026-09-16")), HttpStatusCode.Created);

        Assert.Equal("2026-10-08", created.GetProperty("answerDueOn").GetString());
        Assert.Equal(number, created.GetProperty("caseNumber").GetString());
        var view = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits/{created.GetProperty("id").GetGuid()}");
        Assert.Equal(15, view.GetProperty("answerDays").GetInt32());
        Assert.Equal("Registered", view.GetProperty("status").GetString());
        Assert.True(view.GetProperty("answerOverdue").GetBoolean());
    }

    [Fact]
    public async Task An_answer_after_the_period_is_recorded_and_marked_late()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var id = await Kit.RegisterAsync(agency, Kit.Suit(await factory.UnitIdAsync(Kit.Xuecheng), Kit.UniqueNumber(), "2026-03-02", "2026-03-04"));

        var answered = await Kit.OkAsync(await agency.PostAsJsonAsync($"/api/oversight/lawsuits/{id}/answer", new { version = await Kit.VersionAsync(agency, id), answeredOn = "2026-03-25" }));

        Assert.Equal("Answered", answered.GetProperty("status").GetString());
        Assert.Equal("2026-03-19", answered.GetProperty("answerDueOn").GetString());
        Assert.True(answered.GetProperty("answerLate").GetBoolean());
        var again = await agency.PostAsJsonAsync($"/api/oversight/lawsuits/{id}/answer", new { version = await Kit.VersionAsync(agency, id), answeredOn = "2026-03-26" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var stale = await agency.PostAsJsonAsync($"/api/oversight/lawsuits/{id}/schedule", new { version = answered.GetProperty("version").GetInt64() - 1, hearingOn = "2026-04-20" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await (await agency.PostAsJsonAsync($"/api/oversight/lawsuits/{id}/schedule", new { hearingOn = "2026-04-20" })).AssertRefusedNamingAsync("version");
    }

    [Fact]
    public async Task A_hearing_dated_before_the_court_registered_the_suit_is_refused_naming_the_rule()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var id = await Kit.RegisterAsync(agency, Kit.Suit(await factory.UnitIdAsync(Kit.Xuecheng), Kit.UniqueNumber(), "2026-05-11", "2026-05-13"));

        var refused = await agency.PostAsJsonAsync($"/api/oversight/lawsuits/{id}/hearings", new
        {
            version = await Kit.VersionAsync(agency, id), heldOn = "2026-05-08", appearance = "Head", appearedName = "王某", appearedTitle = "区长",
        });

        var problem = await refused.AssertRefusedNamingAsync("heldOn");
        Assert.Contains("立案登记之前不能记录庭审", problem.GetProperty("errors").GetProperty("heldOn")[0].GetString());
        var view = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits/{id}");
        Assert.Equal(0, view.GetProperty("hearings").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("firstHearingOn").ValueKind);
    }

    [Fact]
    public async Task When_the_head_did_not_appear_the_reason_is_required_and_only_staff_does_not_count_as_appearance()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var id = await Kit.RegisterAsync(agency, Kit.Suit(await factory.UnitIdAsync(Kit.Xuecheng), Kit.UniqueNumber(), "2026-04-01", "2026-04-03"));

        var noReason = await agency.PostAsJsonAsync($"/api/oversight/lawsuits/{id}/hearings", new
        {
            version = await Kit.VersionAsync(agency, id), heldOn = "2026-05-20", appearance = "StaffOnly", appearedName = "李某", appearedTitle = "科员",
        });
        await noReason.AssertRefusedNamingAsync("reason");

        await Kit.HearAsync(agency, id, "2026-05-20", "StaffOnly");
        var staff = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits/{id}");
        Assert.False(staff.GetProperty("headAppeared").GetBoolean());
        Assert.Equal("2026-05-20", staff.GetProperty("firstHearingOn").GetString());

        // A deputy head at the next hearing of the same instance: the instance counts as appeared (出庭规定 第二条).
        await Kit.HearAsync(agency, id, "2026-06-10", "DeputyHead");
        var deputy = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits/{id}");
        Assert.True(deputy.GetProperty("headAppeared").GetBoolean());
        Assert.Equal("2026-05-20", deputy.GetProperty("firstHearingOn").GetString());
        Assert.Equal(2, deputy.GetProperty("hearings").GetArrayLength());
    }

    [Fact]
    public async Task The_appeal_window_is_15_days_for_a_judgment_and_10_for_a_ruling_and_none_follows_a_settlement()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var unit = await factory.UnitIdAsync(Kit.Xuecheng);
        var judgment = await Kit.RegisterAsync(agency, Kit.Suit(unit, Kit.UniqueNumber(), "2026-06-01", "2026-06-03"));
        var ruling = await Kit.RegisterAsync(agency, Kit.Suit(unit, Kit.UniqueNumber(), "2026-06-01", "2026-06-03"));
        var settled = await Kit.RegisterAsync(agency, Kit.Suit(unit, Kit.UniqueNumber(), "2026-06-01", "2026-06-03"));

        // 第八十五条: 15 days from service on 2026-09-10 = 2026-09-25, a Mid-Autumn holiday (09-25..09-27) → 2026-09-28.
        await Kit.DecideAsync(agency, judgment, "Revoked", "2026-09-08", "2026-09-10");
        // 10 days from 2026-09-10 = 2026-09-20, a Sunday that is a make-up working day (调休): it stays.
        await Kit.DecideAsync(agency, ruling, "ComplaintRejected", "2026-09-08", "2026-09-10");
        await Kit.DecideAsync(agency, settled, "Settled", "2026-09-08", null);

        var j = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits/{judgment}");
        Assert.Equal("2026-09-28", j.GetProperty("appealDueOn").GetString());
        Assert.Equal(15, j.GetProperty("appealDays").GetInt32());
        Assert.True(j.GetProperty("lost").GetBoolean());
        var r = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits/{ruling}");
        Assert.Equal("2026-09-20", r.GetProperty("appealDueOn").GetString());
        Assert.False(r.GetProperty("lost").GetBoolean());
        var s = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits/{settled}");
        Assert.Equal(JsonValueKind.Null, s.GetProperty("appealDueOn").ValueKind);

        // A first-instance judgment without its service date cannot stamp the window; a decided case takes no hearing.
        var unserved = await Kit.RegisterAsync(agency, Kit.Suit(unit, Kit.UniqueNumber(), "2026-06-01", "2026-06-03"));
        await (await agency.PostAsJsonAsync($"/api/oversight/lawsuits/{unserved}/result", new { version = await Kit.VersionAsync(agency, unserved), result = "Dismissed", decidedOn = "2026-09-08" }))
            .AssertRefusedNamingAsync("servedOn");
        var late = await agency.PostAsJsonAsync($"/api/oversight/lawsuits/{judgment}/hearings", new
        {
            version = await Kit.VersionAsync(agency, judgment), heldOn = "2026-09-15", appearance = "Head", appearedName = "王某", appearedTitle = "区长",
        });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task An_agency_sees_and_handles_only_its_own_lawsuits_and_the_justice_bureau_at_the_city_sees_all()
    {
        var xuecheng = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var shizhong = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var office = await _kit.ClientAsync(Kit.Office, "370400");
        var shizhongUnit = await factory.UnitIdAsync(Kit.Shizhong);
        var number = Kit.UniqueNumber("鲁0402");
        var theirs = await Kit.RegisterAsync(shizhong, Kit.Suit(shizhongUnit, number, "2026-07-01", "2026-07-02"));

        Assert.Equal(HttpStatusCode.NotFound, (await xuecheng.GetAsync($"/api/oversight/lawsuits/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await xuecheng.PostAsJsonAsync($"/api/oversight/lawsuits/{theirs}/answer", new { answeredOn = "2026-07-10" })).StatusCode);
        var list = await xuecheng.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits?q={Uri.EscapeDataString(number)}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        await (await xuecheng.PostAsJsonAsync("/api/oversight/lawsuits", Kit.Suit(shizhongUnit, Kit.UniqueNumber(), "2026-07-01", "2026-07-02")))
            .AssertRefusedNamingAsync("defendantId");
        var report = await xuecheng.GetFromJsonAsync<JsonElement>("/api/oversight/litigation/report?year=2026");
        Assert.DoesNotContain(report.GetProperty("appearanceByAgency").EnumerateArray(), r => r.GetProperty("group").GetString() == $"unit:{shizhongUnit}");
        var records = await xuecheng.GetFromJsonAsync<JsonElement>($"/api/oversight/records?metric=appearance&year=2026&group=unit:{shizhongUnit}");
        Assert.Equal(0, records.GetProperty("total").GetInt32());

        var seen = await office.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits?q={Uri.EscapeDataString(number.Replace("（", "[").Replace("）", "]"))}");
        Assert.Equal(theirs, Assert.Single(seen.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_role_without_the_handling_permission_cannot_register_and_a_public_caller_sees_nothing()
    {
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/oversight/lawsuits")).StatusCode);
        var staff = await factory.ApiClientAsync(await factory.CreateUserAsync(orgCode: Kit.Xuecheng));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/oversight/lawsuits",
            Kit.Suit(await factory.UnitIdAsync(Kit.Xuecheng), Kit.UniqueNumber(), "2026-07-01", "2026-07-02"))).StatusCode);
    }

    [Fact]
    public async Task The_list_takes_the_kits_query_and_exports_exactly_the_filtered_rows()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var unit = await factory.UnitIdAsync(Kit.Xuecheng);
        var number = Kit.UniqueNumber();
        await Kit.RegisterAsync(agency, Kit.Suit(unit, number, "2026-08-03", "2026-08-04"));

        await (await agency.GetAsync("/api/oversight/lawsuits?sort=plaintiffPhone")).AssertRefusedNamingAsync("sort");
        await (await agency.GetAsync("/api/oversight/lawsuits?from=2026-09-01&to=2026-08-01")).AssertRefusedNamingAsync("to");
        var list = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits?q={Uri.EscapeDataString(number)}&from=2026-08-01&to=2026-08-31&sort=answerDueOn&dir=asc");
        Assert.Equal(1, list.GetProperty("total").GetInt32());

        var export = await agency.GetAsync($"/api/oversight/lawsuits/export?q={Uri.EscapeDataString(number)}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var rows = Fazhi.Platform.Features.Documents.XlsxReader.Read(await export.Content.ReadAsStreamAsync()).Where(r => !r.IsBlank).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(number, rows[1][0]);
    }

    [Fact]
    public async Task Materials_are_kept_by_kind_and_read_only_within_scope()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var other = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var id = await Kit.RegisterAsync(agency, Kit.Suit(await factory.UnitIdAsync(Kit.Xuecheng), Kit.UniqueNumber(), "2026-08-03", "2026-08-04"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("answer"), "kind" },
            { new ByteArrayContent("%PDF-1.4\n答辩状\n%%EOF"u8.ToArray()), "file", "答辩状.pdf" },
        };

        var view = await Kit.OkAsync(await agency.PostAsync($"/api/oversight/lawsuits/{id}/attachments", form));

        var material = Assert.Single(view.GetProperty("materials").EnumerateArray());
        Assert.Equal("答辩状", material.GetProperty("kind").GetString());
        var url = material.GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await agency.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
    }
}
