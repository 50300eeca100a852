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
}
