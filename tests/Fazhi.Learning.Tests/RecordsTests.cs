using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.OrgUnits;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Learning.Tests;

/// <summary>
/// The per-person record: study activities, court hearings, oath ceremonies and duty reports (述职述法), one record per person,
/// its export and the units' completion rates against known data, within the unit's scope (ADR 0033).
/// </summary>
public sealed class RecordsTests(LearningHost host) : IClassFixture<LearningHost>
{
    private static async Task<Guid> PersonAsync(HttpClient office, Guid unit, string name, bool isLeader)
    {
        var created = await office.PostAsJsonAsync("/api/learning/people", new { name, orgUnitId = unit, post = isLeader ? "局长" : "科员", isLeader, level = isLeader ? "处级" : "科级" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> ActivityAsync(HttpClient client, string kind, string topic, string detail, params Guid[] people) =>
        await client.PostAsJsonAsync("/api/learning/activities", new { kind, date = DateTime.UtcNow.AddHours(8).AddDays(-1).ToString("yyyy-MM-dd"), topic, detail, people });

    [Fact]
    public async Task A_units_records_give_each_persons_record_and_the_completion_rates_and_stay_within_its_scope()
    {
        var office = await host.OfficeAsync();
        var code = "370403R" + Random.Shared.Next(10000, 99999);
        var unitId = await host.Factory.CreateUnitAsync(code, "记录测试单位" + code[^5..], OrgLevel.County, OrgKind.Department, "370403");
        var other = await host.Factory.UnitIdAsync("370402");
        var leader = await PersonAsync(office, unitId, "领导甲" + code[^5..], true);
        var staff = await PersonAsync(office, unitId, "科员乙" + code[^5..], false);
        var (taker, examinee, _) = await host.TakerAsync(office, code);
        var outsider = await PersonAsync(office, other, "外单位丙" + code[^5..], true);
        var unit = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("learning-unit", code));
        var year = DateTime.UtcNow.AddHours(8).AddDays(-1).Year;

        // The unit records its own study and hearings; another unit's person, a missing topic and a future date are refused by name.
        Assert.Equal(HttpStatusCode.Created, (await ActivityAsync(unit, "StudySession", "集体学法：行政复议法", "局长", leader, staff)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ActivityAsync(unit, "CourtHearing", "某公司诉某局行政处罚案", "市中级人民法院", staff)).StatusCode);
        await (await ActivityAsync(unit, "StudySession", "越权登记", "", leader, outsider)).AssertRefusedNamingAsync("people");
        await (await ActivityAsync(unit, "Lecture", "", "", leader)).AssertRefusedNamingAsync("topic");
        await (await unit.PostAsJsonAsync("/api/learning/activities", new { kind = "Lecture", date = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"), topic = "未来", people = new[] { leader } }))
            .AssertRefusedNamingAsync("date");
        // The office holds an oath ceremony across units.
        Assert.Equal(HttpStatusCode.Created, (await ActivityAsync(office, "Oath", "宪法宣誓仪式", "市人大常委会", leader, outsider)).StatusCode);

        // The leader's duty report: only leaders report, once a year; the file is attached; only the office evaluates.
        await (await unit.PostAsJsonAsync("/api/learning/duty-reports", new { personId = staff, year, summary = "述法" })).AssertRefusedNamingAsync("personId");
        await (await unit.PostAsJsonAsync("/api/learning/duty-reports", new { personId = leader, year = 1990, summary = "述法" })).AssertRefusedNamingAsync("year");
        var submitted = await unit.PostAsJsonAsync("/api/learning/duty-reports", new { personId = leader, year, summary = "履行法治建设第一责任人职责情况" });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var report = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var reportId = report.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await unit.PostAsJsonAsync("/api/learning/duty-reports", new { personId = leader, year, summary = "再交一次" })).StatusCode);
        var pdf = new ByteArrayContent([.. "%PDF-1.4\n1 0 obj<<>>endobj\n"u8.ToArray(), .. Guid.NewGuid().ToByteArray(), .. "\ntrailer<<>>\n%%EOF\n"u8.ToArray()]);
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var uploaded = await unit.PostAsync($"/api/learning/duty-reports/{reportId}/file", new MultipartFormDataContent { { pdf, "file", "述职述法报告.pdf" } });
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", (await unit.GetAsync($"/api/learning/duty-reports/{reportId}/file")).Content.Headers.ContentType!.MediaType);
        var version = report.GetProperty("version").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/api/learning/duty-reports/{reportId}/evaluate", new { evaluation = "优秀", version })).StatusCode);
        var reports = await office.GetFromJsonAsync<JsonElement>($"/api/learning/duty-reports?year={year}");
        version = reports.EnumerateArray().First(r => r.GetProperty("id").GetGuid() == reportId).GetProperty("version").GetInt64();
        await (await office.PostAsJsonAsync($"/api/learning/duty-reports/{reportId}/evaluate", new { evaluation = "很好", version })).AssertRefusedNamingAsync("evaluation");
        (await office.PostAsJsonAsync($"/api/learning/duty-reports/{reportId}/evaluate", new { evaluation = "优秀", note = "述法具体", version })).EnsureSuccessStatusCode();

        // One exam passed by the third person.
        var category = "档案测试" + code[^5..];
        await LearningHost.QuestionAsync(office, LearningHost.Single(category + " 唯一题", category));
        var paper = await (await office.PostAsJsonAsync("/api/learning/papers", new { title = "档案试卷", mode = "Random", rules = $"{category}|易|1", pointsEach = 10 })).Content.ReadFromJsonAsync<JsonElement>();
        var exam = await (await office.PostAsJsonAsync("/api/learning/exams", new
        {
            title = "档案考试", paperId = paper.GetProperty("id").GetGuid(), opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(1), passMark = 10, people = new[] { examinee },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var examId = exam.GetProperty("id").GetGuid();
        (await office.PostAsJsonAsync($"/api/learning/exams/{examId}/publish", new { version = exam.GetProperty("version").GetInt64() })).EnsureSuccessStatusCode();
        var session = Guid.NewGuid().ToString("N");
        var attempt = (await (await taker.PostAsJsonAsync($"/api/learning/exams/{examId}/start", new { session })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attemptId").GetGuid();
        var item = (await taker.GetFromJsonAsync<JsonElement>($"/api/learning/attempts/{attempt}")).GetProperty("items")[0];
        var right = ((char)('A' + item.GetProperty("options").EnumerateArray().Select(o => o.GetString()).ToList().IndexOf("二年"))).ToString();
        (await taker.PutAsJsonAsync($"/api/learning/attempts/{attempt}/answers/1", new { session, answer = right })).EnsureSuccessStatusCode();
        (await taker.PostAsJsonAsync($"/api/learning/attempts/{attempt}/submit", new { session })).EnsureSuccessStatusCode();

        // The leader's record: the unit's study session and the city's oath, the evaluated report with its file.
        var record = await unit.GetFromJsonAsync<JsonElement>($"/api/learning/people/{leader}/record");
        Assert.Equal(["Oath", "StudySession"], record.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));
        var dutyRow = Assert.Single(record.GetProperty("dutyReports").EnumerateArray());
        Assert.Equal(("优秀", "述职述法报告.pdf"), (dutyRow.GetProperty("evaluation").GetString(), dutyRow.GetProperty("fileName").GetString()));
        Assert.Empty(record.GetProperty("exams").EnumerateArray());
        var examRecord = Assert.Single((await unit.GetFromJsonAsync<JsonElement>($"/api/learning/people/{examinee}/record")).GetProperty("exams").EnumerateArray());
        Assert.Equal(("档案考试", "合格"), (examRecord.GetProperty("exam").GetString(), examRecord.GetProperty("result").GetString()));
        var sheet = XlsxReader.Read(new MemoryStream(await unit.GetByteArrayAsync($"/api/learning/people/{leader}/record.xlsx")));
        Assert.Equal(["宪法宣誓", "述职述法", "集体学法"], sheet.Skip(1).Select(r => r.Cells[0]).Order(StringComparer.Ordinal));

        // Completion this year, over the unit's three people (one leader): exam 1, study 2, hearing 1, oath 1, reports 1 of 1.
        var completion = await unit.GetFromJsonAsync<JsonElement>($"/api/learning/completion?year={year}");
        var mine = Assert.Single(completion.EnumerateArray());
        Assert.Equal((3, 1, 1, 2, 1, 1, 1), (mine.GetProperty("people").GetInt32(), mine.GetProperty("leaders").GetInt32(), mine.GetProperty("examPassed").GetInt32(),
            mine.GetProperty("studied").GetInt32(), mine.GetProperty("hearings").GetInt32(), mine.GetProperty("sworn").GetInt32(), mine.GetProperty("reported").GetInt32()));
        Assert.Equal((33.3m, 66.7m, 33.3m, 100.0m), (mine.GetProperty("examRate").GetDecimal(), mine.GetProperty("studyRate").GetDecimal(), mine.GetProperty("hearingRate").GetDecimal(),
            mine.GetProperty("reportRate").GetDecimal()));
        await (await unit.GetAsync("/api/learning/completion?year=-1")).AssertRefusedNamingAsync("year");
        await (await unit.GetAsync("/api/learning/activities?year=99999")).AssertRefusedNamingAsync("year");
        var all = (await office.GetFromJsonAsync<JsonElement>($"/api/learning/completion?year={year}")).EnumerateArray().ToList();
        var otherName = (await host.Factory.UnitAsync("370402")).Name;
        var otherUnit = all.Single(u => u.GetProperty("unitName").GetString() == otherName);
        Assert.Equal((1, 0.0m), (otherUnit.GetProperty("sworn").GetInt32(), otherUnit.GetProperty("reportRate").GetDecimal()));

        // The computed indicators for an assessment campaign over the unit this year, person by person with links to the records.
        async Task<Fazhi.Assessment.Contracts.ComputedIndicatorValue> ComputeAsync(string key) => await host.Factory.InScopeAsync(sp =>
            sp.GetServices<Fazhi.Assessment.Contracts.IComputedIndicatorProvider>().Single(p => p.Key == key)
                .ComputeAsync(new Fazhi.Assessment.Contracts.ComputedIndicatorQuery(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), unitId, [unitId]), CancellationToken.None));
        var participation = await ComputeAsync("learning.exam-participation");
        Assert.Equal((1m, 3m), (participation.Numerator, participation.Denominator));
        Assert.Contains(participation.Records, r => r.Counted && r.Link == $"/learning/people/{examinee}/record");
        var pass = await ComputeAsync("learning.exam-pass");
        Assert.Equal((1m, 1m, 1m), (pass.Numerator, pass.Denominator, pass.Value));
        var duty = await ComputeAsync("learning.duty-reports");
        Assert.Equal((1m, 1m), (duty.Numerator, duty.Denominator));
        Assert.Equal($"/learning/people/{leader}/record", Assert.Single(duty.Records).Link);
        var study = await ComputeAsync("learning.study");
        Assert.Equal((2m, 3m), (study.Numerator, study.Denominator));
        Assert.False(study.Records[0].Counted); // the ones not counted first
        Assert.Null((await host.Factory.InScopeAsync(sp => sp.GetServices<Fazhi.Assessment.Contracts.IComputedIndicatorProvider>().Single(p => p.Key == "learning.exam-pass")
            .ComputeAsync(new Fazhi.Assessment.Contracts.ComputedIndicatorQuery(new DateOnly(year - 1, 1, 1), new DateOnly(year - 1, 12, 31), unitId, [unitId]), CancellationToken.None))).Value);

        // Scope: another unit's person's record is not found; the unit's activity list has its own activities only.
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"/api/learning/people/{outsider}/record")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"/api/learning/people/{outsider}/record.xlsx")).StatusCode);
        var activities = await unit.GetFromJsonAsync<JsonElement>($"/api/learning/activities?year={year}");
        Assert.Equal(["CourtHearing", "StudySession"], activities.EnumerateArray().Select(a => a.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await taker.GetAsync($"/api/learning/people/{examinee}/record")).StatusCode);

        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("learning-unit", code));
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/learning/records?year={year}"));
        Assert.Contains("某公司诉某局行政处罚案", page);
        Assert.Contains("履行法治建设第一责任人职责情况", page);
        Assert.Contains("2 （66.7%）".Replace(" ", ""), page);
        var recordPage = WebUtility.HtmlDecode(await browser.GetStringAsync($"/learning/people/{leader}/record"));
        Assert.Contains("宪法宣誓仪式", recordPage);
        Assert.Contains("述职述法报告.pdf", recordPage);
        Assert.Contains("不在您的数据范围内", WebUtility.HtmlDecode(await browser.GetStringAsync($"/learning/people/{outsider}/record")));
    }
}
