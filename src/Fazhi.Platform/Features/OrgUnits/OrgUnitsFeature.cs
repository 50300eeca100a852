using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Features.OrgUnits;

/// <summary>Org units administration: API, pages (/admin/org-units), .xlsx import/export and the <c>orgs import</c> verb.</summary>
internal static class OrgUnitsFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<OrgUnitService>();
        services.AddScoped<OrgUnitTransfer>();
        services.AddSingleton<ICliVerb, OrgsImportVerb>();
        services.AddSingleton<ICliVerb, OrgsExportVerb>();
        services.AddNavItems(new NavItem("系统管理", "组织机构", "/admin/org-units", PlatformPermissions.OrgUnitsRead, 10, "Org units"));
    }

    public static void Map(RouteGroupBuilder api) => OrgUnitsApi.Map(api);
}

/// <summary><c>orgs import FILE</c>: imports an .xlsx of the tree, all or nothing, printing row errors.</summary>
internal sealed class OrgsImportVerb : ICliVerb
{
    public IReadOnlyList<string> Words => ["orgs", "import"];

    public string Usage => "orgs import FILE.xlsx                     导入组织机构（代码|名称|上级代码|层级|类型|排序|状态）";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (CliArgs.ExistingFile(args, Usage) is null)
        {
            return 2;
        }
        await using var file = File.OpenRead(args[0]);
        var result = await services.GetRequiredService<OrgUnitTransfer>().ImportAsync(file, ct);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"导入未执行，{result.Errors.Count} 处错误 import refused:");
            foreach (var e in result.Errors)
            {
                Console.Error.WriteLine($"  第 {e.Row} 行 {e.Code}：{e.Message}");
            }
            return 1;
        }
        Console.WriteLine($"导入完成：新增 {result.Created}，更新 {result.Updated}，未变 {result.Unchanged}。");
        return 0;
    }
}

/// <summary><c>orgs export FILE</c>: writes the tree as .xlsx in the import format.</summary>
internal sealed class OrgsExportVerb : ICliVerb
{
    public IReadOnlyList<string> Words => ["orgs", "export"];

    public string Usage => "orgs export FILE.xlsx                     导出组织机构（可用于再次导入）";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 1)
        {
            Console.Error.WriteLine("用法 usage: " + Usage);
            return 2;
        }
        await File.WriteAllBytesAsync(args[0], await services.GetRequiredService<OrgUnitTransfer>().ExportAsync(ct), ct);
        Console.WriteLine($"已导出到 {args[0]}");
        return 0;
    }
}
