using System.Text;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fazhi.Platform.Features.Calendar;

/// <summary>The working-day calendar over HTTP: read a year (any signed-in user), edit days and import a year (calendar managers).</summary>
internal static class CalendarApi
{
    public sealed record CalendarDayResponse(DateOnly Date, bool IsOffDay, string Name, int Year, string Source, long Version);

    public sealed record CalendarYearResponse(int Year, bool Loaded, IReadOnlyList<CalendarDayResponse> Days);

    /// <summary>A day to store: isOffDay true for a holiday, false for a make-up working day; version when editing a stored day.</summary>
    public sealed record CalendarDayRequest(bool IsOffDay, string? Name, long? Version);

    public sealed record CalendarImportResponse(int Year, int Added, int Updated, int Removed, int Total, string Message);

    /// <summary>The official file format, for the OpenAPI document.</summary>
    public sealed record CalendarFileDto(int Year, IReadOnlyList<CalendarFileDayDto> Days);

    public sealed record CalendarFileDayDto(string Name, string Date, bool IsOffDay);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/calendar").WithTags("calendar");
        g.MapGet("/{year:int}", GetYearAsync).RequireAuthorization();
        g.MapPut("/days/{date}", PutDayAsync).RequirePermission(PlatformPermissions.CalendarManage);
        g.MapDelete("/days/{date}", DeleteDayAsync).RequirePermission(PlatformPermissions.CalendarManage);
        g.MapPost("/import", ImportAsync).RequirePermission(PlatformPermissions.CalendarManage)
            .Accepts<CalendarFileDto>("application/json")
            .WithDescription("导入一年的官方日历（holiday-cn 格式的 JSON），替换该年的全部调整日期。");
    }

    private static async Task<Ok<CalendarYearResponse>> GetYearAsync(int year, CalendarAdmin admin, CancellationToken ct)
    {
        if (year is < 1949 or > 2200)
        {
            throw Refuse.Field("year", "年份应在 1949 到 2200 之间。");
        }
        var days = await admin.DaysOfYearAsync(year, ct);
        var loaded = (await admin.LoadedYearsAsync(ct)).Contains(year);
        return TypedResults.Ok(new CalendarYearResponse(year, loaded, days.Select(ToResponse).ToList()));
    }

    private static async Task<Ok<CalendarDayResponse>> PutDayAsync(
        string date, CalendarDayRequest request, CalendarAdmin admin, CancellationToken ct)
    {
        var day = DateOf(date);
        var errors = await admin.SaveDayAsync(day, request.IsOffDay, request.Name, request.Version, ct);
        if (errors is not null)
        {
            throw Refuse.Fields(errors, "日期未保存。");
        }
        var saved = (await admin.DaysOfYearAsync(day.Year, ct)).Single(d => d.Date == day);
        return TypedResults.Ok(ToResponse(saved));
    }

    private static async Task<NoContent> DeleteDayAsync(
        string date, long? version, CalendarAdmin admin, CancellationToken ct) =>
        await admin.DeleteDayAsync(DateOf(date), version, ct)
            ? TypedResults.NoContent()
            : throw Refuse.NotFound($"{date} 不是已登记的节假日或调休上班日。");

    private static async Task<Ok<CalendarImportResponse>> ImportAsync(HttpRequest request, CalendarAdmin admin, CancellationToken ct)
    {
        var text = await ReadLimitedAsync(request.Body, CalendarFile.MaxBytes, ct)
            ?? throw Refuse.Field("file", "文件过大，官方日历文件通常只有几 KB。");
        var (file, errors) = CalendarFile.Parse(text);
        if (file is null)
        {
            throw Refuse.Fields(new Dictionary<string, string[]> { ["file"] = errors.ToArray() }, "日历未导入：" + errors[0]);
        }
        var result = await admin.ImportAsync(file, "import:api", ct);
        return TypedResults.Ok(new CalendarImportResponse(result.Year, result.Added, result.Updated, result.Removed, result.Total, result.Message));
    }

    /// <summary>Reads at most <paramref name="max"/> bytes as UTF-8; null when the body is larger.</summary>
    internal static async Task<string?> ReadLimitedAsync(Stream body, int max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return new UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }

    private static DateOnly DateOf(string date) =>
        CalendarAdmin.TryParseDate(date, out var day) ? day : throw Refuse.Field("date", $"日期“{date}”无法识别，应为 yyyy-MM-dd 格式。");

    private static CalendarDayResponse ToResponse(CalendarDay d) => new(d.Date, d.IsOffDay, d.Name, d.Year, d.Source, d.Version);
}
