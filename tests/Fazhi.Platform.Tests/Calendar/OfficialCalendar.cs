using Fazhi.Platform.Features.Calendar;

namespace Fazhi.Platform.Tests.Calendar;

/// <summary>The official calendars embedded in the product (identical to ../shared/data/calendar), loaded through the importer's parser.</summary>
internal static class OfficialCalendar
{
    public static WorkingDayCalendar Load(params int[] years)
    {
        var days = new List<(DateOnly, bool, int)>();
        foreach (var year in years)
        {
            var (file, errors) = CalendarFile.Parse(Read(year));
            Assert.True(file is not null, string.Join(" ", errors));
            days.AddRange(file!.Days.Select(d => (d.Date, d.IsOffDay, file.Year)));
        }
        return new WorkingDayCalendar(days);
    }

    public static string Read(int year)
    {
        var asm = typeof(CalendarFile).Assembly;
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith($".calendar.{year}.json", StringComparison.Ordinal));
        using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
