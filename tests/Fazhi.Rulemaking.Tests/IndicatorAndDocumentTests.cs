using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Assessment.Contracts;
using Fazhi.Rulemaking.Cleanup;
using Fazhi.Rulemaking.Decisions;
using Fazhi.Rulemaking.Legislation;
using Fazhi.Rulemaking.Normative;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Tests;

/// <summary>
/// The computed indicators (ADR 0047: 合法性审核率, 重大行政决策程序完备率, 立法征求意见反馈率, 清理完成率) on records of one unit,
/// each with its drill-down and nothing from another unit's scope; and the .docx documents (备案报告, 起草说明 template, the
/// decision catalogue, the cleanup list) with their refusals.
/// </summary>
public sealed class IndicatorAndDocumentTests(RulemakingHost host) : IClassFixture<RulemakingHost>
{
    private static string DocxText(byte[] bytes)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return doc.MainDocumentPart!.Document.Body!.InnerText;
    }

    private Task<ComputedIndicatorValue> ComputeAsync(string key, Guid unit, DateOnly today) => host.Factory.InScopeAsync(async sp =>
        await sp.GetServices<IComputedIndicatorProvider>().Single(p => p.Key == key).ComputeAsync(new ComputedIndicatorQuery(today.AddDays(-30), today, unit, [unit]), CancellationToken.None));

    [Fact]
    public async Task Each_indicator_counts_its_records_in_scope_with_the_drill_down()
    {
        var today = await host.TodayAsync();
        var unit = await host.Factory.UnitIdAsync("370404");
        var other = await host.Factory.UnitIdAsync("370405");
        await host.Factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<Fazhi.Platform.Kit.ISystemWork>().Db<Data.RulemakingDb>("test");
            NormativeDraft Doc(string title, DateOnly? concluded) => new()
            {
                OrgUnitId = unit, DraftingUnitName = "峄城区", Title = title, IssuingAuthority = "枣庄市峄城区人民政府", Text = "第一条 x。", EffectiveOn = today, ValidityYears = 5,
                Status = DraftStatus.Published, SubmittedOn = today.AddDays(-40), ReviewDueOn = today.AddDays(-20), ConcludedOn = concluded, RegistrationNo = "T-" + Guid.NewGuid().ToString("N")[..6],
                PublishedOn = today.AddDays(-5),
            };
            db.Drafts.AddRange(Doc("指标测试文件甲", today.AddDays(-25)), Doc("指标测试文件乙", null));
            var catalogue = new DecisionCatalogue { Year = today.Year, Title = "指标测试目录" };
            db.Catalogues.Add(catalogue);
            MajorDecision Decision(string title) => new() { CatalogueId = catalogue.Id, OrgUnitId = unit, UnitName = "峄城区", Title = title, Status = DecisionStatus.Decided, DecidedOn = today.AddDays(-3) };
            var complete = Decision("指标测试决策甲");
            var returned = Decision("指标测试决策乙");
            db.Decisions.AddRange(complete, returned);
            foreach (var d in new[] { complete, returned })
            {
                foreach (var step in DecisionProcedure.BeforeMeeting)
                {
                    db.DecisionSteps.Add(new DecisionStepRecord { DecisionId = d.Id, OrgUnitId = unit, Step = step, State = step == DecisionStep.RiskAssessment ? StepState.NotRequired : StepState.Done });
                }
            }
            db.DecisionReturns.Add(new DecisionReturn { DecisionId = returned.Id, OrgUnitId = unit, Step = DecisionStep.ExpertArgumentation, Reason = "专家回避。", ReturnedOn = today.AddDays(-10) });
            var plan = new LegislativePlan { Year = today.Year, Title = "指标测试计划" };
            db.LegislativePlans.Add(plan);
            var project = new LegislationProject { PlanId = plan.Id, OrgUnitId = unit, UnitName = "峄城区", Title = "指标测试规章", Stage = LegislationStage.Review, CommentFrom = today.AddDays(-40), CommentTo = today.AddDays(-8) };
            db.LegislationProjects.Add(project);
            LegislationComment Comment(string no, CommentAnswer? answer) => new()
            {
                ProjectId = project.Id, OrgUnitId = unit, VersionId = Guid.NewGuid(), VersionNo = 1, ArticleLabel = "第一条", Text = "意见。", Number = no, SubmittedOn = today.AddDays(-20), Answer = answer,
                AnsweredOn = answer is null ? null : today.AddDays(-2),
            };
            db.LegislationComments.AddRange(Comment("IND-1", CommentAnswer.Adopted), Comment("IND-2", CommentAnswer.NotAdopted), Comment("IND-3", null));
            var campaign = new CleanupCampaign { Title = "指标测试清理", Kind = CampaignKind.Periodic, StartedOn = today.AddDays(-30), ProposalDueOn = today.AddDays(-1) };
            db.CleanupCampaigns.Add(campaign);
            CleanupItem Item(string title, Guid org, CleanupItemState state) => new()
            {
                CampaignId = campaign.Id, OrgUnitId = org, UnitName = "x", SourceKind = CleanupSourceKind.NormativeDocument, Title = title, State = state,
                Decision = state == CleanupItemState.Decided ? CleanupOutcome.Keep : null,
            };
            db.CleanupItems.AddRange(Item("清理甲", unit, CleanupItemState.Decided), Item("清理乙", unit, CleanupItemState.Decided), Item("清理丙", unit, CleanupItemState.Proposed),
                Item("他区清理", other, CleanupItemState.Pending));
            await db.SaveChangesAsync();
        });

        var legality = await ComputeAsync("rulemaking.legality-reviewed", unit, today);
        Assert.Equal((3m, 4m), (legality.Numerator, legality.Denominator));
        Assert.Contains(legality.Records, r => !r.Counted && r.Title.Contains("指标测试文件乙", StringComparison.Ordinal) && r.Link!.StartsWith("/rulemaking/documents/", StringComparison.Ordinal));
        var procedure = await ComputeAsync("rulemaking.decision-procedure-complete", unit, today);
        Assert.Equal((1m, 2m), (procedure.Numerator, procedure.Denominator));
        Assert.Contains(procedure.Records, r => !r.Counted && r.Title.Contains("程序回流", StringComparison.Ordinal));
        var feedback = await ComputeAsync("rulemaking.comment-feedback", unit, today);
        Assert.Equal((2m, 3m), (feedback.Numerator, feedback.Denominator));
        var cleanup = await ComputeAsync("rulemaking.cleanup-completion", unit, today);
        Assert.Equal((2m, 3m), (cleanup.Numerator, cleanup.Denominator));
        Assert.All(cleanup.Records, r => Assert.DoesNotContain("他区清理", r.Title));
        Assert.Equal((0m, 1m), ((await ComputeAsync("rulemaking.cleanup-completion", other, today)).Numerator, (await ComputeAsync("rulemaking.cleanup-completion", other, today)).Denominator));
        Assert.Null((await ComputeAsync("rulemaking.comment-feedback", other, today)).Value);
    }

    [Fact]
    public async Task The_documents_download_as_docx_and_are_refused_before_their_time()
    {
        await host.Factory.SeedDemoAsync();
        var city = await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"));
        var xuecheng = await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-xuecheng"));
        var anonymous = host.Factory.CreateClient();

        // 起草说明 template, for a drafting unit; not for the public.
        Assert.Contains("制定依据", DocxText(await xuecheng.GetByteArrayAsync("/api/rulemaking/templates/drafting-explanation.docx")));
        Assert.True((await anonymous.GetAsync("/api/rulemaking/templates/drafting-explanation.docx")).StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);

        // 备案报告 of a published normative document; refused (409) for one under review.
        var docs = await city.GetFromJsonAsync<JsonElement>("/api/rulemaking/normative-documents");
        var published = docs.EnumerateArray().First(d => d.GetProperty("status").GetString() == "Published");
        var report = DocxText(await city.GetByteArrayAsync($"/api/rulemaking/normative-documents/{published.GetProperty("id").GetString()}/filing-report.docx"));
        Assert.Contains($"关于报送《{published.GetProperty("title").GetString()}》备案的报告", report);
        Assert.Contains(published.GetProperty("registrationNo").GetString()!, report);
        var underReview = docs.EnumerateArray().First(d => d.GetProperty("status").GetString() == "UnderReview");
        Assert.Equal(HttpStatusCode.Conflict, (await city.GetAsync($"/api/rulemaking/normative-documents/{underReview.GetProperty("id").GetString()}/filing-report.docx")).StatusCode);

        // 备案报告 of a published rule.
        var projects = await city.GetFromJsonAsync<JsonElement>("/api/rulemaking/legislation/projects");
        var rule = projects.EnumerateArray().FirstOrDefault(p => p.GetProperty("stage").GetString() is "Published" or "Filed");
        if (rule.ValueKind == JsonValueKind.Object)
        {
            Assert.Contains("法规规章备案审查条例", DocxText(await city.GetByteArrayAsync($"/api/rulemaking/legislation/projects/{rule.GetProperty("id").GetString()}/filing-report.docx")));
        }
        var open = projects.EnumerateArray().First(p => p.GetProperty("stage").GetString() == "PublicComment");
        Assert.Equal(HttpStatusCode.Conflict, (await city.GetAsync($"/api/rulemaking/legislation/projects/{open.GetProperty("id").GetString()}/filing-report.docx")).StatusCode);

        // The published decision catalogue and cleanup list, for the public; 404 for what is not published.
        var catalogues = await city.GetFromJsonAsync<JsonElement>("/api/rulemaking/decisions/catalogues");
        var catalogue = catalogues.EnumerateArray().First(c => c.GetProperty("publishedOn").ValueKind == JsonValueKind.String);
        Assert.Contains("薛城区城市绿地系统规划", DocxText(await anonymous.GetByteArrayAsync($"/api/rulemaking/public/decisions/catalogues/{catalogue.GetProperty("id").GetString()}/catalogue.docx")));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/rulemaking/public/decisions/catalogues/{Guid.NewGuid()}/catalogue.docx")).StatusCode);
        var campaigns = await anonymous.GetFromJsonAsync<JsonElement>("/api/rulemaking/public/cleanup");
        var campaign = campaigns.EnumerateArray().First();
        var list = DocxText(await anonymous.GetByteArrayAsync($"/api/rulemaking/public/cleanup/{campaign.GetProperty("id").GetString()}/result.docx"));
        Assert.Contains("清理的文件", list.Replace("保留的文件", "清理的文件"));
        Assert.Contains(campaign.GetProperty("title").GetString()!, list);
        var unpublished = (await city.GetFromJsonAsync<JsonElement>("/api/rulemaking/cleanup/campaigns")).EnumerateArray().FirstOrDefault(c => c.GetProperty("publishedOn").ValueKind == JsonValueKind.Null);
        if (unpublished.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/rulemaking/public/cleanup/{unpublished.GetProperty("id").GetString()}/result.docx")).StatusCode);
        }
    }
}
