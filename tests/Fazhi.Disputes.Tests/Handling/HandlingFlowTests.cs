using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Deadlines;
using Fazhi.Disputes.Handling;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Identifiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.Tests.Handling;

/// <summary>Handling over HTTP: the statutory refusals, the clock, transfers, documents, lapses and the reminder job.</summary>
[Collection(HostCollection.Name)]
public sealed class HandlingFlowTests(FazhiFactory factory)
{
    private const string Clerk = "dispute-clerk";
    private const string Mediator = "dispute-mediator";
    private const string Supervisor = "dispute-supervisor";

    private static string ValidResidentId(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17 + "0");

    private static string ValidCreditCode(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17 + "0");

    private static object Intake(string type, decimal amount = 2800m, DateOnly? knewOn = null, bool? toldOfRight = null, string? lateReason = null) => new
    {
        caseType = type,
        channel = "WalkIn",
        category = type == "AdministrativeReconsideration" ? "行政争议" : "邻里纠纷",
        amount,
        placeCode = "370402",
        description = "申请人对某区市场监管部门作出的罚款决定不服，申请复议并请求撤销。",
        applicant = new { kind = "Person", name = "赵德明", idNumber = ValidResidentId("37040219750505001"), phone = "13800002222" },
        respondent = new { kind = "Organisation", name = "枣庄市市中区市场监督管理局", creditCode = ValidCreditCode("11370402MB2859167") },
        knewOn,
        toldOfRight,
        lateReason,
    };

    private async Task<(HttpClient Api, Guid Id)> NewCaseAsync(string type, bool accept = false, HttpClient? api = null)
    {
        api ??= await factory.ApiClientAsync(await factory.CreateUserAsync(Clerk, "370402"));
        var created = await api.PostAsJsonAsync("/api/disputes/cases", Intake(type));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        if (accept)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/disputes/cases/{id}/accept", new { })).StatusCode);
        }
        return (api, id);
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    /// <summary>An action the case's current status does not allow: 409 with the case's reason.</summary>
    private static async Task<string> ConflictAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<(DateOnly Today, DateOnly Due)> DueAsync(Func<IDeadlineService, DateOnly, Task<CalendarDate>> compute) => factory.InScopeAsync(async sp =>
    {
        var d = sp.GetRequiredService<IDeadlineService>();
        return (d.Today, (await compute(d, d.Today)).Date);
    });

    /// <summary>Moves a case's dates back by <paramref name="days"/> (as if it had been received earlier) and recomputes its clock.</summary>
    private Task BackdateAsync(Guid id, int days) => CaseDates.BackdateAsync(factory, id, days);

