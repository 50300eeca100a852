using System.Globalization;
using System.Text.Json;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.Handling;
using Fazhi.Platform.Features.Calendar;

namespace Fazhi.Disputes.Tests.Handling;

/// <summary>The handling rules shipped with the profiles, on the official 2025 and 2026 calendars, each tied to its article.</summary>
public sealed class HandlingRuleTests
{
    private static readonly DeadlineCalculator Calculator = new(OfficialCalendar.Load(2025, 2026));

    private static Dictionary<string, ProfileRule> Rules(string type) =>
        HandlingProfiles.All[type].Rules.ToDictionary(r => r.Key, r => new ProfileRule { Key = r.Key, Value = r.Value, DayKind = r.Kind, Article = r.Article });

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Reconsideration_rules_carry_the_numbers_of_the_2023_law_with_their_articles()
    {
        var rules = Rules(CaseTypes.AdministrativeReconsideration);
        Assert.Equal((60, DayKind.Calendar), (rules[RuleKeys.ApplicationWindow].Value, rules[RuleKeys.ApplicationWindow].DayKind!.Value));
        Assert.Contains("第二十条", rules[RuleKeys.ApplicationWindow].Article, StringComparison.Ordinal);
        Assert.Equal(365, rules[RuleKeys.ApplicationWindowUntold].Value);
        Assert.Contains("第三十条", rules[RuleKeys.DeemedAcceptance].Article, StringComparison.Ordinal);
        Assert.Equal(1, rules[RuleKeys.CorrectionMaxNotices].Value);
        Assert.Equal((10, DayKind.Working), (rules[RuleKeys.CorrectionReply].Value, rules[RuleKeys.CorrectionReply].DayKind!.Value));
        Assert.Equal((7, DayKind.Working), (rules[RuleKeys.RespondentCopy].Value, rules[RuleKeys.RespondentCopy].DayKind!.Value));
        Assert.Equal((10, DayKind.Working), (rules[RuleKeys.RespondentAnswer].Value, rules[RuleKeys.RespondentAnswer].DayKind!.Value));
        Assert.Contains("第四十八条", rules[RuleKeys.RespondentAnswer].Article, StringComparison.Ordinal);
        Assert.Equal(3000, rules[RuleKeys.SimplifiedAmount].Value);
        Assert.Contains("第五十三条", rules[RuleKeys.SimplifiedAmount].Article, StringComparison.Ordinal);
        Assert.Equal(30, rules[RuleKeys.SimplifiedDecision].Value);
        Assert.Contains("第六十二条", rules[RuleKeys.ExtensionApproval].Article, StringComparison.Ordinal);
    }

