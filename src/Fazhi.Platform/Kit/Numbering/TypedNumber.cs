using System.Globalization;
using System.Text.RegularExpressions;

namespace Fazhi.Platform.Kit;

/// <summary>
/// A number as a citizen types it on a phone: 〔2026〕0013号, 枣非诉(2026)13号, 2026-0013, ２０２６年１３号. A phone keyboard
/// has no 〔〕, so only the year and the serial are read; the caller formats them with its own pattern and looks the
/// result up (ux.md: "a citizen never needs to type 〔〕"; ADR 0029).
/// </summary>
public static partial class TypedNumber
{
    [GeneratedRegex(@"[0-9]+")]
    private static partial Regex DigitRun();

    /// <summary>
    /// The year (a run of four digits, 1949-2200) and the serial (the next run of digits) in <paramref name="text"/>; eight or
    /// more digits with no separator are read as the year followed by the serial (202600013). False when neither is found.
    /// </summary>
    public static bool TryReadYearAndSerial(string? text, out int year, out long serial)
    {
        year = 0;
        serial = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }
        // Full-width digits (０-９) as typed by some Chinese input methods become ASCII digits.
        var ascii = new string(text.Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c).ToArray());
        var runs = DigitRun().Matches(ascii).Select(m => m.Value).ToList();
        if (runs.Count == 1 && runs[0].Length >= 5)
        {
            runs = [runs[0][..4], runs[0][4..]];
        }
        for (var i = 0; i + 1 < runs.Count; i++)
        {
            if (runs[i].Length == 4 && int.Parse(runs[i], CultureInfo.InvariantCulture) is >= 1949 and <= 2200 && runs[i + 1].Length <= 9)
            {
                year = int.Parse(runs[i], CultureInfo.InvariantCulture);
                serial = long.Parse(runs[i + 1], CultureInfo.InvariantCulture);
                return serial > 0;
            }
        }
        return false;
    }
}
