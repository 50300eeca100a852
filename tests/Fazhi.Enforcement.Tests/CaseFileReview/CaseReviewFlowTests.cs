using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.CaseFileReview;
using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Tests.Cases;
using Fazhi.Enforcement.Tests.Infrastructure;

namespace Fazhi.Enforcement.Tests.CaseFileReview;

[Collection(HostCollection.Name)]
public sealed class CaseReviewFlowTests(FazhiFactory factory)
{
    private const string Justice = "370400-SFJ";
    private const string Third = "370400-ZHZF";

    private readonly CaseTestKit _kit = new(factory);
    private readonly ReviewTestData _data = new(factory);

    private async Task<(Guid A, Guid B, Guid C)> BodiesAsync()
    {
        var admin = await _kit.RegistryAdminAsync();
        await _kit.BodyAsync(admin, CaseTestKit.Market);
        await _kit.BodyAsync(admin, CaseTestKit.Ecology);
        await _kit.BodyAsync(admin, Third);
        return (await _data.UnitAsync(CaseTestKit.Market), await _data.UnitAsync(CaseTestKit.Ecology), await _data.UnitAsync(Third));
    }

    private async Task<HttpClient> SupervisorAsync() => await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-case-reviewer", Justice));

    private async Task<HttpClient> LiaisonAsync(string org) => await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-review-liaison", org));

    private static async Task<JsonElement> PlanAsync(HttpClient supervisor, (DateOnly From, DateOnly To) window, Guid[] bodies, int size, string? seed = null) =>
        await CaseTestKit.OkAsync(await supervisor.PostAsJsonAsync("/api/enforcement/case-review/plans", new
        {
            name = CaseTestKit.Unique("评查计划"), year = window.From.Year, periodFrom = window.From, periodTo = window.To, sampleSize = size, bodyUnitIds = bodies, seed,
        }), HttpStatusCode.Created);

    private static List<Guid> SampleIds(JsonElement plan, Guid body) =>
        plan.GetProperty("samples").EnumerateArray().Where(s => s.GetProperty("bodyUnitId").GetGuid() == body).Select(s => s.GetProperty("caseId").GetGuid()).ToList();