    [Fact]
    public void Application_window_of_60_days_ends_after_the_2026_national_day_holiday()
    {
        // 行政复议法 第二十条: knew on Mon 3 Aug 2026; day 60 is Fri 2 Oct (holiday 1-7 Oct), so the window ends Thu 8 Oct.
        var rules = Rules(CaseTypes.AdministrativeReconsideration);
        var inTime = ApplicationWindow.Evaluate(rules, D(2026, 8, 3), true, null, D(2026, 10, 8), Calculator);
        Assert.Null(inTime.Error);
        Assert.Equal(D(2026, 10, 8), inTime.LastDay);

        var late = ApplicationWindow.Evaluate(rules, D(2026, 8, 3), true, null, D(2026, 10, 9), Calculator);
        Assert.Contains("已超过申请期限", late.Error, StringComparison.Ordinal);
        Assert.Contains("行政复议法 第二十条第一款", late.Error, StringComparison.Ordinal);

        var withReason = ApplicationWindow.Evaluate(rules, D(2026, 8, 3), true, "住院治疗，无法提出申请", D(2026, 10, 9), Calculator);
        Assert.Null(withReason.Error);
        Assert.Contains("正当理由", withReason.Flag, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_told_of_the_right_the_window_is_capped_at_one_year()
    {
        // 行政复议法 第二十条第二款: knew of the act Sat 1 Mar 2025, not told of the right: at most one year, day 365 is
        // Sun 1 Mar 2026, so it ends Mon 2 Mar 2026.
        var rules = Rules(CaseTypes.AdministrativeReconsideration);
        Assert.Null(ApplicationWindow.Evaluate(rules, D(2025, 3, 1), false, null, D(2026, 3, 2), Calculator).Error);
        var late = ApplicationWindow.Evaluate(rules, D(2025, 3, 1), false, null, D(2026, 3, 3), Calculator);
        Assert.Contains("第二十条第二款", late.Error, StringComparison.Ordinal);
        // Told of the right, the same dates are long past the 60 days.
        Assert.NotNull(ApplicationWindow.Evaluate(rules, D(2025, 3, 1), true, null, D(2025, 6, 1), Calculator).Error);
        Assert.Contains("日期不可能", ApplicationWindow.Evaluate(rules, D(2027, 1, 1), true, null, D(2026, 3, 3), Calculator).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Correction_reply_of_10_working_days_spans_the_2026_spring_festival_with_both_make_up_saturdays()
    {
        // 行政复议法 第三十一条 + 第八十八条: notice on Tue 10 Feb 2026: 11, 12, 13, 14 (make-up Sat), 24, 25, 26, 27, 28 (make-up Sat) Feb, 2 Mar.
        var reply = Rules(CaseTypes.AdministrativeReconsideration)[RuleKeys.CorrectionReply];
        Assert.Equal(D(2026, 3, 2), Calculator.Compute(new DeadlineSpec(D(2026, 2, 10), reply.DayKind!.Value, reply.Value), D(2026, 2, 10)).DueDate);
    }

    [Fact]
    public void Acceptance_review_stops_while_waiting_for_the_correction_across_national_day()
    {
        // 行政复议法 第三十条: received Mon 28 Sep 2026, 5 working days: 29, 30 Sep, 8, 9, 10 (make-up Sat) Oct.
        var stage = new CaseStage { StageCode = "acceptance", StageName = "受理审查", Article = "第三十条", StartedOn = D(2026, 9, 28), Days = 5, DayKind = DayKind.Working };
        Assert.Equal(D(2026, 10, 10), Calculator.Compute(stage.ToSpec(), D(2026, 9, 28)).DueDate);

        // 第三十一条: correction notice on Wed 30 Sep, materials received Mon 12 Oct: 29 Sep counted, then 13, 14, 15, 16 Oct.
        stage.Pauses.Add(new StagePause { PausedFrom = D(2026, 9, 30), Reason = "补正" });
        Assert.Null(Calculator.Compute(stage.ToSpec(), D(2026, 10, 5)).DueDate);
        stage.Pauses[0].ResumedOn = D(2026, 10, 12);
        Assert.Equal(D(2026, 10, 16), Calculator.Compute(stage.ToSpec(), D(2026, 10, 12)).DueDate);
    }

    [Fact]
    public void Decision_in_60_days_plus_one_approved_extension_of_30()
    {
        // 行政复议法 第六十二条: accepted Mon 3 Aug 2026; day 60 is Fri 2 Oct (holiday) -> Thu 8 Oct; extended by 30 days from
        // there: Sat 7 Nov -> Mon 9 Nov. A requested (not yet approved) extension does not count.
        var stage = new CaseStage { StageCode = "decision", StageName = "审理决定", Article = "第六十二条", StartedOn = D(2026, 8, 3), Days = 60, DayKind = DayKind.Calendar };
        Assert.Equal(D(2026, 10, 8), Calculator.Compute(stage.ToSpec(), D(2026, 8, 3)).DueDate);
        stage.Extensions.Add(new StageExtension { Days = 30, Reason = "情况复杂", Status = ExtensionStatus.Requested });
        Assert.Equal(D(2026, 10, 8), Calculator.Compute(stage.ToSpec(), D(2026, 8, 3)).DueDate);
        stage.Extensions[0].Status = ExtensionStatus.Approved;
        Assert.Equal(D(2026, 11, 9), Calculator.Compute(stage.ToSpec(), D(2026, 8, 3)).DueDate);
    }

    [Fact]
    public void Simplified_decision_of_30_days_ends_after_the_2025_spring_festival()
    {
        // 行政复议法 第六十二条第二款: accepted Fri 3 Jan 2025; day 30 is Sun 2 Feb (holiday to 4 Feb) -> Wed 5 Feb 2025.
        var rule = Rules(CaseTypes.AdministrativeReconsideration)[RuleKeys.SimplifiedDecision];
        Assert.Equal(D(2025, 2, 5), Calculator.Compute(new DeadlineSpec(D(2025, 1, 3), rule.DayKind!.Value, rule.Value), D(2025, 1, 3)).DueDate);
    }

    [Fact]
    public void Legal_aid_decision_across_national_day_2025_and_objection_period_of_article_49()
    {
        // 法律援助法 第四十三条: received Fri 26 Sep 2025: 28 (make-up Sun), 29, 30 Sep, 9, 10, 11 (make-up Sat), 13 Oct.
        var decide = StatutoryProfiles.All.Single(p => p.Code == CaseTypes.LegalAid).Stages[0];
        Assert.Equal(D(2025, 10, 13), Calculator.Compute(new DeadlineSpec(D(2025, 9, 26), decide.Kind, decide.Days), D(2025, 9, 26)).DueDate);
        var objection = Rules(CaseTypes.LegalAid)[RuleKeys.Objection];
        Assert.Equal(5, objection.Value);
        Assert.Contains("第四十九条", objection.Article, StringComparison.Ordinal);
    }

    [Fact]
    public void Peoples_mediation_offers_refusal_ending_the_mediation_per_article_17()
    {
        var options = HandlingProfiles.All[CaseTypes.PeoplesMediation].Options;
        Assert.Contains(options, o => o.Kind == ProfileOptionKind.Result && o.Code == "party-refused" && o.Article!.Contains("第十七条", StringComparison.Ordinal));
        Assert.Contains(options, o => o.Kind == ProfileOptionKind.Result && o.Code == "success" && o.Article!.Contains("第二十八条", StringComparison.Ordinal));
        Assert.Contains(options, o => o.Kind == ProfileOptionKind.Transfer && o.Code == CaseTypes.Arbitration);
        Assert.Contains(options, o => o.Kind == ProfileOptionKind.Transfer && o.Code == CaseTypes.LegalAid);
    }

    /// <summary>The official calendars from the platform's seed files (holiday-cn format).</summary>
    private sealed class OfficialCalendar(Dictionary<DateOnly, bool> changed, int[] years) : IWorkingDayCalendar
    {
        public static OfficialCalendar Load(params int[] years)
        {
            var days = new Dictionary<DateOnly, bool>();
            foreach (var year in years)
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", $"calendar-{year}.json")));
                foreach (var d in doc.RootElement.GetProperty("days").EnumerateArray())
                {
                    days[DateOnly.Parse(d.GetProperty("date").GetString()!, CultureInfo.InvariantCulture)] = d.GetProperty("isOffDay").GetBoolean();
                }
            }
            return new OfficialCalendar(days, years);
        }

        public bool IsWorkingDay(DateOnly date) => changed.TryGetValue(date, out var off)
            ? !off
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        public bool IsYearLoaded(int year) => years.Contains(year);
    }
}
