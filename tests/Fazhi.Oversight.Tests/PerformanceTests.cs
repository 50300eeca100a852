using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Contracts;
using Fazhi.Oversight.Data;
using Fazhi.Oversight.Performance;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Oversight.Tests;

/// <summary>
/// Reconsideration decisions carried out (行政复议决定履行, ADR 0038): a decision closed in the dispute module through HTTP
/// becomes a task for the respondent (matched by name, or picked by the office: 待指定被申请人单位), the steps and their
/// refusals (行政复议法 第七十六条、第七十七条), 履行率 against known data with its edge cases, and the escalation.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PerformanceTests(FazhiFactory factory)
{
    private readonly Kit _kit = new(factory);

    private static string ValidCreditCode(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17 + "0");

    private static string ValidResidentId(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17 + "0");

    private async Task<(string Code, string Name, Guid Id)> CountyAsync()
    {
        var code = "37" + Random.Shared.Next(8100, 8999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = $"履行测试区{code}";
        return (code, name, await factory.CreateUnitAsync(code, name, OrgLevel.County, OrgKind.Government, "370400"));
    }

    /// <summary>A reconsideration case at 市中区 against <paramref name="respondent"/>, accepted and decided with <paramref name="result"/>; its case number.</summary>
    private static async Task<string> DecideAsync(HttpClient clerk, string respondent, string result)
    {
        var created = await Kit.OkAsync(await clerk.PostAsJsonAsync("/api/disputes/cases", new
        {
            caseType = "AdministrativeReconsideration", channel = "WalkIn", category = "行政争议", amount = 2800m, placeCode = "370402",
            description = "申请人对罚款决定不服，申请复议并请求撤销。",
            applicant = new { kind = "Person", name = "钱履行", idNumber = ValidResidentId("37040219750505001"), phone = "13800003333" },
            respondent = new { kind = "Organisation", name = respondent, creditCode = ValidCreditCode("11370402MB2859167") },
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await Kit.OkAsync(await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/accept", new { }));
        await Kit.OkAsync(await clerk.PostAsJsonAsync($"/api/disputes/cases/{id}/close", new { result, summary = "复议决定。" }));
        return created.GetProperty("caseNumber").GetString()!;
    }

    private static async Task<JsonElement[]> FindAsync(HttpClient client, string caseNumber) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/oversight/performance?q={Uri.EscapeDataString(caseNumber)}")).GetProperty("items").EnumerateArray().ToArray();

    private static async Task<long> VersionAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/oversight/performance/{id}")).GetProperty("version").GetInt64();

    [Fact]
    public async Task A_decision_made_in_the_dispute_module_becomes_a_task_for_the_respondent_carried_through_with_each_refusal_naming_its_rule()
    {
        var (code, name, county) = await CountyAsync();
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370402"));
        var office = await _kit.ClientAsync(Kit.Office, "370400");
        var agency = await _kit.ClientAsync(Kit.Agency, code);
        var today = await factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IDeadlineService>().Today));

        // 撤销 against "{county}人民政府": matched to the county by name; due 30 days after the decision (the settings' default),
        // moved off a rest day. The task is there on the next read, no job needed, and a second read adds nothing.
        var revoked = await DecideAsync(clerk, name + "人民政府", "revoke");
        var task = Assert.Single(await FindAsync(agency, revoked));
        Assert.Single(await FindAsync(office, revoked));
        Assert.Equal("Pending", task.GetProperty("status").GetString());
        Assert.Equal(county, task.GetProperty("orgUnitId").GetGuid());
        var due = await factory.InScopeAsync(async sp => (await sp.GetRequiredService<IDeadlineService>().AddCalendarDaysAsync(today, 30)).Date);
        Assert.Equal(due.ToString("yyyy-MM-dd"), task.GetProperty("dueOn").GetString());
        var id = task.GetProperty("id").GetGuid();
        var view = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/performance/{id}");
        Assert.True(view.GetProperty("caseLinked").GetBoolean());
        Assert.Equal("撤销", view.GetProperty("resultName").GetString());

        // 维持 leaves nothing to carry out: no task.
        var maintained = await DecideAsync(clerk, name + "人民政府", "maintain");
        Assert.Empty(await FindAsync(office, maintained));

        // The office cannot confirm before a report (第七十七条), nor order performance before the deadline (第七十七条);
        // the agency cannot answer a 意见书 none was issued (第七十六条).
        var url = $"/api/oversight/performance/{id}";
        var refusal = await (await office.PostAsJsonAsync($"{url}/confirm", new { version = await VersionAsync(office, id), confirmedOn = today })).Content.ReadAsStringAsync();
        Assert.Contains("第七十七条", refusal);
        var early = await office.PostAsJsonAsync($"{url}/order", new { version = await VersionAsync(office, id), orderedOn = today, orderedDueOn = today.AddDays(10), note = "约谈" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("第七十七条", await early.Content.ReadAsStringAsync());
        var noOpinion = await agency.PostAsJsonAsync($"{url}/opinion/reply", new { version = await VersionAsync(agency, id), repliedOn = today, reply = "已整改" });
        Assert.Equal(HttpStatusCode.Conflict, noOpinion.StatusCode);
        Assert.Contains("第七十六条", await noOpinion.Content.ReadAsStringAsync());
        // Bad input names its field; the agency may not confirm its own performance.
        await (await agency.PostAsJsonAsync($"{url}/report", new { version = await VersionAsync(agency, id), performedOn = today.AddDays(3), note = "已履行" }))
            .AssertRefusedNamingAsync("performedOn");
        await (await agency.PostAsJsonAsync($"{url}/report", new { version = await VersionAsync(agency, id), performedOn = today, note = " " })).AssertRefusedNamingAsync("note");
        Assert.Equal(HttpStatusCode.BadRequest, (await agency.PostAsync($"{url}/report", JsonContent.Create<object?>(null))).StatusCode);

        // The office issues a 意见书: the reply is due 60 days after (第七十六条).
        view = await Kit.OkAsync(await office.PostAsJsonAsync($"{url}/opinion", new
        {
            version = await VersionAsync(office, id), kind = "Opinion", number = $"枣政复意〔2026〕{code}号", content = "规范罚款程序", issuedOn = today,
        }));
        var opinionDue = await factory.InScopeAsync(async sp => (await sp.GetRequiredService<IDeadlineService>().AddCalendarDaysAsync(today, 60)).Date);
        Assert.Equal(opinionDue.ToString("yyyy-MM-dd"), view.GetProperty("opinionDueOn").GetString());

        // The agency reports with its evidence; the office confirms.
        await Kit.OkAsync(await agency.PostAsJsonAsync($"{url}/report", new { version = await VersionAsync(agency, id), performedOn = today, note = "已撤销罚款决定并退还罚款" }));
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent("evidence"), "kind");
            form.Add(new ByteArrayContent("%PDF-1.4 履行材料"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } }, "file", "履行材料.pdf");
            view = await Kit.OkAsync(await agency.PostAsync($"{url}/attachments", form));
            Assert.Single(view.GetProperty("materials").EnumerateArray());
        }
        Assert.Contains("已报告", await (await agency.PostAsJsonAsync($"{url}/report", new { version = await VersionAsync(agency, id), performedOn = today, note = "再报" }))
            .Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PostAsJsonAsync($"{url}/confirm", new { version = await VersionAsync(agency, id), confirmedOn = today })).StatusCode);
        view = await Kit.OkAsync(await office.PostAsJsonAsync($"{url}/confirm", new { version = await VersionAsync(office, id), confirmedOn = today }));
        Assert.Equal("Performed", view.GetProperty("status").GetString());
        view = await Kit.OkAsync(await agency.PostAsJsonAsync($"{url}/opinion/reply", new { version = await VersionAsync(agency, id), repliedOn = today, reply = "已修订罚款程序" }));
        Assert.Equal(today.ToString("yyyy-MM-dd"), view.GetProperty("opinionRepliedOn").GetString());

        // A respondent whose name matches no unit: at the deciding unit, 待指定被申请人单位 on the office's home page; the agency
        // cannot see it nor report on it until the office picks the unit.
        var unknown = await DecideAsync(clerk, $"无此单位{code}", "perform");
        var pending = Assert.Single(await FindAsync(office, unknown));
        Assert.Equal("Unassigned", pending.GetProperty("status").GetString());
        Assert.Empty(await FindAsync(agency, unknown));
        var officeHome = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Kit.Office, "370400"));
        Assert.NotNull(await HomeTodo.CountAsync(officeHome, "/oversight/performance?view=unassigned"));
        var pid = pending.GetProperty("id").GetGuid();
        await (await office.PostAsJsonAsync($"/api/oversight/performance/{pid}/assign", new { version = await VersionAsync(office, pid), orgUnitId = Guid.Empty }))
            .AssertRefusedNamingAsync("orgUnitId");
        view = await Kit.OkAsync(await office.PostAsJsonAsync($"/api/oversight/performance/{pid}/assign", new
        {
            version = await VersionAsync(office, pid), orgUnitId = county, dueOn = today.AddDays(15),
        }));
        Assert.Equal("Pending", view.GetProperty("status").GetString());
        Assert.Equal("行政复议决定书载明的期限", view.GetProperty("dueBasis").GetString());
        Assert.Single(await FindAsync(agency, unknown));
        var agencyHome = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Kit.Agency, code));
        Assert.NotNull(await HomeTodo.CountAsync(agencyHome, "/oversight/performance?view=pending"));

        // The pages render for both.
        Assert.Contains(unknown, await agencyHome.GetStringAsync("/oversight/performance"));
        Assert.Contains("制发意见书或建议书", await officeHome.GetStringAsync($"/oversight/performance/{pid}"));
        Assert.Contains("id=\"definition\"", await officeHome.GetStringAsync("/oversight/performance/rates"));
    }

    [Fact]
    public async Task The_performance_rate_counts_decisions_of_the_year_performed_by_their_deadline_over_those_performed_or_due_and_escalates_the_overdue()
    {
        var (code, _, county) = await CountyAsync();
        var agency = await _kit.ClientAsync(Kit.Agency, code);
        var n = 0;
        PerformanceTask Task(DateOnly decided, DateOnly due, DateOnly? performed, PerformanceStatus status = PerformanceStatus.Pending) => new()
        {
            OrgUnitId = county, DecisionCaseId = Guid.CreateVersion7(), CaseNumber = $"率测〔2025〕{code}-{++n}号", HandlingUnitId = county, Respondent = "测试",
            UnitBasis = "测试", ResultCode = "revoke", ResultName = "撤销", DecidedOn = decided, DueOn = due, DueBasis = "测试", Demo = true,
            Status = performed is null ? status : PerformanceStatus.Reported, PerformedOn = performed, PerformanceNote = performed is null ? null : "已履行",
        };
        var ordered = Task(new(2025, 5, 1), new(2025, 5, 31), new(2025, 6, 20));
        (ordered.OrderedOn, ordered.OrderedDueOn) = (new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 30));
        PerformanceTask[] tasks =
        [
            Task(new(2025, 3, 3), new(2025, 4, 2), new(2025, 4, 2)),            // performed on the last day: on time (inclusive)
            Task(new(2025, 3, 3), new(2025, 4, 2), new(2025, 4, 3)),            // a day late: against
            Task(new(2025, 3, 3), new(2025, 4, 2), null),                       // due passed, nothing reported: against
            Task(new(2025, 3, 3), new(2025, 4, 2), null, PerformanceStatus.Unassigned), // awaiting a unit, due passed: against
            ordered,                                                            // performed within the ordered period but after the deadline: late
            Task(new(2025, 12, 31), new(2026, 1, 30), new(2026, 1, 5)),         // decided on the last day of the year: counts in 2025, on time
            Task(new(2025, 12, 20), new(2099, 1, 1), null),                     // neither due nor performed: left out
            Task(new(2026, 1, 1), new(2026, 1, 2), null),                       // decided in 2026: not in 2025
            Task(new(2024, 12, 31), new(2025, 1, 30), new(2025, 1, 5)),         // decided in 2024: not in 2025
        ];
        await factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<ISystemWork>().Db<OversightDb>("测试");
            db.PerformanceTasks.AddRange(tasks);
            await db.SaveChangesAsync();
        });

        var report = await agency.GetFromJsonAsync<JsonElement>("/api/oversight/performance/report?year=2025");
        Assert.Equal((2, 6), (report.GetProperty("onTime").GetProperty("counted").GetInt32(), report.GetProperty("onTime").GetProperty("total").GetInt32()));
        Assert.Equal(7, report.GetProperty("decisions").GetInt32());
        Assert.Equal(1, report.GetProperty("unassigned").GetInt32());
        Assert.Equal(1, report.GetProperty("ordered").GetInt32());
        var records = await agency.GetFromJsonAsync<JsonElement>($"/api/oversight/records?metric=performance-on-time&year=2025&group=unit:{county}");
        Assert.Equal((2, 6), (records.GetProperty("counted").GetInt32(), records.GetProperty("total").GetInt32()));
        Assert.False(records.GetProperty("records").GetProperty("items")[0].GetProperty("counted").GetBoolean());
        await (await agency.GetAsync("/api/oversight/records?metric=performance-on-time&year=2025&group=result:maintain")).AssertRefusedNamingAsync("group");

        // The annual .xlsx report (应诉工作年度报告 tables) carries the same 履行率 beside the other rates, with its definition and by unit.
        var xlsx = await agency.GetAsync("/api/oversight/report.xlsx?year=2025");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        var summary = Fazhi.Platform.Features.Documents.XlsxReader.Read(new MemoryStream(bytes), "2025年度汇总");
        var performed = Assert.Single(summary, r => r[0] == PerformanceStatistics.OnTimeTitle);
        Assert.Equal(("2", "6", "33.33%", PerformanceStatistics.OnTimeDefinition), (performed[1], performed[2], performed[3], performed[4]));
        var byUnit = Fazhi.Platform.Features.Documents.XlsxReader.Read(new MemoryStream(bytes), "复议决定履行率（按单位）").Skip(1).Where(r => !r.IsBlank).ToList();
        Assert.Equal(("2", "6"), (Assert.Single(byUnit)[1], byUnit[0][2]));

        // The computed indicator and the dashboard contract give the same figure.
        var (indicator, rates) = await factory.InScopeAsync(async sp =>
        {
            var provider = sp.GetServices<IComputedIndicatorProvider>().Single(p => p.Key == "oversight.reconsideration-performance");
            var value = await provider.ComputeAsync(new ComputedIndicatorQuery(new(2025, 1, 1), new(2025, 12, 31), Guid.Empty, [county]), CancellationToken.None);
            var all = await sp.GetRequiredService<Contracts.IOversightRates>().GetAsync(new(new(2025, 1, 1), new(2025, 12, 31), [county]), CancellationToken.None);
            return (value, all.Rates.Single(r => r.Key == "oversight.reconsideration-performance"));
        });
        Assert.Equal((2m, 6m), (indicator.Numerator, indicator.Denominator));
        Assert.Equal((2, 6), (rates.Numerator, rates.Denominator));

        // Escalation: the overdue task reminds the county and, marked 【督办】, the office above; once per task and deadline.
        var office = await factory.CreateUserAsync(Kit.Office, "370400");
        var first = await factory.InScopeAsync(sp => sp.GetRequiredService<PerformanceReminders>().RunAsync(CancellationToken.None));
        Assert.True(first.Sent > 0);
        var second = await factory.InScopeAsync(sp => sp.GetRequiredService<PerformanceReminders>().RunAsync(CancellationToken.None));
        Assert.Equal(0, second.Sent);
        var officeApi = await factory.ApiClientAsync(office);
        var inbox = (await officeApi.GetFromJsonAsync<JsonElement>("/api/platform/notifications?pageSize=200")).GetProperty("items").EnumerateArray()
            .Where(x => x.GetProperty("link").GetString() == $"/oversight/performance/{tasks[2].Id}").ToList();
        Assert.StartsWith("【督办】复议决定逾期未履行", Assert.Single(inbox).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_home_page_syncs_at_most_once_a_minute_while_a_task_list_read_takes_a_decision_made_a_moment_ago()
    {
        var (code, name, _) = await CountyAsync();
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370402"));
        var office = await _kit.ClientAsync(Kit.Office, "370400");
        Task<int> SyncUnlessFresh(TimeSpan freshness) => factory.InScopeAsync(sp => sp.GetRequiredService<PerformanceSync>().SyncUnlessFreshAsync(freshness, CancellationToken.None));

        // A sync has just run (a list read): the home page's sync (fresh within a minute) skips; a decision made since is
        // not yet a task for it, but the task list's own sync takes it at once (the guarantee of ADR 0038 stays).
        Assert.Empty(await FindAsync(office, "无此案号"));
        var revoked = await DecideAsync(clerk, name + "人民政府", "revoke");
        Assert.Equal(0, await SyncUnlessFresh(PerformanceSync.HomePageFreshness));
        Assert.Equal(0, await factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<ISystemWork>().Db<OversightDb>("测试");
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.PerformanceTasks, t => t.CaseNumber == revoked);
        }));
        Assert.Single(await FindAsync(office, revoked));

        // Past the freshness (here none accepted) the home page's sync runs and takes what is new.
        var another = await DecideAsync(clerk, name + "人民政府", "illegal");
        Assert.True(await SyncUnlessFresh(TimeSpan.Zero) >= 1);
        Assert.Single(await FindAsync(office, another));

        // The clock itself: a completed sync is fresh for the freshness given, never from the future, and a later start wins.
        var clock = new PerformanceSyncClock();
        var t0 = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        Assert.False(clock.StartedWithin(t0, TimeSpan.FromMinutes(1)));
        clock.Completed(t0);
        Assert.True(clock.StartedWithin(t0.AddSeconds(60), TimeSpan.FromMinutes(1)));
        Assert.False(clock.StartedWithin(t0.AddSeconds(61), TimeSpan.FromMinutes(1)));
        Assert.False(clock.StartedWithin(t0.AddSeconds(-1), TimeSpan.FromMinutes(1)));
        clock.Completed(t0.AddSeconds(30));
        clock.Completed(t0);
        Assert.True(clock.StartedWithin(t0.AddSeconds(90), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task An_overdue_task_the_office_ordered_gives_a_notice_to_perform_naming_the_agency_the_decision_and_the_deadline_with_a_kept_number()
    {
        var (code, name, county) = await CountyAsync();
        var office = await _kit.ClientAsync(Kit.Office, "370400");
        var agency = await _kit.ClientAsync(Kit.Agency, code);
        var other = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var city = await factory.UnitIdAsync("370400");
        var today = await factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IDeadlineService>().Today));
        var task = new PerformanceTask
        {
            OrgUnitId = county, DecisionCaseId = Guid.CreateVersion7(), CaseNumber = $"枣政复〔2026〕{code}号", HandlingUnitId = city, Respondent = name,
            UnitBasis = "测试", ResultCode = "revoke", ResultName = "撤销", DecidedOn = today.AddDays(-40), DueOn = today.AddDays(-10), DueBasis = "测试", Demo = true,
            Status = PerformanceStatus.Pending,
        };
        await factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<ISystemWork>().Db<OversightDb>("测试");
            db.PerformanceTasks.Add(task);
            await db.SaveChangesAsync();
        });
        var url = $"/api/oversight/performance/{task.Id}";

        // Before the office records the order (第七十七条) there is no notice; another agency never sees the task.
        var early = await agency.GetAsync($"{url}/order-notice.docx");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("第七十七条", await early.Content.ReadAsStringAsync());
        var version = (await office.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt64();
        await Kit.OkAsync(await office.PostAsJsonAsync($"{url}/order", new { version, orderedOn = today, orderedDueOn = today.AddDays(15), note = "约谈主要负责人" }));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{url}/order-notice.docx")).StatusCode);

        // The notice opens, names the agency, the decision and both deadlines, carries a 文号 from the numbering kit, kept on later downloads.
        static async Task<string> TextAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Fazhi.Platform.Features.Documents.DocxTemplate.ContentType, response.Content.Headers.ContentType!.MediaType);
            using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        }
        var text = await TextAsync(await office.GetAsync($"{url}/order-notice.docx"));
        string Day(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
        Assert.Contains(OrderNotice.Title, text);
        Assert.Contains(name + "：", text);
        Assert.Contains($"{task.CaseNumber}行政复议案件作出撤销的行政复议决定", text);
        Assert.Contains($"应当于{Day(task.DueOn)}前履行", text);
        Assert.Contains($"现责令你单位于{Day(today.AddDays(15))}前履行", text);
        Assert.Contains("第七十七条", text);
        Assert.Contains("约谈主要负责人", text);
        var number = System.Text.RegularExpressions.Regex.Match(text, @"枣复责〔\d{4}〕\d+号").Value;
        Assert.NotEmpty(number);
        Assert.Contains(number, await TextAsync(await agency.GetAsync($"{url}/order-notice.docx")));

        // The task page links the notice.
        var page = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Kit.Agency, code));
        Assert.Contains($"{url}/order-notice.docx", await page.GetStringAsync($"/oversight/performance/{task.Id}"));
    }
}
