using Fazhi.Platform.Data;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Features.Calendar;

/// <summary>
/// Statutory deadlines on the working-day calendar held in the database (民事诉讼法 第八十五条; 民法典 第二百零一条至第二百零三条).
/// See <see cref="DeadlineCalculator"/> for the counting rules, pauses and extensions. Registered as a singleton.
/// </summary>
public interface IDeadlineService
{
    /// <summary>Today in China Standard Time (UTC+8, no daylight saving), the day deadlines are usually evaluated on.</summary>
    DateOnly Today { get; }

    /// <summary>The current calendar, for computing many deadlines at once with a <see cref="DeadlineCalculator"/>.</summary>
    Task<IWorkingDayCalendar> GetCalendarAsync(CancellationToken ct = default);

    /// <summary>True for a working day (weekdays except holidays, plus make-up working days).</summary>
    Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken ct = default);

    /// <summary>The last day of <paramref name="days"/> calendar days after <paramref name="start"/>, moved off a rest day.</summary>
    Task<CalendarDate> AddCalendarDaysAsync(DateOnly start, int days, CancellationToken ct = default);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/>.</summary>
    Task<CalendarDate> AddWorkingDaysAsync(DateOnly start, int days, CancellationToken ct = default);

    /// <summary>A period with pauses and extensions, evaluated on <paramref name="asOf"/> (see <see cref="DeadlineCalculator.Compute"/>).</summary>
    Task<DeadlineResult> ComputeAsync(DeadlineSpec spec, DateOnly asOf, CancellationToken ct = default);
}

internal sealed class DeadlineService(CalendarCache cache, TimeProvider clock) : IDeadlineService
{
    public DateOnly Today => clock.ChinaToday();

    public async Task<IWorkingDayCalendar> GetCalendarAsync(CancellationToken ct = default) => await cache.GetAsync(ct);

    public async Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken ct = default) =>
        (await cache.GetAsync(ct)).IsWorkingDay(date);

    public async Task<CalendarDate> AddCalendarDaysAsync(DateOnly start, int days, CancellationToken ct = default) =>
        new DeadlineCalculator(await cache.GetAsync(ct)).AddCalendarDays(start, days);

    public async Task<CalendarDate> AddWorkingDaysAsync(DateOnly start, int days, CancellationToken ct = default) =>
        new DeadlineCalculator(await cache.GetAsync(ct)).AddWorkingDays(start, days);

    public async Task<DeadlineResult> ComputeAsync(DeadlineSpec spec, DateOnly asOf, CancellationToken ct = default) =>
        new DeadlineCalculator(await cache.GetAsync(ct)).Compute(spec, asOf);
}

/// <summary>
/// The calendar loaded from the database, shared by the whole process. A change made on this node invalidates it at
/// once (<see cref="Invalidate"/>); a change made on another node behind the same PostgreSQL is picked up here at the
/// latest <see cref="MaxAge"/> later, because the cache reloads itself when older than that. The table is tiny
/// (about 40 rows a year), so a reload is cheap.
/// </summary>
internal sealed class CalendarCache(IServiceScopeFactory scopes)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _current;
    private long _generation;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async ValueTask<IWorkingDayCalendar> GetAsync(CancellationToken ct = default)
    {
        if (Fresh(Volatile.Read(ref _current)) is { } hit)
        {
            return hit;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (Fresh(_current) is { } again)
            {
                return again;
            }
            // Read the generation before loading: an invalidation during the load leaves this snapshot stale.
            var generation = Interlocked.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDb>();
            var days = await db.Set<CalendarDay>().AsNoTracking().Select(d => new { d.Date, d.IsOffDay, d.Year }).ToListAsync(ct);
            var calendar = new WorkingDayCalendar(days.Select(d => (d.Date, d.IsOffDay, d.Year)));
            Volatile.Write(ref _current, new Snapshot(calendar, generation, Environment.TickCount64));
            return calendar;
        }
        finally
        {
            _loading.Release();
        }
    }

    private WorkingDayCalendar? Fresh(Snapshot? s) =>
        s is not null && s.Generation == Interlocked.Read(ref _generation) && Environment.TickCount64 - s.LoadedAt < (long)MaxAge.TotalMilliseconds
            ? s.Calendar
            : null;

    private sealed record Snapshot(WorkingDayCalendar Calendar, long Generation, long LoadedAt);
}
