using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Identifiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.Tests.Cases;

/// <summary>Intake from the public form and from staff, tracking, data scope, acceptance and case numbering, over HTTP.</summary>
[Collection(HostCollection.Name)]
public sealed partial class CaseFlowTests(FazhiFactory factory)
{
    private const string Clerk = "dispute-clerk";

    private static string ValidResidentId(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17 + "0");

    private static string ValidCreditCode(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17 + "0");

    private static Dictionary<string, string> ApplyFields(string description) => new()
    {
        ["Input.CaseType"] = "PeoplesMediation",
        ["Input.Category"] = "邻里纠纷",
        ["Input.PlaceCode"] = "370402",
        ["Input.ApplicantName"] = "王秀英",
        ["Input.ApplicantIdNumber"] = ValidResidentId("37040219800101002"),
        ["Input.ApplicantPhone"] = "13912345678",
        ["Input.Description"] = description,
        ["Input.Consent"] = "true",
    };

    private static object StaffIntake(string type = "AdministrativeReconsideration", object? applicant = null, string channel = "WalkIn", string? externalSystem = null, string? externalId = null) => new
    {
        caseType = type,
        channel,
        category = "行政争议",
        amount = 2800m,
        placeCode = "370402",
        description = "申请人对某区市场监管部门作出的罚款决定不服，申请复议。",
        applicant = applicant ?? new { kind = "Person", name = "李建国", idNumber = ValidResidentId("37040219750505001"), phone = "13800001111" },
        respondent = new { kind = "Organisation", name = "枣庄市市中区市场监督管理局", creditCode = ValidCreditCode("11370402MB2859167") },
        externalSystem,
        externalId,
    };

