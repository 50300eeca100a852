using System.Net;
using System.Net.Http.Json;
using Fazhi.Assessment.Tests.Infrastructure;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Campaigns;

[Collection(HostCollection.Name)]
public sealed class TaskPagesTests(FazhiFactory factory)
{
    [Fact]
    public async Task A_unit_sees_its_task_list_and_the_reason_when_a_reviewer_returns_its_submission_on_the_page()
    {
        var s = await CampaignSetup.CreateAsync(factory, $"页面测试-{Guid.NewGuid():N}"[..16]);
        var townUser = await factory.CreateUserAsync(Unit, CampaignSetup.Town);
        var townBrowser = await factory.SignedInBrowserAsync(townUser);
        var x1 = s.TaskIds[$"X1@{CampaignSetup.Town}"];

        var list = await townBrowser.GetStringAsync($"/assessment/tasks?campaign={s.CampaignId}");
        Assert.Contains("镇街综合执法规范化", list);
        Assert.Contains($"/assessment/tasks/{x1}", list);
        Assert.Contains("未开始", list);
        Assert.DoesNotContain("行政执法三项制度落实", list); // another unit's indicator

        // The town fills in and submits on its task page.
        var saved = await Forms.SubmitAsync(townBrowser, $"/assessment/tasks/{x1}", "draft", new Dictionary<string, string> { ["Draft.Statement"] = "已完成综合执法规范化。" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var submitted = await Forms.SubmitAsync(townBrowser, $"/assessment/tasks/{x1}", "submit", new Dictionary<string, string>());
        Assert.Contains("已报送", await submitted.Content.ReadAsStringAsync());

        // The district reviewer returns it on the page: without a reason it is refused, with one the town sees it.
        var reviewer = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(DistrictReviewer, CampaignSetup.Shizhong));
        var empty = await Forms.SubmitAsync(reviewer, $"/assessment/tasks/{x1}", "return", new Dictionary<string, string> { ["Return.Reason"] = "" });
        Assert.Contains("退回必须说明理由", await empty.Content.ReadAsStringAsync());
        var returned = await Forms.SubmitAsync(reviewer, $"/assessment/tasks/{x1}", "return", new Dictionary<string, string> { ["Return.Reason"] = "请补充执法案卷评查表。" });
        Assert.Contains("已退回", await returned.Content.ReadAsStringAsync());

        var page = await townBrowser.GetStringAsync($"/assessment/tasks/{x1}");
        Assert.Contains("id=\"return-reason\"", page);
        Assert.Contains("请补充执法案卷评查表。", page);
        list = await townBrowser.GetStringAsync($"/assessment/tasks?campaign={s.CampaignId}");
        Assert.Contains("请补充执法案卷评查表。", list);
    }

    [Fact]
    public async Task The_board_and_framework_pages_render_for_the_office()
    {
        var s = await CampaignSetup.CreateAsync(factory, $"看板测试-{Guid.NewGuid():N}"[..16]);
        var office = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Office));
        var board = await office.GetStringAsync($"/assessment/campaigns/{s.CampaignId}");
        Assert.Contains("按单位进度", board);
        Assert.Contains("行政执法三项制度落实", board);
        var frameworks = await office.GetStringAsync("/assessment/frameworks");
        Assert.Contains("法治政府建设示范指标体系（示例）", frameworks);
        var campaigns = await office.GetStringAsync("/assessment/campaigns");
        Assert.Contains("看板测试", campaigns);
    }
}
