namespace Fazhi.Platform.Features.Calendar;

/// <summary>
/// A stop of the clock (期间中止), e.g. 补正 (waiting for corrected materials) or 鉴定 (appraisal).
/// The days from <see cref="PausedFrom"/> through <see cref="ResumedOn"/>, both included, are not counted.
/// </summary>
/// <param name="PausedFrom">The first day that is not counted, e.g. the day the correction notice is served.</param>
/// <param name="ResumedOn">
/// The day the cause ends, e.g. the day the corrected materials are received, or null while the clock is still stopped.
/// Like the start day of a period it is not counted: the count continues with the remaining days from the day after it.
/// </param>
public sealed record DeadlinePause(DateOnly PausedFrom, DateOnly? ResumedOn);

/// <summary>An extension (延长) of a period, e.g. 行政复议法 第六十二条: at most 30 more days, once.</summary>
/// <param name="Days">How many days the period is extended by.</param>
/// <param name="Kind">How the extension's days are counted; null means the same kind as the period.</param>
public sealed record DeadlineExtension(int Days, DayKind? Kind = null);

/// <summary>A statutory period: <see cref="Days"/> days of <see cref="Kind"/> from the event on <see cref="Start"/>.</summary>
/// <param name="Start">The day of the event that starts the period (receipt, service...). It is not counted.</param>
/// <param name="Kind">Calendar days or working days.</param>
/// <param name="Days">The length of the period.</param>
public sealed record DeadlineSpec(DateOnly Start, DayKind Kind, int Days)
{
    /// <summary>Stops of the clock, in any order; they must not overlap and only the last may still be open.</summary>
    public IReadOnlyList<DeadlinePause> Pauses { get; init; } = [];

    /// <summary>Extensions, applied in order after the period (see <see cref="DeadlineCalculator.Compute"/>).</summary>
    public IReadOnlyList<DeadlineExtension> Extensions { get; init; } = [];
}

/// <summary>A period evaluated on a given day.</summary>
/// <param name="DueDate">The last day of the period (期间届满日), or null while an open pause has stopped the clock before the period ran out.</param>
/// <param name="AsOf">The day the result describes.</param>
/// <param name="IsPaused">True when <see cref="AsOf"/> falls inside a pause (the clock is stopped on that day).</param>
/// <param name="DaysLeftToCount">Days of the period not yet counted by the end of <see cref="AsOf"/>, each part in its own kind; frozen while paused.</param>
/// <param name="DaysRemaining">Calendar days from <see cref="AsOf"/> to <see cref="DueDate"/> (0 on the due date); null when overdue or no due date.</param>
/// <param name="WorkingDaysRemaining">Working days after <see cref="AsOf"/> up to and including <see cref="DueDate"/>; null when overdue or no due date.</param>
/// <param name="DaysOverdue">Calendar days since <see cref="DueDate"/> when it has passed, else 0.</param>
/// <param name="CalendarIncomplete">
/// True when a year the computation looked at has no official calendar loaded: that year was counted with weekends as the
/// only rest days, so the due date may be early or late. Callers should warn the user; importing the year fixes it.
/// </param>
public sealed record DeadlineResult(
    DateOnly? DueDate,
    DateOnly AsOf,
    bool IsPaused,
    int DaysLeftToCount,
    int? DaysRemaining,
    int? WorkingDaysRemaining,
    int DaysOverdue,
    bool CalendarIncomplete)
{
    /// <summary>True when the due date has passed on <see cref="AsOf"/>.</summary>
    public bool IsOverdue => DaysOverdue > 0;
}

/// <summary>A date computed on the calendar, flagged when a year it depends on has no official calendar loaded.</summary>
public sealed record CalendarDate(DateOnly Date, bool CalendarIncomplete);

/// <summary>
/// Computes statutory periods on a working-day calendar. Pure: no clock, no database.
/// <para>
/// Counting (民事诉讼法 第八十五条; 民法典 第二百零一条至第二百零三条): the start day is not counted, counting begins the next
/// day; a period whose last day is a rest day (法定休假日: a weekend or a statutory holiday) ends on the first working day
/// after it. Working days exclude weekends and statutory holidays and include the make-up working days (调休上班日); a
/// make-up working day is a working day for both kinds of period. A working-day period ends on its last working day.
/// </para>
/// <para>
/// Years without an official calendar are counted with weekends as the only rest days (no holidays, no make-up days)
/// rather than refused: a deadline is still needed, and the result carries <see cref="DeadlineResult.CalendarIncomplete"/>
/// so the caller can warn until next year's notice is imported.
/// </para>
/// </summary>
public sealed class DeadlineCalculator(IWorkingDayCalendar calendar)
{
    /// <summary>Longest period accepted, in days (about ten years); longer periods are counted in months or years.</summary>
    public const int MaxDays = 3660;