    private async Task<(string Number, string Code)> ApplyOnlineAsync(HttpClient browser)
    {
        var response = await Forms.SubmitAsync(browser, "/apply", "apply", ApplyFields("邻居家装修噪音持续三个月，协商无果，请求调解停止夜间施工。"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("申请已提交，状态：待受理。", html);
        return (CaseNumber().Match(html).Groups[1].Value, QueryCode().Match(html).Groups[1].Value);
    }

    [Fact]
    public async Task Public_form_in_english_reads_the_module_strings_and_the_shared_ones()
    {
        var html = WebUtility.HtmlDecode(await factory.BrowserClient().GetStringAsync("/apply?culture=en"));
        Assert.Contains("<h1>Apply online for dispute resolution</h1>", html); // DisputesText.en.resx
        Assert.Contains("<title>Apply online for dispute resolution · Fazhi Zaozhuang</title>", html); // and the platform's
        Assert.DoesNotContain("在线申请纠纷化解", html);
    }

    [Fact]
    public async Task Public_application_without_an_account_can_be_tracked_with_its_query_code()
    {
        var browser = factory.BrowserClient();
        // The form says what the personal information is for before it is collected (个人信息保护法 第十七条).
        Assert.Contains("仅用于办理本申请", await browser.GetStringAsync("/apply"));
        var (number, code) = await ApplyOnlineAsync(browser);
        Assert.Matches(@"^枣非诉〔\d{4}〕\d{4}号$", number);
        Assert.Equal(8, code.Length);

        var response = await Forms.SubmitAsync(factory.BrowserClient(), "/track", "track",
            new Dictionary<string, string> { ["Input.CaseNumber"] = number, ["Input.QueryCode"] = code.ToLowerInvariant() });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("待受理", html);
        Assert.Contains("受理审查", html);
        // 人民调解 acceptance review: 3 working days from today.
        var due = await factory.InScopeAsync(async sp =>
        {
            var deadlines = sp.GetRequiredService<IDeadlineService>();
            return (await deadlines.AddWorkingDaysAsync(deadlines.Today, 3)).Date;
        });
        Assert.Contains(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), html); // the kit's page date (UiDates)
        Assert.DoesNotContain("王秀英", html);
        Assert.DoesNotContain("13912345678", html);
    }

    [Fact]
    public async Task Tracking_accepts_the_case_number_in_any_bracket_style_or_none()
    {
        var (number, code) = await ApplyOnlineAsync(factory.BrowserClient());
        var m = Regex.Match(number, @"〔(\d{4})〕(\d+)号");
        var (year, seq) = (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

        // On the public form (rate-limited, so once over HTTP): no brackets at all.
        var response = await Forms.SubmitAsync(factory.BrowserClient(), "/track", "track",
            new Dictionary<string, string> { ["Input.CaseNumber"] = $"{year}-{seq:D4}", ["Input.QueryCode"] = code });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"tracking\"", html);
        Assert.Contains(number, html);

        // A phone keyboard has no 〔〕: half- and full-width round brackets, square brackets, none, no leading zeros, blanks.
        foreach (var typed in new[] { $"枣非诉({year}){seq}号", $"〔{year}〕{seq:D4}号", $"{year}-{seq}", $"枣非诉（{year}）{seq:D4}号", $"[{year}]{seq}", $" {year} {seq} ", number })
        {
            var found = await factory.InScopeAsync(sp => sp.GetRequiredService<Fazhi.Disputes.Cases.CaseService>().TrackAsync(typed, code, CancellationToken.None));
            Assert.True(found?.CaseNumber == number, $"“{typed}” should find {number}");
        }
        // Another serial of the same year is another case: the query code does not open it.
        Assert.Null(await factory.InScopeAsync(sp => sp.GetRequiredService<Fazhi.Disputes.Cases.CaseService>().TrackAsync($"{year}-{seq + 100000}", code, CancellationToken.None)));
    }

    [Fact]
    public async Task Public_form_offers_the_centres_choice_first_links_to_tracking_and_asks_for_consent_and_a_mobile_number()
    {
        var browser = factory.BrowserClient();
        var form = WebUtility.HtmlDecode(await browser.GetStringAsync("/apply"));
        var firstOption = Regex.Match(form, "<select[^>]*id=\"caseType\"[^>]*>\\s*<option value=\"([^\"]*)\"[^>]*>([^<]*)<");
        Assert.Equal(("unsure", "不清楚，由中心分流"), (firstOption.Groups[1].Value, firstOption.Groups[2].Value));
        Assert.Contains("href=\"/track\"", form);

        var fields = ApplyFields("楼上漏水把我家天花板泡坏了，物业不管，想找人调解赔偿。");
        fields.Remove("Input.Consent");
        fields["Input.ApplicantPhone"] = "1390000";
        var refused = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, "/apply", "apply", fields)).Content.ReadAsStringAsync());
        Assert.Contains("请阅读个人信息处理说明并勾选同意", refused);
        Assert.DoesNotContain("申请已提交", refused);

        fields["Input.Consent"] = "true";
        foreach (var phone in new[] { "1390000", "12812345678" })
        {
            fields["Input.ApplicantPhone"] = phone;
            var html = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, "/apply", "apply", fields)).Content.ReadAsStringAsync());
            Assert.True(html.Contains("请填写 11 位手机号码", StringComparison.Ordinal), phone);
            Assert.DoesNotContain("申请已提交", html);
        }
        fields["Input.ApplicantPhone"] = "139 1234 5678";
        var accepted = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, "/apply", "apply", fields)).Content.ReadAsStringAsync());
        Assert.Contains("申请已提交，状态：待受理。", accepted);
    }

    [Fact]
    public async Task An_applicant_unsure_of_the_procedure_is_registered_for_the_centre_to_route()
    {
        var fields = ApplyFields("单位拖欠我三个月工资，不知道该申请仲裁还是调解，请中心帮忙。");
        fields["Input.CaseType"] = "unsure";
        fields["Input.Category"] = "劳动争议";
        var html = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(factory.BrowserClient(), "/apply", "apply", fields)).Content.ReadAsStringAsync());
        Assert.Contains("申请已提交，状态：待受理。", html);
        var number = CaseNumber().Match(html).Groups[1].Value;

        var registered = await factory.InScopeAsync(sp => sp.GetRequiredService<Fazhi.Disputes.Data.DisputesDb>().Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.CaseNumber == number).Select(c => new { c.CaseTypeCode, c.IntakeFlag }).SingleAsync());
        // Registered under the general procedure with a note to the receiving unit, which re-routes it with the right type.
        Assert.Equal("PeoplesMediation", registered.CaseTypeCode);
        Assert.Contains("申请人不清楚申请事项", registered.IntakeFlag);
    }

    [Fact]
    public async Task Tracking_with_a_wrong_query_code_is_refused()
    {
        var (number, code) = await ApplyOnlineAsync(factory.BrowserClient());
        var wrong = code[0] == 'A' ? "B" + code[1..] : "A" + code[1..];

        var response = await Forms.SubmitAsync(factory.BrowserClient(), "/track", "track",
            new Dictionary<string, string> { ["Input.CaseNumber"] = number, ["Input.QueryCode"] = wrong });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("案件编号或查询码不正确", html);
        Assert.DoesNotContain("受理审查", html);
    }

    [Fact]
    public async Task Public_form_shows_inline_reasons_for_a_bad_id_and_missing_phone()
    {
        var fields = ApplyFields("邻居家装修噪音持续三个月，协商无果。");
        var valid = ValidResidentId("37040219800101001");
        fields["Input.ApplicantIdNumber"] = valid[..17] + (valid[17] == '1' ? '2' : '1');
        fields["Input.ApplicantPhone"] = "";

        var response = await Forms.SubmitAsync(factory.BrowserClient(), "/apply", "apply", fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("申请人身份证号码无效", html);
        Assert.Contains("请填写联系电话", html);
        Assert.DoesNotContain("申请已提交", html);
    }

    [Fact]
    public async Task Staff_intake_with_an_invalid_credit_code_is_refused_with_the_reason()
    {
        var clerk = await factory.CreateUserAsync(Clerk, "370402");
        var api = await factory.ApiClientAsync(clerk);
        var valid = ValidCreditCode("91370402MA3C5K7PQ");
        var invalid = valid[..17] + (valid[17] == '1' ? '2' : '1');

        var response = await api.PostAsJsonAsync("/api/disputes/cases", StaffIntake(applicant: new { kind = "Organisation", name = "枣庄某商贸有限公司", creditCode = invalid }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("统一社会信用代码无效", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("applicant.creditCode", out _));
    }

    [Fact]
    public async Task Referral_keeps_the_referring_systems_id()
    {
        var clerk = await factory.CreateUserAsync(Clerk, "370402");
        var api = await factory.ApiClientAsync(clerk);

        var created = await api.PostAsJsonAsync("/api/disputes/cases", StaffIntake("PeoplesMediation", channel: "Referral", externalSystem: "12345热线", externalId: "ZZ12345-2026-000881"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}");

        Assert.Equal("12345热线", detail.GetProperty("externalSystem").GetString());
        Assert.Equal("ZZ12345-2026-000881", detail.GetProperty("externalId").GetString());
        Assert.Equal("转办", detail.GetProperty("channelName").GetString());
    }

    [Fact]
    public async Task A_clerk_of_another_district_cannot_see_the_case()
    {
        var shizhong = await factory.ApiClientAsync(await factory.CreateUserAsync(Clerk, "370402"));
        var xuecheng = await factory.ApiClientAsync(await factory.CreateUserAsync(Clerk, "370403"));
        var created = await shizhong.PostAsJsonAsync("/api/disputes/cases", StaffIntake());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await shizhong.GetAsync($"/api/disputes/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await xuecheng.GetAsync($"/api/disputes/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await xuecheng.PostAsJsonAsync($"/api/disputes/cases/{id}/accept", new { })).StatusCode);
        var list = await xuecheng.GetStringAsync("/api/disputes/cases?pageSize=100");
        Assert.DoesNotContain(body.GetProperty("caseNumber").GetString()!, list);
    }

    [Fact]
    public async Task Accepting_a_reconsideration_starts_the_60_day_decision_clock()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(Clerk, "370402"));
        var created = await api.PostAsJsonAsync("/api/disputes/cases", StaffIntake());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var accepted = await api.PostAsJsonAsync($"/api/disputes/cases/{id}/accept", new { });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var detail = await accepted.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("办理中", detail.GetProperty("statusName").GetString());
        var stages = detail.GetProperty("stages").EnumerateArray().ToList();
        var decision = stages.Single(s => s.GetProperty("code").GetString() == "decision");
        var (today, expected) = await factory.InScopeAsync(async sp =>
        {
            var deadlines = sp.GetRequiredService<IDeadlineService>();
            // 行政复议法 第六十二条: 60 days from acceptance.
            return (deadlines.Today, (await deadlines.AddCalendarDaysAsync(deadlines.Today, 60)).Date);
        });
        Assert.Equal(today.ToString("yyyy-MM-dd"), decision.GetProperty("startedOn").GetString());
        Assert.Equal(expected.ToString("yyyy-MM-dd"), decision.GetProperty("dueDate").GetString());
        Assert.Contains("第六十二条", decision.GetProperty("article").GetString());
        var acceptance = stages.Single(s => s.GetProperty("code").GetString() == "acceptance");
        Assert.Equal("受理", acceptance.GetProperty("outcome").GetString());

        // A second acceptance conflicts with the case's status: 409 with the rule.
        var again = await api.PostAsJsonAsync($"/api/disputes/cases/{id}/accept", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("只有待受理的案件", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Rejection_requires_a_reason_and_records_it()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(Clerk, "370402"));
        var created = await api.PostAsJsonAsync("/api/disputes/cases", StaffIntake("LegalAid"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var blank = await api.PostAsJsonAsync($"/api/disputes/cases/{id}/reject", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("须写明理由", (await blank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var rejected = await api.PostAsJsonAsync($"/api/disputes/cases/{id}/reject", new { reason = "申请人经济状况不符合法律援助条件。" });
        var detail = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("不予受理", detail.GetProperty("statusName").GetString());
        Assert.Equal("申请人经济状况不符合法律援助条件。", detail.GetProperty("rejectReason").GetString());
    }

    [Fact]
    public async Task Worklist_page_shows_the_case_with_its_due_date_and_accepts_from_the_detail_page()
    {
        var clerk = await factory.CreateUserAsync(Clerk, "370402");
        var api = await factory.ApiClientAsync(clerk);
        var created = await (await api.PostAsJsonAsync("/api/disputes/cases", StaffIntake("Arbitration"))).Content.ReadFromJsonAsync<JsonElement>();
        var number = created.GetProperty("caseNumber").GetString()!;
        var id = created.GetProperty("id").GetGuid();

        var list = WebUtility.HtmlDecode(await api.GetStringAsync("/disputes?type=Arbitration&status=Pending"));
        Assert.Contains(number, list);
        Assert.Contains("受理审查", list);

        // A browser (cookies, redirects not followed): the action redirects back to the case page (post/redirect/get),
        // which reads the whole case again (ADR 0048).
        var browser = await factory.SignedInBrowserAsync(clerk);
        var response = await Forms.SubmitAsync(browser, $"/disputes/cases/{id}", "accept", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/disputes/cases/{id}?done=accept", response.Headers.Location!.ToString());
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync(response.Headers.Location));
        Assert.Contains("已受理，下一环节已开始计时。", html);
        Assert.Contains("审理裁决", html);
    }

    [Fact]
    public async Task Ten_concurrent_intakes_get_ten_consecutive_case_numbers()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(Clerk, "370402"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => api.PostAsJsonAsync("/api/disputes/cases", StaffIntake("LegalHotline", channel: "Hotline"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<string>();
        foreach (var r in responses)
        {
            numbers.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!);
        }
        Assert.Equal(10, numbers.Distinct().Count());
        var sequences = numbers.Select(n => int.Parse(SequencePart().Match(n).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(sequences[0], 10), sequences);
    }

    [Fact]
    public async Task Walk_in_intake_page_registers_the_case_and_shows_number_and_query_code()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(Clerk, "370402"));
        var fields = new Dictionary<string, string>
        {
            ["Input.Channel"] = "WalkIn",
            ["Input.CaseType"] = "AdministrativeMediation",
            ["Input.Category"] = "消费纠纷",
            ["Input.PlaceCode"] = "370402",
            ["Input.ApplicantKind"] = "Person",
            ["Input.ApplicantName"] = "赵立新",
            ["Input.ApplicantIdNumber"] = ValidResidentId("37040219900909003"),
            ["Input.ApplicantPhone"] = "0632-3311234",
            ["Input.RespondentKind"] = "Organisation",
            ["Input.RespondentName"] = "枣庄某电器商行",
            ["Input.RespondentCreditCode"] = "bad",
            ["Input.Amount"] = "3500.5",
            ["Input.Description"] = "购买的空调安装后无法制冷，商家拒绝退换。",
        };

        var refused = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(api, "/disputes/intake", "intake", fields)).Content.ReadAsStringAsync());
        Assert.Contains("被申请人统一社会信用代码无效", refused);

        fields["Input.RespondentCreditCode"] = ValidCreditCode("92370402MA3N0Q1B8");
        var html = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(api, "/disputes/intake", "intake", fields)).Content.ReadAsStringAsync());
        Assert.Contains("已登记，状态：待受理。", html);
        var number = CaseNumber().Match(html).Groups[1].Value;
        Assert.Matches(@"^枣非诉〔\d{4}〕\d{4}号$", number);
        Assert.Equal(8, QueryCode().Match(html).Groups[1].Value.Length);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/disputes/cases?type=AdministrativeMediation&pageSize=100");
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("caseNumber").GetString() == number);
        Assert.Equal("WalkIn", item.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Worklist_tags_a_case_whose_stage_has_run_out()
    {
        var clerk = await factory.CreateUserAsync(Clerk, "370402");
        var number = "超期测试-" + Guid.NewGuid().ToString("N")[..8];
        await factory.InScopeAsync(async sp =>
        {
            // A legal-aid application received on 5 Jan 2026 and never decided: 7 working days ran out on 14 Jan.
            var db = sp.GetRequiredService<Fazhi.Disputes.Data.DisputesDb>();
            var profile = await db.Profiles.Include(p => p.Stages).FirstAsync(p => p.Code == "LegalAid");
            var stage = profile.Stages.OrderBy(s => s.Order).First();
            var c = new Fazhi.Disputes.Domain.DisputeCase
            {
                OrgUnitId = clerk.OrgUnitId, CaseNumber = number, Year = 1999, Sequence = Random.Shared.Next(1, int.MaxValue),
                CaseTypeCode = "LegalAid", ProfileId = profile.Id, ProfileVersion = profile.ProfileVersion, Channel = Fazhi.Disputes.Domain.IntakeChannel.WalkIn,
                Category = "劳动争议", Description = "拖欠工资，申请法律援助。", ReceivedOn = new DateOnly(2026, 1, 5),
            };
            c.Stages.Add(new Fazhi.Disputes.Domain.CaseStage
            {
                CaseId = c.Id, OrgUnitId = c.OrgUnitId, StageCode = stage.Code, StageName = stage.Name, StartedOn = c.ReceivedOn,
                Days = stage.Days, DayKind = stage.DayKind, Article = stage.Article,
            });
            // The stored due date (worklist index) is kept by the handling clock, as the services do on every change.
            var clock = sp.GetRequiredService<Fazhi.Disputes.Handling.HandlingClock>();
            clock.Refresh(c, await clock.CalculatorAsync(CancellationToken.None), clock.Today);
            db.Cases.Add(c);
            await db.SaveChangesAsync();
        });
        var api = await factory.ApiClientAsync(clerk);

        var html = WebUtility.HtmlDecode(await api.GetStringAsync("/disputes?type=LegalAid&status=Pending"));

        var row = html[html.IndexOf(number, StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("2026-01-14", row);
        Assert.Contains("已超期", row);
    }

    [GeneratedRegex("id=\"case-number\">([^<]+)<")]
    private static partial Regex CaseNumber();

    [GeneratedRegex("id=\"query-code\">([^<]+)<")]
    private static partial Regex QueryCode();

    [GeneratedRegex(@"〕(\d+)号")]
    private static partial Regex SequencePart();
}
