using Fazhi.Disputes.Domain;
using Fazhi.Disputes.Handling;
using Fazhi.Platform.Features.Calendar;

namespace Fazhi.Disputes.Tests.DomainRules;

/// <summary>The case's own answer to "which actions are open now, and why not the others" (Domain/CaseActions), without a database.</summary>
public sealed class CaseActionsTests
{
    private static readonly DateOnly Received = new(2026, 3, 2);

    private static readonly ProfileStage Acceptance = new()
    {
        Code = StatutoryProfiles.Acceptance, Name = "受理审查", Order = 1, Days = 5, DayKind = DayKind.Working, Article = "行政复议法 第三十条：……",
    };

    private static readonly ProfileStage Decision = new()
    {
        Code = "decision", Name = "审理决定", Order = 2, Days = 60, DayKind = DayKind.Calendar, MaxExtensions = 1, ExtensionDays = 30,
        Article = "行政复议法 第六十二条：……经行政复议机构的负责人批准，可以适当延长，并书面告知当事人；但是延长期限最多不得超过三十日。",
    };

    private static readonly CaseProfileFacts Facts = new()
    {
        Stages = [Acceptance, Decision],
        CorrectionArticle = "行政复议法 第三十一条",
        HasSuspensionReasons = true,
        HasTransferTargets = false,
        HasSimplified = true,
    };

    private static DisputeCase Pending()
    {
        var c = new DisputeCase { CaseNumber = "枣复〔2026〕1号", CaseTypeCode = "AdministrativeReconsideration", Category = "行政处罚", Description = "不服罚款决定。", ReceivedOn = Received };
        c.Stages.Add(Stage(c, Acceptance));
        return c;
    }

    private static DisputeCase InProgress()
    {
        var c = Pending();
        c.Stages[0].EndedOn = Received.AddDays(3);
        c.Accept();
        c.Stages.Add(Stage(c, Decision));
        return c;
    }

    private static CaseStage Stage(DisputeCase c, ProfileStage def) => new()
    {
        CaseId = c.Id, StageCode = def.Code, StageName = def.Name, StartedOn = Received, Days = def.Days, DayKind = def.DayKind, Article = def.Article,
    };

    private static Dictionary<CaseAction, ActionState> Actions(DisputeCase c) => c.Actions(Facts).ToDictionary(a => a.Action);

    [Fact]
    public void Every_action_has_an_answer_and_a_closed_one_says_why()
    {
        var all = Pending().Actions(Facts);
        Assert.Equal(Enum.GetValues<CaseAction>(), all.Select(a => a.Action));
        Assert.All(all, a => Assert.Equal(a.Open, a.WhyNot is null));
    }

    [Fact]
    public void A_pending_application_can_be_assigned_and_corrected_but_not_decided_before_acceptance()
    {
        var a = Actions(Pending());
        Assert.True(a[CaseAction.Assign].Open);
        Assert.True(a[CaseAction.Note].Open);
        Assert.True(a[CaseAction.CorrectionNotice].Open);
        Assert.False(a[CaseAction.CorrectionReceived].Open);
        Assert.False(a[CaseAction.Close].Open);
        Assert.Contains("行政复议法 第三十条", a[CaseAction.Close].WhyNot, StringComparison.Ordinal);
        Assert.Contains("尚未受理", a[CaseAction.Session].WhyNot, StringComparison.Ordinal);
        Assert.False(a[CaseAction.Suspend].Open);
        Assert.False(a[CaseAction.Extend].Open);
        Assert.False(a[CaseAction.Simplify].Open);
        Assert.False(a[CaseAction.Advance].Open);
    }

