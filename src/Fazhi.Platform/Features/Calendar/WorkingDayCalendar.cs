namespace Fazhi.Platform.Features.Calendar;

/// <summary>How the days of a period are counted.</summary>
public enum DayKind
{
    /// <summary>Calendar days (日): every day counts; a period whose last day is a rest day ends on the next working day.</summary>
    Calendar = 1,

    /// <summary>Working days (工作日): only working days count (e.g. 行政复议法 第八十八条: its 3, 5, 7 and 10-day periods).</summary>
    Working = 2,
}

/// <summary>The statutory working-day calendar: which days are working days.</summary>
public interface IWorkingDayCalendar
{
    /// <summary>
    /// True for a working day: Monday to Friday unless a statutory holiday, plus the make-up working days (调休上班日)
    /// on weekends. For a year whose official calendar is not loaded, Monday to Friday (weekends only are rest days).
    /// </summary>
    bool IsWorkingDay(DateOnly date);

    /// <summary>True when the official calendar of <paramref name="year"/> is loaded.</summary>
    bool IsYearLoaded(int year);
}

/// <summary>An immutable calendar built from the stored changed days; safe to share between threads.</summary>
internal sealed class WorkingDayCalendar : IWorkingDayCalendar
{
    private readonly Dictionary<DateOnly, bool> _offDays;
    private readonly HashSet<int> _years;

    /// <param name="days">Changed days: (date, isOffDay, notice year).</param>
    public WorkingDayCalendar(IEnumerable<(DateOnly Date, bool IsOffDay, int Year)> days)
    {
        _offDays = [];
        _years = [];
        foreach (var (date, off, year) in days)
        {
            _offDays[date] = off;
            _years.Add(year);
        }
    }

    public static WorkingDayCalendar Empty { get; } = new([]);

    public bool IsWorkingDay(DateOnly date) =>
        _offDays.TryGetValue(date, out var off) ? !off : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public bool IsYearLoaded(int year) => _years.Contains(year);
}
