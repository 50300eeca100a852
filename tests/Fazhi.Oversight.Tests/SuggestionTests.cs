using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Oversight.Litigation;
using Fazhi.Platform.Features.OrgUnits;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Oversight.Tests;

/// <summary>
/// Judicial and procuratorial suggestions through HTTP: the reply deadline (the issuer's, else two months, 15 days when
/// urgent: 综合治理类司法建议规定 第八条, 检察公益诉讼解释 第二十一条), the reply, closing refused without one, the scope, and
/// 办复率 / 按期办复率 against known data.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SuggestionTests(FazhiFactory factory)
{
    private readonly Kit _kit = new(factory);

    private static int _n;

    private static string Number() => $"枣中法建〔2026〕{Interlocked.Increment(ref _n)}{Random.Shared.Next(10000, 99999)}号";

    private static object Letter(Guid unit, string number, string receivedOn, string kind = "Judicial", string? issuerDueOn = null, bool urgent = false) => new
    {
        addresseeId = unit, kind, issuer = "枣庄市中级人民法院", documentNumber = number, content = "建议规范行政执法程序", receivedOn, issuerDueOn, urgent,
    };

    private static async Task<JsonElement> RegisterAsync(HttpClient client, object letter) =>
        await Kit.OkAsync(await client.PostAsJsonAsync("/api/oversight/suggestions", letter), HttpStatusCode.Created);

    private static async Task<long> VersionAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/oversight/suggestions/{id}")).GetProperty("version").GetInt64();

    private static async Task ReplyAsync(HttpClient client, Guid id, string repliedOn) =>
        await Kit.OkAsync(await client.PostAsJsonAsync($"/api/oversight/suggestions/{id}/reply", new
        {
            version = await VersionAsync(client, id), repliedOn, reply = "已逐项研究落实", rectification = "修订程序规定并培训",
        }));

    [Fact]
    public async Task The_reply_is_due_two_months_after_receipt_moved_off_a_rest_day_or_on_the_issuers_date_or_15_days_when_urgent()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var unit = await factory.UnitIdAsync(Kit.Xuecheng);

        // 2026-07-31 + 2 months = 2026-09-30 (Wednesday, a working day).
        var plain = await RegisterAsync(agency, Letter(unit, Number(), "2026-07-31"));
        Assert.Equal("2026-09-30", plain.GetProperty("replyDueOn").GetString());
        // 2026-08-01 + 2 months = 2026-10-01, inside the National Day holiday → 2026-10-08.
        var holiday = await RegisterAsync(agency, Letter(unit, Number(), "2026-08-01"));
        Assert.Equal("2026-10-08", holiday.GetProperty("replyDueOn").GetString());
        // The issuer's own date wins as written.
        var issuer = await RegisterAsync(agency, Letter(unit, Number(), "2026-08-01", issuerDueOn: "2026-09-01"));
        Assert.Equal("2026-09-01", issuer.GetProperty("replyDueOn").GetString());
        Assert.Contains("建议书载明", issuer.GetProperty("dueBasis").GetString());
        // Urgent procuratorial: 15 days; 2026-09-10 + 15 = 2026-09-25, Mid-Autumn → 2026-09-28.
        var urgent = await RegisterAsync(agency, Letter(unit, Number().Replace("法建", "检行建"), "2026-09-10", "Procuratorial", urgent: true));
        Assert.Equal("2026-09-28", urgent.GetProperty("replyDueOn").GetString());
        await (await agency.PostAsJsonAsync("/api/oversight/suggestions", Letter(unit, Number(), "2026-09-10", "Judicial", urgent: true))).AssertRefusedNamingAsync("urgent");
    }

    [Fact]
    public async Task Closing_a_suggestion_without_a_reply_is_refused_naming_the_rule_and_closing_after_the_reply_works()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var office = await _kit.ClientAsync(Kit.Office, "370400");
        var id = (await RegisterAsync(agency, Letter(await factory.UnitIdAsync(Kit.Xuecheng), Number(), "2026-06-01"))).GetProperty("id").GetGuid();

        var refused = await office.PostAsJsonAsync($"/api/oversight/suggestions/{id}/close", new { version = await VersionAsync(office, id), closedOn = "2026-07-01" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("尚未答复的建议不能办结", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PostAsJsonAsync($"/api/oversight/suggestions/{id}/close", new { version = 0, closedOn = "2026-07-01" })).StatusCode);

        await (await agency.PostAsJsonAsync($"/api/oversight/suggestions/{id}/reply", new { version = await VersionAsync(agency, id), repliedOn = "2026-07-10", reply = "已落实" }))
            .AssertRefusedNamingAsync("rectification");
        await ReplyAsync(agency, id, "2026-07-10");
        using (var form = new MultipartFormDataContent
        {
            { new StringContent("evidence"), "kind" },
            { new ByteArrayContent("%PDF-1.4\n整改报告\n%%EOF"u8.ToArray()), "file", "整改报告.pdf" },
        })
        {
            var withEvidence = await Kit.OkAsync(await agency.PostAsync($"/api/oversight/suggestions/{id}/attachments", form));
            var material = Assert.Single(withEvidence.GetProperty("materials").EnumerateArray());
            Assert.Equal("整改材料", material.GetProperty("kind").GetString());
            Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(material.GetProperty("url").GetString())).StatusCode);
        }
        var closed = await Kit.OkAsync(await office.PostAsJsonAsync($"/api/oversight/suggestions/{id}/close", new { version = await VersionAsync(office, id), closedOn = "2026-07-15" }));
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.False(closed.GetProperty("repliedLate").GetBoolean());
    }

    [Fact]
    public async Task An_agency_sees_only_its_own_suggestions()
    {
        var xuecheng = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var shizhong = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var number = Number();
        var id = (await RegisterAsync(shizhong, Letter(await factory.UnitIdAsync(Kit.Shizhong), number, "2026-06-01"))).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await xuecheng.GetAsync($"/api/oversight/suggestions/{id}")).StatusCode);
        Assert.Equal(0, (await xuecheng.GetFromJsonAsync<JsonElement>($"/api/oversight/suggestions?q={Uri.EscapeDataString(number)}")).GetProperty("total").GetInt32());
        await (await xuecheng.PostAsJsonAsync("/api/oversight/suggestions", Letter(await factory.UnitIdAsync(Kit.Shizhong), Number(), "2026-06-01"))).AssertRefusedNamingAsync("addresseeId");
        var records = await xuecheng.GetFromJsonAsync<JsonElement>($"/api/oversight/records?metric=suggestion-replied&year=2026&group=unit:{await factory.UnitIdAsync(Kit.Shizhong)}");
        Assert.Equal(0, records.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_reply_rates_count_each_suggestion_of_the_year_once_and_leave_out_the_not_yet_due()
    {
        var code = Kit.NewCountyCode();
        var unit = await factory.CreateUnitAsync(code, $"测试区{code}", OrgLevel.County, OrgKind.Government, "370400");
        var agency = await _kit.ClientAsync(Kit.Agency, code);
        var today = factory.Services.GetRequiredService<Fazhi.Platform.Features.Calendar.IDeadlineService>().Today;
        // On time; late; overdue without reply; not yet due (received yesterday, due in two months) → out of 按期; last year's → out.
        var onTime = (await RegisterAsync(agency, Letter(unit, Number(), "2025-03-03"))).GetProperty("id").GetGuid();
        await ReplyAsync(agency, onTime, "2025-04-01");
        var late = (await RegisterAsync(agency, Letter(unit, Number(), "2025-03-03"))).GetProperty("id").GetGuid();
        await ReplyAsync(agency, late, "2025-06-30");
        var overdue = (await RegisterAsync(agency, Letter(unit, Number(), "2025-05-06"))).GetProperty("id").GetGuid();
        var old = (await RegisterAsync(agency, Letter(unit, Number(), "2024-12-02"))).GetProperty("id").GetGuid();
        await ReplyAsync(agency, old, "2025-01-06");

        var report = await agency.GetFromJsonAsync<JsonElement>("/api/oversight/suggestions/report?year=2025");
        Assert.Equal((2, 3), (report.GetProperty("replied").GetProperty("counted").GetInt32(), report.GetProperty("replied").GetProperty("total").GetInt32()));
        Assert.Equal((1, 3), (report.GetProperty("onTime").GetProperty("counted").GetInt32(), report.GetProperty("onTime").GetProperty("total").GetInt32()));

        var records = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/records?metric=suggestion-on-time&year=2025&group=unit:{unit}");
        var items = records.GetProperty("records").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([late, overdue, onTime], items.Select(i => i.GetProperty("id").GetGuid()).ToList());
        Assert.Contains("逾期", items[0].GetProperty("detail").GetString());
        Assert.Contains("两个月", records.GetProperty("definition").GetString());

        // This year: one received yesterday is neither on time nor late yet.
        var fresh = (await RegisterAsync(agency, Letter(unit, Number(), today.AddDays(-1).ToString("yyyy-MM-dd")))).GetProperty("id").GetGuid();
        var now = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/suggestions/report?year={today.AddDays(-1).Year}");
        Assert.Equal(0, now.GetProperty("onTime").GetProperty("total").GetInt32());
        Assert.Equal(1, now.GetProperty("replied").GetProperty("total").GetInt32());
        _ = fresh;
    }
}
