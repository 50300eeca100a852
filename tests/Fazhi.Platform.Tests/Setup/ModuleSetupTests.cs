using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Security;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Setup;

/// <summary>What a module gets from the platform at start: its business roles seeded, its reference data seeded.</summary>
[Collection(HostCollection.Name)]
public sealed class ModuleSetupTests(FazhiFactory factory)
{
    [Fact]
    public async Task A_module_role_and_reference_seed_are_applied_on_start()
    {
        var seed = new CountingSeed();
        using var node = factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddModuleRoles(new ModuleRole("test-module-clerk", "测试模块受理员", "模块自带的业务角色。", [PlatformPermissions.OrgUnitsRead]));
            s.AddSingleton<IModuleSeed>(seed);
        }));
        _ = node.Services; // starts the host: migrate, seed

        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDb>();
        var role = await db.Roles.Include(r => r.Permissions).SingleAsync(r => r.Code == "test-module-clerk");
        Assert.Equal("测试模块受理员", role.Name);
        Assert.Equal([PlatformPermissions.OrgUnitsRead], role.Permissions.Select(p => p.Permission));
        Assert.Equal(Features.Roles.AdminKind.None, role.AdminKind);
        Assert.Equal(1, seed.Runs);
    }

    private sealed class CountingSeed : IModuleSeed
    {
        public int Runs { get; private set; }

        public Task SeedAsync(CancellationToken ct)
        {
            Runs++;
            return Task.CompletedTask;
        }
    }
}
