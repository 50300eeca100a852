using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Lists.Tests;

/// <summary>
/// 清单之外无证明 (优化营商环境条例 第四十四条): a citizen's report is routed to the unit named, with a deadline on the working-day
/// calendar from the settings row, a to-do for the unit, an answer the citizen reads with the query code, and nothing
/// visible outside the unit's scope.
/// </summary>
public sealed class ReportTests(ListsHost host) : IClassFixture<ListsHost>
{
    private async Task<JsonElement> ReportAsync(Guid? unit, string certificate)
    {
        var response = await host.Factory.CreateClient().PostAsJsonAsync("/api/lists/public/reports", new
        {
            unitId = unit,
            matter = "临时救助申请",
            certificateName = certificate,
            description = "窗口要求提供",
            contactPhone = "13912345678",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_report_reaches_the_unit_with_a_deadline_and_the_citizen_reads_the_answer_with_the_query_code()
    {
        var xuecheng = await host.Factory.UnitIdAsync("370403");
        var handlerUser = await host.Factory.CreateUserAsync("lists-unit", "370403");
        var handler = await host.Factory.ApiClientAsync(handlerUser);
        var receipt = await ReportAsync(xuecheng, "清单外的居住证明");
        var number = receipt.GetProperty("number").GetString()!;
        var code = receipt.GetProperty("queryCode").GetString()!;
        var due = DateOnly.Parse(receipt.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var expected = await host.Factory.InScopeAsync(sp =>
        {
            var deadlines = (Fazhi.Platform.Features.Calendar.IDeadlineService)sp.GetService(typeof(Fazhi.Platform.Features.Calendar.IDeadlineService))!;
            return deadlines.AddWorkingDaysAsync(deadlines.Today, 5);
        });
        Assert.Equal(expected.Date, due);

        var list = await handler.GetFromJsonAsync<JsonElement>("/api/lists/reports?status=Open&q=" + Uri.EscapeDataString(number));
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("临时救助申请", row.GetProperty("matter").GetString());
        Assert.Equal("139****5678", row.GetProperty("contactPhoneMasked").GetString());
        var id = row.GetProperty("id").GetString();

        // The unit's handler has a to-do and a message linking to the report.
        var browser = await host.Factory.SignedInBrowserAsync(handlerUser);
        Assert.NotNull(await HomeTodo.CountAsync(browser, "/lists/reports?status=Open"));
        var inbox = WebUtility.HtmlDecode(await browser.GetStringAsync("/notifications"));
        Assert.Contains(number, inbox);

        var track = host.Factory.CreateClient();
        var pending = await track.PostAsJsonAsync("/api/lists/public/reports/track", new { number, queryCode = code.ToLowerInvariant() });
        Assert.Equal("待答复", (await pending.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await track.PostAsJsonAsync("/api/lists/public/reports/track", new { number, queryCode = "WRONG123" })).StatusCode);

        await (await handler.PostAsJsonAsync($"/api/lists/reports/{id}/answer", new { finding = "ConfirmedCorrected", answer = "" })).AssertRefusedNamingAsync("answer");
        var answered = await handler.PostAsJsonAsync($"/api/lists/reports/{id}/answer", new { finding = "ConfirmedCorrected", answer = "已纠正，不再索要居住证明。" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await handler.PostAsJsonAsync($"/api/lists/reports/{id}/answer", new { finding = "OnList", answer = "再答" })).StatusCode);

        var view = await (await track.PostAsJsonAsync("/api/lists/public/reports/track", new { number, queryCode = code })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("已答复", view.GetProperty("statusName").GetString());
        Assert.Equal("已纠正，不再索要居住证明。", view.GetProperty("answer").GetString());
        Assert.Equal("情况属实，已纠正，不再索要", view.GetProperty("findingName").GetString());
    }

    [Fact]
    public async Task Nothing_of_a_report_leaks_to_another_unit()
    {
        var xuecheng = await host.Factory.UnitIdAsync("370403");
        var receipt = await ReportAsync(xuecheng, "越界查看测试证明");
        var owner = await host.OwnerAsync();
        var id = (await owner.GetFromJsonAsync<JsonElement>("/api/lists/reports?q=" + Uri.EscapeDataString(receipt.GetProperty("number").GetString()!)))
            .GetProperty("items")[0].GetProperty("id").GetString();
        var shizhong = await host.UnitAsync("370402");
        var seen = await shizhong.GetFromJsonAsync<JsonElement>("/api/lists/reports?q=" + Uri.EscapeDataString("越界查看测试证明"));
        Assert.Equal(0, seen.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await shizhong.GetAsync($"/api/lists/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shizhong.PostAsJsonAsync($"/api/lists/reports/{id}/answer", new { finding = "NotConfirmed", answer = "越界答复" })).StatusCode);
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-unit", "370402"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/lists/reports/{id}")).StatusCode);
        // Anonymous callers and staff without the permission reach neither.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Factory.CreateClient().GetAsync("/api/lists/reports")).StatusCode);
    }

    [Fact]
    public async Task A_report_naming_no_unit_goes_to_the_intake_unit_and_the_answer_period_is_data()
    {
        var owner = await host.OwnerAsync();
        var settings = await owner.GetFromJsonAsync<JsonElement>("/api/lists/settings");
        await (await owner.PutAsJsonAsync("/api/lists/settings", new { reportAnswerWorkingDays = 0, intakeUnitCode = "370400" })).AssertRefusedNamingAsync("reportAnswerWorkingDays");
        await (await owner.PutAsJsonAsync("/api/lists/settings", new { reportAnswerWorkingDays = 5, intakeUnitCode = "999999" })).AssertRefusedNamingAsync("intakeUnitCode");
        var saved = await owner.PutAsJsonAsync("/api/lists/settings", new { reportAnswerWorkingDays = 10, intakeUnitCode = "370400-SFJ", version = settings.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        try
        {
            var receipt = await ReportAsync(null, "不知道单位的证明");
            Assert.Equal("枣庄市司法局", receipt.GetProperty("unitName").GetString());
            var expected = await host.Factory.InScopeAsync(sp =>
            {
                var deadlines = (Fazhi.Platform.Features.Calendar.IDeadlineService)sp.GetService(typeof(Fazhi.Platform.Features.Calendar.IDeadlineService))!;
                return deadlines.AddWorkingDaysAsync(deadlines.Today, 10);
            });
            Assert.Equal(expected.Date.ToString("yyyy-MM-dd"), receipt.GetProperty("dueOn").GetString());
        }
        finally
        {
            var current = await owner.GetFromJsonAsync<JsonElement>("/api/lists/settings");
            (await owner.PutAsJsonAsync("/api/lists/settings", new { reportAnswerWorkingDays = 5, intakeUnitCode = "370400", version = current.GetProperty("version").GetInt64() })).EnsureSuccessStatusCode();
        }
        var bad = await host.Factory.CreateClient().PostAsJsonAsync("/api/lists/public/reports", new { matter = "", certificateName = "某证明", contactPhone = "12345" });
        var problem = await bad.AssertRefusedNamingAsync("matter");
        Assert.True(problem.GetProperty("errors").TryGetProperty("contactPhone", out _));
    }

    [Fact]
    public async Task The_intake_unit_transfers_a_report_naming_no_unit_and_the_new_unit_answers_it()
    {
        var receipt = await ReportAsync(null, "转办测试证明");
        var number = receipt.GetProperty("number").GetString()!;
        var intake = await host.UnitAsync("370400");
        var id = (await intake.GetFromJsonAsync<JsonElement>("/api/lists/reports?q=" + Uri.EscapeDataString(number))).GetProperty("items")[0].GetProperty("id").GetString();
        var xuecheng = await host.Factory.UnitIdAsync("370403");
        await (await intake.PostAsJsonAsync($"/api/lists/reports/{id}/transfer", new { unitId = xuecheng, reason = "" })).AssertRefusedNamingAsync("reason");
        var moved = await intake.PostAsJsonAsync($"/api/lists/reports/{id}/transfer", new { unitId = xuecheng, reason = "该事项由薛城区办理" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var body = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("薛城区：该事项由薛城区办理", body.GetProperty("transfers").GetString());
        Assert.Equal(receipt.GetProperty("dueOn").GetString(), body.GetProperty("dueOn").GetString());

        // Shizhong never sees it; Xuecheng does, and answers.
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.UnitAsync("370402")).GetAsync($"/api/lists/reports/{id}")).StatusCode);
        var handler = await host.UnitAsync("370403");
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"/api/lists/reports/{id}/answer", new { finding = "OnList", answer = "该证明在清单内。" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await handler.PostAsJsonAsync($"/api/lists/reports/{id}/transfer", new { unitId = await host.Factory.UnitIdAsync("370402"), reason = "再转" })).StatusCode);
    }
}
