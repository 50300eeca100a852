using System.Text.Json;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.Calendar;

namespace Fazhi.Disputes.Tests.Profiles;

/// <summary>The shipped profiles' numbers on the official 2026 calendar (国务院办公厅 2025年11月 通知), each tied to its article.</summary>
public sealed class ProfileDeadlineTests
{
    private static readonly DeadlineCalculator Calculator = new(OfficialCalendar.Load2026());

    private static StageDefinition Stage(string type, string code) =>
        StatutoryProfiles.All.Single(p => p.Code == type).Stages.Single(s => s.Code == code);

    private static DateOnly Due(StageDefinition stage, DateOnly start) =>
        Calculator.Compute(new DeadlineSpec(start, stage.Kind, stage.Days), start).DueDate!.Value;

    [Fact]
    public void Ten_case_types_ship_each_with_a_source_and_an_acceptance_stage_first()
    {
        Assert.Equal(10, StatutoryProfiles.All.Count);
        Assert.All(StatutoryProfiles.All, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.SourceNote));
            Assert.Equal(StatutoryProfiles.Acceptance, p.Stages[0].Code);
            Assert.All(p.Stages, s => Assert.False(string.IsNullOrWhiteSpace(s.Article)));
        });
    }

    [Fact]
    public void Reconsideration_acceptance_review_is_5_working_days_across_the_spring_festival()
    {
        // 行政复议法 第三十条 (五日) with 第八十八条 (工作日): received Fri 13 Feb 2026; Sat 14 Feb is a make-up working day (1),
        // 15-23 Feb are the Spring Festival holiday, then 24, 25, 26, 27 Feb.
        var stage = Stage(CaseTypes.AdministrativeReconsideration, StatutoryProfiles.Acceptance);
        Assert.Equal((5, DayKind.Working), (stage.Days, stage.Kind));
        Assert.Contains("第三十条", stage.Article, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 2, 27), Due(stage, new DateOnly(2026, 2, 13)));
    }

    [Fact]
    public void Reconsideration_correction_notice_is_5_working_days_per_article_31()
    {
        var stage = Stage(CaseTypes.AdministrativeReconsideration, "correction");
        Assert.Equal((5, DayKind.Working, true), (stage.Days, stage.Kind, stage.Optional));
        Assert.Contains("第三十一条", stage.Article, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconsideration_decision_is_60_days_from_acceptance_with_one_extension_of_30()
    {
        // 行政复议法 第六十二条: accepted Tue 1 Sep 2026, day 60 is Sat 31 Oct, a rest day, so the period ends Mon 2 Nov.
        var stage = Stage(CaseTypes.AdministrativeReconsideration, "decision");
        Assert.Equal((60, DayKind.Calendar, 1, 30), (stage.Days, stage.Kind, stage.MaxExtensions, stage.ExtensionDays));
        Assert.Contains("第六十二条", stage.Article, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 2), Due(stage, new DateOnly(2026, 9, 1)));
    }

    [Fact]
    public void Legal_aid_decision_is_7_working_days_across_national_day_and_assignment_3()
    {
        // 法律援助法 第四十三条: received Wed 30 Sep 2026; 1-7 Oct are the National Day holiday; Oct 8, 9, 10 (make-up Saturday),
        // 12, 13, 14, 15.
        var decide = Stage(CaseTypes.LegalAid, StatutoryProfiles.Acceptance);
        Assert.Equal((7, DayKind.Working), (decide.Days, decide.Kind));
        Assert.Contains("第四十三条", decide.Article, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 10, 15), Due(decide, new DateOnly(2026, 9, 30)));

        // Decision on Thu 15 Oct: assign within 3 working days, Fri 16, Mon 19, Tue 20 Oct.
        var assign = Stage(CaseTypes.LegalAid, "assignment");
        Assert.Equal((3, DayKind.Working), (assign.Days, assign.Kind));
        Assert.Equal(new DateOnly(2026, 10, 20), Due(assign, new DateOnly(2026, 10, 15)));
    }

    [Fact]
    public void Peoples_mediation_judicial_confirmation_reminder_is_30_calendar_days_after_the_agreement()
    {
        // 人民调解法 第三十三条: agreement effective Sat 10 Jan 2026; day 30 is Mon 9 Feb.
        var stage = Stage(CaseTypes.PeoplesMediation, "confirmation");
        Assert.Equal((30, DayKind.Calendar), (stage.Days, stage.Kind));
        Assert.Contains("第三十三条", stage.Article, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 2, 9), Due(stage, new DateOnly(2026, 1, 10)));
    }

    /// <summary>The official 2026 calendar from the platform's seed file (holiday-cn format).</summary>
    private sealed class OfficialCalendar(Dictionary<DateOnly, bool> changed) : IWorkingDayCalendar
    {
        public static OfficialCalendar Load2026()
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "calendar-2026.json")));
            var days = doc.RootElement.GetProperty("days").EnumerateArray()
                .ToDictionary(d => DateOnly.Parse(d.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture), d => d.GetProperty("isOffDay").GetBoolean());
            return new OfficialCalendar(days);
        }

        public bool IsWorkingDay(DateOnly date) => changed.TryGetValue(date, out var off)
            ? !off
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        public bool IsYearLoaded(int year) => year == 2026;
    }
}
