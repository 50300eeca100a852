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

    [Fact]
    public async Task A_permission_a_later_release_ships_in_a_built_in_role_reaches_an_existing_database_once()
    {
        // ADR 0043: roles are created once; a release that adds a permission to a shipped role must still reach databases
        // made by an earlier release, and a permission the security administrator removed must stay removed.
        const string code = "test-upgrade-clerk";
        // A start's role step with this release's definition of the role: the seeder as the host runs it, given the module
        // roles (not a new host per start: every host adds EF service providers to the process).
        async Task<string[]> StartWithAsync(params string[] shipped)
        {
            await factory.InScopeAsync(sp => ActivatorUtilities.CreateInstance<PlatformSeeder>(sp,
                (IEnumerable<ModuleRole>)[new ModuleRole(code, "测试升级角色", "升级测试。", shipped)]).SeedAsync(CancellationToken.None));
            return await factory.InScopeAsync(async sp =>
            {
                var role = await sp.GetRequiredService<PlatformDb>().Roles.AsNoTracking().Include(r => r.Permissions).SingleAsync(r => r.Code == code);
                return role.Permissions.Select(p => p.Permission).Order(StringComparer.Ordinal).ToArray();
            });
        }
        Task EditAsync(Func<PlatformDb, Guid, Task> edit) => factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            var id = await db.Roles.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
            await edit(db, id);
        });

        Assert.Equal([PlatformPermissions.OrgUnitsRead], await StartWithAsync(PlatformPermissions.OrgUnitsRead));
        var roleId = (await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().Roles.SingleAsync(r => r.Code == code))).Id.ToString();
        Task<int> RoleUpdatesAsync() => factory.AuditAsync(q => q.CountAsync(e => e.EntityId == roleId && e.Action == "update"));
        var updatesBefore = await RoleUpdatesAsync();

        // The next release ships UsersRead in the role too: it is added, once, and audited as a change of the role.
        string[] both = [PlatformPermissions.OrgUnitsRead, PlatformPermissions.UsersRead];
        Assert.Equal(both.Order(StringComparer.Ordinal), await StartWithAsync(both));
        Assert.Equal(updatesBefore + 1, await RoleUpdatesAsync());
        Assert.Equal(both.Order(StringComparer.Ordinal), await StartWithAsync(both)); // nothing more on the next start
        Assert.Equal(updatesBefore + 1, await RoleUpdatesAsync());

        // The security administrator removes it: the next start does not add it back.
        await EditAsync((db, id) => db.Database.ExecuteSqlAsync(
            $"DELETE FROM platform_role_permissions WHERE \"RoleId\" = {id} AND \"Permission\" = {PlatformPermissions.UsersRead}"));
        Assert.Equal([PlatformPermissions.OrgUnitsRead], await StartWithAsync(both));

        // A database from before shipped permissions were recorded: the role gets what this release ships in it.
        await EditAsync((db, id) => db.Database.ExecuteSqlAsync($"DELETE FROM platform_role_shipped_permissions WHERE \"RoleId\" = {id}"));
        Assert.Equal(both.Order(StringComparer.Ordinal), await StartWithAsync(both));

        // A role the security administrator made (not built in) under the same code is never widened.
        await EditAsync(async (db, id) =>
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM platform_role_shipped_permissions WHERE \"RoleId\" = {id}");
            await db.Database.ExecuteSqlAsync($"DELETE FROM platform_role_permissions WHERE \"RoleId\" = {id} AND \"Permission\" = {PlatformPermissions.UsersRead}");
            await db.Database.ExecuteSqlAsync($"UPDATE platform_roles SET \"IsBuiltIn\" = {false} WHERE \"Id\" = {id}");
        });
        Assert.Equal([PlatformPermissions.OrgUnitsRead], await StartWithAsync(both));
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
