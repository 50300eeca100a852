using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Features.Calendar;

/// <summary>The statutory working-day calendar and the deadline service.</summary>
internal static class CalendarFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<CalendarCache>();
        services.AddSingleton<IDeadlineService, DeadlineService>();
        services.AddScoped<CalendarAdmin>();
        services.AddWorkSummary<CalendarWorkSummary>();
        services.AddSingleton<ICliVerb, CalendarImportVerb>();
        services.AddNavItems(new NavItem("系统管理", "工作日历", "/admin/calendar", PlatformPermissions.CalendarManage, 40, "Working-day calendar"));
    }

    public static void Map(RouteGroupBuilder api) => CalendarApi.Map(api);
}

/// <summary><c>calendar import FILE</c>: imports one year's official calendar (holiday-cn JSON), replacing that year.</summary>
internal sealed class CalendarImportVerb : ICliVerb
{
    public IReadOnlyList<string> Words => ["calendar", "import"];

    public string Usage => "calendar import FILE                      导入一年的官方节假日安排（JSON），替换该年的日历";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (CliArgs.ExistingFile(args, Usage) is null)
        {
            return 2;
        }
        if (new FileInfo(args[0]).Length > CalendarFile.MaxBytes)
        {
            Console.Error.WriteLine($"错误 error: 文件 {args[0]} 过大，不是官方日历文件。");
            return 1;
        }
        var (file, errors) = CalendarFile.Parse(await File.ReadAllTextAsync(args[0], ct));
        if (file is null)
        {
            Console.Error.WriteLine($"错误 error: {args[0]} 未导入：");
            foreach (var e in errors)
            {
                Console.Error.WriteLine("  " + e);
            }
            return 1;
        }
        var result = await services.GetRequiredService<CalendarAdmin>().ImportAsync(file, "import:" + Path.GetFileName(args[0]), ct);
        Console.WriteLine(result.Message);
        return 0;
    }
}
