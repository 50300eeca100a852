using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Tests.Calendar.OfficialCalendar;

namespace Fazhi.Platform.Tests.Calendar;

/// <summary>
/// The calendar through the real host. Each test works on its own far-future year (2091-2096) so that tests sharing the
/// host do not see each other's days.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class CalendarApiTests(FazhiFactory factory)
{
    [Fact]
    public async Task Official_calendars_are_seeded_on_first_start_and_readable_by_staff()
    {
        var staff = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.Staff, "370402"));

        var year = await staff.GetFromJsonAsync<YearDto>("/api/platform/calendar/2025");

        Assert.True(year!.Loaded);
        Assert.Contains(year.Days, d => d.Date == D("2025-10-01") && d.IsOffDay && d.Name == "国庆节、中秋节");
        Assert.Contains(year.Days, d => d.Date == D("2025-09-28") && !d.IsOffDay);
        var missing = await staff.GetFromJsonAsync<YearDto>("/api/platform/calendar/2090");
        Assert.False(missing!.Loaded);
    }

    [Fact]
    public async Task Staff_cannot_change_the_calendar_nor_open_its_page()
    {
        var staff = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.Staff, "370400"));

        var put = await staff.PutAsJsonAsync("/api/platform/calendar/days/2091-03-03", new { isOffDay = true, name = "测试" });
        var import = await staff.PostAsync("/api/platform/calendar/import", Json(File(2091, ("2091-01-01", "元旦", true))));
        var page = await staff.GetAsync("/admin/calendar");

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.True(page.StatusCode is HttpStatusCode.Forbidden || page.Headers.Location?.ToString().Contains("/account/denied") == true,
            $"staff reached the calendar page: {(int)page.StatusCode}");
    }

    [Fact]
    public async Task Importing_a_year_replaces_its_days_is_audited_and_moves_deadlines_at_once()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin));
        var deadlines = factory.Services.GetRequiredService<IDeadlineService>();
        // 2091-10-01 is a Monday. Before the import, 3 working days from Fri 2091-09-28 end on Wed 10-03.
        Assert.Equal(D("2091-10-03"), (await deadlines.AddWorkingDaysAsync(D("2091-09-28"), 3)).Date);
        Assert.True((await deadlines.AddWorkingDaysAsync(D("2091-09-28"), 3)).CalendarIncomplete);

        var first = await admin.PostAsync("/api/platform/calendar/import", Json(File(2091,
            ("2091-09-29", "国庆节", false), ("2091-10-01", "国庆节", true), ("2091-10-02", "国庆节", true), ("2091-10-03", "国庆节", true))));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var result = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, result.GetProperty("added").GetInt32());

        // Sat 09-29 is now a make-up working day and 10-01..10-03 are holidays: 09-29 1, 10-04 2, 10-05 3.
        var after = await deadlines.AddWorkingDaysAsync(D("2091-09-28"), 3);
        Assert.Equal(D("2091-10-05"), after.Date);
        Assert.False(after.CalendarIncomplete);

        var second = await admin.PostAsync("/api/platform/calendar/import", Json(File(2091, ("2091-10-01", "国庆节", true))));
        var replaced = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, replaced.GetProperty("removed").GetInt32());
        var year = await admin.GetFromJsonAsync<YearDto>("/api/platform/calendar/2091");
        Assert.Equal([D("2091-10-01")], year!.Days.Select(d => d.Date));

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            Assert.Equal(2, await db.Set<AuditEntry>().CountAsync(a => a.Action == "calendar.imported" && a.EntityId == "2091"));
            Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.EntityType == nameof(CalendarDay) && a.Action == "delete"));
        });
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_the_entry_named_and_nothing_changes()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin));

        var response = await admin.PostAsync("/api/platform/calendar/import", Json(File(2092,
            ("2092-01-01", "元旦", true), ("2092-13-01", "春节", true), ("2092-01-01", "元旦", true))));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("第 2 项（2092-13-01 春节）", body);
        Assert.Contains("与第 1 项重复", body);
        var year = await admin.GetFromJsonAsync<YearDto>("/api/platform/calendar/2092");
        Assert.Empty(year!.Days);

        var notJson = await admin.PostAsync("/api/platform/calendar/import", new StringContent("{\"year\": 2092, \"days\": [", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("不是有效的 JSON", await notJson.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_single_day_is_added_edited_with_its_version_and_removed()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin));

        var created = await (await admin.PutAsJsonAsync("/api/platform/calendar/days/2093-05-01", new { isOffDay = true, name = "劳动节" }))
            .Content.ReadFromJsonAsync<DayDto>();
        var edited = await admin.PutAsJsonAsync("/api/platform/calendar/days/2093-05-01", new { isOffDay = true, name = "劳动节（调整）", version = created!.Version });
        var stale = await admin.PutAsJsonAsync("/api/platform/calendar/days/2093-05-01", new { isOffDay = false, name = "旧版本", version = created.Version });
        var invalid = await admin.PutAsJsonAsync("/api/platform/calendar/days/2093-05-02", new { isOffDay = true, name = "" });
        var badDate = await admin.PutAsJsonAsync("/api/platform/calendar/days/2093-02-30", new { isOffDay = true, name = "x" });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("请填写名称", await TextAsync(invalid));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.False(await factory.Services.GetRequiredService<IDeadlineService>().IsWorkingDayAsync(D("2093-05-01")));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/platform/calendar/days/2093-05-01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/platform/calendar/days/2093-05-01")).StatusCode);
        Assert.True(await factory.Services.GetRequiredService<IDeadlineService>().IsWorkingDayAsync(D("2093-05-01")));
    }

    [Fact]
    public async Task The_admin_page_shows_the_year_and_its_form_validates_inline()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin));

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/calendar?year=2026"));
        Assert.Contains("已导入 2026 年官方节假日安排", page);
        Assert.Contains("春节", page);
        Assert.Contains("cal-makeup", page);

        var invalid = await Forms.SubmitAsync(admin, "/admin/calendar?year=2094", "calendar-day",
            new Dictionary<string, string> { ["DayForm.Date"] = "2094-10-01", ["DayForm.Kind"] = "off", ["DayForm.Name"] = "" });
        Assert.Contains("请填写名称", await TextAsync(invalid));

        var saved = await Forms.SubmitAsync(admin, "/admin/calendar?year=2094", "calendar-day",
            new Dictionary<string, string> { ["DayForm.Date"] = "2094-10-01", ["DayForm.Kind"] = "off", ["DayForm.Name"] = "国庆节" });
        Assert.Contains("已保存 2094-10-01", await TextAsync(saved));
        Assert.False(await factory.Services.GetRequiredService<IDeadlineService>().IsWorkingDayAsync(D("2094-10-01")));
    }

    [Fact]
    public async Task A_day_is_removed_from_the_page_after_confirmation_and_a_stale_removal_is_refused()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin));
        var day = await (await admin.PutAsJsonAsync("/api/platform/calendar/days/2094-12-22", new { isOffDay = true, name = "测试假日" }))
            .Content.ReadFromJsonAsync<DayDto>();
        var confirm = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/calendar?year=2094&remove=2094-12-22"));
        Assert.Contains("删除 2094-12-22（测试假日）", confirm);

        var stale = await Forms.SubmitAsync(admin, "/admin/calendar?year=2094&remove=2094-12-22", "calendar-remove",
            new Dictionary<string, string> { ["RemoveForm.Date"] = "2094-12-22", ["RemoveForm.Version"] = (day!.Version + 7).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("已被他人修改，未删除", await TextAsync(stale));

        var removed = await Forms.SubmitAsync(admin, "/admin/calendar?year=2094&remove=2094-12-22", "calendar-remove",
            new Dictionary<string, string> { ["RemoveForm.Date"] = "2094-12-22", ["RemoveForm.Version"] = day.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("已删除 2094-12-22", await TextAsync(removed));
        Assert.True(await factory.Services.GetRequiredService<IDeadlineService>().IsWorkingDayAsync(D("2094-12-22")));
    }

    [Fact]
    public async Task A_year_file_uploaded_on_the_page_is_imported()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin));
        var html = await admin.GetStringAsync("/admin/calendar?year=2095");
        var token = WebUtility.HtmlDecode(TokenRegex().Match(html).Groups[1].Value);

        var ok = await UploadAsync(admin, token, File(2095, ("2095-01-01", "元旦", true), ("2095-01-08", "元旦", false)));
        var bad = await UploadAsync(admin, token, File(2095, ("2095-02-30", "春节", true)));

        Assert.Contains("已导入 2095 年日历：共 2 天", ok);
        Assert.Contains("第 1 项（2095-02-30 春节）", bad);
        Assert.Contains("未导入", bad);
        Assert.True(await factory.Services.GetRequiredService<IDeadlineService>().IsWorkingDayAsync(D("2095-01-08"))); // a Saturday
    }

    [Fact]
    public async Task The_calendar_import_verb_imports_a_file_and_refuses_a_bad_one()
    {
        var good = Path.Combine(factory.DataDirectory, "2096.json");
        var bad = Path.Combine(factory.DataDirectory, "2096-bad.json");
        await System.IO.File.WriteAllTextAsync(good, File(2096, ("2096-10-01", "国庆节", true), ("2096-10-02", "国庆节", true)));
        await System.IO.File.WriteAllTextAsync(bad, File(2096, ("2095-10-01", "国庆节", true)));

        var (okCode, badCode) = await factory.InScopeAsync(async sp =>
        {
            var verb = sp.GetServices<ICliVerb>().Single(v => v.Words.SequenceEqual(["calendar", "import"]));
            var okCode = await verb.RunAsync(sp, [good], CancellationToken.None);
            var badCode = await verb.RunAsync(sp, [bad], CancellationToken.None);
            return (okCode, badCode);
        });

        Assert.Equal(0, okCode);
        Assert.Equal(1, badCode);
        var deadlines = factory.Services.GetRequiredService<IDeadlineService>();
        Assert.False(await deadlines.IsWorkingDayAsync(D("2096-10-02")));
        Assert.True(await deadlines.IsWorkingDayAsync(D("2096-10-03")));
    }

    private static async Task<string> UploadAsync(HttpClient client, string token, string json)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("calendar-upload"), "_handler" },
        };
        var file = new StringContent(json, Encoding.UTF8, "application/json");
        form.Add(file, "file", "calendar.json");
        return await TextAsync(await client.PostAsync("/admin/calendar", form));
    }

    /// <summary>The page's text as a user reads it (the renderer escapes non-ASCII characters as HTML entities).</summary>
    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static string File(int year, params (string Date, string Name, bool Off)[] days) =>
        JsonSerializer.Serialize(new { year, days = days.Select(d => new { name = d.Name, date = d.Date, isOffDay = d.Off }) });

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    private sealed record DayDto(DateOnly Date, bool IsOffDay, string Name, int Year, string Source, long Version);

    private sealed record YearDto(int Year, bool Loaded, List<DayDto> Days);
}