    /// <summary>Guard against a runaway count (long pauses included): about 60 years.</summary>
    private const int MaxSpan = 22000;

    /// <summary>The calendar the periods are counted on.</summary>
    public IWorkingDayCalendar Calendar => calendar;

    /// <summary>True for a working day (see <see cref="IWorkingDayCalendar.IsWorkingDay"/>).</summary>
    public bool IsWorkingDay(DateOnly date) => calendar.IsWorkingDay(date);

    /// <summary>
    /// 民法典 第二百零三条: the day itself when it is a working day, otherwise the first working day after it
    /// (the roll-forward of a calendar period's last day).
    /// </summary>
    public DateOnly RollForward(DateOnly date)
    {
        while (!calendar.IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }
        return date;
    }

    /// <summary>The last day of a period of <paramref name="days"/> calendar days from the event on <paramref name="start"/>, rolled forward off a rest day.</summary>
    public CalendarDate AddCalendarDays(DateOnly start, int days) => Due(new DeadlineSpec(start, DayKind.Calendar, days));

    /// <summary>The <paramref name="days"/>-th working day after the event on <paramref name="start"/>.</summary>
    public CalendarDate AddWorkingDays(DateOnly start, int days) => Due(new DeadlineSpec(start, DayKind.Working, days));

    /// <summary>
    /// Evaluates a period with its pauses and extensions on <paramref name="asOf"/>.
    /// <list type="bullet">
    /// <item>Counting starts the day after <see cref="DeadlineSpec.Start"/>.</item>
    /// <item>Days inside a pause (from <see cref="DeadlinePause.PausedFrom"/> through <see cref="DeadlinePause.ResumedOn"/>) are
    /// not counted; after the resume day the remaining days are counted from the next day on. An open pause reached before
    /// the period runs out leaves the due date unknown (null) with the remaining days frozen.</item>
    /// <item>A calendar period (and each calendar extension) whose last day is a rest day, or falls inside a pause, ends on
    /// the first working day after it that is not paused.</item>
    /// <item>Each extension is a further period that starts on the due date before it (itself not counted), so a 30-day
    /// extension of a 60-day period counts 30 days from the 60-day period's (rolled-forward) last day.</item>
    /// </list>
    /// </summary>
    /// <exception cref="Kit.RefusalException">The spec is inconsistent or starts outside the plausible range; the message says why, in Chinese.</exception>
    public DeadlineResult Compute(DeadlineSpec spec, DateOnly asOf)
    {
        var pauses = Validate(spec);
        var segments = new List<(DayKind Kind, int Days)> { (spec.Kind, spec.Days) };
        segments.AddRange(spec.Extensions.Select(e => (e.Kind ?? spec.Kind, e.Days)));
        var total = segments.Sum(s => s.Days);

        var day = spec.Start;
        var counted = 0;
        var countedByAsOf = 0;
        DateOnly? due = null;
        var stopped = false;
        foreach (var (kind, days) in segments)
        {
            var n = 0;
            while (n < days && !stopped)
            {
                day = Next(day, spec.Start);
                if (PauseAt(pauses, day) is { } pause)
                {
                    if (pause.ResumedOn is null)
                    {
                        stopped = true;
                    }
                    continue;
                }
                if (kind == DayKind.Working && !calendar.IsWorkingDay(day))
                {
                    continue;
                }
                n++;
                counted++;
                if (day <= asOf)
                {
                    countedByAsOf++;
                }
            }
            // 民法典 第二百零三条 / 民事诉讼法 第八十五条: a calendar period ending on a rest day ends on the next working day.
            while (!stopped && kind == DayKind.Calendar && (!calendar.IsWorkingDay(day) || PauseAt(pauses, day) is not null))
            {
                if (PauseAt(pauses, day) is { ResumedOn: null })
                {
                    stopped = true;
                    break;
                }
                day = Next(day, spec.Start);
            }
            if (stopped)
            {
                break;
            }
        }
        var last = day;
        if (!stopped)
        {
            due = day;
        }

        int? daysRemaining = null;
        int? workingRemaining = null;
        var overdue = 0;
        if (due is { } d)
        {
            if (asOf > d)
            {
                overdue = asOf.DayNumber - d.DayNumber;
            }
            else
            {
                daysRemaining = d.DayNumber - asOf.DayNumber;
                var w = 0;
                for (var x = asOf.AddDays(1); x <= d; x = x.AddDays(1))
                {
                    if (calendar.IsWorkingDay(x))
                    {
                        w++;
                    }
                }
                workingRemaining = w;
            }
        }

        // The years looked at: from the start (or an earlier asOf, counted for the working days remaining) to the last day.
        var firstYear = daysRemaining is null ? spec.Start.Year : Math.Min(spec.Start.Year, asOf.Year);
        var lastYear = last.Year;
        var incomplete = false;
        for (var y = firstYear; y <= lastYear && !incomplete; y++)
        {
            incomplete = !calendar.IsYearLoaded(y);
        }

        return new DeadlineResult(
            due,
            asOf,
            PauseAt(pauses, asOf) is not null,
            Math.Max(0, total - countedByAsOf),
            daysRemaining,
            workingRemaining,
            overdue,
            incomplete);
    }

