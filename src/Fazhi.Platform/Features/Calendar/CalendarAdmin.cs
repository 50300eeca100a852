using System.Globalization;
using Fazhi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Platform.Features.Calendar;

/// <summary>Outcome of importing a year: how many days were added, changed and removed.</summary>
internal sealed record CalendarImportResult(int Year, int Added, int Updated, int Removed, int Total)
{
    public string Message => $"已导入 {Year} 年日历：共 {Total} 天（新增 {Added}，修改 {Updated}，删除 {Removed}）。";
}

/// <summary>
/// Changes to the working-day calendar, shared by the admin page, the API, the CLI verb and the first-start seed.
/// Every change is an entity change, so the audit trail records it; the deadline cache is invalidated after each.
/// </summary>
internal sealed class CalendarAdmin(PlatformDb db, CalendarCache cache, IEnumerable<ICalendarChangeHandler> handlers, Security.CurrentUser current)
{
    public const string ManualSource = "manual";

    /// <summary>The stored days whose date falls in <paramref name="year"/>, by date.</summary>
    public async Task<List<CalendarDay>> DaysOfYearAsync(int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
    }

    /// <summary>The years whose official calendar is loaded.</summary>
    public async Task<List<int>> LoadedYearsAsync(CancellationToken ct) =>
        await db.Set<CalendarDay>().Select(d => d.Year).Distinct().OrderBy(y => y).ToListAsync(ct);

    /// <summary>Replaces the days of the file's year with the file's days (unchanged days stay untouched).</summary>
    public async Task<CalendarImportResult> ImportAsync(CalendarFile file, string source, CancellationToken ct)
    {
        var result = await ImportCoreAsync(db, file, source, ct);
        cache.Invalidate();
        if (result.Added + result.Updated + result.Removed > 0)
        {
            await ChangedAsync(new DateOnly(result.Year, 1, 1), ct);
        }
        return result;
    }

    /// <summary>Creates or changes one day. Returns validation errors by field, or null on success.</summary>
    public async Task<Dictionary<string, string[]>?> SaveDayAsync(DateOnly date, bool isOffDay, string? name, long? version, CancellationToken ct)
    {
        name = name?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (name.Length == 0)
        {
            errors["name"] = ["请填写名称，例如“国庆节”。调休上班日填写所属节日的名称。"];
        }
        else if (name.Length > CalendarFile.MaxNameLength)
        {
            errors["name"] = [$"名称不能超过 {CalendarFile.MaxNameLength} 个字。"];
        }
        if (date.Year is < 1949 or > 2200)
        {
            errors["date"] = ["日期应在 1949 年到 2200 年之间。"];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var day = await db.Set<CalendarDay>().SingleOrDefaultAsync(d => d.Date == date, ct);
        if (day is null && version is not null)
        {
            // The form was filled in for a stored day that someone has since removed: refuse, as for any stale edit.
            throw new DbUpdateConcurrencyException($"{date:yyyy-MM-dd} 已被他人删除。");
        }
        if (day is null)
        {
            db.Set<CalendarDay>().Add(new CalendarDay { Date = date, IsOffDay = isOffDay, Name = name, Year = date.Year, Source = ManualSource });
        }
        else
        {
            if (version is { } v)
            {
                // A stale edit must fail with 409, never overwrite silently.
                db.Entry(day).Property(d => d.Version).OriginalValue = v;
            }
            day.IsOffDay = isOffDay;
            day.Name = name;
            day.Source = ManualSource;
        }
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        await ChangedAsync(date, ct);
        return null;
    }

    /// <summary>Removes one day (it becomes an ordinary day again). False when the day is not stored.</summary>
    public async Task<bool> DeleteDayAsync(DateOnly date, long? version, CancellationToken ct)
    {
        var day = await db.Set<CalendarDay>().SingleOrDefaultAsync(d => d.Date == date, ct);
        if (day is null)
        {
            return false;
        }
        if (version is { } v)
        {
            db.Entry(day).Property(d => d.Version).OriginalValue = v;
        }
        db.Set<CalendarDay>().Remove(day);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        await ChangedAsync(date, ct);
        return true;
    }

    /// <summary>
    /// Lets every module recompute what it derived from the calendar (stored due dates) for dates from <paramref name="from"/>,
    /// as system work: a calendar change concerns every org unit, not only the administrator's scope.
    /// </summary>
    private async Task ChangedAsync(DateOnly from, CancellationToken ct)
    {
        foreach (var handler in handlers)
        {
            await current.AsSystemAsync(async () =>
            {
                await handler.OnCalendarChangedAsync(from, ct);
                return true;
            });
        }
    }

    /// <summary>First start: loads the official 2020-2026 calendars embedded in the product when the table is empty.</summary>
    public static async Task SeedAsync(PlatformDb db, CancellationToken ct)
    {
        if (await db.Set<CalendarDay>().AnyAsync(ct))
        {
            return;
        }
        var asm = typeof(CalendarAdmin).Assembly;
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.Contains(".Seed.calendar.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
            var (file, errors) = CalendarFile.Parse(await reader.ReadToEndAsync(ct));
            if (file is null)
            {
                throw new InvalidOperationException($"内置日历 {name} 无效：{string.Join(" ", errors)}");
            }
            await ImportCoreAsync(db, file, "seed", ct);
        }
    }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static async Task<CalendarImportResult> ImportCoreAsync(PlatformDb db, CalendarFile file, string source, CancellationToken ct)
    {
        var dates = file.Days.Select(d => d.Date).ToList();
        var set = db.Set<CalendarDay>();
        // The year's current days, plus any day of the file stored under another year (a New Year holiday listed twice).
        var existing = await set.Where(d => d.Year == file.Year || dates.Contains(d.Date)).ToListAsync(ct);
        var byDate = existing.ToDictionary(d => d.Date);
        int added = 0, updated = 0, removed = 0;
        foreach (var day in file.Days)
        {
            if (byDate.Remove(day.Date, out var row))
            {
                if (row.IsOffDay != day.IsOffDay || row.Name != day.Name || row.Year != file.Year)
                {
                    row.IsOffDay = day.IsOffDay;
                    row.Name = day.Name;
                    row.Year = file.Year;
                    row.Source = source;
                    updated++;
                }
            }
            else
            {
                set.Add(new CalendarDay { Date = day.Date, IsOffDay = day.IsOffDay, Name = day.Name, Year = file.Year, Source = source });
                added++;
            }
        }
        foreach (var gone in byDate.Values)
        {
            set.Remove(gone);
            removed++;
        }
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("calendar.imported", "CalendarYear", file.Year.ToString(CultureInfo.InvariantCulture),
            new { file.Year, source, total = file.Days.Count, added, updated, removed }, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        return new CalendarImportResult(file.Year, added, updated, removed, file.Days.Count);
    }
}
