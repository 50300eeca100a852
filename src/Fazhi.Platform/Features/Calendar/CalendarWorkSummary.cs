using Fazhi.Platform.Security;
using Fazhi.Platform.Web;

namespace Fazhi.Platform.Features.Calendar;

/// <summary>
/// The calendar administrator's to-do line: from November, next year's official working-day calendar (国务院办公厅
/// 部分节假日安排的通知, usually published in the autumn) is missing. Until it is imported, deadlines that fall in that year
/// are counted with weekends only and carry a warning on the record.
/// </summary>
internal sealed class CalendarWorkSummary(IDeadlineService deadlines, ICurrentUser current) : IWorkSummary
{
    /// <summary>The month from which next year's calendar is expected.</summary>
    public const int ReminderFromMonth = 11;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var today = deadlines.Today;
        if (!current.Has(PlatformPermissions.CalendarManage) || today.Month < ReminderFromMonth)
        {
            return [];
        }
        var calendar = await deadlines.GetCalendarAsync(ct);
        var next = today.Year + 1;
        return calendar.IsYearLoaded(next)
            ? []
            : [new WorkItem("系统管理", CalendarWarning.Missing(next), 1, "/admin/calendar", Urgent: true)];
    }
}

/// <summary>The warning a deadline carries when its year's official calendar is not loaded.</summary>
public static class CalendarWarning
{
    public static string Missing(int year) => $"{year} 年工作日历尚未导入，期限按周末推算";

    /// <summary>The warning for a computed due date, or null when its year's calendar is loaded.</summary>
    public static string? For(CalendarDate due) => due.CalendarIncomplete ? Missing(due.Date.Year) : null;

    /// <summary>The warning for a computed deadline, or null when its calendar was complete.</summary>
    public static string? For(DeadlineResult result) => result.CalendarIncomplete && result.DueDate is { } d ? Missing(d.Year) : null;

    /// <summary>
    /// The warning for a stored due date, asked at view time: null when there is no date or its year's official calendar
    /// is loaded. A period runs forward, so the due date's year is the last one it crosses; the calendar is cached, so
    /// this is cheap.
    /// </summary>
    public static string? For(IWorkingDayCalendar calendar, DateOnly? due) =>
        due is { } d && !calendar.IsYearLoaded(d.Year) ? Missing(d.Year) : null;

    /// <summary>As <see cref="For(IWorkingDayCalendar, DateOnly?)"/> with the deadline service's current calendar.</summary>
    public static async Task<string?> ForDueAsync(IDeadlineService deadlines, DateOnly? due, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return due is null ? null : For(await deadlines.GetCalendarAsync(ct), due);
    }
}