    private CalendarDate Due(DeadlineSpec spec)
    {
        var r = Compute(spec, spec.Start);
        return new CalendarDate(r.DueDate!.Value, r.CalendarIncomplete);
    }

    private static DateOnly Next(DateOnly day, DateOnly start)
    {
        var next = day.AddDays(1);
        if (next.DayNumber - start.DayNumber > MaxSpan)
        {
            throw Kit.Refuse.Invalid("期间过长，无法计算（包括中止的天数在内超过 60 年）。");
        }
        return next;
    }

    private static DeadlinePause? PauseAt(List<DeadlinePause> pauses, DateOnly day)
    {
        foreach (var p in pauses)
        {
            if (day >= p.PausedFrom && (p.ResumedOn is null || day <= p.ResumedOn))
            {
                return p;
            }
        }
        return null;
    }

    private static List<DeadlinePause> Validate(DeadlineSpec spec)
    {
        // A start outside the plausible range (year 0001, 9999-12-31) is refused before any date arithmetic can overflow.
        if (!Kit.DateRules.Plausible(spec.Start))
        {
            throw Kit.Refuse.Invalid(Kit.DateRules.RangeMessage("期间起算日"));
        }
        if (spec.Kind is not (DayKind.Calendar or DayKind.Working))
        {
            throw Kit.Refuse.Invalid("期间的计算方式无效，应为自然日或工作日。");
        }
        if (spec.Days is < 1 or > MaxDays)
        {
            throw Kit.Refuse.Invalid($"期间天数应在 1 到 {MaxDays} 之间。");
        }
        foreach (var e in spec.Extensions)
        {
            if (e.Days is < 1 or > MaxDays || e.Kind is not (null or DayKind.Calendar or DayKind.Working))
            {
                throw Kit.Refuse.Invalid($"延长的天数应在 1 到 {MaxDays} 之间，计算方式应为自然日或工作日。");
            }
        }
        var pauses = spec.Pauses.OrderBy(p => p.PausedFrom).ToList();
        for (var i = 0; i < pauses.Count; i++)
        {
            var p = pauses[i];
            if (p.PausedFrom <= spec.Start)
            {
                throw Kit.Refuse.Invalid($"中止开始日 {p.PausedFrom:yyyy-MM-dd} 应晚于期间起算日 {spec.Start:yyyy-MM-dd}。");
            }
            if (p.ResumedOn is { } r && r < p.PausedFrom)
            {
                throw Kit.Refuse.Invalid($"恢复日 {r:yyyy-MM-dd} 不能早于中止开始日 {p.PausedFrom:yyyy-MM-dd}。");
            }
            if (i < pauses.Count - 1)
            {
                var next = pauses[i + 1];
                if (p.ResumedOn is null)
                {
                    throw Kit.Refuse.Invalid($"{p.PausedFrom:yyyy-MM-dd} 起的中止尚未恢复，其后不能再有中止。");
                }
                if (next.PausedFrom <= p.ResumedOn)
                {
                    throw Kit.Refuse.Invalid($"中止期间 {p.PausedFrom:yyyy-MM-dd} 与 {next.PausedFrom:yyyy-MM-dd} 重叠。");
                }
            }
        }
        return pauses;
    }
}
