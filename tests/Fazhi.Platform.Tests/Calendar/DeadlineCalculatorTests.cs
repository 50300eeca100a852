using Fazhi.Platform.Features.Calendar;
using static Fazhi.Platform.Tests.Calendar.OfficialCalendar;

namespace Fazhi.Platform.Tests.Calendar;

/// <summary>
/// Worked examples on the official 2025 and 2026 calendars (国务院办公厅 notices, as in Seed/calendar/2025.json and 2026.json).
/// Counting: 民事诉讼法 第八十五条 (start day not counted; a period ending on a 法定休假日 ends on the first day after it),
/// 民法典 第二百零一条、第二百零三条; 行政复议法 第八十八条 (its 3/5/7/10-day periods are working days);
/// 行政许可法 第八十二条 (licensing periods are working days) and 第四十五条 (鉴定 time is not counted).
/// </summary>
public sealed class DeadlineCalculatorTests
{
    private readonly DeadlineCalculator _calc = new(Load(2024, 2025, 2026));

    [Fact]
    public void Make_up_working_days_are_working_days_and_holidays_are_not()
    {
        Assert.True(_calc.IsWorkingDay(D("2025-09-28")));   // Sunday, 国庆节、中秋节 调休上班
        Assert.True(_calc.IsWorkingDay(D("2025-10-11")));   // Saturday, 国庆节 调休上班
        Assert.False(_calc.IsWorkingDay(D("2025-10-08")));  // Wednesday, 国庆节 holiday
        Assert.False(_calc.IsWorkingDay(D("2025-09-27")));  // ordinary Saturday
        Assert.True(_calc.IsWorkingDay(D("2025-10-09")));   // ordinary Thursday
    }

    [Fact]
    public void Xingzheng_fuyi_Art30_Art88_five_working_days_from_Friday_26_Sep_2025_count_the_make_up_Sunday_and_skip_National_Day()
    {
        // 行政复议法 第三十条 (审查 within 5 days) + 第八十八条 (working days): application received Fri 2025-09-26.
        // Counted: Sun 09-28 (调休上班) 1, Mon 09-29 2, Tue 09-30 3, [10-01..10-08 国庆节], Thu 10-09 4, Fri 10-10 5.
        var due = _calc.AddWorkingDays(D("2025-09-26"), 5);
        Assert.Equal(D("2025-10-10"), due.Date);
        Assert.False(due.CalendarIncomplete);
    }

    [Fact]
    public void Xingzheng_fuyi_Art48_Art88_seven_working_days_reach_the_make_up_Saturday_after_National_Day()
    {
        // 行政复议法 第四十八条 (7 days to send the copy) + 第八十八条: ... Fri 10-10 5, Sat 10-11 (调休上班) 6, Mon 10-13 7.
        Assert.Equal(D("2025-10-13"), _calc.AddWorkingDays(D("2025-09-26"), 7).Date);
    }

    [Fact]
    public void Start_day_is_not_counted_Minshi_susong_Art85()
    {
        // 民事诉讼法 第八十五条第二款: 期间开始的日，不计算在期间内.
        Assert.Equal(D("2025-03-04"), _calc.AddCalendarDays(D("2025-03-03"), 1).Date);
        Assert.Equal(D("2025-03-04"), _calc.AddWorkingDays(D("2025-03-03"), 1).Date);
        // An event on a holiday: the holiday itself is not counted either; 3 working days from 国庆 2025-10-01 end on the make-up Saturday.
        Assert.Equal(D("2025-10-11"), _calc.AddWorkingDays(D("2025-10-01"), 3).Date);
    }

    [Fact]
    public void Fifteen_day_appeal_period_ending_on_a_Sunday_ends_on_Monday_Minshi_susong_Art171_Art85()
    {
        // 民事诉讼法 第一百七十一条: appeal within 15 days of service; served Sat 2026-03-07, day 15 is Sun 2026-03-22.
        // 第八十五条第三款: the period ends on the first day after the rest day, Mon 2026-03-23.
        Assert.Equal(D("2026-03-23"), _calc.AddCalendarDays(D("2026-03-07"), 15).Date);
    }

    [Fact]
    public void Sixty_day_review_period_ending_in_National_Day_2025_rolls_to_the_first_working_day_after_it_Xingzheng_fuyi_Art62()
    {
        // 行政复议法 第六十二条: decision within 60 days of acceptance. Accepted Mon 2025-08-04: day 60 is Fri 2025-10-03 (国庆节);
        // 民法典 第二百零三条: the period ends the day after the holiday, Thu 2025-10-09.
        Assert.Equal(D("2025-10-09"), _calc.AddCalendarDays(D("2025-08-04"), 60).Date);
    }

