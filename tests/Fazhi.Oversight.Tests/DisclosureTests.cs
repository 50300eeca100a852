using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Oversight.Disclosure;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.OrgUnits;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Oversight.Tests;

/// <summary>
/// Government information disclosure requests (政府信息公开申请) through HTTP: the public form and tracking by number and
/// query code; the reply clock of 20 working days (《政府信息公开条例》第三十三条) on the platform calendar, restarted from a
/// corrected request (第三十条) and extended once by at most 20 working days (第三十三条); the reply kinds of 第三十六条 with
/// their required reasons; the .docx reply letter; the scope; reminders with 【督办】; 按期答复率 against known data.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DisclosureTests(FazhiFactory factory)
{
    private readonly Kit _kit = new(factory);

    private IDeadlineService Deadlines => factory.Services.GetRequiredService<IDeadlineService>();

    private static object Request(Guid agency, string description, string? receivedOn = null) => new
    {
        agencyId = agency, applicantKind = "Citizen", applicantName = "测试申请人", contactPhone = "13912345678", description, form = "Online", receivedOn,
    };

    private async Task<JsonElement> SubmitAsync(Guid agency, string description) =>
        await Kit.OkAsync(await factory.CreateClient().PostAsJsonAsync("/api/oversight/public/disclosures", Request(agency, description)), HttpStatusCode.Created);

    private static async Task<Guid> RegisterAsync(HttpClient client, Guid agency, string receivedOn, string description = "某项目的批复文件") =>
        (await Kit.OkAsync(await client.PostAsJsonAsync("/api/oversight/disclosures", Request(agency, description, receivedOn)), HttpStatusCode.Created))
        .GetProperty("id").GetGuid();

    private static async Task<JsonElement> GetAsync(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"/api/oversight/disclosures/{id}");

    private static async Task<long> VersionAsync(HttpClient client, Guid id) => (await GetAsync(client, id)).GetProperty("version").GetInt64();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string step, Func<long, object> body) =>
        await client.PostAsJsonAsync($"/api/oversight/disclosures/{id}/{step}", body(await VersionAsync(client, id)));

    private static async Task<Guid> IdByNumberAsync(HttpClient client, string number) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/oversight/disclosures?q={Uri.EscapeDataString(number)}")).GetProperty("items").EnumerateArray().Single()
        .GetProperty("id").GetGuid();

    [Fact]
    public async Task A_citizen_submits_a_request_and_tracks_it_with_the_number_and_query_code_and_the_agency_answers_with_a_letter()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var unit = await factory.UnitIdAsync(Kit.Xuecheng);
        var receipt = await SubmitAsync(unit, "2026年老旧小区改造项目的批复文件");
        var (number, code) = (receipt.GetProperty("number").GetString()!, receipt.GetProperty("queryCode").GetString()!);
        Assert.StartsWith("YSQGK", number);
        var expected = (await Deadlines.AddWorkingDaysAsync(Deadlines.Today, 20)).Date;
        Assert.Equal(expected.ToString("yyyy-MM-dd"), receipt.GetProperty("dueOn").GetString());

        var track = factory.CreateClient();
        var pending = await Kit.OkAsync(await track.PostAsJsonAsync("/api/oversight/public/disclosures/track", new { number, queryCode = code.ToLowerInvariant() }));
        Assert.Equal("办理中", pending.GetProperty("statusName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await track.PostAsJsonAsync("/api/oversight/public/disclosures/track", new { number, queryCode = "WRONG234" })).StatusCode);
        await (await factory.CreateClient().PostAsJsonAsync("/api/oversight/public/disclosures", new { agencyId = unit, applicantKind = "Citizen", applicantName = "某",
            contactPhone = "123", description = "文件", form = "Online" })).AssertRefusedNamingAsync("contactPhone");
        await (await factory.CreateClient().PostAsJsonAsync("/api/oversight/public/disclosures", new { agencyId = unit, applicantKind = "Citizen", applicantName = "某",
            contactPhone = "13912345678", description = "文件", form = "PaperByPost" })).AssertRefusedNamingAsync("contactAddress");

        // The agency has a to-do the moment it arrives, and finds it in its list.
        var id = await IdByNumberAsync(agency, number);
        var inbox = await agency.GetFromJsonAsync<JsonElement>("/api/platform/notifications?pageSize=200");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("link").GetString() == $"/oversight/disclosures/{id}");

        // 不予公开 and 部分公开 need the reason and article; 非本机关负责 names the body responsible (第三十六条、第三十七条).
        var today = Deadlines.Today.ToString("yyyy-MM-dd");
        await (await PostAsync(agency, id, "reply", v => new { version = v, kind = "Refused", repliedOn = today, text = "不予公开" })).AssertRefusedNamingAsync("basis");
        await (await PostAsync(agency, id, "reply", v => new { version = v, kind = "NotResponsible", repliedOn = today, text = "不属于本机关" }))
            .AssertRefusedNamingAsync("responsibleBody");
        Assert.Equal(HttpStatusCode.Conflict, (await agency.GetAsync($"/api/oversight/disclosures/{id}/letter.docx")).StatusCode);
        var answered = await Kit.OkAsync(await PostAsync(agency, id, "reply", v => new
        {
            version = v, kind = "Partial", repliedOn = today, text = "提供批复文件，其中个人信息部分不予公开", basis = "涉及个人隐私（《政府信息公开条例》第十五条、第三十七条）",
        }));
        Assert.Equal("Answered", answered.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(agency, id, "reply", v => new { version = v, kind = "Disclosed", repliedOn = today, text = "再答" })).StatusCode);

        var view = await Kit.OkAsync(await track.PostAsJsonAsync("/api/oversight/public/disclosures/track", new { number, queryCode = code }));
        Assert.Equal("已答复", view.GetProperty("statusName").GetString());
        Assert.Equal("部分公开", view.GetProperty("replyKindName").GetString());
        Assert.Contains("第三十七条", view.GetProperty("replyBasis").GetString());

        var letter = await agency.GetAsync($"/api/oversight/disclosures/{id}/letter.docx");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await letter.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document.InnerText;
        Assert.Contains("政府信息公开申请答复告知书", text);
        Assert.Contains(number, text);
        Assert.Contains("测试申请人", text);
        Assert.Contains("第三十七条", text);
    }

    [Fact]
    public async Task Staff_link_an_answered_request_to_the_lawsuit_and_reconsideration_case_against_its_reply_shown_both_ways_each_refusal_naming_its_field()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var other = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var xuecheng = await factory.UnitIdAsync(Kit.Xuecheng);
        var shizhong = await factory.UnitIdAsync(Kit.Shizhong);
        var today = Deadlines.Today.ToString("yyyy-MM-dd");
        var id = await RegisterAsync(agency, xuecheng, Deadlines.Today.AddDays(-10).ToString("yyyy-MM-dd"), "某项目的环评批复");
        var link = (string? suit, string? rc, string? rcNumber) => (Func<long, object>)(v => new
        {
            version = v, lawsuitCaseNumber = suit, reconsiderationCase = rc, reconsiderationCaseNumber = rcNumber,
        });

        // Not answered yet: no reply to appeal (第五十一条).
        var early = await PostAsync(agency, id, "appeals", link(null, null, null));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("第五十一条", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        await Kit.OkAsync(await PostAsync(agency, id, "reply", v => new { version = v, kind = "Refused", repliedOn = today, text = "不予公开", basis = "涉及国家秘密（第十四条）" }));

        // The lawsuit: by its case number, among the replying agency's suits only (行政诉讼法 第二十六条).
        var suitNumber = Kit.UniqueNumber();
        var suit = (await Kit.OkAsync(await agency.PostAsJsonAsync("/api/oversight/lawsuits", Kit.Suit(xuecheng, suitNumber, today, today, kind: "InformationDisclosure")),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var elsewhere = Kit.UniqueNumber();
        await Kit.OkAsync(await other.PostAsJsonAsync("/api/oversight/lawsuits", Kit.Suit(shizhong, elsewhere, today, today)), HttpStatusCode.Created);
        await (await PostAsync(agency, id, "appeals", link(elsewhere, null, null))).AssertRefusedNamingAsync("lawsuitCaseNumber");

        // The reconsideration case: its id (or page link) checked in the dispute centre, with its number.
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370402"));
        var created = await Kit.OkAsync(await clerk.PostAsJsonAsync("/api/disputes/cases", new
        {
            caseType = "AdministrativeReconsideration", channel = "WalkIn", category = "行政争议", amount = 0m, placeCode = "370402",
            description = "申请人对政府信息公开答复不服，申请行政复议。",
            applicant = new { kind = "Person", name = "孙公开", idNumber = ValidResidentId("37040219800101001"), phone = "13800004444" },
            respondent = new { kind = "Organisation", name = "薛城区人民政府", creditCode = ValidCreditCode("11370403MB2859167") },
        }), HttpStatusCode.Created);
        var caseId = created.GetProperty("id").GetGuid();
        var caseNumber = created.GetProperty("caseNumber").GetString()!;
        await (await PostAsync(agency, id, "appeals", link(null, Guid.NewGuid().ToString(), "（2026）某复字第1号"))).AssertRefusedNamingAsync("reconsiderationCase");
        await (await PostAsync(agency, id, "appeals", link(null, "不是链接", "（2026）某复字第1号"))).AssertRefusedNamingAsync("reconsiderationCase");
        await (await PostAsync(agency, id, "appeals", link(null, caseId.ToString(), null))).AssertRefusedNamingAsync("reconsiderationCaseNumber");
        await (await PostAsync(agency, id, "appeals", link(null, null, caseNumber))).AssertRefusedNamingAsync("reconsiderationCase");
        Assert.Equal(JsonValueKind.Null, (await GetAsync(agency, id)).GetProperty("appeals").ValueKind); // nothing half-saved

        // Both linked (the case by its page's link); shown on the request, and the request on the lawsuit's API and page.
        var linked = await Kit.OkAsync(await PostAsync(agency, id, "appeals", link(suitNumber, $"http://host/disputes/cases/{caseId}", caseNumber)));
        var appeals = linked.GetProperty("appeals");
        Assert.Equal((suit, suitNumber, caseId, caseNumber), (appeals.GetProperty("lawsuitId").GetGuid(), appeals.GetProperty("lawsuitCaseNumber").GetString(),
            appeals.GetProperty("reconsiderationCaseId").GetGuid(), appeals.GetProperty("reconsiderationCaseNumber").GetString()));
        var number = linked.GetProperty("number").GetString()!;
        var onSuit = Assert.Single((await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits/{suit}")).GetProperty("appealedDisclosures").EnumerateArray());
        Assert.Equal((id, number), (onSuit.GetProperty("id").GetGuid(), onSuit.GetProperty("number").GetString()));
        var browser = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Kit.Agency, Kit.Xuecheng));
        var requestPage = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync($"/oversight/disclosures/{id}"));
        Assert.Contains($"href=\"/oversight/lawsuits/{suit}\"", requestPage);
        Assert.Contains($"href=\"/disputes/cases/{caseId}\"", requestPage);
        Assert.Contains($"href=\"/oversight/disclosures/{id}\"", await browser.GetStringAsync($"/oversight/lawsuits/{suit}"));

        // Another unit's agency sees neither; emptied fields unlink.
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/oversight/disclosures/{id}/appeals", new { version = 0 })).StatusCode);
        var unlinked = await Kit.OkAsync(await PostAsync(agency, id, "appeals", link(null, null, null)));
        Assert.Equal(JsonValueKind.Null, unlinked.GetProperty("appeals").ValueKind);
        Assert.Empty((await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits/{suit}")).GetProperty("appealedDisclosures").EnumerateArray());
    }

    private static string ValidCreditCode(string first17) => first17 + Fazhi.Platform.Features.Identifiers.UnifiedSocialCreditCode.CheckCharacter(first17 + "0");

    private static string ValidResidentId(string first17) => first17 + Fazhi.Platform.Features.Identifiers.ResidentIdNumber.CheckCharacter(first17 + "0");

    [Fact]
    public async Task The_clock_is_20_working_days_on_the_calendar_and_restarts_from_the_corrected_request_and_a_correction_is_asked_once_within_7_working_days()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var unit = await factory.UnitIdAsync(Kit.Xuecheng);
        // Received Monday 2026-09-14: the 20th working day counts the make-up Sunday 2026-09-20 and Saturday 2026-10-10 and
        // skips Mid-Autumn (09-25) and National Day (10-01..07): 2026-10-16 (第三十三条第二款).
        var id = await RegisterAsync(agency, unit, "2026-09-14", "有关文件");
        Assert.Equal("2026-10-16", (await GetAsync(agency, id)).GetProperty("dueOn").GetString());
        Assert.Equal("2026-09-22", (await GetAsync(agency, id)).GetProperty("correctionNoticeBy").GetString());

        // 补正 (第三十条): the clock stands; no reply until the corrected request is received.
        await (await PostAsync(agency, id, "correction", v => new { version = v, requestedOn = "2026-09-18", note = "", correctionDueOn = "2026-09-30" }))
            .AssertRefusedNamingAsync("note");
        var waiting = await Kit.OkAsync(await PostAsync(agency, id, "correction", v => new
        {
            version = v, requestedOn = "2026-09-18", note = "请写明文件名称或文号", correctionDueOn = "2026-09-30",
        }));
        Assert.Equal("AwaitingCorrection", waiting.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("dueOn").ValueKind);
        var early = await PostAsync(agency, id, "reply", v => new { version = v, kind = "Disclosed", repliedOn = "2026-09-20", text = "公开" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("第三十条", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // The corrected request received Thursday 2026-09-24: 20 working days from it, 2026-10-29.
        var corrected = await Kit.OkAsync(await PostAsync(agency, id, "corrected", v => new { version = v, correctedOn = "2026-09-24", description = "2026年第3号批复" }));
        Assert.Equal("Open", corrected.GetProperty("status").GetString());
        Assert.Equal("2026-10-29", corrected.GetProperty("dueOn").GetString());

        // Once only (第三十条: 一次性告知), and not after the period passed: an extension is refused too.
        var again = await PostAsync(agency, id, "correction", v => new { version = v, requestedOn = "2026-09-25", note = "再补正", correctionDueOn = "2026-10-09" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("一次性告知", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var late = await PostAsync(agency, id, "extend", v => new { version = v, days = 10, reason = "需协调", approvedBy = "王某" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("届满", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // A correction asked after the 7th working day (2026-09-22) is refused, naming the date.
        var other = await RegisterAsync(agency, unit, "2026-09-14", "另一份文件");
        await (await PostAsync(agency, other, "correction", v => new { version = v, requestedOn = "2026-09-23", note = "请写明", correctionDueOn = "2026-10-09" }))
            .AssertRefusedNamingAsync("requestedOn");

        // The 20 + 20 spec on the calendar: the extension counts from the end of the first period (2026-10-16 → 2026-11-13),
        // and from the corrected request's period (2026-10-29 → 2026-11-26).
        Assert.Equal(new DateOnly(2026, 11, 13), (await Deadlines.ComputeAsync(DisclosureRules.Clock(new DateOnly(2026, 9, 14), null, 20, 20), new DateOnly(2026, 9, 14))).DueDate);
        Assert.Equal(new DateOnly(2026, 11, 26),
            (await Deadlines.ComputeAsync(DisclosureRules.Clock(new DateOnly(2026, 9, 14), new DateOnly(2026, 9, 24), 20, 20), new DateOnly(2026, 9, 14))).DueDate);
    }

    [Fact]
    public async Task The_reply_period_is_extended_once_by_at_most_20_working_days_with_approval_and_nothing_leaks_to_another_agency()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var other = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var office = await _kit.ClientAsync(Kit.Office, "370400");
        var receipt = await SubmitAsync(await factory.UnitIdAsync(Kit.Xuecheng), "砂石资源出让招标文件");
        var number = receipt.GetProperty("number").GetString()!;
        var id = await IdByNumberAsync(agency, number);

        await (await PostAsync(agency, id, "extend", v => new { version = v, days = 21, reason = "需协调多个部门", approvedBy = "王某" })).AssertRefusedNamingAsync("days");
        await (await PostAsync(agency, id, "extend", v => new { version = v, days = 20, reason = "需协调多个部门", approvedBy = "" })).AssertRefusedNamingAsync("approvedBy");
        var extended = await Kit.OkAsync(await PostAsync(agency, id, "extend", v => new { version = v, days = 20, reason = "需协调多个部门", approvedBy = "王某（政务公开科科长）" }));
        var today = Deadlines.Today;
        var expected = (await Deadlines.ComputeAsync(DisclosureRules.Clock(today, null, 20, 20), today)).DueDate!.Value;
        Assert.Equal(expected.ToString("yyyy-MM-dd"), extended.GetProperty("dueOn").GetString());
        var twice = await PostAsync(agency, id, "extend", v => new { version = v, days = 5, reason = "再延", approvedBy = "王某" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("只能延长一次", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // The applicant reads the extension and its reason.
        var track = await Kit.OkAsync(await factory.CreateClient().PostAsJsonAsync("/api/oversight/public/disclosures/track",
            new { number, queryCode = receipt.GetProperty("queryCode").GetString() }));
        Assert.True(track.GetProperty("extended").GetBoolean());
        Assert.Equal("需协调多个部门", track.GetProperty("extensionReason").GetString());

        // Scope: another agency sees nothing of it, acts on nothing and cannot name the unit; the office above sees it.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/oversight/disclosures/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/oversight/disclosures/{id}/letter.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/oversight/disclosures/{id}/reply", new { version = 0, kind = "Disclosed", repliedOn = "2026-01-05", text = "x" })).StatusCode);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>($"/api/oversight/disclosures?q={Uri.EscapeDataString(number)}")).GetProperty("total").GetInt32());
        await (await other.PostAsJsonAsync("/api/oversight/disclosures", Request(await factory.UnitIdAsync(Kit.Xuecheng), "越界登记", "2026-06-01")))
            .AssertRefusedNamingAsync("agencyId");
        var records = await other.GetFromJsonAsync<JsonElement>($"/api/oversight/records?metric=disclosure-on-time&year={today.Year}&group=unit:{await factory.UnitIdAsync(Kit.Xuecheng)}");
        Assert.Equal(0, records.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/oversight/disclosures/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_on_time_rate_counts_answered_and_overdue_requests_of_the_year_once_and_leaves_out_corrections_and_other_years_and_overdue_ones_are_supervised()
    {
        var code = Kit.NewCountyCode();
        var unit = await factory.CreateUnitAsync(code, $"公开测试区{code}", OrgLevel.County, OrgKind.Government, "370400");
        var agencyUser = await factory.CreateUserAsync(Kit.Agency, code);
        var agency = await factory.ApiClientAsync(agencyUser);
        var office = await _kit.ClientAsync(Kit.Office, "370400");

        // Received 2025-03-03, due 2025-03-31: on time; late; overdue unanswered; standing for a correction (left out);
        // received in 2024 (left out of 2025).
        var onTime = await RegisterAsync(agency, unit, "2025-03-03");
        await Kit.OkAsync(await PostAsync(agency, onTime, "reply", v => new { version = v, kind = "Disclosed", repliedOn = "2025-03-31", text = "已提供" }));
        var late = await RegisterAsync(agency, unit, "2025-03-03");
        await Kit.OkAsync(await PostAsync(agency, late, "reply", v => new { version = v, kind = "NotExist", repliedOn = "2025-04-01", text = "经检索不存在" }));
        var overdue = await RegisterAsync(agency, unit, "2025-03-03");
        var waiting = await RegisterAsync(agency, unit, "2025-03-03");
        await Kit.OkAsync(await PostAsync(agency, waiting, "correction", v => new { version = v, requestedOn = "2025-03-05", note = "请写明文号", correctionDueOn = "2025-03-20" }));
        var lastYear = await RegisterAsync(agency, unit, "2024-12-02");
        await Kit.OkAsync(await PostAsync(agency, lastYear, "reply", v => new { version = v, kind = "Disclosed", repliedOn = "2025-02-20", text = "已提供" }));

        var report = await agency.GetFromJsonAsync<JsonElement>("/api/oversight/disclosures/report?year=2025");
        var row = report.GetProperty("onTimeByAgency").EnumerateArray().Single(r => r.GetProperty("group").GetString() == $"unit:{unit}");
        Assert.Equal(1, row.GetProperty("counted").GetInt32());
        Assert.Equal(3, row.GetProperty("total").GetInt32());

        var records = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/records?metric=disclosure-on-time&year=2025&group=unit:{unit}");
        Assert.Equal(3, records.GetProperty("total").GetInt32());
        var items = records.GetProperty("records").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new HashSet<Guid> { late, overdue }, items.Take(2).Select(i => i.GetProperty("id").GetGuid()).ToHashSet());
        Assert.Equal(onTime, items[^1].GetProperty("id").GetGuid());
        Assert.False(items[0].GetProperty("counted").GetBoolean());
        Assert.True(items[^1].GetProperty("counted").GetBoolean());
        Assert.DoesNotContain(items, i => i.GetProperty("id").GetGuid() == waiting);

        // The overdue one reminds the agency, and the offices above it under 【督办】, once.
        var first = await factory.InScopeAsync(sp => sp.GetRequiredService<DisclosureReminders>().RunAsync(CancellationToken.None));
        Assert.True(first.Sent >= 2, first.ToString());
        async Task<List<JsonElement>> InboxAsync(HttpClient client) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/platform/notifications?pageSize=200")).GetProperty("items").EnumerateArray()
                .Where(n => n.GetProperty("link").GetString() == $"/oversight/disclosures/{overdue}").ToList();
        Assert.StartsWith("政府信息公开申请逾期未答复", Assert.Single(await InboxAsync(agency)).GetProperty("title").GetString());
        Assert.StartsWith("【督办】", Assert.Single(await InboxAsync(office)).GetProperty("title").GetString());
        await factory.InScopeAsync(sp => sp.GetRequiredService<DisclosureReminders>().RunAsync(CancellationToken.None));
        Assert.Single(await InboxAsync(agency));
        var browser = await factory.SignedInBrowserAsync(agencyUser);
        Assert.NotNull(await HomeTodo.CountAsync(browser, "/oversight/disclosures?view=overdue"));
    }

    /// <summary>
    /// The report counts per unit and per reply kind in two statements (ADR 0060); both must add up to the same records,
    /// each counted once, and each figure's drill-down must hold exactly the records behind it.
    /// </summary>
    [Fact]
    public async Task The_rate_per_unit_and_per_reply_kind_counts_each_request_once_and_each_drill_down_holds_the_same_records()
    {
        var code = "37" + Random.Shared.Next(7100, 7999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var county = await factory.CreateUnitAsync(code, $"公开分类区{code}", OrgLevel.County, OrgKind.Government, "370400");
        var town = await factory.CreateUnitAsync(code + "001", $"公开分类镇{code}", OrgLevel.Town, OrgKind.Government, code);
        var agency = await factory.ApiClientAsync(await factory.CreateUserAsync(Kit.Agency, code));

        async Task<Guid> ReplyAsync(Guid unit, string kind, string repliedOn, string? basis = null)
        {
            var id = await RegisterAsync(agency, unit, "2025-03-03");
            await Kit.OkAsync(await PostAsync(agency, id, "reply", v => new { version = v, kind, repliedOn, text = "答复", basis }));
            return id;
        }
        // Received 2025-03-03, due 2025-03-31 (20 working days). The county: 予以公开 on time, 信息不存在 late, one overdue
        // unanswered (no kind); the town: 予以公开 late, 不予公开 on time, one standing for a correction (left out); a request
        // of 2024 answered in 2025 (left out of 2025).
        var countyOnTime = await ReplyAsync(county, "Disclosed", "2025-03-20");
        var countyLate = await ReplyAsync(county, "NotExist", "2025-04-01");
        var countyOverdue = await RegisterAsync(agency, county, "2025-03-03");
        var townLate = await ReplyAsync(town, "Disclosed", "2025-04-02");
        var townOnTime = await ReplyAsync(town, "Refused", "2025-03-10", "《政府信息公开条例》第十四条");
        var waiting = await RegisterAsync(agency, town, "2025-03-03");
        await Kit.OkAsync(await PostAsync(agency, waiting, "correction", v => new { version = v, requestedOn = "2025-03-05", note = "请写明文号", correctionDueOn = "2025-03-20" }));
        var lastYear = await RegisterAsync(agency, county, "2024-12-02");
        await Kit.OkAsync(await PostAsync(agency, lastYear, "reply", v => new { version = v, kind = "Disclosed", repliedOn = "2025-02-20", text = "已提供" }));

        var report = await agency.GetFromJsonAsync<JsonElement>("/api/oversight/disclosures/report?year=2025");
        static Dictionary<string, (int Counted, int Total)> Rows(JsonElement rows) => rows.EnumerateArray()
            .ToDictionary(r => r.GetProperty("group").GetString()!, r => (r.GetProperty("counted").GetInt32(), r.GetProperty("total").GetInt32()));
        var all = report.GetProperty("onTime");
        Assert.Equal((2, 5), (all.GetProperty("counted").GetInt32(), all.GetProperty("total").GetInt32()));
        Assert.Equal(new Dictionary<string, (int, int)> { [$"unit:{county}"] = (1, 3), [$"unit:{town}"] = (1, 2) }, Rows(report.GetProperty("onTimeByAgency")));
        Assert.Equal(new Dictionary<string, (int, int)> { ["kind:Disclosed"] = (1, 2), ["kind:NotExist"] = (0, 1), ["kind:Refused"] = (1, 1) },
            Rows(report.GetProperty("byReplyKind")));
        Assert.Equal(["kind:Disclosed", "kind:NotExist", "kind:Refused"], report.GetProperty("byReplyKind").EnumerateArray().Select(r => r.GetProperty("group").GetString()));

        async Task DrillAsync(string group, int counted, int total, params Guid[] ids)
        {
            var r = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/records?metric=disclosure-on-time&year=2025&group={group}");
            Assert.Equal((counted, total), (r.GetProperty("counted").GetInt32(), r.GetProperty("total").GetInt32()));
            Assert.Equal(ids.Order(), r.GetProperty("records").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order());
        }
        await DrillAsync("all", 2, 5, countyOnTime, countyLate, countyOverdue, townLate, townOnTime);
        await DrillAsync($"unit:{county}", 1, 3, countyOnTime, countyLate, countyOverdue);
        await DrillAsync($"unit:{town}", 1, 2, townLate, townOnTime);
        await DrillAsync("kind:Disclosed", 1, 2, countyOnTime, townLate);
        await DrillAsync("kind:NotExist", 0, 1, countyLate);
        await DrillAsync("kind:Refused", 1, 1, townOnTime);
        await DrillAsync("kind:Partial", 0, 0);
    }

    [Fact]
    public async Task The_demo_has_requests_in_every_state_for_Xuecheng_and_the_applicant_tracks_one_with_the_demo_query_code()
    {
        await factory.InScopeAsync(async sp =>
        {
            var seed = sp.GetServices<Fazhi.Platform.Features.Setup.IDemoSeed>().OfType<DisclosureDemoSeed>().Single();
            await seed.SeedAsync(CancellationToken.None);
            await seed.SeedAsync(CancellationToken.None);
            return 0;
        });
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        foreach (var view in new[] { "open", "overdue", "extended", "correction", "answered" })
        {
            var page = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/disclosures?view={view}&q={Uri.EscapeDataString("演示")}");
            Assert.True(page.GetProperty("total").GetInt32() >= 1, view);
        }
        var first = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/disclosures?view=open&q={Uri.EscapeDataString("老旧小区改造项目的批复文件（演示）")}");
        var number = first.GetProperty("items").EnumerateArray().Single().GetProperty("number").GetString();
        var track = await Kit.OkAsync(await factory.CreateClient().PostAsJsonAsync("/api/oversight/public/disclosures/track",
            new { number, queryCode = DisclosureDemoSeed.QueryCode }));
        Assert.Equal("办理中", track.GetProperty("statusName").GetString());
    }
}
