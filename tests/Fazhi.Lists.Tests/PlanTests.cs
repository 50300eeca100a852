using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Lists.Tests;

/// <summary>
/// Emergency plans and drills: a plan past its review date is flagged; coverage lists every special and department plan
/// not drilled within its interval (演练覆盖率, domain.md §5); problems carry rectification deadlines; scope by unit; the
/// public sees the overall plan and public special plans only.
/// </summary>
public sealed class PlanTests(ListsHost host) : IClassFixture<ListsHost>
{
    private static async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/lists/plans", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static object Plan(string title, string kind, Guid unit, DateOnly approved, bool isPublic = false, string? summary = null) => new
    {
        title, kind, orgUnitId = unit, approvalDocument = "薛政办发〔2021〕6号", approvedOn = approved, planVersion = "2021 年版", eventKinds = "生产安全事故",
        legalBasis = "《中华人民共和国突发事件应对法》第二十六条", reviewCycleMonths = 36, drillIntervalMonths = 36, isPublic, publicSummary = summary,
    };

    [Fact]
    public async Task Review_due_coverage_gaps_and_rectification_follow_the_drills()
    {
        var xuecheng = await host.Factory.UnitIdAsync("370403");
        var unit = await host.UnitAsync("370403");
        var today = await host.Factory.InScopeAsync(sp => Task.FromResult(((Fazhi.Platform.Features.Calendar.IDeadlineService)sp.GetService(typeof(Fazhi.Platform.Features.Calendar.IDeadlineService))!).Today));
        var bad = await unit.PostAsJsonAsync("/api/lists/plans", new { title = "文号错误预案", kind = "Special", orgUnitId = xuecheng, approvalDocument = "薛政办发2021第6号", approvedOn = today, eventKinds = "x", legalBasis = "y" });
        await bad.AssertRefusedNamingAsync("approvalDocument");

        var old = await CreateAsync(unit, Plan("覆盖测试专项预案", "Special", xuecheng, today.AddYears(-4)));
        var id = old.GetProperty("id").GetString();
        Assert.True(old.GetProperty("reviewOverdue").GetBoolean());
        var coverage = await unit.GetFromJsonAsync<JsonElement>("/api/lists/plans/coverage");
        Assert.Contains(coverage.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("title").GetString() == "覆盖测试专项预案");

        // A drill held a month ago, within the 36-month interval: the plan is covered; its problem carries a deadline.
        var drill = await unit.PostAsJsonAsync($"/api/lists/plans/{id}/drills", new { kind = "Tabletop", plannedOn = today.AddMonths(-1), heldOn = today.AddMonths(-1), scenario = "储罐泄漏" });
        var refused = await drill.AssertRefusedNamingAsync("participants");
        Assert.True(refused.GetProperty("errors").TryGetProperty("evaluation", out _));
        var held = await unit.PostAsJsonAsync($"/api/lists/plans/{id}/drills", new
        {
            kind = "Tabletop", plannedOn = today.AddMonths(-1), heldOn = today.AddMonths(-1), scenario = "储罐泄漏", participants = "区应急局", evaluation = "基本达到目的",
        });
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        var drillId = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var covered = await unit.GetFromJsonAsync<JsonElement>("/api/lists/plans/coverage");
        Assert.DoesNotContain(covered.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("title").GetString() == "覆盖测试专项预案");
        // On a date before the drill the same plan was a gap.
        var before = await unit.GetFromJsonAsync<JsonElement>($"/api/lists/plans/coverage?on={today.AddMonths(-2):yyyy-MM-dd}");
        Assert.Contains(before.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("title").GetString() == "覆盖测试专项预案");

        await (await unit.PostAsJsonAsync($"/api/lists/plans/drills/{drillId}/problems", new { description = "通信中断", rectifyBy = today.AddMonths(-2) })).AssertRefusedNamingAsync("rectifyBy");
        var problem = await unit.PostAsJsonAsync($"/api/lists/plans/drills/{drillId}/problems", new { description = "通信中断", rectifyBy = today.AddMonths(1) });
        var problemId = (await problem.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await unit.PostAsJsonAsync($"/api/lists/plans/problems/{problemId}/rectified", new { measures = "配备卫星电话", rectifiedOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await unit.PostAsJsonAsync($"/api/lists/plans/problems/{problemId}/rectified", new { measures = "再次", rectifiedOn = today })).StatusCode);

        var reviewed = await unit.PostAsJsonAsync($"/api/lists/plans/{id}/reviewed", new { reviewedOn = today });
        Assert.False((await reviewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reviewOverdue").GetBoolean());

        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("lists-unit", "370403"));
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/lists/plans/{id}"));
        Assert.Contains("配备卫星电话", html);
        Assert.Contains("储罐泄漏", html);
    }

    [Fact]
    public async Task Plans_stay_in_their_unit_and_the_public_sees_only_public_plans()
    {
        var xuecheng = await host.Factory.UnitIdAsync("370403");
        var unit = await host.UnitAsync("370403");
        var today = new DateOnly(2026, 1, 5);
        var secret = await CreateAsync(unit, Plan("范围测试部门预案", "Department", xuecheng, today));
        await CreateAsync(unit, Plan("范围测试公开专项预案", "Special", xuecheng, today, isPublic: true, summary: "公开的响应分级"));
        var shizhong = await host.UnitAsync("370402");
        Assert.Equal(HttpStatusCode.NotFound, (await shizhong.GetAsync($"/api/lists/plans/{secret.GetProperty("id")}")).StatusCode);
        var theirs = await shizhong.GetFromJsonAsync<JsonElement>("/api/lists/plans");
        Assert.DoesNotContain(theirs.EnumerateArray(), p => p.GetProperty("title").GetString()!.StartsWith("范围测试", StringComparison.Ordinal));
        await (await shizhong.PostAsJsonAsync("/api/lists/plans", Plan("越权预案", "Special", xuecheng, today))).AssertRefusedNamingAsync("orgUnitId");

        var anonymous = host.Factory.CreateClient();
        var published = await anonymous.GetFromJsonAsync<JsonElement>("/api/lists/public/plans");
        var titles = published.EnumerateArray().Select(p => p.GetProperty("title").GetString()).ToList();
        Assert.Contains("范围测试公开专项预案", titles);
        Assert.DoesNotContain("范围测试部门预案", titles);
        Assert.Contains("公开的响应分级", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/public/emergency-plans")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/lists/plans")).StatusCode);
    }
}
