using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Contracts;
using Fazhi.Rulemaking.Cleanup;
using Fazhi.Rulemaking.Decisions;
using Fazhi.Rulemaking.Legislation;
using Fazhi.Rulemaking.Normative;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Tests;

/// <summary>
/// The computed indicators (ADR 0047: 合法性审核率, 重大行政决策程序完备率, 立法征求意见反馈率, 清理完成率) on records of one unit,
/// each with its drill-down and nothing from another unit's scope. The .docx documents (备案报告, 起草说明 template, the decision
/// catalogue, the cleanup list) are read from the demo in <see cref="DemoTests"/>.
/// </summary>
public sealed class IndicatorAndDocumentTests(RulemakingHost host) : IClassFixture<RulemakingHost>
{
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
            // The comments count in the period their round ended (ADR 0069): one round, on version 1, ended 8 days ago.
            var versionId = Guid.NewGuid();
            db.CommentRounds.Add(new CommentRound
            {
                ProjectId = project.Id, OrgUnitId = unit, No = 1, Stage = LegislationStage.PublicComment, VersionId = versionId, VersionNo = 1, From = today.AddDays(-40), To = today.AddDays(-8),
            });
            LegislationComment Comment(string no, CommentAnswer? answer) => new()
            {
                ProjectId = project.Id, OrgUnitId = unit, VersionId = versionId, VersionNo = 1, ArticleLabel = "第一条", Text = "意见。", Number = no, SubmittedOn = today.AddDays(-20), Answer = answer,
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
}
