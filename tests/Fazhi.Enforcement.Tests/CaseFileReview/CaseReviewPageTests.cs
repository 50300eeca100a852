using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Tests.Cases;
using Fazhi.Enforcement.Tests.Infrastructure;

namespace Fazhi.Enforcement.Tests.CaseFileReview;

[Collection(HostCollection.Name)]
public sealed class CaseReviewPageTests(FazhiFactory factory)
{
    private readonly CaseTestKit _kit = new(factory);
    private readonly ReviewTestData _data = new(factory);

    [Fact]
    public async Task A_supervisor_plans_and_scores_on_the_pages_and_a_body_sees_its_result()
    {
        var admin = await _kit.RegistryAdminAsync();
        await _kit.BodyAsync(admin, CaseTestKit.Market);
        var unit = await _data.UnitAsync(CaseTestKit.Market);
        var window = ReviewTestData.Window();
        var closed = await _data.CaseAsync(unit, CaseStage.Closed, window.From.AddDays(1));

        var user = await factory.CreateUserAsync("enforcement-case-reviewer", "370400-SFJ");
        var browser = await factory.SignedInBrowserAsync(user);
        var list = await browser.GetStringAsync("/enforcement/case-review");
        Assert.Contains("制定评查计划", list);
        Assert.Contains("370400-SJJ", list);

        var name = CaseTestKit.Unique("页面评查计划");
        var created = await Forms.SubmitAsync(browser, "/enforcement/case-review", "plan", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Year"] = window.From.Year.ToString(), ["Input.PeriodFrom"] = window.From.ToString("yyyy-MM-dd"),
            ["Input.PeriodTo"] = window.To.ToString("yyyy-MM-dd"), ["Input.SampleSize"] = "3", ["Input.BodyCodes"] = "370400-SJJ",
        });
        Assert.True(created.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)created.StatusCode}");
        var api = await factory.ApiClientAsync(user);
        var plan = (await api.GetFromJsonAsync<JsonElement>("/api/enforcement/case-review/plans")).EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
        var planUrl = $"/enforcement/case-review/plans/{plan.GetProperty("id").GetGuid()}";
        Assert.Contains(plan.GetProperty("seed").GetString()!, await browser.GetStringAsync(planUrl));

        var drawn = await Forms.SubmitAsync(browser, planUrl, "draw", new Dictionary<string, string>());
        var drawnHtml = await drawn.Content.ReadAsStringAsync();
        Assert.Contains(closed.Number, drawnHtml);

        var sample = (await api.GetFromJsonAsync<JsonElement>($"/api/enforcement/case-review/plans/{plan.GetProperty("id").GetGuid()}")).GetProperty("samples")[0];
        var sampleUrl = $"/enforcement/case-review/samples/{sample.GetProperty("id").GetGuid()}";
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/enforcement/case-review/samples/{sample.GetProperty("id").GetGuid()}");
        var items = detail.GetProperty("items").EnumerateArray().ToList();
        var fields = new Dictionary<string, string> { ["Input.Comment"] = "立案审批表缺失" };
        for (var i = 0; i < items.Count; i++)
        {
            fields[$"Input.Rows[{i}].ItemId"] = items[i].GetProperty("id").GetString()!;
            fields[$"Input.Rows[{i}].Points"] = i == 1 ? "4" : "0";
            fields[$"Input.Rows[{i}].Reason"] = i == 1 ? "无立案审批表" : "";
        }
        var scored = await Forms.SubmitAsync(browser, sampleUrl, "score", fields);
        Assert.Contains("评分已保存", await scored.Content.ReadAsStringAsync());
        var after = await api.GetFromJsonAsync<JsonElement>($"/api/enforcement/case-review/samples/{sample.GetProperty("id").GetGuid()}");
        Assert.Equal(96m, after.GetProperty("sample").GetProperty("score").GetDecimal());

        fields["Input.Rows[1].Reason"] = "";
        var refused = await Forms.SubmitAsync(browser, sampleUrl, "score", fields);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("须写明理由", refusedHtml);
        Assert.Contains("value=\"4\"", refusedHtml);

        var finished = await Forms.SubmitAsync(browser, planUrl, "finish", new Dictionary<string, string>());
        Assert.Contains("失分最多的评查项目", await finished.Content.ReadAsStringAsync());
        Assert.Contains("各执法主体评查得分", await browser.GetStringAsync("/enforcement/case-review"));

        var liaison = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("enforcement-review-liaison", CaseTestKit.Market));
        Assert.Contains(name, await liaison.GetStringAsync("/enforcement/case-review/rectifications"));
        var result = await liaison.GetStringAsync(planUrl);
        Assert.Contains("96", result);
        Assert.DoesNotContain("随机抽取案卷", result);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/enforcement/case-review/rubrics")).StatusCode);
    }

    [Fact]
    public async Task Editing_a_rubric_adds_a_version_and_keeps_the_old_one()
    {
        var api = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-case-reviewer", "370400-SFJ"));
        var code = CaseTestKit.Unique("R");
        object Version(decimal points) => new
        {
            name = "测试评查标准", basis = "测试", changeNote = "调整分值",
            items = new[] { new { category = "证据", title = "证据确凿", points, deductionRule = "缺主要证据扣 10 分" }, new { category = "程序", title = "程序合法", points = 100 - points, deductionRule = "" } },
        };
        await CaseTestKit.OkAsync(await api.PostAsJsonAsync($"/api/enforcement/case-review/rubrics/{code}/versions", Version(60)), HttpStatusCode.Created);
        var second = await CaseTestKit.OkAsync(await api.PostAsJsonAsync($"/api/enforcement/case-review/rubrics/{code}/versions", Version(70)), HttpStatusCode.Created);
        Assert.Equal(2, second.GetProperty("versionNo").GetInt32());
        var versions = (await api.GetFromJsonAsync<JsonElement>("/api/enforcement/case-review/rubrics")).EnumerateArray().Where(r => r.GetProperty("code").GetString() == code).ToList();
        Assert.Equal(2, versions.Count);
        Assert.False(versions.Single(v => v.GetProperty("versionNo").GetInt32() == 1).GetProperty("current").GetBoolean());
        Assert.Equal(60m, versions.Single(v => v.GetProperty("versionNo").GetInt32() == 1).GetProperty("items")[0].GetProperty("points").GetDecimal());
        var bad = await CaseTestKit.RefusedAsync(await api.PostAsJsonAsync($"/api/enforcement/case-review/rubrics/{code}/versions", new { name = "x", items = Array.Empty<object>() }));
        Assert.Contains("至少需要一个评查项目", bad);
    }
}
