using System.Globalization;

namespace Fazhi.Platform.Kit;

/// <summary>
/// Dates and times on pages (ADR 0057), always on China's clock (<see cref="ChinaTime"/>): <c>2026-12-07</c> and
/// <c>2026-12-07 14:05</c> in Chinese, <c>7 Dec 2026</c> and <c>7 Dec 2026 14:05</c> in English. Form fields
/// (<c>&lt;input type="date"&gt;</c>), query strings, exports and official documents keep their own fixed formats: a
/// statutory document is in Chinese whatever the UI language.
/// </summary>
public static class UiDates
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>A date: 2026-12-07 / 7 Dec 2026.</summary>
    public static string UiDate(this DateOnly date) =>
        date.ToString(English ? "d MMM yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The date in China at an instant.</summary>
    public static string UiDate(this DateTimeOffset instant) => instant.ChinaDate().UiDate();

    /// <summary>A date and time in China: 2026-12-07 14:05 / 7 Dec 2026 14:05 (with seconds when asked, for the audit trail).</summary>
    public static string UiDateTime(this DateTimeOffset instant, bool seconds = false)
    {
        var time = seconds ? "HH:mm:ss" : "HH:mm";
        return instant.InChina().ToString(English ? "d MMM yyyy " + time : "yyyy-MM-dd " + time, CultureInfo.InvariantCulture);
    }

    /// <summary>A date that may be missing: "—" when it is.</summary>
    public static string Date(DateOnly? date) => date is { } d ? d.UiDate() : "—";

    /// <summary>A UTC <see cref="DateTime"/> (a <c>…AtUtc</c> column, whatever its <see cref="DateTime.Kind"/>) on China's clock.</summary>
    public static string UiDateTimeFromUtc(this DateTime utc, bool seconds = false) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).UiDateTime(seconds);

    /// <summary>A UTC time that may be missing: "—" when it is.</summary>
    public static string FromUtc(DateTime? utc) => utc is { } u ? u.UiDateTimeFromUtc() : "—";

    /// <summary>A wall-clock time already on China's clock (a time someone entered, e.g. a mediation session's).</summary>
    public static string UiDateTime(this DateTime chinaClock) =>
        new DateTimeOffset(DateTime.SpecifyKind(chinaClock, DateTimeKind.Unspecified), ChinaTime.Offset).UiDateTime();

    /// <summary>
    /// A period in days: "3 个工作日" / "3 working days", "30 日" / "30 days" (<paramref name="working"/> for working days on
    /// the platform's calendar, otherwise calendar days).
    /// </summary>
    public static string UiDays(this int days, bool working) => English
        ? $"{days} {(working ? "working " : "")}{(days == 1 ? "day" : "days")}"
        : $"{days} {(working ? "个工作日" : "日")}";
}
