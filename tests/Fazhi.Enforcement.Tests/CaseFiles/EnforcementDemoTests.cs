using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Data;
using Fazhi.Enforcement.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.Tests.CaseFiles;

/// <summary>
/// <c>--demo</c> (issue 13, ADR 0040): penalty cases of the city market regulator at every stage, one published, one awaiting
/// the regulator's own demo legal reviewer (demo-sjj), who reads its file and evidence; demo-shizhong, a district's
/// reviewer, does not see it.
/// </summary>
/// <remarks>A host of its own, started with the demo: the demo's cases would otherwise sit in the other tests' queues and public lists.</remarks>
public sealed class EnforcementDemoTests(FazhiDemoFactory factory) : IClassFixture<FazhiDemoFactory>
{
    [Fact]
    public async Task Demo_mode_adds_cases_at_every_stage_once_and_the_regulators_reviewer_reads_the_one_awaiting_review()
    {
        await factory.SeedDemoAsync();
        await factory.SeedDemoAsync(); // idempotent

        var demo = await factory.InScopeAsync(async sp => await sp.GetRequiredService<EnforcementDb>().Cases.IgnoreQueryFilters()
            .Where(c => c.PartyName.StartsWith("枣庄演示")).ToListAsync());
        Assert.Equal(7, demo.Count);
        Assert.Equal(
            new[] { CaseStage.Opened, CaseStage.Investigating, CaseStage.LegalReview, CaseStage.Decided, CaseStage.Served, CaseStage.Closed },
            demo.Select(c => c.Stage).Distinct().Order().ToArray());
        Assert.All(demo.Where(c => c.DecidedOn is not null), c => Assert.Matches(@"〔\d{4}〕\d+号$", c.DecisionNumber)); // 文号 from the numbering kit
        Assert.Equal(2, demo.Count(c => c.PublishedOn is not null));

        // The published decisions are on the public page.
        var published = demo.Where(c => c.PublishedOn is not null).Select(c => c.DecisionNumber).ToList();
        var publicPage = await factory.CreateClient().GetStringAsync("/public/penalties");
        Assert.All(published, n => Assert.Contains(n, publicPage));

        // demo-sjj (the regulator's legal reviewer) has the pending review, opens the file and its evidence.
        var pending = demo.Single(c => c.Stage == CaseStage.LegalReview);
        var reviewer = await factory.ApiClientAsync(FazhiFactory.DemoUser("demo-sjj"));
        var queue = await reviewer.GetFromJsonAsync<JsonElement>("/api/enforcement/legal-reviews");
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("caseId").GetGuid() == pending.Id);
        var file = await CaseTestKit.OkAsync(await reviewer.GetAsync($"/api/enforcement/case-files/{pending.Id}"));
        var evidence = file.GetProperty("steps").EnumerateArray()
            .SelectMany(s => JsonDocument.Parse(s.GetProperty("evidenceJson").GetString()!).RootElement.EnumerateArray())
            .Single(e => e.GetProperty("type").GetString() == "file").GetProperty("reference").GetString();
        var read = await reviewer.GetAsync($"/api/enforcement/case-files/{pending.Id}/evidence/{evidence}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("现场检查笔录", await read.Content.ReadAsStringAsync());

        // demo-shizhong reviews for its district only: the regulator's case is not in its queue nor readable.
        var district = await factory.ApiClientAsync(FazhiFactory.DemoUser("demo-shizhong"));
        var theirs = await district.GetFromJsonAsync<JsonElement>("/api/enforcement/legal-reviews");
        Assert.DoesNotContain(theirs.EnumerateArray(), r => r.GetProperty("caseId").GetGuid() == pending.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/api/enforcement/case-files/{pending.Id}")).StatusCode);
    }
}
