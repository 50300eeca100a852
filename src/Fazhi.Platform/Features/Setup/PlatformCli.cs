using Fazhi.Platform.Data;
using Fazhi.Platform.Features.OrgUnits;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Features.Setup;

/// <summary>A command-line verb of the host executable, e.g. <c>audit verify</c>.</summary>
public interface ICliVerb
{
    /// <summary>The words that select the verb, e.g. ["audit", "verify"].</summary>
    IReadOnlyList<string> Words { get; }

    string Usage { get; }

    Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken ct);
}

/// <summary>Dispatches command-line verbs; the host runs one instead of serving when its first argument names one.</summary>
public static class PlatformCli
{
    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(WebApplication app, string[] args, CancellationToken ct = default)
    {
        var verbs = app.Services.GetServices<ICliVerb>().ToList();
        var verb = verbs
            .Where(v => v.Words.Count <= args.Length && v.Words.Select((w, i) => w == args[i]).All(x => x))
            .OrderByDescending(v => v.Words.Count)
            .FirstOrDefault();
        if (verb is null)
        {
            Console.Error.WriteLine($"未知命令 unknown command: {string.Join(' ', args)}");
            Console.Error.WriteLine("可用命令 verbs:");
            foreach (var v in verbs.OrderBy(v => v.Usage, StringComparer.Ordinal))
            {
                Console.Error.WriteLine("  " + v.Usage);
            }
            return 2;
        }
        // Every verb but migrate needs an up-to-date database; migrate is the explicit production path.
        if (verb is not MigrateVerb && app.Services.GetRequiredService<DatabaseOptions>().ShouldMigrateOnStart)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            await ReferenceData.SeedAsync(scope.ServiceProvider, ct);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            try
            {
                return await verb.RunAsync(scope.ServiceProvider, args.Skip(verb.Words.Count).ToList(), ct);
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine("错误 error: " + ex.Message);
                return 1;
            }
        }
    }
}

internal sealed class MigrateVerb : ICliVerb
{
    public IReadOnlyList<string> Words => ["migrate"];

    public string Usage => "migrate                                   应用全部数据库迁移并初始化基础数据";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await ReferenceData.SeedAsync(services, ct);
        Console.WriteLine("数据库已迁移到最新版本。 Database migrated.");
        return 0;
    }
}

internal sealed class AdminCreateVerb : ICliVerb
{
    public IReadOnlyList<string> Words => ["admin", "create"];

    public string Usage => "admin create USER [--role system-admin|security-admin|audit-admin] [--org CODE]  （已有账户则授予角色）";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 0)
        {
            Console.Error.WriteLine("用法 usage: " + Usage);
            return 2;
        }
        var role = Option(args, "--role") ?? BuiltInRoles.SystemAdmin;
        var org = Option(args, "--org") ?? OrgUnitSeed.CityCode;
        var seeder = services.GetRequiredService<PlatformSeeder>();
        // An existing account receives the role instead (recovery from the console); 三员分立 applies either way.
        if (await seeder.GrantRoleAsync(args[0], org, role, ct) is not null)
        {
            Console.WriteLine($"账户 {args[0]} 已存在：已授予角色 {role}（{org}），密码未改变。");
            return 0;
        }
        var password = PlatformSeeder.OneTimePassword();
        await seeder.CreateUserAsync(args[0], args[0], org, role, password, mustChange: true, demo: false, ct);
        Console.WriteLine($"已创建 {args[0]}（{role}），一次性密码: {password}");
        return 0;
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }
        return null;
    }
}

internal sealed class SeedDemoVerb : ICliVerb
{
    public IReadOnlyList<string> Words => ["seed", "demo"];

    public string Usage => "seed demo                                 添加演示账户与演示数据（均标注“演示”）";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken ct)
    {
        await ReferenceData.SeedDemoAsync(services, ct);
        Console.WriteLine($"演示数据已添加；演示账户密码 {PlatformSeeder.DemoPassword}");
        return 0;
    }
}

/// <summary>Argument checks shared by the verbs that read a file.</summary>
internal static class CliArgs
{
    /// <summary>The single FILE argument when it names an existing file; otherwise prints why and returns null (exit code 2).</summary>
    public static string? ExistingFile(IReadOnlyList<string> args, string usage)
    {
        if (args.Count != 1)
        {
            Console.Error.WriteLine("用法 usage: " + usage);
            return null;
        }
        if (!File.Exists(args[0]))
        {
            Console.Error.WriteLine($"错误 error: 文件不存在 file not found: {args[0]}");
            return null;
        }
        return args[0];
    }
}