    [Fact]
    public async Task Reconsideration_full_handling_flow_with_each_statutory_refusal()
    {
        var clerkUser = await factory.CreateUserAsync(Clerk, "370402");
        var api = await factory.ApiClientAsync(clerkUser);
        var mediator = await factory.CreateUserAsync(Mediator, "370402");
        var supervisor = await factory.ApiClientAsync(await factory.CreateUserAsync(Supervisor, "370402"));
        var (_, id) = await NewCaseAsync("AdministrativeReconsideration", api: api);
        var url = $"/api/disputes/cases/{id}";

        // 行政复议法 第三十一条: one correction notice; the review clock stops and the applicant has 10 working days.
        var view = await OkAsync(await api.PostAsJsonAsync($"{url}/correction", new { items = "1. 补充行政处罚决定书复印件；2. 写明具体复议请求。" }));
        var (_, replyDue) = await DueAsync((d, t) => d.AddWorkingDaysAsync(t, 10));
        Assert.Equal(replyDue.ToString("yyyy-MM-dd"), view.GetProperty("dueOn").GetString());
        Assert.Contains("第三十一条", await ConflictAsync(await api.PostAsJsonAsync($"{url}/correction", new { items = "再补充身份证明。" })));
        await OkAsync(await api.PostAsJsonAsync($"{url}/correction/received", new { }));

        // A decision before acceptance is refused (第三十条 before 第六十二条).
        Assert.Contains("第三十条", await ConflictAsync(await api.PostAsJsonAsync($"{url}/close", new { result = "maintain", summary = "维持原处罚决定。" })));

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"{url}/accept", new { })).StatusCode);
        // 第四十八条: the copy to the respondent is due in 7 working days, before the 60-day decision.
        var (_, copyDue) = await DueAsync((d, t) => d.AddWorkingDaysAsync(t, 7));
        view = await OkAsync(await api.GetAsync($"{url}/handling"));
        Assert.Equal(copyDue.ToString("yyyy-MM-dd"), view.GetProperty("dueOn").GetString());
        Assert.Contains("respondent-copy", view.GetProperty("openStages").EnumerateArray().Select(s => s.GetString()));
        view = await OkAsync(await api.PostAsJsonAsync($"{url}/respondent-served", new { }));
        Assert.Contains("respondent-answer", view.GetProperty("openStages").EnumerateArray().Select(s => s.GetString()));
        await OkAsync(await api.PostAsJsonAsync($"{url}/answer-received", new { }));

        // Workload-aware assignment: handlers of the unit, fewest open cases first; the mediator is among them.
        var suggestions = (await OkAsync(await api.GetAsync($"{url}/assignees"))).EnumerateArray().ToList();
        Assert.Contains(suggestions, s => s.GetProperty("userId").GetGuid() == mediator.Id);
        var loads = suggestions.Select(s => s.GetProperty("openCases").GetInt32()).ToList();
        Assert.Equal(loads.Order().ToList(), loads);
        view = await OkAsync(await api.PostAsJsonAsync($"{url}/assign", new { userId = mediator.Id }));
        Assert.Equal(mediator.Id, view.GetProperty("assigneeUserId").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"{url}/assign", new { userId = Guid.NewGuid() })).StatusCode);

        // Sessions: impossible dates refused; a hearing with participants, place and time recorded.
        Assert.Contains("日期不可能", await RefusalAsync(await api.PostAsJsonAsync($"{url}/sessions", new { at = new DateTime(2001, 1, 1, 9, 0, 0), place = "听证室", participants = "申请人、被申请人" })));
        await OkAsync(await api.PostAsJsonAsync($"{url}/sessions", new { at = DateTime.Today.AddDays(3).AddHours(9), place = "第一听证室", participants = "申请人赵德明；被申请人代理人", text = "听证" }));
        await OkAsync(await api.PostAsJsonAsync($"{url}/notes", new { text = "电话联系申请人，确认听证时间。" }));

        // 第六十二条: one extension of at most 30 days, approved by the head.
        Assert.Contains("第六十二条", await RefusalAsync(await api.PostAsJsonAsync($"{url}/extensions", new { days = 31, reason = "案情复杂，需调取证据" })));
        view = await OkAsync(await api.PostAsJsonAsync($"{url}/extensions", new { days = 30, reason = "案情复杂，需调取证据" }));
        var ext = view.GetProperty("extensions").EnumerateArray().Single();
        Assert.Equal("Requested", ext.GetProperty("status").GetString());
        Assert.Contains("最多延期 1 次", await ConflictAsync(await api.PostAsJsonAsync($"{url}/extensions", new { days = 10, reason = "再次延期" })));
        var decisionUrl = $"{url}/extensions/{ext.GetProperty("id").GetGuid()}/decision";
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync(decisionUrl, new { approve = true })).StatusCode);
        await OkAsync(await supervisor.PostAsJsonAsync(decisionUrl, new { approve = true }));
        var detail = await api.GetFromJsonAsync<JsonElement>(url);
        var decision = detail.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "decision");
        var (_, extended) = await DueAsync(async (d, t) => (await d.ComputeAsync(new DeadlineSpec(t, DayKind.Calendar, 60) { Extensions = [new DeadlineExtension(30)] }, t)) is { DueDate: { } x } ? new CalendarDate(x, false) : throw new InvalidOperationException());
        Assert.Equal(extended.ToString("yyyy-MM-dd"), decision.GetProperty("dueDate").GetString());

        // Suspension with a reason of the profile stops the clock; resumption restarts it.
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"{url}/suspend", new { reason = "no-such-reason" })).StatusCode);
        view = await OkAsync(await api.PostAsJsonAsync($"{url}/suspend", new { reason = "interpretation", text = "请求有权机关解释" }));
        Assert.True(view.GetProperty("suspended").GetBoolean());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("dueOn").ValueKind);
        view = await OkAsync(await api.PostAsJsonAsync($"{url}/resume", new { }));
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("dueOn").ValueKind);

        // Close with a result kind of the profile; the closed case is read-only.
        view = await OkAsync(await api.PostAsJsonAsync($"{url}/close", new { result = "revoke", summary = "撤销被申请人作出的罚款决定。" }));
        Assert.Equal("撤销", view.GetProperty("resultName").GetString());
        Assert.Contains("已办结", await ConflictAsync(await api.PostAsJsonAsync($"{url}/suspend", new { reason = "interpretation" })));
        Assert.Contains("已办结", await ConflictAsync(await api.PostAsJsonAsync($"{url}/assign", new { userId = mediator.Id })));

        var kinds = view.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        // The record lists the acceptance and the SMS telling the applicant of it (issue 13).
        Assert.Equal(["CorrectionNotice", "CorrectionReceived", "Accepted", "PartyMessage", "RespondentServed", "AnswerReceived", "Assignment", "Session", "Note", "ExtensionRequested", "ExtensionApproved", "Suspended", "Resumed", "Closed"], kinds);

        // Documents: numbered per kind and year, downloadable as .docx with the case's data.
        var issued = await api.PostAsJsonAsync($"{url}/documents", new { kind = "decision" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var doc = await issued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches(@"^枣复决字〔\d{4}〕[1-9]\d*号$", doc.GetProperty("number").GetString());
        var again = await (await api.PostAsJsonAsync($"{url}/documents", new { kind = "decision" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(doc.GetProperty("number").GetString(), again.GetProperty("number").GetString());
        var text = await DocxTextAsync(await api.GetAsync(doc.GetProperty("url").GetString()));
        Assert.Contains("赵德明", text);
        Assert.Contains("撤销", text);
        Assert.Contains(doc.GetProperty("number").GetString()!, text);
        Assert.Contains("未登记调解协议", await RefusalAsync(await api.PostAsJsonAsync($"{url}/documents", new { kind = "agreement" })));

        // The case page shows the handling, the history and the documents.
        var browser = await factory.SignedInBrowserAsync(clerkUser);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/disputes/cases/{id}"));
        Assert.Contains("办理情况", html);
        Assert.Contains("撤销", html);
        Assert.Contains("补正事项：1. 补充行政处罚决定书复印件", html);
        Assert.Contains(doc.GetProperty("number").GetString()!, html);
        // The page's contents line jumps only to sections the page has.
        var jump = System.Text.RegularExpressions.Regex.Match(html, "<nav class=\"page-jump\"[^>]*>(.*?)</nav>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(jump.Success);
        var targets = System.Text.RegularExpressions.Regex.Matches(jump.Groups[1].Value, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("sec-documents", targets);
        Assert.All(targets, t => Assert.Contains($"id=\"{t}\"", html));
    }

    private static async Task<string> DocxTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return System.Text.RegularExpressions.Regex.Replace(await reader.ReadToEndAsync(), "<[^>]+>", "");
    }

    [Fact]
    public async Task Intake_outside_the_application_window_is_refused_naming_article_20_unless_a_reason_is_given()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(Clerk, "370402"));
        var today = await factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IDeadlineService>().Today));

        var late = await api.PostAsJsonAsync("/api/disputes/cases", Intake("AdministrativeReconsideration", knewOn: today.AddDays(-120)));
        Assert.Contains("行政复议法 第二十条", await RefusalAsync(late));
        // Not told of the right: up to one year.
        var untold = await api.PostAsJsonAsync("/api/disputes/cases", Intake("AdministrativeReconsideration", knewOn: today.AddDays(-120), toldOfRight: false));
        Assert.Equal(HttpStatusCode.Created, untold.StatusCode);
        // Late with a reason: accepted for review and flagged.
        var flagged = await api.PostAsJsonAsync("/api/disputes/cases", Intake("AdministrativeReconsideration", knewOn: today.AddDays(-120), lateReason: "因洪涝灾害交通中断"));
        Assert.Equal(HttpStatusCode.Created, flagged.StatusCode);
        var id = (await flagged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var view = await OkAsync(await api.GetAsync($"/api/disputes/cases/{id}/handling"));
        Assert.Contains("正当理由", view.GetProperty("intakeFlag").GetString());
        Assert.Contains("日期不可能", await RefusalAsync(await api.PostAsJsonAsync("/api/disputes/cases", Intake("AdministrativeReconsideration", knewOn: today.AddDays(5)))));
    }

    [Fact]
    public async Task A_lapsed_acceptance_review_is_recorded_as_deemed_acceptance_per_article_30()
    {
        var (api, id) = await NewCaseAsync("AdministrativeReconsideration");
        await BackdateAsync(id, 30);

        var view = await OkAsync(await api.GetAsync($"/api/disputes/cases/{id}/handling"));

        Assert.Equal("InProgress", view.GetProperty("status").GetString());
        var deemed = view.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "DeemedAccepted");
        Assert.Contains("第三十条", deemed.GetProperty("text").GetString());
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}");
        var acceptance = detail.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "acceptance");
        var decision = detail.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "decision");
        Assert.Equal("视为受理", acceptance.GetProperty("outcome").GetString());
        // The decision period runs from the day the review lapsed.
        Assert.Equal(acceptance.GetProperty("endedOn").GetString(), decision.GetProperty("startedOn").GetString());
    }

    [Fact]
    public async Task Correction_not_supplied_in_time_is_treated_as_withdrawn_per_article_31()
    {
        var (api, id) = await NewCaseAsync("AdministrativeReconsideration");
        await OkAsync(await api.PostAsJsonAsync($"/api/disputes/cases/{id}/correction", new { items = "补充申请人身份证明。" }));
        await BackdateAsync(id, 40);

        var view = await OkAsync(await api.GetAsync($"/api/disputes/cases/{id}/handling"));

        Assert.Equal("Closed", view.GetProperty("status").GetString());
        Assert.Equal("视为放弃申请", view.GetProperty("resultName").GetString());
        Assert.Contains("第三十一条", view.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "Withdrawn").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Mediation_agreement_takes_effect_when_signed_and_starts_the_judicial_confirmation_reminder()
    {
        var (api, id) = await NewCaseAsync("PeoplesMediation", accept: true);
        var url = $"/api/disputes/cases/{id}";
        var today = await factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IDeadlineService>().Today));

        Assert.Contains("日期不可能", await RefusalAsync(await api.PostAsJsonAsync($"{url}/agreement", new { signedOn = today.AddDays(2), content = "赔偿 2000 元。" })));
        // 人民调解法 第二十九条: the agreement states the main facts and issues and the manner and time limits of performance.
        Assert.Contains("第二十九条", await RefusalAsync(await api.PostAsJsonAsync($"{url}/agreement", new { signedOn = today, content = "赔偿 2000 元。", performance = "转账" })));
        Assert.Contains("履行方式和期限", await RefusalAsync(await api.PostAsJsonAsync($"{url}/agreement", new { signedOn = today, content = "赔偿 2000 元。", facts = "漏水损坏吊顶，争议赔偿数额。" })));
        var view = await OkAsync(await api.PostAsJsonAsync($"{url}/agreement", new
        {
            signedOn = today,
            facts = "楼上住户卫生间漏水致申请人吊顶损坏，双方就赔偿数额发生争议。",
            content = "被申请人赔偿申请人 2000 元，双方再无争议。",
            performance = "被申请人于本月底前一次性银行转账支付。",
        }));

        Assert.Equal("Closed", view.GetProperty("status").GetString());
        Assert.Equal("调解成功", view.GetProperty("resultName").GetString());
        // 人民调解法 第三十三条: 30 days from the agreement taking effect.
        var (_, due) = await DueAsync((d, t) => d.AddCalendarDaysAsync(t, 30));
        Assert.Equal(due.ToString("yyyy-MM-dd"), view.GetProperty("dueOn").GetString());
        Assert.Equal(["confirmation"], view.GetProperty("openStages").EnumerateArray().Select(s => s.GetString()).ToList());
        var doc = await api.PostAsJsonAsync($"{url}/documents", new { kind = "agreement" });
        Assert.Equal(HttpStatusCode.Created, doc.StatusCode);
        var issued = await doc.Content.ReadFromJsonAsync<JsonElement>();
        var text = await DocxTextAsync(await api.GetAsync(issued.GetProperty("url").GetString()));
        Assert.Contains("赔偿申请人 2000 元", text);
        Assert.Contains("第三十三条", text);
        // 人民调解法 第二十九条 item by item: the parties' particulars, the main facts and issues, what was agreed, how and by when.
        Assert.Contains("人民调解协议书", text);
        Assert.Contains("申请人：赵德明，公民身份号码：", text);
        Assert.Contains("被申请人：枣庄市市中区市场监督管理局，统一社会信用代码：", text);
        Assert.Contains("纠纷的主要事实、争议事项：", text);
        Assert.Contains("双方就赔偿数额发生争议", text);
        Assert.Contains("履行方式、期限：被申请人于本月底前一次性银行转账支付", text);
        Assert.Contains("当事人（签名、盖章或者按指印）", text);
        Assert.Contains("人民调解员（签名）", text);
        Assert.Contains("第二十九条", text);
        // The applicant's own first-person account is not pasted in.
        Assert.DoesNotContain("申请复议并请求撤销", text);
        // Issued and sealed in the name of the handling unit's people's mediation committee, not the city centre.
        var unit = await factory.InScopeAsync(async sp => (await sp.GetRequiredService<Fazhi.Platform.Kit.IOrgDirectory>().FindByCodeAsync("370402", default))!.Name);
        Assert.Contains(unit + "人民调解委员会", text);
        Assert.Contains(unit + "人民调解委员会（印章）", text);
        Assert.DoesNotContain("枣庄市非诉讼纠纷化解服务中心", text);
        Assert.Contains(issued.GetProperty("number").GetString()!, text);
    }

    [Fact]
    public async Task The_acceptance_notice_speaks_as_the_mediation_committee_or_the_reconsideration_organ_and_takes_its_number_from_the_numbering_kit()
    {
        // The seeded text (another test of this class edits the acceptance template in the shared database).
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-template-admin", "370400"));
        var current = (await admin.GetFromJsonAsync<JsonElement>("/api/disputes/document-templates")).EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "acceptance");
        var seeded = Fazhi.Disputes.Documents.DocumentKinds.Defaults.Single(d => d.Kind == "acceptance");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/disputes/document-templates/acceptance", new
        {
            title = seeded.Title, body = seeded.Body, issuer = Fazhi.Disputes.Documents.DocumentService.HandlingBody,
            signature = Fazhi.Disputes.Documents.DocumentService.HandlingBody, version = current.GetProperty("version").GetInt64(),
        })).StatusCode);
        var clerk = await factory.CreateUserAsync(Clerk, "370402");
        var (api, mediation) = await NewCaseAsync("PeoplesMediation", accept: true, await factory.ApiClientAsync(clerk));
        // 文号 from the numbering kit: the issued number is the one the kit's sequence for the notice kind gives next.
        var expected = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisputesDb>();
            var today = sp.GetRequiredService<IDeadlineService>().Today;
            return await sp.GetRequiredService<Fazhi.Platform.Kit.INumberSequence>().PeekAsync(db, "disputes.doc-acceptance", new Fazhi.Platform.Kit.NumberScope(today.Year), default);
        });
        var issued = await (await api.PostAsJsonAsync($"/api/disputes/cases/{mediation}/documents", new { kind = "acceptance" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected, issued.GetProperty("number").GetString());
        var text = await DocxTextAsync(await api.GetAsync(issued.GetProperty("url").GetString()));
        // A people's mediation committee is no 机关 (人民调解法 第七条): it speaks as 本委员会 and says mediation is free (第四条).
        Assert.DoesNotContain("本机关", text);
        Assert.Contains("本委员会决定", text);
        Assert.Contains("人民调解委员会", text);
        Assert.Contains("第四条", text);
        Assert.Contains(expected, text);
        // Official-document layout (GB/T 9704): 仿宋 body.
        Assert.Contains(DocxFont, await DocxXmlAsync(await api.GetAsync(issued.GetProperty("url").GetString())));

        var (api2, reconsideration) = await NewCaseAsync("AdministrativeReconsideration", accept: true, api);
        var second = await (await api2.PostAsJsonAsync($"/api/disputes/cases/{reconsideration}/documents", new { kind = "acceptance" })).Content.ReadFromJsonAsync<JsonElement>();
        var other = await DocxTextAsync(await api2.GetAsync(second.GetProperty("url").GetString()));
        Assert.Contains("本机关决定", other);
        Assert.Contains("第三十条", other);
        Assert.DoesNotContain("本委员会", other);
        Assert.DoesNotContain("人民调解委员会", other);

        // The case page offers only the documents this case can issue: no 行政复议决定书 or 法律援助决定书 for people's mediation.
        var html = WebUtility.HtmlDecode(await (await factory.SignedInBrowserAsync(clerk)).GetStringAsync($"/disputes/cases/{mediation}"));
        var options = System.Text.RegularExpressions.Regex.Match(html, "<select id=\"doc-kind\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("value=\"acceptance\"", options);
        Assert.DoesNotContain("value=\"decision\"", options);
        Assert.DoesNotContain("value=\"aid-granted\"", options);
        Assert.DoesNotContain("value=\"aid-refused\"", options);
    }

    private const string DocxFont = "仿宋";

    private static async Task<string> DocxXmlAsync(HttpResponseMessage response)
    {
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Party_refusal_ends_peoples_mediation_per_article_17()
    {
        var (api, id) = await NewCaseAsync("PeoplesMediation", accept: true);
        var view = await OkAsync(await api.PostAsJsonAsync($"/api/disputes/cases/{id}/close", new { result = "party-refused", summary = "被申请人明确表示拒绝调解。" }));
        Assert.Equal("当事人拒绝调解，终止调解", view.GetProperty("resultName").GetString());
        Assert.Contains("第十七条", view.GetProperty("events").EnumerateArray().Last().GetProperty("text").GetString());
    }

    [Fact]
    public async Task Failed_mediation_transfers_to_arbitration_keeping_one_case_and_history()
    {
        var (api, id) = await NewCaseAsync("PeoplesMediation", accept: true);
        var url = $"/api/disputes/cases/{id}";
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"{url}/transfer", new { caseType = "Notarization", reason = "x" })).StatusCode);

        var view = await OkAsync(await api.PostAsJsonAsync($"{url}/transfer", new { caseType = "Arbitration", reason = "调解不成，双方同意申请劳动仲裁" }));

        Assert.Equal("Pending", view.GetProperty("status").GetString());
        Assert.Contains("由人民调解转为仲裁", view.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "Transferred").GetProperty("text").GetString());
        var detail = await api.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("Arbitration", detail.GetProperty("caseType").GetString());
        var stages = detail.GetProperty("stages").EnumerateArray().Select(s => (s.GetProperty("code").GetString(), s.GetProperty("outcome").GetString())).ToList();
        Assert.Contains(("mediation", "转为仲裁"), stages);
        Assert.Equal(("acceptance", null), stages[^1]);
    }

    [Fact]
    public async Task Legal_aid_refusal_in_writing_names_the_objection_of_article_49()
    {
        var (api, id) = await NewCaseAsync("LegalAid");
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/disputes/cases/{id}/reject", new { reason = "申请人经济状况不符合法律援助条件。" })).StatusCode);
        Assert.Contains("仅适用于已决定给予援助", await RefusalAsync(await api.PostAsJsonAsync($"/api/disputes/cases/{id}/documents", new { kind = "aid-granted" })));
        var doc = await api.PostAsJsonAsync($"/api/disputes/cases/{id}/documents", new { kind = "aid-refused" });
        Assert.Equal(HttpStatusCode.Created, doc.StatusCode);
        var text = await DocxTextAsync(await api.GetAsync((await doc.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()));
        Assert.Contains("经济状况不符合法律援助条件", text);
        Assert.Contains("第四十九条", text);
        Assert.Contains("5个工作日", text);
    }

    [Fact]
    public async Task Reminder_job_notifies_the_handler_once_and_escalates_overdue_cases_to_the_supervisor_once()
    {
        var mediatorUser = await factory.CreateUserAsync(Mediator, "370404");
        var supervisorUser = await factory.CreateUserAsync(Supervisor, "370404");
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync(Clerk, "370404"));
        // 12348 hotline: accepted within 1 working day, so it is due soon at once.
        var (_, soon) = await NewCaseAsync("LegalHotline", api: api);
        await OkAsync(await api.PostAsJsonAsync($"/api/disputes/cases/{soon}/assign", new { userId = mediatorUser.Id }));
        var (_, late) = await NewCaseAsync("PeoplesMediation", accept: true, api: api);
        await BackdateAsync(late, 60);

        await factory.InScopeAsync(sp => sp.GetRequiredService<DeadlineReminderJob>().RunAsync(CancellationToken.None));
        await factory.InScopeAsync(sp => sp.GetRequiredService<DeadlineReminderJob>().RunAsync(CancellationToken.None));

        var mediatorInbox = await (await factory.ApiClientAsync(mediatorUser)).GetFromJsonAsync<JsonElement>("/api/platform/notifications");
        Assert.Single(mediatorInbox.GetProperty("items").EnumerateArray(),
            n => n.GetProperty("kind").GetString() == DeadlineReminderJob.ReminderKind && n.GetProperty("link").GetString() == $"/disputes/cases/{soon}");
        var supervisorInbox = await (await factory.ApiClientAsync(supervisorUser)).GetFromJsonAsync<JsonElement>("/api/platform/notifications");
        Assert.Single(supervisorInbox.GetProperty("items").EnumerateArray(),
            n => n.GetProperty("kind").GetString() == DeadlineReminderJob.EscalationKind && n.GetProperty("link").GetString() == $"/disputes/cases/{late}");

        // The worklists find them by the stored due date.
        var overdue = await api.GetFromJsonAsync<JsonElement>("/api/disputes/worklist?view=overdue&pageSize=100");
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == late);
        var due = await api.GetFromJsonAsync<JsonElement>("/api/disputes/worklist?view=due&pageSize=100");
        Assert.Contains(due.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == soon);
        Assert.DoesNotContain(due.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == late);
        var mine = await (await factory.ApiClientAsync(mediatorUser)).GetFromJsonAsync<JsonElement>("/api/disputes/worklist?view=mine");
        Assert.Equal([soon], mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList());
    }

    [Fact]
    public async Task Worklist_and_supervision_pages_list_overdue_cases()
    {
        var clerk = await factory.CreateUserAsync(Clerk, "370405");
        var (api, id) = await NewCaseAsync("PeoplesMediation", accept: true, api: await factory.ApiClientAsync(clerk));
        await BackdateAsync(id, 60);
        var number = (await api.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}")).GetProperty("caseNumber").GetString()!;

        var html = WebUtility.HtmlDecode(await (await factory.SignedInBrowserAsync(clerk)).GetStringAsync("/disputes?view=overdue"));
        Assert.Contains(number, html);
        Assert.Contains("已超期", html);

        var supervisor = await factory.CreateUserAsync(Supervisor, "370405");
        html = WebUtility.HtmlDecode(await (await factory.SignedInBrowserAsync(supervisor)).GetStringAsync("/disputes/supervision?view=overdue&unit=370405"));
        Assert.Contains(number, html);
    }

    [Fact]
    public async Task Case_page_forms_send_a_correction_notice_and_refuse_a_decision_before_acceptance_inline()
    {
        var clerk = await factory.CreateUserAsync(Clerk, "370402");
        var (_, id) = await NewCaseAsync("AdministrativeReconsideration", api: await factory.ApiClientAsync(clerk));
        var browser = await factory.SignedInBrowserAsync(clerk);

        // 办结 is shown disabled with the case's reason (ADR 0048: no form for an action that is not open) ...
        var before = WebUtility.HtmlDecode(await browser.GetStringAsync($"/disputes/cases/{id}"));
        var why = System.Text.RegularExpressions.Regex.Match(before, "<span id=\"dlg-close-why\"[^>]*>(.*?)</span>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("案件尚未受理，不能作出处理决定", why);
        Assert.Contains("行政复议法 第三十条", why);
        Assert.Matches("<button[^>]*disabled[^>]*data-action=\"dlg-close\"", before);
        // ... and a forged post of the missing form is refused, never a 500; the API refuses with the same reason.
        var refused = await Forms.SubmitAsync(browser, $"/disputes/cases/{id}", "h-close", new Dictionary<string, string> { ["Close.Result"] = "maintain", ["Close.Summary"] = "维持。" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("案件尚未受理，不能作出处理决定", await ConflictAsync(await (await factory.ApiClientAsync(clerk)).PostAsJsonAsync($"/api/disputes/cases/{id}/close", new { result = "maintain", summary = "维持。" })));

        var sent = await Forms.SubmitAsync(browser, $"/disputes/cases/{id}", "h-correction", new Dictionary<string, string> { ["Correction.Items"] = "补充委托书原件。" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/disputes/cases/{id}"));
        Assert.Contains("补正事项：补充委托书原件。", page);
        Assert.Contains("已收到补正材料", page);
    }

    [Fact]
    public async Task Simplified_procedure_shortens_the_decision_to_30_days_per_articles_53_and_62()
    {
        var (api, id) = await NewCaseAsync("AdministrativeReconsideration", accept: true);
        var view = await OkAsync(await api.PostAsJsonAsync($"/api/disputes/cases/{id}/simplified", new { }));
        Assert.True(view.GetProperty("simplified").GetBoolean());
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{id}");
        var decision = detail.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "decision");
        var (_, due) = await DueAsync((d, t) => d.AddCalendarDaysAsync(t, 30));
        Assert.Equal(due.ToString("yyyy-MM-dd"), decision.GetProperty("dueDate").GetString());
        var copy = detail.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "respondent-copy");
        Assert.Equal(3, copy.GetProperty("days").GetInt32());
        Assert.Contains("只有已受理、尚未适用简易程序", await ConflictAsync(await api.PostAsJsonAsync($"/api/disputes/cases/{id}/simplified", new { })));
    }

    [Fact]
    public async Task Handling_needs_the_permission_and_stays_inside_the_data_scope()
    {
        var (api, id) = await NewCaseAsync("PeoplesMediation", accept: true);
        var supervisor = await factory.ApiClientAsync(await factory.CreateUserAsync(Supervisor, "370402"));
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/disputes/cases/{id}/close", new { result = "success", summary = "x" })).StatusCode);
        var other = await factory.ApiClientAsync(await factory.CreateUserAsync(Clerk, "370403"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/disputes/cases/{id}/notes", new { text = "越权记录" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/disputes/cases/{id}/handling")).StatusCode);
        var view = await OkAsync(await api.GetAsync($"/api/disputes/cases/{id}/handling"));
        Assert.Equal(["Accepted", "PartyMessage"], view.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToArray());
    }

    [Fact]
    public async Task Attachments_are_stored_through_the_platform_store_and_listed_on_the_case()
    {
        var (api, id) = await NewCaseAsync("PeoplesMediation");
        using var form = new MultipartFormDataContent();
        var pdf = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "file", "调解笔录.pdf");

        var view = await OkAsync(await api.PostAsync($"/api/disputes/cases/{id}/attachments", form));

        var file = view.GetProperty("attachments").EnumerateArray().Single();
        Assert.Equal("调解笔录.pdf", file.GetProperty("fileName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(file.GetProperty("url").GetString())).StatusCode);
        Assert.Contains("上传材料：调解笔录.pdf", view.GetProperty("events").EnumerateArray().Single().GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_attachment_posted_with_the_session_cookie_needs_the_page_token_and_a_bearer_client_needs_none()
    {
        var user = await factory.CreateUserAsync(Clerk, "370402");
        var (api, id) = await NewCaseAsync("PeoplesMediation", api: await factory.ApiClientAsync(user));
        var browser = await factory.SignedInBrowserAsync(user);
        MultipartFormDataContent Upload(string name, string? token = null)
        {
            var form = new MultipartFormDataContent();
            var pdf = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
            pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(pdf, "file", name);
            if (token is not null)
            {
                form.Add(new StringContent(token), "__RequestVerificationToken");
            }
            return form;
        }

        var forged = await browser.PostAsync($"/api/disputes/cases/{id}/attachments", Upload("伪造.pdf"));
        Assert.Equal(Fazhi.Platform.Web.CookieAntiforgery.RefusedMessage, await RefusalAsync(forged));

        var page = await browser.GetStringAsync($"/disputes/cases/{id}");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "the case page carries an antiforgery token");
        var fromPage = await browser.PostAsync($"/api/disputes/cases/{id}/attachments", Upload("页面上传.pdf", WebUtility.HtmlDecode(token.Groups[1].Value)));
        Assert.Equal(HttpStatusCode.Redirect, fromPage.StatusCode);
        Assert.Contains("done=attachment", fromPage.Headers.Location?.OriginalString);

        var view = await OkAsync(await api.PostAsync($"/api/disputes/cases/{id}/attachments", Upload("接口上传.pdf")));
        Assert.Equal(new[] { "接口上传.pdf", "页面上传.pdf" }, view.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()!).Order().ToArray());
    }

    [Fact]
    public async Task An_administrator_edits_a_template_and_new_documents_use_it()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-template-admin", "370400"));
        var templates = await admin.GetFromJsonAsync<JsonElement>("/api/disputes/document-templates");
        var acceptance = templates.EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "acceptance");
        Assert.Contains("{{申请人}}", acceptance.GetProperty("body").GetString());

        var bad = await admin.PutAsJsonAsync("/api/disputes/document-templates/acceptance", new
        {
            title = "受理通知书", body = "", issuer = "枣庄市非诉讼纠纷化解服务中心", signature = "枣庄市非诉讼纠纷化解服务中心",
        });
        Assert.Contains("正文", await RefusalAsync(bad));
        // The 文号 pattern is the numbering kit's (编号规则), shown with the template (ADR 0048).
        Assert.Equal("枣非诉受字〔{year}〕{seq}号", acceptance.GetProperty("numberPattern").GetString());
        var saved = await admin.PutAsJsonAsync("/api/disputes/document-templates/acceptance", new
        {
            title = "受理通知书",
            body = "{{申请人}}：\n你的申请（{{案件编号}}）已于{{受理日期}}受理。承办人：{{承办人}}。",
            issuer = "枣庄市非诉讼纠纷化解服务中心",
            signature = "枣庄市非诉讼纠纷化解服务中心",
            version = acceptance.GetProperty("version").GetInt64(),
        });
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);

        var (api, id) = await NewCaseAsync("PeoplesMediation", accept: true);
        var issued = await (await api.PostAsJsonAsync($"/api/disputes/cases/{id}/documents", new { kind = "acceptance" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches(@"^枣非诉受字〔\d{4}〕[1-9]\d*号$", issued.GetProperty("number").GetString());
        var text = await DocxTextAsync(await api.GetAsync(issued.GetProperty("url").GetString()));
        Assert.Contains("已于", text);
        Assert.Contains("赵德明：", text);
        Assert.Contains("（待指派）", text);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/disputes/document-templates")).StatusCode);
    }
}
