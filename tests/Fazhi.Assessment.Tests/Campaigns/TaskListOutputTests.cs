using System.Net;
using System.Text.Json;
using Fazhi.Assessment.Tests.Infrastructure;
using Fazhi.Platform.Features.Documents;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;
using static Fazhi.Testing.ListOutputs;

namespace Fazhi.Assessment.Tests.Campaigns;

/// <summary>
/// The task list on the kit's query bar (ADR 0049, ADR 0052): keyword, campaign, status, due dates; the .xlsx export and the
/// print view carry exactly the filtered tasks of the caller (those its unit leads and those it helps with), nobody else's.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TaskListOutputTests(FazhiFactory factory)
{

    [Fact]
    public async Task The_task_export_and_print_carry_exactly_the_tasks_the_keyword_status_and_due_dates_keep()
    {
        var name = $"导出测试-{Guid.NewGuid():N}"[..16];
        var s = await CampaignSetup.CreateAsync(factory, name);
        // 司法局 leads X3 and helps both districts with X2 (due 2026-12-10); 薛城区 leads its own X2 only.
        var sfj = await factory.ApiClientAsync(await factory.CreateUserAsync(Unit, CampaignSetup.Sfj));
        var xuecheng = await factory.ApiClientAsync(await factory.CreateUserAsync(Unit, CampaignSetup.Xuecheng));
        var query = $"?campaign={s.CampaignId}&q={Uri.EscapeDataString("三项制度")}&from=2026-12-01&to=2026-12-31&sort=indicator";

        var sheet = await SheetAsync(sfj, "/api/assessment/tasks/export" + query);
        Assert.Equal("考评活动", sheet[0][0]);
        var rows = sheet.Skip(1).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(name, r[0]);
            Assert.Equal("X2", r[1]);
            Assert.Equal("配合", r[3]);
            Assert.Equal("2026-12-10", r[5]);
        });
        Assert.Equal(2, rows.Select(r => r[4]).Distinct().Count()); // the two districts' tasks
        // Without the keyword and dates, the office's own X3 comes too; the status filter keeps what it names.
        var everything = (await SheetAsync(sfj, $"/api/assessment/tasks/export?campaign={s.CampaignId}")).Skip(1).Select(r => r[1]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["X2", "X2", "X3"], everything);
        Assert.Single(await SheetAsync(sfj, $"/api/assessment/tasks/export?campaign={s.CampaignId}&status=Approved"));

        var html = await PrintAsync(sfj, "/api/assessment/tasks/print" + query);
        Assert.Contains("共 2 条", html);
        Assert.Contains("关键词：三项制度", html);
        Assert.Contains("完成时限：2026-12-01 至 2026-12-31", html);
        Assert.Contains("考评活动：" + name, html);
        Assert.Contains("行政执法三项制度落实", html);
        Assert.DoesNotContain("行政机关负责人出庭应诉", html);
        Assert.DoesNotContain("<nav", html);

        // 薛城区 gets its own X2 as lead, not 市中区's; a bad query is refused naming the parameter.
        var own = Assert.Single((await SheetAsync(xuecheng, "/api/assessment/tasks/export" + query)).Skip(1));
        Assert.Equal("牵头", own[3]);
        Assert.Contains("共 1 条", await PrintAsync(xuecheng, "/api/assessment/tasks/print" + query));
        var bad = await xuecheng.GetAsync($"/api/assessment/tasks/export?campaign={s.CampaignId}&sort=nope");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("sort", out _));

        // The page: the query bar filters the same way and its export link carries the query.
        var page = WebUtility.HtmlDecode(await xuecheng.GetStringAsync($"/assessment/tasks?campaign={s.CampaignId}&status=NotStarted&q={Uri.EscapeDataString("三项制度")}"));
        Assert.Contains("行政执法三项制度落实", page);
        Assert.Contains($"/api/assessment/tasks/export?campaign={s.CampaignId}&status=NotStarted&q=", page);
        var none = WebUtility.HtmlDecode(await xuecheng.GetStringAsync($"/assessment/tasks?campaign={s.CampaignId}&status=Approved"));
        Assert.Contains("没有符合条件的考评任务。", none);
    }
}
