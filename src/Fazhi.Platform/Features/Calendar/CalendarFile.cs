using System.Globalization;
using System.Text.Json;

namespace Fazhi.Platform.Features.Calendar;

/// <summary>One entry of an official yearly calendar file.</summary>
internal sealed record CalendarFileDay(DateOnly Date, string Name, bool IsOffDay);

/// <summary>
/// An official yearly calendar in the holiday-cn format: <c>{"year": 2026, "days": [{"name", "date", "isOffDay"}]}</c>,
/// listing only the days that differ from the ordinary week (holidays, and make-up working days with isOffDay false).
/// </summary>
internal sealed record CalendarFile(int Year, IReadOnlyList<CalendarFileDay> Days)
{
    public const int MaxNameLength = 32;

    /// <summary>Largest file accepted (the official files are about 4 KB).</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>Parses and validates a file; on failure returns the reasons, each naming the bad entry, in Chinese.</summary>
    public static (CalendarFile? File, IReadOnlyList<string> Errors) Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return (null, [$"文件不是有效的 JSON（第 {(ex.LineNumber ?? 0) + 1} 行附近）。"]);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, ["文件格式不正确：应为包含 year 和 days 的对象。"]);
            }
            if (!root.TryGetProperty("year", out var yearEl) || yearEl.ValueKind != JsonValueKind.Number
                || !yearEl.TryGetInt32(out var year) || year is < 1949 or > 2200)
            {
                return (null, ["缺少年份（year）或年份无效，应为 1949 到 2200 之间的整数。"]);
            }
            if (!root.TryGetProperty("days", out var daysEl) || daysEl.ValueKind != JsonValueKind.Array)
            {
                return (null, ["缺少日期列表（days），应为数组。"]);
            }

            var errors = new List<string>();
            var days = new List<CalendarFileDay>();
            var seen = new Dictionary<DateOnly, int>();
            var i = 0;
            foreach (var item in daysEl.EnumerateArray())
            {
                i++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"第 {i} 项：应为包含 name、date、isOffDay 的对象。");
                    continue;
                }
                var rawDate = item.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : null;
                var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : "";
                var label = $"第 {i} 项（{rawDate ?? "无日期"} {name}）";
                if (rawDate is null || !DateOnly.TryParseExact(rawDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    errors.Add($"{label}：日期无法识别，应为 yyyy-MM-dd 格式，例如 {year}-10-01。");
                    continue;
                }
                if (name.Length == 0)
                {
                    errors.Add($"{label}：缺少名称（name）。");
                }
                else if (name.Length > MaxNameLength)
                {
                    errors.Add($"{label}：名称超过 {MaxNameLength} 个字。");
                }
                if (!item.TryGetProperty("isOffDay", out var off) || off.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{label}：isOffDay 应为 true（放假）或 false（调休上班）。");
                    continue;
                }
                if (!BelongsToYear(date, year))
                {
                    errors.Add($"{label}：日期不属于 {year} 年。");
                    continue;
                }
                if (seen.TryGetValue(date, out var first))
                {
                    errors.Add($"{label}：日期与第 {first} 项重复。");
                    continue;
                }
                seen[date] = i;
                days.Add(new CalendarFileDay(date, name, off.GetBoolean()));
            }
            if (errors.Count > 0)
            {
                return (null, errors);
            }
            return (new CalendarFile(year, days.OrderBy(x => x.Date).ToList()), []);
        }
    }

    /// <summary>
    /// A day belongs to the notice of its own year, or to an adjacent year's notice when the holiday spans New Year
    /// (the official 2023 file lists 2022-12-31 for 元旦): the last or first week of the year is accepted.
    /// </summary>
    public static bool BelongsToYear(DateOnly date, int year) =>
        date.Year == year
        || (date.Year == year - 1 && date.Month == 12 && date.Day >= 25)
        || (date.Year == year + 1 && date.Month == 1 && date.Day <= 7);
}
