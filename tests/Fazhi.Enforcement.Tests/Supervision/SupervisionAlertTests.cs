using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Tests.CaseFileReview;
using Fazhi.Enforcement.Tests.Cases;
using Fazhi.Enforcement.Tests.Infrastructure;

namespace Fazhi.Enforcement.Tests.Supervision;

/// <summary>
/// Supervision alerts from the stored flags and indexes: a major decision without a passed legal review (行政处罚法 第五十八条),
/// a penalty outside the benchmark, a decision never published or published after the 7 working days, each listed and counted per body.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SupervisionAlertTests(FazhiFactory factory)
{
    private readonly ReviewTestData _data = new(factory);

    private static List<JsonElement> AlertsFor(JsonElement report, Guid caseId) =>
        report.GetProperty("alerts").EnumerateArray()
            .Where(a => a.GetProperty("caseId").ValueKind == JsonValueKind.String && a.GetProperty("caseId").GetGuid() == caseId).ToList();

    [Fact]
    public async Task Alerts_list_and_count_missing_legal_reviews_penalties_outside_range_and_late_or_missing_publication_per_body()
    {
        var unit = await _data.UnitAsync(CaseTestKit.Ecology);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var unreviewed = await _data.CaseAsync(unit, CaseStage.Decided, null, c => c.IsMajor = true);
        var reviewed = await _data.CaseAsync(unit, CaseStage.Served, null, c => (c.IsMajor, c.LegalReviewPassed) = (true, true));
        var outside = await _data.CaseAsync(unit, CaseStage.Closed, null, c => (c.SupervisionFlag, c.SupervisionNotes, c.WrittenReason) = (true, "罚款超出裁量基准幅度。", "情节特别严重"));
        var revokedOutside = await _data.CaseAsync(unit, CaseStage.Revoked, null, c => c.SupervisionFlag = true);
        var neverPublished = await _data.CaseAsync(unit, CaseStage.Decided, null, c => c.PublicationDueOn = today.AddDays(-3));
        var notYetDue = await _data.CaseAsync(unit, CaseStage.Decided, null, c => c.PublicationDueOn = today.AddDays(3));
        var publishedLate = await _data.CaseAsync(unit, CaseStage.Executed, null, c =>
            (c.PublicationDueOn, c.PublishedOn, c.PublishedLate) = (today.AddDays(-20), today.AddDays(-15), true));
        var publishedInTime = await _data.CaseAsync(unit, CaseStage.Closed, null, c => (c.PublicationDueOn, c.PublishedOn) = (today.AddDays(-20), today.AddDays(-25)));

        var city = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-supervisor", "370400"));
        var report = await city.GetFromJsonAsync<JsonElement>($"/api/enforcement/supervision?orgUnitId={unit}");
        string Kinds(PenaltyCase c) => string.Join(",", AlertsFor(report, c.Id).Select(a => a.GetProperty("kind").GetString()));
        Assert.Equal("NoLegalReview", Kinds(unreviewed));
        Assert.Equal("", Kinds(reviewed));
        Assert.Equal("OutsideRange", Kinds(outside));
        Assert.Contains("情节特别严重", AlertsFor(report, outside.Id)[0].GetProperty("detail").GetString());
        Assert.Equal("", Kinds(revokedOutside));
        Assert.Equal("NotPublished", Kinds(neverPublished));
        Assert.Contains("未在 7 个工作日内", AlertsFor(report, neverPublished.Id)[0].GetProperty("detail").GetString());
        Assert.Equal("", Kinds(notYetDue));
        Assert.Equal("NotPublished", Kinds(publishedLate));
        Assert.Contains("超过 7 个工作日期限", AlertsFor(report, publishedLate.Id)[0].GetProperty("detail").GetString());
        Assert.Equal("", Kinds(publishedInTime));

        // The per-body counts agree with the listed alerts of this body.
        var body = report.GetProperty("perBody").EnumerateArray().Single(b => b.GetProperty("orgUnitId").GetGuid() == unit);
        var alerts = report.GetProperty("alerts").EnumerateArray().Where(a => a.GetProperty("orgUnitId").GetGuid() == unit).ToList();
        Assert.Equal(alerts.Count(a => a.GetProperty("kind").GetString() == "NoLegalReview"), body.GetProperty("noLegalReview").GetInt32());
        Assert.Equal(alerts.Count(a => a.GetProperty("kind").GetString() == "OutsideRange"), body.GetProperty("outsideRange").GetInt32());
        Assert.Equal(alerts.Count(a => a.GetProperty("kind").GetString() == "NotPublished"), body.GetProperty("notPublished").GetInt32());
        Assert.True(body.GetProperty("notPublished").GetInt32() >= 2);
    }

    [Fact]
    public async Task A_supervisor_follows_an_alert_to_a_read_only_case_view_in_its_scope_only()
    {
        var unit = await _data.UnitAsync(CaseTestKit.Ecology);
        var flagged = await _data.CaseAsync(unit, CaseStage.Decided, null, c =>
            (c.SupervisionFlag, c.SupervisionNotes, c.WrittenReason) = (true, "罚款超出裁量基准幅度。", CaseTestKit.Unique("理由")));

        var supervisor = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("enforcement-supervisor", CaseTestKit.Ecology));
        var board = await supervisor.GetStringAsync("/enforcement/supervision");
        var link = $"/enforcement/supervision/cases/{flagged.Id}";
        Assert.Contains($"href=\"{link}\"", board);
        var view = await supervisor.GetAsync(link);
        var html = await view.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, view.StatusCode);
        Assert.Contains(flagged.Number, html);
        Assert.Contains(flagged.WrittenReason, html);
        Assert.Contains("全过程记录", html);
        Assert.DoesNotContain("name=\"_handler\"", html); // no action form

        // Handling stays with officers; another department's supervisor does not see the case.
        var handling = await supervisor.GetAsync($"/enforcement/cases/{flagged.Id}");
        Assert.True(handling.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Redirect, $"{(int)handling.StatusCode}");
        Assert.DoesNotContain(flagged.WrittenReason, await handling.Content.ReadAsStringAsync());
        var other = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("enforcement-supervisor", CaseTestKit.Market));
        var outside = await other.GetStringAsync(link);
        Assert.Contains("不在您的数据范围内", outside);
        Assert.DoesNotContain(flagged.WrittenReason, outside);
    }
}