    [Fact]
    public void Sixty_day_period_across_New_Year_ending_in_Spring_Festival_2026_rolls_to_24_February()
    {
        // Accepted Fri 2025-12-19: day 60 is Tue 2026-02-17 (春节 2026-02-15..02-23); ends Tue 2026-02-24.
        Assert.Equal(D("2026-02-24"), _calc.AddCalendarDays(D("2025-12-19"), 60).Date);
    }

    [Fact]
    public void Calendar_period_ending_on_a_make_up_Saturday_ends_that_day()
    {
        // 2026-02-28 is a Saturday but a 春节 调休上班日: a working day for calendar periods too, so no roll-forward.
        Assert.Equal(D("2026-02-28"), _calc.AddCalendarDays(D("2026-02-18"), 10).Date);
    }

    [Fact]
    public void Ten_working_days_across_Labour_Day_2026_skip_1_to_5_May_and_count_Saturday_9_May()
    {
        // 行政复议法 第四十八条 (10 days to answer) + 第八十八条. Received Tue 2026-04-28:
        // 04-29 1, 04-30 2, [05-01..05-05 劳动节], 05-06 3, 05-07 4, 05-08 5, Sat 05-09 (调休上班) 6, 05-11 7, 05-12 8, 05-13 9, 05-14 10.
        Assert.Equal(D("2026-05-14"), _calc.AddWorkingDays(D("2026-04-28"), 10).Date);
    }

    [Fact]
    public void Correction_pause_stops_the_clock_and_the_count_resumes_the_day_after_the_materials_arrive()
    {
        // 行政复议法 第三十一条: time spent on 补正 is not counted. 60-day period from Mon 2026-03-02 (unpaused: day 60 is
        // 2026-05-01, 劳动节, so 2026-05-06). Correction notice served 03-12, materials received 03-20:
        // counted 03-03..03-11 = 9 days; 03-12..03-20 not counted; the remaining 51 days run from 03-21 to Sun 2026-05-10,
        // which rolls to Mon 2026-05-11.
        var plain = _calc.Compute(new DeadlineSpec(D("2026-03-02"), DayKind.Calendar, 60), D("2026-03-02"));
        Assert.Equal(D("2026-05-06"), plain.DueDate);

        var spec = new DeadlineSpec(D("2026-03-02"), DayKind.Calendar, 60) { Pauses = [new DeadlinePause(D("2026-03-12"), D("2026-03-20"))] };
        var result = _calc.Compute(spec, D("2026-03-25"));

        Assert.Equal(D("2026-05-11"), result.DueDate);
        Assert.False(result.IsPaused);
        Assert.Equal(60 - 9 - 5, result.DaysLeftToCount); // 03-21..03-25 counted since the resume
        Assert.Equal(47, result.DaysRemaining);            // 2026-03-25 -> 2026-05-11
    }

    [Fact]
    public void Open_pause_freezes_the_remaining_days_and_leaves_the_due_date_unknown()
    {
        var spec = new DeadlineSpec(D("2026-03-02"), DayKind.Calendar, 60) { Pauses = [new DeadlinePause(D("2026-03-12"), null)] };
        var onDay = _calc.Compute(spec, D("2026-03-15"));
        var later = _calc.Compute(spec, D("2026-06-30"));

        Assert.Null(onDay.DueDate);
        Assert.True(onDay.IsPaused);
        Assert.Equal(51, onDay.DaysLeftToCount);
        Assert.Equal(51, later.DaysLeftToCount);
        Assert.False(later.IsOverdue);
        Assert.Null(later.DaysRemaining);
    }

    [Fact]
    public void Appraisal_pause_on_a_working_day_licensing_period_Xingzheng_xuke_Art45_Art82()
    {
        // 行政许可法 第四十二条 (20 days) in working days (第八十二条). Accepted Mon 2026-04-20; without a pause the 20th working
        // day is Wed 2026-05-20 (劳动节 skipped, Sat 05-09 counted). 鉴定 (第四十五条: not counted) from 04-27, result on 05-12:
        // counted 04-21..04-24 = 4; the remaining 16 working days run from 05-13: 05-13..05-15 (3), 05-18..05-22 (8),
        // 05-25..05-29 (13), 06-01..06-03 (16).
        Assert.Equal(D("2026-05-20"), _calc.AddWorkingDays(D("2026-04-20"), 20).Date);
        var spec = new DeadlineSpec(D("2026-04-20"), DayKind.Working, 20) { Pauses = [new DeadlinePause(D("2026-04-27"), D("2026-05-12"))] };
        Assert.Equal(D("2026-06-03"), _calc.Compute(spec, D("2026-04-20")).DueDate);
    }

