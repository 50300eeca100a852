namespace Fazhi.Platform.Kit;

/// <summary>
/// Dates as they are in China (China Standard Time, UTC+8, no daylight saving), whatever the server's time zone: a server
/// run on UTC is a day behind from 16:00 UTC, and a statutory day is the day in China.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The current date in China.</summary>
    public static DateOnly ChinaToday(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>The same instant on China's clock (for showing a time, e.g. 开考时间 2026-12-07 09:00).</summary>
    public static DateTimeOffset InChina(this DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The date in China at that instant.</summary>
    public static DateOnly ChinaDate(this DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
