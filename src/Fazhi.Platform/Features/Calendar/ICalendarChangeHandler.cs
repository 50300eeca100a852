namespace Fazhi.Platform.Features.Calendar;

/// <summary>
/// A module that stores dates computed from the working-day calendar (e.g. a case's due date) implements this to
/// recompute them when an administrator imports a year or changes a day (e.g. the State Council publishes next year's
/// holidays in November, after cases running into January were given due dates on the provisional calendar).
/// Registered with <c>services.AddScoped&lt;ICalendarChangeHandler, THandler&gt;()</c>; runs as system work in the same
/// request, after the calendar change is saved and the deadline cache refreshed.
/// </summary>
public interface ICalendarChangeHandler
{
    /// <summary>The calendar changed for dates on or after <paramref name="from"/>.</summary>
    Task OnCalendarChangedAsync(DateOnly from, CancellationToken ct);
}
