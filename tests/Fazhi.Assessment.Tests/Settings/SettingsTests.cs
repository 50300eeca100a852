using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Tests.Infrastructure;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Settings;

/// <summary>The office's supervision and report settings are data: validated, versioned, permissioned, and used by 督办 and the reports.</summary>
[Collection(HostCollection.Name)]
public sealed class SettingsTests(FazhiFactory factory)
{
    [Fact]
    public async Task Bad_settings_are_refused_field_by_field_and_nothing_is_saved()
    {
        var office = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        var before = await office.GetFromJsonAsync<JsonElement>("/api/assessment/settings");
        var response = await office.PutAsJsonAsync("/api/assessment/settings", new { superviseAfterReturns = 0, supervisionRepeatDays = 200, reportSignature = " ", version = before.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("1 至 10", errors.GetProperty("superviseAfterReturns")[0].GetString());
        Assert.Contains("1 至 90", errors.GetProperty("supervisionRepeatDays")[0].GetString());
        Assert.Contains("落款", errors.GetProperty("reportSignature")[0].GetString());
        var after = await office.GetFromJsonAsync<JsonElement>("/api/assessment/settings");
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());

        // Units may not change them.
        var unit = await factory.ApiClientAsync(await factory.CreateUserAsync(Unit, CampaignSetup.Sfj));
        await ExpectAsync(await unit.PutAsJsonAsync("/api/assessment/settings", new { superviseAfterReturns = 3, supervisionRepeatDays = 7, reportSignature = "某单位" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Lowering_the_returned_times_threshold_escalates_a_task_returned_once_and_the_reports_carry_the_new_signature()
    {
        var s = await CampaignSetup.CreateAsync(factory, $"设置督办-{Guid.NewGuid():N}"[..16]);
        var leader = await factory.CreateUserAsync(UnitLeader, CampaignSetup.Xuecheng);
        var xuecheng = await factory.ApiClientAsync(await factory.CreateUserAsync(DistrictReviewer, CampaignSetup.Xuecheng));
        var task = s.TaskIds[$"X2@{CampaignSetup.Xuecheng}"];
        var d = await xuecheng.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{task}");
        await ExpectAsync(await xuecheng.PutAsJsonAsync($"/api/assessment/tasks/{task}/draft", new { version = d.GetProperty("version").GetInt64(), statement = "材料" }), HttpStatusCode.NoContent);
        await ExpectAsync(await xuecheng.PostAsync($"/api/assessment/tasks/{task}/submit", null), HttpStatusCode.NoContent);
        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/tasks/{task}/return", new { reason = "缺少会议纪要。" }), HttpStatusCode.NoContent);

        async Task<bool> NotifiedAsync()
        {
            await ExpectAsync(await s.Office.PostAsync($"/api/assessment/campaigns/{s.CampaignId}/supervise", null), HttpStatusCode.OK);
            var inbox = await (await factory.ApiClientAsync(leader)).GetFromJsonAsync<JsonElement>("/api/platform/notifications");
            return inbox.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("link").GetString() == $"/assessment/tasks/{task}");
        }

        // Default: twice. Returned once is not escalated.
        Assert.False(await NotifiedAsync());
        var settings = await s.Office.GetFromJsonAsync<JsonElement>("/api/assessment/settings");
        var changed = await s.Office.PutAsJsonAsync("/api/assessment/settings", new { superviseAfterReturns = 1, supervisionRepeatDays = 7, reportSignature = "枣庄市法治政府建设考评办公室", version = settings.GetProperty("version").GetInt64() });
        await ExpectAsync(changed, HttpStatusCode.OK);
        try
        {
            // A stale version is refused.
            await ExpectAsync(await s.Office.PutAsJsonAsync("/api/assessment/settings", new { superviseAfterReturns = 3, supervisionRepeatDays = 7, reportSignature = "x", version = settings.GetProperty("version").GetInt64() }), HttpStatusCode.Conflict);
            Assert.True(await NotifiedAsync());
            Assert.Contains("枣庄市法治政府建设考评办公室", await DocxTextAsync(await s.Office.GetAsync($"/api/assessment/campaigns/{s.CampaignId}/reports/weekly-digest.docx")));
        }
        finally
        {
            var now = await s.Office.GetFromJsonAsync<JsonElement>("/api/assessment/settings");
            await ExpectAsync(await s.Office.PutAsJsonAsync("/api/assessment/settings", new { superviseAfterReturns = 2, supervisionRepeatDays = 7, reportSignature = "枣庄市法治政府建设工作领导小组办公室", version = now.GetProperty("version").GetInt64() }), HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task The_settings_page_shows_inline_messages_and_saves()
    {
        var office = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Office));
        var page = await office.GetStringAsync("/assessment/settings");
        Assert.Contains("退回几次后督办", page);
        var bad = await Forms.SubmitAsync(office, "/assessment/settings", "assessment-settings", new Dictionary<string, string>
        {
            ["Input.SuperviseAfterReturns"] = "0", ["Input.SupervisionRepeatDays"] = "7", ["Input.ReportSignature"] = "枣庄市法治政府建设工作领导小组办公室",
        });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("退回次数须为 1 至 10 之间的整数。", html);
        Assert.Contains("设置未保存", html);
        var good = await Forms.SubmitAsync(office, "/assessment/settings", "assessment-settings", new Dictionary<string, string>
        {
            ["Input.SuperviseAfterReturns"] = "2", ["Input.SupervisionRepeatDays"] = "7", ["Input.ReportSignature"] = "枣庄市法治政府建设工作领导小组办公室",
        });
        Assert.Contains("设置已保存。", await good.Content.ReadAsStringAsync());

        // Units do not reach the page.
        var unit = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Unit, CampaignSetup.Sfj));
        var refused = await unit.GetAsync("/assessment/settings");
        Assert.DoesNotContain("退回几次后督办", await refused.Content.ReadAsStringAsync());
    }
}
