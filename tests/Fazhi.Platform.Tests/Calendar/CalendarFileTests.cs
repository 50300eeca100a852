using Fazhi.Platform.Features.Calendar;
using static Fazhi.Platform.Tests.Calendar.OfficialCalendar;

namespace Fazhi.Platform.Tests.Calendar;

public sealed class CalendarFileTests
{
    [Theory]
    [InlineData(2020)]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Every_official_file_parses(int year)
    {
        var (file, errors) = CalendarFile.Parse(Read(year));
        Assert.Empty(errors);
        Assert.Equal(year, file!.Year);
    }

    [Fact]
    public void The_2023_file_keeps_31_December_2022_with_its_New_Year_holiday()
    {
        var (file, _) = CalendarFile.Parse(Read(2023));
        Assert.Contains(file!.Days, d => d.Date == D("2022-12-31") && d.IsOffDay && d.Name == "元旦");
    }

    [Fact]
    public void National_Day_2025_holidays_and_make_up_days_are_read()
    {
        var (file, _) = CalendarFile.Parse(Read(2025));
        var national = file!.Days.Where(d => d.Name == "国庆节、中秋节").ToList();
        Assert.Equal(8, national.Count(d => d.IsOffDay));
        Assert.Equal([D("2025-09-28"), D("2025-10-11")], national.Where(d => !d.IsOffDay).Select(d => d.Date));
    }

    [Fact]
    public void Bad_entries_are_named_in_the_errors()
    {
        const string json = """
            {"year": 2027, "days": [
              {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
              {"name": "春节", "date": "2027-02-30", "isOffDay": true},
              {"name": "国庆节", "date": "2026-10-01", "isOffDay": true},
              {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
              {"name": "", "date": "2027-05-01", "isOffDay": true},
              {"name": "劳动节", "date": "2027-05-02", "isOffDay": "yes"}
            ]}
            """;
        var (file, errors) = CalendarFile.Parse(json);

        Assert.Null(file);
        Assert.Contains(errors, e => e.Contains("第 2 项（2027-02-30 春节）") && e.Contains("日期无法识别"));
        Assert.Contains(errors, e => e.Contains("第 3 项（2026-10-01 国庆节）") && e.Contains("不属于 2027 年"));
        Assert.Contains(errors, e => e.Contains("第 4 项") && e.Contains("与第 1 项重复"));
        Assert.Contains(errors, e => e.Contains("第 5 项") && e.Contains("缺少名称"));
        Assert.Contains(errors, e => e.Contains("第 6 项") && e.Contains("isOffDay"));
    }

    [Theory]
    [InlineData("not json", "不是有效的 JSON")]
    [InlineData("[]", "应为包含 year 和 days 的对象")]
    [InlineData("{\"days\": []}", "缺少年份")]
    [InlineData("{\"year\": 2027}", "缺少日期列表")]
    public void Malformed_files_are_refused_with_a_reason(string json, string reason)
    {
        var (file, errors) = CalendarFile.Parse(json);
        Assert.Null(file);
        Assert.Contains(reason, Assert.Single(errors));
    }
}
