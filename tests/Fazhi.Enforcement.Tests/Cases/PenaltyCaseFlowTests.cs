using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fazhi.Enforcement.Tests.Infrastructure;

namespace Fazhi.Enforcement.Tests.Cases;

[Collection(HostCollection.Name)]
public sealed class PenaltyCaseFlowTests(FazhiFactory factory)
{
    private readonly CaseTestKit _kit = new(factory);

    private async Task<(HttpClient Officer, Guid CaseId, Guid[] Officers)> OpenAsync(object party, int daysAgo, string org = CaseTestKit.Market)
    {
        var (_, officers) = await _kit.TeamAsync(org);
        var officer = await _kit.OfficerAsync(org);
        var matter = await CaseTestKit.MatterAsync(officer);
        var opened = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = matter, party, summary = "群众举报未明码标价", openedOn = _kit.Today.AddDays(-daysAgo), officerIds = officers,
        }), HttpStatusCode.Created);
        return (officer, opened.GetProperty("id").GetGuid(), officers);
    }

    [Fact]
    public async Task A_step_the_cases_stage_does_not_allow_is_a_conflict()
    {
        var (officer, id, _) = await OpenAsync(CaseTestKit.Company(CaseTestKit.Unique("阶段冲突测试公司")), daysAgo: 5);
        var url = $"/api/enforcement/cases/{id}";

        Assert.Contains("执行完毕后方可结案", await CaseTestKit.ConflictAsync(await officer.PostAsJsonAsync($"{url}/close", new { })));
        Assert.Contains("不能送达", await CaseTestKit.ConflictAsync(await officer.PostAsJsonAsync($"{url}/serve", new { })));
        Assert.Contains("不能公示", await CaseTestKit.ConflictAsync(await officer.PostAsync($"{url}/publish", null)));
        Assert.Equal("Opened", (await CaseTestKit.OkAsync(await officer.GetAsync(url))).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Evidence_posted_with_the_session_cookie_needs_the_page_token_and_a_bearer_client_needs_none()
    {
        var (_, officers) = await _kit.TeamAsync();
        var user = await factory.CreateUserAsync("enforcement-officer", CaseTestKit.Market);
        var bearer = await factory.ApiClientAsync(user);
        var opened = await CaseTestKit.OkAsync(await bearer.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = await CaseTestKit.MatterAsync(bearer), party = CaseTestKit.Company(CaseTestKit.Unique("防伪测试公司")), summary = "防伪令牌", officerIds = officers,
        }), HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetGuid();
        var browser = await factory.SignedInBrowserAsync(user);
        static MultipartFormDataContent Evidence(string name, string? token = null)
        {
            var form = new MultipartFormDataContent();
            var pdf = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
            pdf.Headers.ContentType = new("application/pdf");
            form.Add(pdf, "file", name);
            if (token is not null)
            {
                form.Add(new StringContent(token), "__RequestVerificationToken");
            }
            return form;
        }

        var forged = await CaseTestKit.RefusedAsync(await browser.PostAsync($"/api/enforcement/cases/{id}/evidence", Evidence("伪造.pdf")));
        Assert.Equal(Fazhi.Platform.Web.CookieAntiforgery.RefusedMessage, forged);

        var page = await browser.GetStringAsync($"/enforcement/cases/{id}");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "the case page carries an antiforgery token");
        await CaseTestKit.OkAsync(await browser.PostAsync($"/api/enforcement/cases/{id}/evidence", Evidence("页面上传.pdf", WebUtility.HtmlDecode(token.Groups[1].Value))));
        var done = await CaseTestKit.OkAsync(await bearer.PostAsync($"/api/enforcement/cases/{id}/evidence", Evidence("接口上传.pdf")));
        Assert.Equal(3, done.GetProperty("stepCount").GetInt32());
    }

    [Fact]
    public async Task A_major_case_runs_from_opening_to_closing_with_legal_review_publicity_and_a_verifiable_record()
    {
        var company = CaseTestKit.Unique("枣庄测试商贸有限公司");
        var (officer, id, _) = await OpenAsync(CaseTestKit.Company(company), daysAgo: 30);
        var url = $"/api/enforcement/cases/{id}";

        var investigated = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/investigate", new
        {
            summary = "现场检查，制作询问笔录", recordings = new[] { new { kind = "video", reference = "执法记录仪 ZFJLY-0007/20261101-0930.mp4", sm3 = "ab12" } },
        }));
        Assert.Equal("Investigating", investigated.GetProperty("stage").GetString());

        using (var form = new MultipartFormDataContent())
        {
            var pdf = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
            pdf.Headers.ContentType = new("application/pdf");
            form.Add(pdf, "file", "询问笔录.pdf");
            form.Add(new StringContent("询问笔录"), "summary");
            await CaseTestKit.OkAsync(await officer.PostAsync($"{url}/evidence", form));
        }

        // A fine far above the benchmark's range needs a written reason (and is then flagged for supervision).
        object Proposal(string? reason) => new
        {
            facts = new { actDate = _kit.Today.AddDays(-40).ToString("yyyy-MM-dd"), harm = "Ordinary" },
            proposedTier = "Ordinary", fineAmount = 150_000, writtenReason = reason, isMajor = false, isSerious = false, offerHearing = false,
        };
        var noReason = await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync($"{url}/propose", Proposal(null)));
        Assert.Contains("书面理由", noReason);
        var proposed = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/propose", Proposal("违法经营额巨大，依价格法第四十二条另处")));
        var c = proposed.GetProperty("case");
        Assert.True(c.GetProperty("supervisionFlag").GetBoolean());
        Assert.True(c.GetProperty("isMajor").GetBoolean(), "a large fine (第六十三条) is a major decision");
        Assert.True(c.GetProperty("hearingOffered").GetBoolean());
        Assert.Equal("Ordinary", proposed.GetProperty("engineTier").GetString());

        var notified = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/notify", new { onDate = _kit.Today.AddDays(-20) }));
        Assert.NotNull(notified.GetProperty("hearingRequestDueOn").GetString());

        // 第五十八条: no decision before the legal review passes.
        var unreviewed = await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync($"{url}/decide", new { decisionNumber = "枣市监罚〔2026〕1号" }));
        Assert.Contains("第五十八条", unreviewed);

        var reviewer = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-legal-reviewer", CaseTestKit.Market));
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/legal-review", new { }));
        // Hand-over (issue 13): the reviewer is told at once, with the case's number.
        var inbox = await reviewer.GetFromJsonAsync<JsonElement>("/api/platform/notifications");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString()!.StartsWith("待法制审核")
            && n.GetProperty("link").GetString() == "/enforcement/legal-reviews");
        var queue = await reviewer.GetFromJsonAsync<JsonElement>("/api/enforcement/legal-reviews");
        var review = queue.EnumerateArray().Single(r => r.GetProperty("caseId").GetGuid() == id);
        var noReasonOpinion = await CaseTestKit.RefusedAsync(await reviewer.PostAsJsonAsync($"/api/enforcement/legal-reviews/{review.GetProperty("id").GetGuid()}/opinion", new { opinion = "Pass", reason = "" }));
        Assert.Contains("审核理由", noReasonOpinion);
        await CaseTestKit.OkAsync(await reviewer.PostAsJsonAsync($"/api/enforcement/legal-reviews/{review.GetProperty("id").GetGuid()}/opinion", new { opinion = "Pass", reason = "事实清楚，证据确凿，程序合法" }));

        var decided = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/decide", new { decisionNumber = CaseTestKit.DocNumber("枣市监罚") }));
        Assert.Equal("Decided", decided.GetProperty("stage").GetString());
        // Supervision: the passed review is recorded on the case (no 第五十八条 alert); the penalty outside the range is flagged.
        var supervisor = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-supervisor", "370400"));
        var alerts = (await supervisor.GetFromJsonAsync<JsonElement>("/api/enforcement/supervision")).GetProperty("alerts").EnumerateArray()
            .Where(a => a.GetProperty("caseId").ValueKind == JsonValueKind.String && a.GetProperty("caseId").GetGuid() == id).Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.Contains("OutsideRange", alerts);
        Assert.DoesNotContain("NoLegalReview", alerts);

        var published = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/publish", new { }));
        Assert.Equal(company, published.GetProperty("partyDisplay").GetString());
        var anonymous = factory.CreateClient();
        var found = await anonymous.GetFromJsonAsync<JsonElement>($"/api/enforcement/public/penalties?q={Uri.EscapeDataString(company)}");
        Assert.Contains(found.GetProperty("rows").EnumerateArray(), r => r.GetProperty("partyDisplay").GetString() == company);

        var served = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/serve", new { onDate = _kit.Today }));
        Assert.NotNull(served.GetProperty("paymentDueOn").GetString());
        var paid = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/pay", new { onDate = _kit.Today }));
        Assert.Equal(0m, paid.GetProperty("surcharge").GetDecimal());
        var closed = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/close", new { }));
        Assert.Equal("Closed", closed.GetProperty("stage").GetString());

        // The full-process record: one file, every step hashed, verifiable; a changed step is found.
        var recordResponse = await officer.GetAsync($"{url}/record");
        var recordText = await recordResponse.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, recordResponse.StatusCode);
        var record = JsonNode.Parse(recordText)!;
        var kinds = record["steps"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["open", "investigate", "evidence", "propose", "notify", "legal-review-request", "legal-review-opinion", "decide", "publish", "serve", "pay", "close"], kinds);
        Assert.Contains("ZFJLY-0007", record["steps"]![1]!["evidenceJson"]!.GetValue<string>());
        Assert.Matches("[0-9a-f]{64}", record["steps"]![2]!["evidenceJson"]!.GetValue<string>());
        var verified = await CaseTestKit.OkAsync(await officer.PostAsync("/api/enforcement/cases/record/verify", new StringContent(recordText, System.Text.Encoding.UTF8, "application/json")));
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.True(verified.GetProperty("matchesStoredHead").GetBoolean());

        record["steps"]![3]!["summary"] = "拟处罚意见：罚款 1000 元";
        var tampered = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync("/api/enforcement/cases/record/verify", record));
        Assert.False(tampered.GetProperty("valid").GetBoolean());
        Assert.Equal(4, tampered.GetProperty("brokenAtSeq").GetInt32());

        // Revoked: the publication is withdrawn from the public page.
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/revoke", new { summary = "枣庄市人民政府行政复议决定书 枣政复决字〔2026〕9号" }));
        var after = await anonymous.GetFromJsonAsync<JsonElement>($"/api/enforcement/public/penalties?q={Uri.EscapeDataString(company)}");
        Assert.DoesNotContain(after.GetProperty("rows").EnumerateArray(), r => r.GetProperty("partyDisplay").GetString() == company);
        var because = await factory.InScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Fazhi.Enforcement.Data.EnforcementDb>(sp)
                .PublishedDecisions.Where(p => p.CaseId == id).Select(p => p.WithdrawnBecause)));
        Assert.Equal(Fazhi.Enforcement.Publicity.WithdrawalReason.Revoked, because);
    }

    [Fact]
    public async Task An_officer_with_an_expired_certificate_cannot_be_put_on_a_case()
    {
        var admin = await _kit.RegistryAdminAsync();
        var body = await _kit.BodyAsync(admin);
        var valid = await _kit.OfficerRecordAsync(admin, body, "执法员丙", _kit.Today.AddYears(1));
        var expired = await _kit.OfficerRecordAsync(admin, body, "执法员丁", _kit.Today.AddDays(-1));
        var none = await _kit.OfficerRecordAsync(admin, body, "执法员戊", null, cert: null);
        var officer = await _kit.OfficerAsync();
        var matter = await CaseTestKit.MatterAsync(officer);

        async Task<string> OpenWith(params Guid[] ids) => await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = matter, party = CaseTestKit.Company("测试公司"), summary = "", officerIds = ids,
        }));

        var expiredReason = await OpenWith(valid, expired);
        Assert.Contains("执法员丁", expiredReason);
        Assert.Contains("过期", expiredReason);
        Assert.Contains("第四十二条", expiredReason);
        Assert.Contains("未取得行政执法证件", await OpenWith(valid, none));
        Assert.Contains("不得少于 2 人", await OpenWith(valid));
    }

    [Fact]
    public async Task On_the_spot_decisions_are_capped_at_200_for_a_person_and_3000_for_an_organisation_and_publication_masks_a_person()
    {
        var (_, officers) = await _kit.TeamAsync();
        var officer = await _kit.OfficerAsync();
        var matter = await CaseTestKit.MatterAsync(officer);
        object Spot(object party, decimal amount) => new { matterId = matter, party, summary = "当场检查", fineAmount = amount, decisionNumber = CaseTestKit.DocNumber("当场"), officerIds = officers };

        var person = CaseTestKit.Unique("张");
        Assert.Contains("第五十一条", await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", Spot(CaseTestKit.Person(person), 201))));

        // Input checks: an implausible or future decision date, a negative fine, a control character in the name, a null summary.
        object SpotOn(string? decidedOn, decimal amount = 100, string name = "李四", bool nullSummary = false) => new
        {
            matterId = matter, party = CaseTestKit.Person(name), summary = nullSummary ? null : "当场检查", fineAmount = amount,
            decisionNumber = CaseTestKit.Unique("当场"), decidedOn, officerIds = officers,
        };
        Assert.Contains("2100", await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", SpotOn("9999-12-31"))));
        Assert.Contains("不能晚于今天", await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", SpotOn(_kit.Today.AddMonths(1).ToString("yyyy-MM-dd")))));
        Assert.Contains("不能为负数", await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", SpotOn(null, -1))));
        await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", SpotOn(null, name: "李\u0007四")));
        var nullSummary = await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", SpotOn(null, nullSummary: true));
        Assert.Equal(HttpStatusCode.BadRequest, nullSummary.StatusCode);
        Assert.Contains("summary", await nullSummary.Content.ReadAsStringAsync());

        Assert.Contains("第五十一条", await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", Spot(CaseTestKit.Company("某公司"), 3000.01m))));
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", Spot(CaseTestKit.Company("某公司"), 3000)), HttpStatusCode.Created);

        var created = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", Spot(CaseTestKit.Person(person), 200)), HttpStatusCode.Created);
        Assert.Equal("Served", created.GetProperty("stage").GetString());
        Assert.Equal("3704**********" + CaseTestKit.ResidentId()[^4..], created.GetProperty("partyIdNumberMasked").GetString());
        var published = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"/api/enforcement/cases/{created.GetProperty("id").GetGuid()}/publish", new { }));
        Assert.Equal("张***", published.GetProperty("partyDisplay").GetString());

        var page = await factory.CreateClient().GetStringAsync($"/api/enforcement/public/penalties?q={Uri.EscapeDataString(created.GetProperty("decisionNumber").GetString()!)}");
        Assert.Contains("张***", page);
        Assert.DoesNotContain(person, page);
        Assert.DoesNotContain(CaseTestKit.ResidentId(), page);
    }

    [Fact]
    public async Task A_decision_after_90_days_is_refused_without_an_extension_and_allowed_with_one()
    {
        var (officer, id, _) = await OpenAsync(CaseTestKit.Company("逾期测试公司"), daysAgo: 100);
        var url = $"/api/enforcement/cases/{id}";
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/propose", new
        {
            facts = new { actDate = _kit.Today.AddDays(-120).ToString("yyyy-MM-dd"), harm = "Ordinary" }, proposedTier = "Ordinary", fineAmount = 2000,
        }));
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/notify", new { onDate = _kit.Today.AddDays(-5) }));

        var late = await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync($"{url}/decide", new { decisionNumber = CaseTestKit.DocNumber("罚") }));
        Assert.Contains("第六十条", late);

        var extended = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/extend", new { days = 30, reason = "案情复杂，需补充鉴定", approvedBy = "局长 王某" }));
        Assert.Equal(30, extended.GetProperty("extensionDays").GetInt32());
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/decide", new { decisionNumber = CaseTestKit.DocNumber("罚") }));
    }

    [Fact]
    public async Task A_mitigated_decision_needs_an_order_to_correct_first()
    {
        var (officer, id, _) = await OpenAsync(CaseTestKit.Company("减轻测试公司"), daysAgo: 5);
        var url = $"/api/enforcement/cases/{id}";
        object Proposal() => new
        {
            facts = new { actDate = _kit.Today.AddDays(-10).ToString("yyyy-MM-dd"), harm = "Ordinary", coerced = true }, proposedTier = "Mitigated", fineAmount = 0,
        };
        Assert.Contains("责令", await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync($"{url}/propose", Proposal())));
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/order-to-correct", new { summary = "责令三日内补齐标价签" }));
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/propose", Proposal()));
    }

    [Fact]
    public async Task A_department_cannot_see_another_departments_cases()
    {
        var (_, id, _) = await OpenAsync(CaseTestKit.Company("范围测试公司"), daysAgo: 1);
        var other = await _kit.OfficerAsync(CaseTestKit.Ecology);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/enforcement/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/enforcement/cases/{id}/investigate", new { summary = "越权" })).StatusCode);
        var list = await other.GetFromJsonAsync<JsonElement>("/api/enforcement/cases");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.True(list.GetProperty("total").GetInt32() >= list.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/enforcement/cases/{id}/record")).StatusCode);
    }

    [Fact]
    public async Task Large_fine_thresholds_are_per_authority_data_and_hearing_periods_count_working_days()
    {
        var admin = await _kit.RegistryAdminAsync();
        await _kit.BodyAsync(admin, CaseTestKit.Ecology);
        var bodies = await admin.GetFromJsonAsync<JsonElement>("/api/enforcement/bodies");
        var unit = bodies.EnumerateArray().Single(b => b.GetProperty("orgCode").GetString() == CaseTestKit.Ecology).GetProperty("orgUnitId").GetGuid();
        var rulesAdmin = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-benchmark-admin"));
        var rules = await CaseTestKit.OkAsync(await rulesAdmin.GetAsync($"/api/enforcement/case-rules?orgUnitId={unit}"));
        var changed = JsonNode.Parse(rules.GetRawText())!;
        changed["orgUnitId"] = unit.ToString();
        changed["version"] = 0;
        changed["largeFineOrganisation"] = 5000;
        var saved = await rulesAdmin.PutAsJsonAsync("/api/enforcement/case-rules", changed);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        var (officer, id, _) = await OpenAsync(CaseTestKit.Company("听证测试公司"), daysAgo: (_kit.Today.DayNumber - new DateOnly(2026, 9, 18).DayNumber), org: CaseTestKit.Ecology);
        var url = $"/api/enforcement/cases/{id}";
        var proposed = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/propose", new
        {
            facts = new { actDate = "2026-09-01", decisionDate = "2026-09-29", harm = "Ordinary" }, proposedTier = "Ordinary", fineAmount = 6000, writtenReason = "测试",
        }));
        Assert.True(proposed.GetProperty("case").GetProperty("hearingOffered").GetBoolean(), "6000 yuan is a large fine under this authority's threshold of 5000");

        // Notified on Wednesday 2026-09-30: the National Day holiday (10-01..10-07) does not count and Saturday 10-10 is a
        // make-up working day, so the five working days are 10-08, 10-09, 10-10, 10-12, 10-13 (行政处罚法 第六十四条第一项, 第八十五条).
        var notified = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/notify", new { onDate = "2026-09-30" }));
        Assert.Equal("2026-10-13", notified.GetProperty("hearingRequestDueOn").GetString());
        Assert.Contains("第六十四条", await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync($"{url}/hearing-request", new { onDate = "2026-10-14" })));
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/hearing-request", new { onDate = "2026-10-13" }));

        // Notice on Monday 2026-10-19: seven working days later is Wednesday 2026-10-28.
        Assert.Contains("2026-10-28", await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync($"{url}/hearing", new { noticeOn = "2026-10-19", heldOn = "2026-10-27", summary = "听证" })));
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/hearing", new { noticeOn = "2026-10-19", heldOn = "2026-10-28", summary = "当事人陈述申辩" }));
        Assert.Contains("第五十八条", await CaseTestKit.RefusedAsync(await officer.PostAsJsonAsync($"{url}/decide", new { decisionNumber = CaseTestKit.DocNumber("罚") })));
    }

    [Fact]
    public async Task Supervision_shows_a_case_near_the_90_day_limit_and_a_decision_not_published_within_7_working_days_to_the_city_but_not_to_another_department()
    {
        var (officer, nearId, _) = await OpenAsync(CaseTestKit.Company("临期测试公司"), daysAgo: 85);
        var (_, lateId, _) = await OpenAsync(CaseTestKit.Company("未公示测试公司"), daysAgo: 40);
        var url = $"/api/enforcement/cases/{lateId}";
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/propose", new
        {
            facts = new { actDate = _kit.Today.AddDays(-50).ToString("yyyy-MM-dd"), decisionDate = _kit.Today.AddDays(-20).ToString("yyyy-MM-dd"), harm = "Ordinary" },
            proposedTier = "Ordinary", fineAmount = 2000,
        }));
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/notify", new { onDate = _kit.Today.AddDays(-30) }));
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/decide", new { decisionNumber = CaseTestKit.DocNumber("罚"), decidedOn = _kit.Today.AddDays(-20) }));

        var city = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-supervisor", "370400"));
        var report = await city.GetFromJsonAsync<JsonElement>("/api/enforcement/supervision");
        var alerts = report.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Contains(alerts, a => a.GetProperty("caseId").ValueKind == JsonValueKind.String && a.GetProperty("caseId").GetGuid() == nearId && a.GetProperty("kind").GetString() == "DeadlineNear");
        Assert.Contains(alerts, a => a.GetProperty("caseId").ValueKind == JsonValueKind.String && a.GetProperty("caseId").GetGuid() == lateId && a.GetProperty("kind").GetString() == "NotPublished");
        var market = report.GetProperty("perBody").EnumerateArray().Single(b => b.GetProperty("body").GetString() == "枣庄市市场监督管理局");
        Assert.True(market.GetProperty("notPublished").GetInt32() >= 1);

        // Published now, after the 7 working days: still an alert, now saying it was late.
        await CaseTestKit.OkAsync(await officer.PostAsJsonAsync($"{url}/publish", new { }));
        var later = await city.GetFromJsonAsync<JsonElement>("/api/enforcement/supervision");
        var late = later.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("caseId").ValueKind == JsonValueKind.String && a.GetProperty("caseId").GetGuid() == lateId);
        Assert.Equal("NotPublished", late.GetProperty("kind").GetString());
        Assert.Contains("超过 7 个工作日期限", late.GetProperty("detail").GetString());

        var ecology = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-supervisor", CaseTestKit.Ecology));
        var own = await ecology.GetFromJsonAsync<JsonElement>("/api/enforcement/supervision");
        Assert.DoesNotContain(own.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("caseId").ValueKind == JsonValueKind.String && a.GetProperty("caseId").GetGuid() == lateId);
    }
}