    [Fact]
    public void One_correction_notice_only_per_article_31()
    {
        var c = Pending();
        var a = c.State(CaseAction.CorrectionNotice, Facts with { CorrectionNoticesSent = 1 });
        Assert.False(a.Open);
        Assert.Contains("第三十一条", a.WhyNot, StringComparison.Ordinal);
        Assert.Contains("没有补正程序", c.State(CaseAction.CorrectionNotice, Facts with { CorrectionArticle = null }).WhyNot, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_in_progress_can_be_suspended_extended_simplified_and_closed()
    {
        var c = InProgress();
        var a = Actions(c);
        Assert.True(a[CaseAction.Session].Open);
        Assert.True(a[CaseAction.Suspend].Open);
        Assert.False(a[CaseAction.Resume].Open);
        Assert.True(a[CaseAction.Extend].Open);
        Assert.True(a[CaseAction.Simplify].Open);
        Assert.True(a[CaseAction.Close].Open);
        Assert.False(a[CaseAction.CorrectionNotice].Open);
        Assert.False(a[CaseAction.Transfer].Open);
        Assert.False(a[CaseAction.Agreement].Open);
        Assert.False(a[CaseAction.DecideExtension].Open);
        // The decision is the profile's last main stage: it ends by closing with a result.
        Assert.Contains("已是最后环节", a[CaseAction.Advance].WhyNot, StringComparison.Ordinal);
    }

    [Fact]
    public void One_extension_only_per_article_62_and_it_waits_for_approval()
    {
        var c = InProgress();
        var decision = c.Stages.Single(s => s.StageCode == "decision");
        decision.Extensions.Add(new StageExtension { CaseId = c.Id, StageId = decision.Id, Days = 30, Reason = "案情复杂" });
        var a = Actions(c);
        Assert.False(a[CaseAction.Extend].Open);
        Assert.Contains("最多延期 1 次", a[CaseAction.Extend].WhyNot, StringComparison.Ordinal);
        Assert.Contains("行政复议法 第六十二条", a[CaseAction.Extend].WhyNot, StringComparison.Ordinal);
        Assert.True(a[CaseAction.DecideExtension].Open);
        // An extended decision stage can no longer be shortened (第五十三条).
        Assert.False(a[CaseAction.Simplify].Open);
    }

    [Fact]
    public void A_suspended_case_can_be_resumed_not_suspended_again()
    {
        var c = InProgress();
        c.Suspend();
        var a = Actions(c);
        Assert.True(c.Suspended);
        Assert.False(a[CaseAction.Suspend].Open);
        Assert.Contains("已中止", a[CaseAction.Suspend].WhyNot, StringComparison.Ordinal);
        Assert.True(a[CaseAction.Resume].Open);
        c.Resume();
        Assert.True(c.IsOpen(CaseAction.Suspend, Facts));
    }

    [Fact]
    public void A_closed_case_is_read_only_but_for_notes()
    {
        var c = InProgress();
        c.Suspend();
        c.Close(Received.AddDays(40), "maintain", "维持");
        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.False(c.Suspended);
        var open = c.Actions(Facts).Where(a => a.Open).Select(a => a.Action);
        Assert.Equal([CaseAction.Note], open);
        Assert.All(c.Actions(Facts).Where(a => !a.Open), a => Assert.Contains("已办结", a.WhyNot, StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(c.Accept);
    }

    [Fact]
    public void Acceptance_and_non_acceptance_are_open_only_while_the_application_is_pending()
    {
        // The case page shows 受理 / 不予受理 as the case answers (ADR 0048), with the reason the case service refuses with.
        var pending = Actions(Pending());
        Assert.True(pending[CaseAction.Accept].Open);
        Assert.True(pending[CaseAction.Reject].Open);
        var accepted = Actions(InProgress());
        Assert.False(accepted[CaseAction.Accept].Open);
        Assert.False(accepted[CaseAction.Reject].Open);
        Assert.Contains("只有待受理的案件可以受理或不予受理", accepted[CaseAction.Accept].WhyNot, StringComparison.Ordinal);
        Assert.Contains("办理中", accepted[CaseAction.Reject].WhyNot, StringComparison.Ordinal);
    }
}