    [Fact]
    public void Thirty_day_extension_runs_from_the_rolled_due_date_Xingzheng_fuyi_Art62()
    {
        // 行政复议法 第六十二条: 60 days, extendable once by at most 30 days. From 2025-08-04 the 60 days end on 2025-10-09
        // (after 国庆节); 30 more days end on Sat 2025-11-08, so the extended period ends Mon 2025-11-10.
        var spec = new DeadlineSpec(D("2025-08-04"), DayKind.Calendar, 60) { Extensions = [new DeadlineExtension(30)] };
        Assert.Equal(D("2025-11-10"), _calc.Compute(spec, D("2025-08-04")).DueDate);
    }

    [Fact]
    public void Extension_of_another_kind_counts_its_own_days()
    {
        // 10 working days from 2025-09-26 end on Thu 2025-10-16 (counting 09-28 and 10-11); 5 more calendar days end Tue 10-21.
        var spec = new DeadlineSpec(D("2025-09-26"), DayKind.Working, 10) { Extensions = [new DeadlineExtension(5, DayKind.Calendar)] };
        Assert.Equal(D("2025-10-16"), _calc.AddWorkingDays(D("2025-09-26"), 10).Date);
        Assert.Equal(D("2025-10-21"), _calc.Compute(spec, D("2025-09-26")).DueDate);
    }

    [Fact]
    public void Days_remaining_and_overdue_on_a_given_date()
    {
        var spec = new DeadlineSpec(D("2025-08-04"), DayKind.Calendar, 60); // due 2025-10-09

        var during = _calc.Compute(spec, D("2025-10-01"));
        Assert.Equal(8, during.DaysRemaining);
        Assert.Equal(1, during.WorkingDaysRemaining); // only 10-09 is a working day after 10-01
        Assert.False(during.IsOverdue);

        var dueDay = _calc.Compute(spec, D("2025-10-09"));
        Assert.Equal(0, dueDay.DaysRemaining);
        Assert.False(dueDay.IsOverdue);

        var late = _calc.Compute(spec, D("2025-10-12"));
        Assert.True(late.IsOverdue);
        Assert.Equal(3, late.DaysOverdue);
        Assert.Null(late.DaysRemaining);
    }

    [Fact]
    public void A_year_without_an_official_calendar_counts_weekends_only_and_is_flagged()
    {
        // 2027 is not loaded: 30 days from 2026-12-20 end on Tue 2027-01-19, computed without 2027's holidays.
        var across = _calc.AddCalendarDays(D("2026-12-20"), 30);
        Assert.Equal(D("2027-01-19"), across.Date);
        Assert.True(across.CalendarIncomplete);

        Assert.False(_calc.AddCalendarDays(D("2026-12-01"), 10).CalendarIncomplete);
        var empty = new DeadlineCalculator(WorkingDayCalendar.Empty);
        Assert.False(empty.IsWorkingDay(D("2027-01-02"))); // Saturday
        Assert.True(empty.IsWorkingDay(D("2027-01-01")));  // Friday: no holiday known
    }

    [Fact]
    public void Inconsistent_pauses_are_refused_with_a_reason()
    {
        var start = D("2026-03-02");
        var before = new DeadlineSpec(start, DayKind.Calendar, 60) { Pauses = [new DeadlinePause(D("2026-03-01"), D("2026-03-05"))] };
        var overlapping = new DeadlineSpec(start, DayKind.Calendar, 60)
        {
            Pauses = [new DeadlinePause(D("2026-03-10"), D("2026-03-20")), new DeadlinePause(D("2026-03-15"), D("2026-03-25"))],
        };
        var backwards = new DeadlineSpec(start, DayKind.Calendar, 60) { Pauses = [new DeadlinePause(D("2026-03-10"), D("2026-03-09"))] };

        Assert.Contains("应晚于期间起算日", Assert.Throws<Fazhi.Platform.Kit.RefusalException>(() => _calc.Compute(before, start)).Message);
        Assert.Contains("重叠", Assert.Throws<Fazhi.Platform.Kit.RefusalException>(() => _calc.Compute(overlapping, start)).Message);
        Assert.Contains("不能早于", Assert.Throws<Fazhi.Platform.Kit.RefusalException>(() => _calc.Compute(backwards, start)).Message);
        Assert.Throws<Fazhi.Platform.Kit.RefusalException>(() => _calc.AddCalendarDays(start, 0));
    }
}
