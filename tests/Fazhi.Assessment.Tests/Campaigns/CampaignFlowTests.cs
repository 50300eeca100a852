using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Tests.Infrastructure;
using Fazhi.Platform.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Campaigns;

[Collection(HostCollection.Name)]
public sealed class CampaignFlowTests(FazhiFactory factory)
{
    private const string Town = CampaignSetup.Town;
    private const string Shizhong = CampaignSetup.Shizhong;
    private const string Xuecheng = CampaignSetup.Xuecheng;
    private const string Sfj = CampaignSetup.Sfj;

    private Task<CampaignSetup.Setup> CampaignAsync(string name) => CampaignSetup.CreateAsync(factory, name);

    [Fact]
    public async Task A_campaign_runs_assign_submit_return_resubmit_approve_bottom_up_lock_score_rank_and_appeal()
    {
        var s = await CampaignAsync($"2026年度法治政府建设考评-{Guid.NewGuid():N}"[..24]);
        var townUser = await factory.CreateUserAsync(Unit, Town);
        var town = await factory.ApiClientAsync(townUser);
        var district = await factory.ApiClientAsync(await factory.CreateUserAsync(DistrictReviewer, Shizhong));
        var xuecheng = await factory.ApiClientAsync(await factory.CreateUserAsync(DistrictReviewer, Xuecheng));
        var sfj = await factory.ApiClientAsync(await factory.CreateUserAsync(Unit, Sfj));
        var x1 = s.TaskIds[$"X1@{Town}"];

        // The town's task list: its indicator, the due date on the working-day calendar (10 working days over National Day), status, evidence expected.
        var expectedDue = await factory.InScopeAsync(async sp => (await sp.GetRequiredService<IDeadlineService>().AddWorkingDaysAsync(s.StartsOn, 10)).Date);
        Assert.True(expectedDue > s.StartsOn.AddDays(14), "the National Day holiday is not counted");
        var list = (await town.GetFromJsonAsync<JsonElement>("/api/assessment/tasks")).EnumerateArray().Where(t => t.GetProperty("campaignId").GetGuid() == s.CampaignId).ToList();
        var mine = Assert.Single(list);
        Assert.Equal("镇街综合执法规范化", mine.GetProperty("indicatorTitle").GetString());
        Assert.Equal(expectedDue, DateOnly.Parse(mine.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("NotStarted", mine.GetProperty("status").GetString());
        Assert.Equal("佐证材料", mine.GetProperty("evidenceRequirements").GetString());

        // Draft, evidence (a figure, a record in Fazhi, a file), submit.
        var detail = await town.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{x1}");
        await ExpectAsync(await town.PutAsJsonAsync($"/api/assessment/tasks/{x1}/draft", new { version = detail.GetProperty("version").GetInt64(), statement = "已建立综合执法队伍。", submittedValue = 12 }), HttpStatusCode.NoContent);
        await ExpectAsync(await town.PostAsJsonAsync($"/api/assessment/tasks/{x1}/evidence", new { kind = "Figure", title = "执法人员持证人数", value = 12, unit = "人" }), HttpStatusCode.Created);
        await ExpectAsync(await town.PostAsJsonAsync($"/api/assessment/tasks/{x1}/evidence", new { kind = "Record", title = "已办结纠纷案件", recordType = "disputes.case", recordId = "TJ-2026-0001" }), HttpStatusCode.Created);
        using (var multipart = new MultipartFormDataContent())
        {
            var pdf = new ByteArrayContent("%PDF-1.4\n% 执法方案\n"u8.ToArray());
            pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            multipart.Add(pdf, "file", "执法方案.pdf");
            multipart.Add(new StringContent("综合执法工作方案"), "title");
            await ExpectAsync(await town.PostAsync($"/api/assessment/tasks/{x1}/evidence", multipart), HttpStatusCode.Created);
        }
        await ExpectAsync(await town.PostAsync($"/api/assessment/tasks/{x1}/submit", null), HttpStatusCode.NoContent);

        // Bottom-up: the office cannot accept before the district has approved.
        var early = await s.Office.PostAsync($"/api/assessment/tasks/{x1}/accept", null);
        await ExpectAsync(early, HttpStatusCode.Conflict);
        Assert.Contains("逐级审核", await DetailAsync(early));
        // A submitted record refuses edits, saying why.
        var whileSubmitted = await town.PostAsJsonAsync($"/api/assessment/tasks/{x1}/evidence", new { kind = "Figure", title = "补充", value = 1 });
        await ExpectAsync(whileSubmitted, HttpStatusCode.Conflict);
        Assert.Contains("正在审核", await DetailAsync(whileSubmitted));

        // The district returns: a reason is mandatory, and the town sees it.
        await ExpectAsync(await district.PostAsJsonAsync($"/api/assessment/tasks/{x1}/return", new { reason = "" }), HttpStatusCode.BadRequest);
        await ExpectAsync(await district.PostAsJsonAsync($"/api/assessment/tasks/{x1}/return", new { reason = "缺少执法人员培训记录，请补充2026年培训签到表。" }), HttpStatusCode.NoContent);
        detail = await town.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{x1}");
        Assert.Equal("Returned", detail.GetProperty("status").GetString());
        // Hand-overs (issue 13): the district was told of the submission, the town of the return with its reason.
        Assert.Contains(await InboxAsync(district, x1), n => n.GetProperty("title").GetString()!.StartsWith("待审核的考评材料"));
        Assert.Contains(await InboxAsync(town, x1), n => n.GetProperty("title").GetString() == "考评材料被退回"
            && n.GetProperty("body").GetString()!.Contains("缺少执法人员培训记录"));
        Assert.Equal("缺少执法人员培训记录，请补充2026年培训签到表。", detail.GetProperty("returnReason").GetString());
        Assert.Equal(3, detail.GetProperty("evidence").GetArrayLength());
        Assert.Contains(detail.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("link").ValueKind == JsonValueKind.String);

        // Resubmit; district approves up; the city office accepts and approves: locked.
        await ExpectAsync(await town.PostAsJsonAsync($"/api/assessment/tasks/{x1}/evidence", new { kind = "Figure", title = "培训人次", value = 30, unit = "人次" }), HttpStatusCode.Created);
        await ExpectAsync(await town.PostAsync($"/api/assessment/tasks/{x1}/submit", null), HttpStatusCode.NoContent);
        await ExpectAsync(await xuecheng.PostAsync($"/api/assessment/tasks/{x1}/approve-up", null), HttpStatusCode.NotFound); // another district: not even visible
        await ExpectAsync(await district.PostAsync($"/api/assessment/tasks/{x1}/approve-up", null), HttpStatusCode.NoContent);
        await ExpectAsync(await s.Office.PostAsync($"/api/assessment/tasks/{x1}/accept", null), HttpStatusCode.NoContent);
        await ExpectAsync(await s.Office.PostAsync($"/api/assessment/tasks/{x1}/approve", null), HttpStatusCode.NoContent);

        detail = await town.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{x1}");
        var locked = await town.PutAsJsonAsync($"/api/assessment/tasks/{x1}/draft", new { version = detail.GetProperty("version").GetInt64(), statement = "改一下" });
        await ExpectAsync(locked, HttpStatusCode.Conflict);
        var lockReason = await DetailAsync(locked);
        Assert.Contains("审定", lockReason);
        Assert.Contains("锁定", lockReason);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", lockReason);
        Assert.Equal(lockReason, detail.GetProperty("lockedReason").GetString());
        var events = detail.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["submitted", "returned", "submitted", "approved-up", "accepted", "approved"], events);

        // Scores: points for the town; deductions with reasons for the districts; X2 has the justice bureau as co-unit.
        var score = await s.Office.PostAsJsonAsync($"/api/assessment/tasks/{x1}/score", new { points = 11 });
        await ExpectAsync(score, HttpStatusCode.BadRequest);
        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/tasks/{x1}/score", new { points = 9 }), HttpStatusCode.OK);

        var x2a = s.TaskIds[$"X2@{Shizhong}"];
        var x2b = s.TaskIds[$"X2@{Xuecheng}"];
        // The co-unit sees the task it helps with and adds its own evidence; it cannot submit for the lead unit.
        var coList = (await sfj.GetFromJsonAsync<JsonElement>("/api/assessment/tasks")).EnumerateArray().Where(t => t.GetProperty("campaignId").GetGuid() == s.CampaignId).ToList();
        Assert.Contains(coList, t => t.GetProperty("taskId").GetGuid() == x2a && t.GetProperty("role").GetString() == "配合");
        await ExpectAsync(await sfj.PutAsJsonAsync($"/api/assessment/tasks/{x2a}/contribution", new { statement = "司法局提供执法证件数据。" }), HttpStatusCode.NoContent);
        await ExpectAsync(await sfj.PostAsJsonAsync($"/api/assessment/tasks/{x2a}/evidence", new { kind = "Figure", title = "市中区有效执法证件", value = 356, unit = "件" }), HttpStatusCode.Created);
        await ExpectAsync(await sfj.PostAsync($"/api/assessment/tasks/{x2a}/submit", null), HttpStatusCode.Forbidden);
        var leadView = await district.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{x2a}");
        Assert.Contains(leadView.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("unit").GetString() == "枣庄市司法局" && e.GetProperty("value").GetDecimal() == 356);
        Assert.Contains(leadView.GetProperty("contributions").EnumerateArray(), c => c.GetProperty("statement").GetString() == "司法局提供执法证件数据。");

        foreach (var (client, id) in new[] { (district, x2a), (xuecheng, x2b) })
        {
            var d = await client.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{id}");
            await ExpectAsync(await client.PutAsJsonAsync($"/api/assessment/tasks/{id}/draft", new { version = d.GetProperty("version").GetInt64(), statement = "三项制度全面落实。" }), HttpStatusCode.NoContent);
            await ExpectAsync(await client.PostAsync($"/api/assessment/tasks/{id}/submit", null), HttpStatusCode.NoContent);
            await ExpectAsync(await s.Office.PostAsync($"/api/assessment/tasks/{id}/accept", null), HttpStatusCode.NoContent);
        }
        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/tasks/{x2a}/score", new { deductions = new[] { new { points = 2m, reason = "执法公示不及时" } } }), HttpStatusCode.OK);
        var noReason = await s.Office.PostAsJsonAsync($"/api/assessment/tasks/{x2b}/score", new { deductions = new[] { new { points = 4m, reason = "" } } });
        await ExpectAsync(noReason, HttpStatusCode.BadRequest);
        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/tasks/{x2b}/score", new { deductions = new[] { new { points = 3m, reason = "法制审核记录缺失" }, new { points = 1m, reason = "全过程记录不完整" } } }), HttpStatusCode.OK);

        // Ranking of districts by score rate: 市中区 8/10, 薛城区 6/10.
        var ranking = (await s.Office.GetFromJsonAsync<JsonElement>($"/api/assessment/campaigns/{s.CampaignId}/ranking")).EnumerateArray().Where(r => r.GetProperty("group").GetString() == "区（市）").ToList();
        Assert.Equal([("370402", 1, 8m), ("370403", 2, 6m)], ranking.Select(r => (r.GetProperty("code").GetString(), r.GetProperty("rank").GetInt32(), r.GetProperty("score").GetDecimal())));

        // Reports: the score summary (.docx) ranks the districts; a district's self-assessment lists its indicators.
        var sheet = await DocxTextAsync(await s.Office.GetAsync($"/api/assessment/campaigns/{s.CampaignId}/reports/score-summary.docx"));
        Assert.Contains("第 1 名　市中区", sheet);
        var shizhongId = await factory.UnitIdAsync(Shizhong);
        var self = await DocxTextAsync(await district.GetAsync($"/api/assessment/campaigns/{s.CampaignId}/units/{shizhongId}/self-assessment.docx"));
        Assert.Contains("行政执法三项制度落实", self);
        Assert.Contains("佐证材料 1 项", self); // the justice bureau's figure
        await ExpectAsync(await xuecheng.GetAsync($"/api/assessment/campaigns/{s.CampaignId}/units/{shizhongId}/self-assessment.docx"), HttpStatusCode.NotFound);

        // One appeal per score, with the answer recorded.
        await ExpectAsync(await xuecheng.PostAsJsonAsync($"/api/assessment/tasks/{x2b}/appeal", new { reason = "法制审核记录已在附件第3页。" }), HttpStatusCode.NoContent);
        var second = await xuecheng.PostAsJsonAsync($"/api/assessment/tasks/{x2b}/appeal", new { reason = "再申诉" });
        await ExpectAsync(second, HttpStatusCode.Conflict);
        Assert.Contains("只能申诉一次", await DetailAsync(second));
        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/tasks/{x2b}/appeal/answer", new { answer = "经复核，法制审核记录齐全，撤销该项扣分。", newScore = 9m }), HttpStatusCode.NoContent);
        var appealed = await xuecheng.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{x2b}");
        Assert.Equal(9m, appealed.GetProperty("score").GetDecimal());
        Assert.Equal("经复核，法制审核记录齐全，撤销该项扣分。", appealed.GetProperty("appeal").GetProperty("answer").GetString());
        ranking = (await s.Office.GetFromJsonAsync<JsonElement>($"/api/assessment/campaigns/{s.CampaignId}/ranking")).EnumerateArray().Where(r => r.GetProperty("group").GetString() == "区（市）").ToList();
        Assert.Equal("370403", ranking[0].GetProperty("code").GetString());

        // Unlock is audited, needs a reason, and lets the unit edit again.
        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/tasks/{x1}/unlock", new { reason = "" }), HttpStatusCode.BadRequest);
        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/tasks/{x1}/unlock", new { reason = "镇街申请更正培训人次。" }), HttpStatusCode.NoContent);
        detail = await town.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{x1}");
        Assert.Equal("Returned", detail.GetProperty("status").GetString());
        await ExpectAsync(await town.PutAsJsonAsync($"/api/assessment/tasks/{x1}/draft", new { version = detail.GetProperty("version").GetInt64(), statement = "更正培训人次。" }), HttpStatusCode.NoContent);
        var audited = await factory.AuditAsync(entries => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            entries, a => a.Action == "assessment.task.unlock" && a.EntityId == x1.ToString()));
        Assert.Equal(1, audited);

        // The board: by indicator and by unit.
        var board = await s.Office.GetFromJsonAsync<JsonElement>($"/api/assessment/campaigns/{s.CampaignId}/board");
        var x2Row = board.GetProperty("byIndicator").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "X2");
        Assert.Equal(2, x2Row.GetProperty("total").GetInt32());
        Assert.Equal(100m, x2Row.GetProperty("completionPercent").GetDecimal());
        var x3Row = board.GetProperty("byIndicator").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "X3");
        Assert.Equal(1, x3Row.GetProperty("overdue").GetInt32()); // due 2026-01-05, not submitted

        // Archiving the campaign: every edit states that reason.
        await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/campaigns/{s.CampaignId}/status", new { status = "Archived", reason = "年度考评结束。" }), HttpStatusCode.NoContent);
        detail = await town.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{x1}");
        var archived = await town.PutAsJsonAsync($"/api/assessment/tasks/{x1}/draft", new { version = detail.GetProperty("version").GetInt64(), statement = "再改" });
        await ExpectAsync(archived, HttpStatusCode.Conflict);
        Assert.Contains("归档", await DetailAsync(archived));
    }

    [Fact]
    public async Task A_district_unit_cannot_see_another_districts_submission()
    {
        var s = await CampaignAsync($"范围测试-{Guid.NewGuid():N}"[..16]);
        var shizhong = await factory.ApiClientAsync(await factory.CreateUserAsync(DistrictReviewer, Shizhong));
        var xuecheng = await factory.ApiClientAsync(await factory.CreateUserAsync(DistrictReviewer, Xuecheng));
        var x2a = s.TaskIds[$"X2@{Shizhong}"];
        var d = await shizhong.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{x2a}");
        await ExpectAsync(await shizhong.PutAsJsonAsync($"/api/assessment/tasks/{x2a}/draft", new { version = d.GetProperty("version").GetInt64(), statement = "市中区材料" }), HttpStatusCode.NoContent);

        await ExpectAsync(await xuecheng.GetAsync($"/api/assessment/tasks/{x2a}"), HttpStatusCode.NotFound);
        await ExpectAsync(await xuecheng.PostAsJsonAsync($"/api/assessment/tasks/{x2a}/evidence", new { kind = "Figure", title = "x", value = 1 }), HttpStatusCode.NotFound);
        var list = (await xuecheng.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks?campaignId={s.CampaignId}")).EnumerateArray().ToList();
        Assert.DoesNotContain(list, t => t.GetProperty("taskId").GetGuid() == x2a);
        Assert.Contains(list, t => t.GetProperty("taskId").GetGuid() == s.TaskIds[$"X2@{Xuecheng}"]);
        // The district sees its own town's task (its subtree), not the other way round.
        Assert.Contains((await shizhong.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks?campaignId={s.CampaignId}")).EnumerateArray(),
            t => t.GetProperty("taskId").GetGuid() == s.TaskIds[$"X1@{Town}"]);
        // Units cannot read boards or rankings.
        await ExpectAsync(await xuecheng.GetAsync($"/api/assessment/campaigns/{s.CampaignId}/ranking"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Overdue_tasks_raise_a_supervision_notice_to_the_units_leaders_once()
    {
        var s = await CampaignAsync($"督办测试-{Guid.NewGuid():N}"[..16]);
        var leader = await factory.CreateUserAsync(UnitLeader, Sfj);
        var first = await s.Office.PostAsync($"/api/assessment/campaigns/{s.CampaignId}/supervise", null);
        await ExpectAsync(first, HttpStatusCode.OK);
        Assert.True((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("notified").GetInt32() >= 1);
        var inbox = await (await factory.ApiClientAsync(leader)).GetFromJsonAsync<JsonElement>("/api/platform/notifications");
        var notice = inbox.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("link").GetString() == $"/assessment/tasks/{s.TaskIds[$"X3@{Sfj}"]}");
        Assert.Contains("已超过完成时限 2026-01-05", notice.GetProperty("body").GetString());
        var again = await (await s.Office.PostAsync($"/api/assessment/campaigns/{s.CampaignId}/supervise", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(again.GetProperty("alreadySent").GetInt32() >= 1);
        inbox = await (await factory.ApiClientAsync(leader)).GetFromJsonAsync<JsonElement>("/api/platform/notifications");
        Assert.Single(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("link").GetString() == $"/assessment/tasks/{s.TaskIds[$"X3@{Sfj}"]}");
    }

    [Fact]
    public async Task A_task_returned_twice_raises_a_supervision_notice_naming_the_last_reason()
    {
        var s = await CampaignAsync($"退回督办-{Guid.NewGuid():N}"[..16]);
        var leader = await factory.CreateUserAsync(UnitLeader, Xuecheng);
        var xuecheng = await factory.ApiClientAsync(await factory.CreateUserAsync(DistrictReviewer, Xuecheng));
        var x2b = s.TaskIds[$"X2@{Xuecheng}"];
        var d = await xuecheng.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{x2b}");
        await ExpectAsync(await xuecheng.PutAsJsonAsync($"/api/assessment/tasks/{x2b}/draft", new { version = d.GetProperty("version").GetInt64(), statement = "材料" }), HttpStatusCode.NoContent);
        foreach (var reason in new[] { "缺少公示截图。", "公示截图仍不清晰。" })
        {
            await ExpectAsync(await xuecheng.PostAsync($"/api/assessment/tasks/{x2b}/submit", null), HttpStatusCode.NoContent);
            await ExpectAsync(await s.Office.PostAsJsonAsync($"/api/assessment/tasks/{x2b}/return", new { reason }), HttpStatusCode.NoContent);
        }
        var result = await (await s.Office.PostAsync($"/api/assessment/campaigns/{s.CampaignId}/supervise", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("notified").GetInt32() >= 1);
        var inbox = await (await factory.ApiClientAsync(leader)).GetFromJsonAsync<JsonElement>("/api/platform/notifications");
        var notice = inbox.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("link").GetString() == $"/assessment/tasks/{x2b}");
        Assert.Contains("已被退回 2 次", notice.GetProperty("body").GetString());
        Assert.Contains("公示截图仍不清晰。", notice.GetProperty("body").GetString());
        var board = await s.Office.GetFromJsonAsync<JsonElement>($"/api/assessment/campaigns/{s.CampaignId}/board");
        Assert.Equal(1, board.GetProperty("byIndicator").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "X2").GetProperty("returned").GetInt32());
    }

    private static async Task<List<JsonElement>> InboxAsync(HttpClient api, Guid taskId) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/platform/notifications")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("link").GetString() == $"/assessment/tasks/{taskId}").ToList();
}
