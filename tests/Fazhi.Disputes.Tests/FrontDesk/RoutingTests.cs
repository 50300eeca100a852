using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Tests.Infrastructure;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.FrontDesk;

/// <summary>引导分流: rules drafted, tested against samples and published (immutable); staff confirm or override with a reason.</summary>
[Collection(HostCollection.Name)]
public sealed class RoutingTests(FazhiFactory factory)
{
    [Fact]
    public async Task A_draft_rule_is_tested_against_samples_then_published_and_can_no_longer_change()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-front-desk-admin", "370400"));
        var draft = await admin.PostAsJsonAsync("/api/disputes/routing/rule-sets", new { note = "台儿庄医疗纠纷" });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var set = await draft.Content.ReadFromJsonAsync<JsonElement>();
        var setId = set.GetProperty("id").GetGuid();
        Assert.Equal("草稿", set.GetProperty("statusName").GetString());
        // The draft starts from the rules in force.
        Assert.Contains(set.GetProperty("rules").EnumerateArray(), r => r.GetProperty("name").GetString() == "其他纠纷人民调解");

        var bad = await admin.PostAsJsonAsync($"/api/disputes/routing/rule-sets/{setId}/rules", new
        {
            priority = 5, name = "金额颠倒", minAmount = 5000m, maxAmount = 100m, caseTypeCode = "PeoplesMediation", handlingUnitCode = "370400-FJZX", reason = "测试用规则",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("下限不能大于上限", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var added = await admin.PostAsJsonAsync($"/api/disputes/routing/rule-sets/{setId}/rules", new
        {
            priority = 5, name = "台儿庄医疗纠纷行政调解", category = "医疗纠纷", placeCode = "370405", caseTypeCode = "AdministrativeMediation",
            handlingUnitCode = "370400-WJW", reason = "医疗纠纷预防和处理条例 第二十二条：发生医疗纠纷，医患双方可以申请医疗纠纷行政调解。",
        });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);

        var test = await admin.PostAsJsonAsync($"/api/disputes/routing/rule-sets/{setId}/test", new
        {
            samples = "医疗纠纷,20000,自然人,370405001\n医疗纠纷,20000,自然人,\n劳动争议,,单位,\n医疗纠纷,abc,自然人,370405",
        });
        var results = (await test.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        Assert.Equal("台儿庄医疗纠纷行政调解", results[0].GetProperty("ruleName").GetString());
        Assert.Equal("370400-WJW", results[0].GetProperty("handlingUnitCode").GetString());
        Assert.Equal("其他纠纷人民调解", results[1].GetProperty("ruleName").GetString());
        Assert.Equal("劳动争议走劳动仲裁", results[2].GetProperty("ruleName").GetString());
        Assert.Equal("金额不是数字。", results[3].GetProperty("error").GetString());

        var publish = await admin.PostAsJsonAsync($"/api/disputes/routing/rule-sets/{setId}/publish", new { });
        Assert.Equal(HttpStatusCode.NoContent, publish.StatusCode);
        var published = await admin.GetFromJsonAsync<JsonElement>($"/api/disputes/routing/rule-sets/{setId}");
        Assert.Equal("已发布", published.GetProperty("statusName").GetString());
        Assert.True(published.GetProperty("inForce").GetBoolean());

        var change = await admin.PostAsJsonAsync($"/api/disputes/routing/rule-sets/{setId}/rules", new
        {
            priority = 1, name = "改已发布", caseTypeCode = "PeoplesMediation", handlingUnitCode = "370400-FJZX", reason = "不应被接受",
        });
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Contains("发布后不可修改", (await change.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var delete = await admin.DeleteAsync($"/api/disputes/routing/rule-sets/{setId}/rules/{published.GetProperty("rules")[0].GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);

        // The published rule now routes intake: a 台儿庄 medical dispute gets its recommendation with the reason.
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var caseId = await CreateAsync(clerk, Staff("PeoplesMediation", "医疗纠纷", Person("韩淑英"), place: "370405"));
        var routing = (await FrontDeskAsync(clerk, caseId)).GetProperty("routing");
        Assert.Equal("AdministrativeMediation", routing.GetProperty("recommendedCaseType").GetString());
        Assert.Contains("医疗纠纷预防和处理条例 第二十二条", routing.GetProperty("reason").GetString());
        // The recommended unit is shown by name as well as by the code the rule names.
        Assert.Equal("370400-WJW", routing.GetProperty("recommendedUnitCode").GetString());
        Assert.Contains("卫生健康委员会", routing.GetProperty("recommendedUnit").GetString());
    }

    [Fact]
    public async Task Overriding_the_recommendation_needs_a_reason_and_restarts_the_review_under_the_chosen_type()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var caseId = await CreateAsync(clerk, Staff("PeoplesMediation", "行政争议", Person("许文博"),
            description: "对区市场监管局作出的行政处罚决定不服，请求撤销。"));
        var routing = (await FrontDeskAsync(clerk, caseId)).GetProperty("routing");
        Assert.Equal("AdministrativeReconsideration", routing.GetProperty("recommendedCaseType").GetString());
        Assert.Contains("行政复议法 第二条", routing.GetProperty("reason").GetString());
        Assert.Equal("待确认", routing.GetProperty("statusName").GetString());

        var noReason = await clerk.PostAsJsonAsync($"/api/disputes/cases/{caseId}/routing/override", new { caseType = "LegalAid", reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("须写明理由", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var overridden = await clerk.PostAsJsonAsync($"/api/disputes/cases/{caseId}/routing/override", new { caseType = "LegalAid", reason = "申请人经济困难，先申请法律援助代理复议" });
        Assert.Equal(HttpStatusCode.NoContent, overridden.StatusCode);

        var detail = await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{caseId}");
        Assert.Equal("LegalAid", detail.GetProperty("caseType").GetString());
        var stages = detail.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal("分流改为法律援助", stages[0].GetProperty("outcome").GetString());
        Assert.Equal("审查决定", stages[1].GetProperty("name").GetString());
        routing = (await FrontDeskAsync(clerk, caseId)).GetProperty("routing");
        Assert.Equal("已改派", routing.GetProperty("statusName").GetString());
        Assert.Equal("申请人经济困难，先申请法律援助代理复议", routing.GetProperty("overrideReason").GetString());

        var again = await clerk.PostAsJsonAsync($"/api/disputes/cases/{caseId}/routing/confirm", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Confirming_the_recommendation_moves_the_case_to_the_recommended_unit()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var caseId = await CreateAsync(clerk, Staff("PeoplesMediation", "行政争议", Person("蒋丽娟"),
            description: "对区住建局作出的责令停止施工通知不服，请求撤销。"));

        var confirm = await clerk.PostAsJsonAsync($"/api/disputes/cases/{caseId}/routing/confirm", new { });
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);

        var detail = await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{caseId}");
        Assert.Equal("AdministrativeReconsideration", detail.GetProperty("caseType").GetString());
        Assert.Equal("枣庄市司法局", detail.GetProperty("handlingUnit").GetString());
        Assert.Equal("已确认", (await FrontDeskAsync(clerk, caseId)).GetProperty("routing").GetProperty("statusName").GetString());
    }
}