    [Fact]
    public async Task The_draw_takes_only_closed_cases_of_the_chosen_bodies_in_the_period_and_is_reproducible_from_its_seed()
    {
        var (a, b, c) = await BodiesAsync();
        var window = ReviewTestData.Window();
        var closedA = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            closedA.Add((await _data.CaseAsync(a, CaseStage.Closed, window.From.AddDays(i))).Id);
        }
        var closedB = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            closedB.Add((await _data.CaseAsync(b, CaseStage.Closed, window.From.AddDays(i))).Id);
        }
        var notClosed = (await _data.CaseAsync(a, CaseStage.Executed, window.From.AddDays(2))).Id;
        var outsidePeriod = (await _data.CaseAsync(a, CaseStage.Closed, window.To.AddDays(1))).Id;
        var otherBody = (await _data.CaseAsync(c, CaseStage.Closed, window.From.AddDays(3))).Id;

        var supervisor = await SupervisorAsync();
        var seed = "ZZ-" + Guid.NewGuid().ToString("N");
        var plan = await PlanAsync(supervisor, window, [a, b], size: 4, seed);
        Assert.Equal("Draft", plan.GetProperty("status").GetString());
        var id = plan.GetProperty("id").GetGuid();
        var drawn = await CaseTestKit.OkAsync(await supervisor.PostAsync($"/api/enforcement/case-review/plans/{id}/draw", null));
        Assert.Equal(seed, drawn.GetProperty("seed").GetString());

        var sampleA = SampleIds(drawn, a);
        var sampleB = SampleIds(drawn, b);
        Assert.Equal(4, sampleA.Count);
        Assert.All(sampleA, x => Assert.Contains(x, closedA));
        Assert.Equal(closedB.Order(), sampleB.Order());
        var all = drawn.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("caseId").GetGuid()).ToList();
        Assert.DoesNotContain(notClosed, all);
        Assert.DoesNotContain(outsidePeriod, all);
        Assert.DoesNotContain(otherBody, all);
        var populations = drawn.GetProperty("bodies").EnumerateArray().ToDictionary(x => x.GetProperty("bodyUnitId").GetGuid(), x => x.GetProperty("closedCases").GetInt32());
        Assert.Equal(6, populations[a]);
        Assert.Equal(2, populations[b]);

        // Anyone with the seed and the list of closed cases gets the same sample.
        Assert.Equal(ReviewMath.Draw(seed, a, closedA, 4), sampleA);
        var verify = await CaseTestKit.OkAsync(await supervisor.GetAsync($"/api/enforcement/case-review/plans/{id}/draw/verify"));
        Assert.All(verify.EnumerateArray(), x => Assert.True(x.GetProperty("matches").GetBoolean()));
        var twin = await PlanAsync(supervisor, window, [a, b], size: 4, seed);
        var twinDrawn = await CaseTestKit.OkAsync(await supervisor.PostAsync($"/api/enforcement/case-review/plans/{twin.GetProperty("id").GetGuid()}/draw", null));
        Assert.Equal(sampleA, SampleIds(twinDrawn, a));

        var again = await CaseTestKit.ConflictAsync(await supervisor.PostAsync($"/api/enforcement/case-review/plans/{id}/draw", null));
        Assert.Contains("不能重复抽取", again);
        // A body neither plans nor sees a plan before its results are published.
        var liaison = await LiaisonAsync(CaseTestKit.Market);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.PostAsJsonAsync("/api/enforcement/case-review/plans", new { name = "x", year = 2026 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/api/enforcement/case-review/plans/{id}")).StatusCode);
    }

    [Fact]
    public async Task Scores_give_totals_rankings_and_most_lost_items_and_rectification_is_tracked_to_closure()
    {
        var (a, b, _) = await BodiesAsync();
        var window = ReviewTestData.Window();
        for (var i = 0; i < 2; i++)
        {
            await _data.CaseAsync(a, CaseStage.Closed, window.From.AddDays(i));
            await _data.CaseAsync(b, CaseStage.Closed, window.From.AddDays(i));
        }
        var supervisor = await SupervisorAsync();
        var plan = await PlanAsync(supervisor, window, [a, b], size: 2);
        var id = plan.GetProperty("id").GetGuid();
        var drawn = await CaseTestKit.OkAsync(await supervisor.PostAsync($"/api/enforcement/case-review/plans/{id}/draw", null));
        var samples = drawn.GetProperty("samples").EnumerateArray().ToList();
        var ofA = samples.Where(s => s.GetProperty("bodyUnitId").GetGuid() == a).Select(s => s.GetProperty("id").GetGuid()).ToList();
        var ofB = samples.Where(s => s.GetProperty("bodyUnitId").GetGuid() == b).Select(s => s.GetProperty("id").GetGuid()).ToList();
        var detail = await CaseTestKit.OkAsync(await supervisor.GetAsync($"/api/enforcement/case-review/samples/{ofA[0]}"));
        var items = detail.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(100m, items.Sum(i => i.GetProperty("points").GetDecimal()));
        Guid Item(int seq) => items.Single(i => i.GetProperty("seq").GetInt32() == seq).GetProperty("id").GetGuid();

        async Task<decimal> ScoreAsync(Guid sample, params (int Seq, decimal Points)[] deductions)
        {
            var r = await CaseTestKit.OkAsync(await supervisor.PostAsJsonAsync($"/api/enforcement/case-review/samples/{sample}/score", new
            {
                deductions = deductions.Select(d => new { itemId = Item(d.Seq), points = d.Points, reason = "案卷缺少相应材料" }),
                comment = "评查意见",
            }));
            return r.GetProperty("score").GetDecimal();
        }

        var tooMuch = await CaseTestKit.RefusedAsync(await supervisor.PostAsJsonAsync($"/api/enforcement/case-review/samples/{ofA[0]}/score", new
        {
            deductions = new[] { new { itemId = Item(1), points = 11m, reason = "无证执法" } },
        }));
        Assert.Contains("0 至 10 分", tooMuch);
        var noReason = await CaseTestKit.RefusedAsync(await supervisor.PostAsJsonAsync($"/api/enforcement/case-review/samples/{ofA[0]}/score", new
        {
            deductions = new[] { new { itemId = Item(3), points = 5m, reason = "" } },
        }));
        Assert.Contains("须写明理由", noReason);

        Assert.Equal(85m, await ScoreAsync(ofA[0], (1, 5), (3, 10)));
        Assert.Equal(95m, await ScoreAsync(ofA[1], (1, 5)));
        Assert.Equal(98m, await ScoreAsync(ofB[0], (1, 2)));
        var early = await CaseTestKit.ConflictAsync(await supervisor.PostAsync($"/api/enforcement/case-review/plans/{id}/finish", null));
        Assert.Contains("1 件案卷未评分", early);
        Assert.Equal(100m, await ScoreAsync(ofB[1]));
        await CaseTestKit.OkAsync(await supervisor.PostAsync($"/api/enforcement/case-review/plans/{id}/finish", null));

        var results = await CaseTestKit.OkAsync(await supervisor.GetAsync($"/api/enforcement/case-review/plans/{id}/results"));
        var ranking = results.GetProperty("bodies").EnumerateArray().ToList();
        Assert.Equal([b, a], ranking.Select(r => r.GetProperty("bodyUnitId").GetGuid()));
        Assert.Equal([99m, 90m], ranking.Select(r => r.GetProperty("average").GetDecimal()));
        Assert.Equal([1, 2], ranking.Select(r => r.GetProperty("rank").GetInt32()));
        var lost = results.GetProperty("mostLost").EnumerateArray().ToList();
        Assert.Equal([1, 3], lost.Select(l => l.GetProperty("seq").GetInt32()));
        Assert.Equal(3, lost[0].GetProperty("times").GetInt32());
        Assert.Equal(12m, lost[0].GetProperty("pointsLost").GetDecimal());

        // The body sees its own result (and place), not the other body's.
        var liaisonA = await LiaisonAsync(CaseTestKit.Market);
        var own = await CaseTestKit.OkAsync(await liaisonA.GetAsync($"/api/enforcement/case-review/plans/{id}/results"));
        var ownRow = Assert.Single(own.GetProperty("bodies").EnumerateArray());
        Assert.Equal(a, ownRow.GetProperty("bodyUnitId").GetGuid());
        Assert.Equal(2, ownRow.GetProperty("rank").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await liaisonA.PostAsJsonAsync($"/api/enforcement/case-review/samples/{ofA[0]}/score", new { deductions = Array.Empty<object>() })).StatusCode);

        // Rectification: issued, answered by the body, returned, answered again, closed.
        var due = _kit.Today.AddDays(30);
        var task = await CaseTestKit.OkAsync(await supervisor.PostAsJsonAsync($"/api/enforcement/case-review/plans/{id}/rectifications", new
        {
            bodyUnitId = a, requirement = "补正立案审批手续，规范证据收集", dueOn = due,
        }), HttpStatusCode.Created);
        var taskId = task.GetProperty("id").GetGuid();
        Assert.Equal("Open", task.GetProperty("status").GetString());
        var liaisonB = await LiaisonAsync(CaseTestKit.Ecology);
        Assert.Equal(HttpStatusCode.NotFound, (await liaisonB.PostAsJsonAsync($"/api/enforcement/case-review/rectifications/{taskId}/answer", new { response = "x" })).StatusCode);
        Assert.DoesNotContain((await liaisonB.GetFromJsonAsync<JsonElement>("/api/enforcement/case-review/rectifications")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == taskId);
        var answered = await CaseTestKit.OkAsync(await liaisonA.PostAsJsonAsync($"/api/enforcement/case-review/rectifications/{taskId}/answer", new { response = "已补正 2 件案卷的立案审批表" }));
        Assert.Equal("Answered", answered.GetProperty("status").GetString());
        var noNote = await CaseTestKit.RefusedAsync(await supervisor.PostAsJsonAsync($"/api/enforcement/case-review/rectifications/{taskId}/review", new { accept = false }));
        Assert.Contains("退回整改须写明理由", noNote);
        var returned = await CaseTestKit.OkAsync(await supervisor.PostAsJsonAsync($"/api/enforcement/case-review/rectifications/{taskId}/review", new { accept = false, note = "证据收集问题未整改" }));
        Assert.Equal("Open", returned.GetProperty("status").GetString());
        await CaseTestKit.OkAsync(await liaisonA.PostAsJsonAsync($"/api/enforcement/case-review/rectifications/{taskId}/answer", new { response = "已组织证据规则培训并复查" }));
        var closed = await CaseTestKit.OkAsync(await supervisor.PostAsJsonAsync($"/api/enforcement/case-review/rectifications/{taskId}/review", new { accept = true, note = "整改到位" }));
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(_kit.Today.ToString("yyyy-MM-dd"), closed.GetProperty("closedOn").GetString());
    }
}
