using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security;
using Fazhi.Platform.Tests.Infrastructure;
using Fazhi.Platform.Tests.OrgUnits;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Kit;

/// <summary>The module kit's directories (ADR 0007): what modules read of the org tree and of accounts.</summary>
[Collection(HostCollection.Name)]
public sealed class DirectoryTests(FazhiFactory factory)
{
    private const string Api = "/api/platform/org-units";

    [Fact]
    public async Task A_unit_is_found_by_id_and_by_code_with_its_place_in_the_tree()
    {
        var (byCode, byId) = await factory.InScopeAsync(async sp =>
        {
            var orgs = sp.GetRequiredService<IOrgDirectory>();
            var town = await orgs.FindByCodeAsync("370402001", CancellationToken.None);
            return (town, town is null ? null : await orgs.FindAsync(town.Id, CancellationToken.None));
        });
        Assert.NotNull(byCode);
        Assert.Equal(byCode, byId);
        Assert.Equal(OrgLevel.Town, byCode.Level);
        Assert.Equal(OrgKind.Government, byCode.Kind);
        Assert.True(byCode.IsActive);
        Assert.EndsWith("/370400/370402/370402001/", byCode.Path, StringComparison.Ordinal);
        Assert.Equal(byCode.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length, byCode.Depth);
        await factory.InScopeAsync(async sp =>
        {
            var orgs = sp.GetRequiredService<IOrgDirectory>();
            Assert.Null(await orgs.FindByCodeAsync("no-such-unit", CancellationToken.None));
            Assert.Null(await orgs.FindAsync(Guid.NewGuid(), CancellationToken.None));
            var county = await orgs.FindByCodeAsync("370402", CancellationToken.None);
            Assert.Equal(county!.Id, byCode.ParentId);
            var names = await orgs.NamesAsync([byCode.Id, county.Id, Guid.NewGuid()], CancellationToken.None);
            Assert.Equal(2, names.Count);
            Assert.Equal(county.Name, names[county.Id]);
        });
    }

    [Fact]
    public async Task The_parent_chain_runs_from_the_parent_up_to_the_root()
    {
        var chain = await factory.InScopeAsync(async sp =>
        {
            var orgs = sp.GetRequiredService<IOrgDirectory>();
            var town = await orgs.FindByCodeAsync("370402001", CancellationToken.None);
            return await orgs.AncestorsAsync(town!.Id, CancellationToken.None);
        });
        Assert.Equal(["370402", "370400"], chain.Select(u => u.Code).Take(2));
        Assert.Null(chain[^1].ParentId);
        Assert.Equal([OrgLevel.County, OrgLevel.City], chain.Select(u => u.Level).Take(2));
    }

    [Fact]
    public async Task The_active_subtree_leaves_out_deactivated_units_and_the_whole_subtree_keeps_them()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        var city = await IdOfCodeAsync("370400");
        var county = await CreateAsync(admin, OrgUnitApiTests.UniqueCode("3704"), "目录测试县", "County", city);
        var town = await CreateAsync(admin, OrgUnitApiTests.UniqueCode("3704"), "目录测试镇", "Town", county.Id);
        var village = await CreateAsync(admin, OrgUnitApiTests.UniqueCode("3704"), "目录测试村", "Village", town.Id);
        var closed = await CreateAsync(admin, OrgUnitApiTests.UniqueCode("3704"), "已撤销的镇", "Town", county.Id);

        // Read once before the change, so the cached tree must notice the deactivation.
        Assert.Equal(4, (await SubtreeAsync(county.Id, active: true)).Count);
        var response = await admin.PostAsJsonAsync($"{Api}/{closed.Id}/deactivate", new { reason = "区划调整", version = closed.Version });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var active = await SubtreeAsync(county.Id, active: true);
        Assert.Equal(new[] { county.Id, town.Id, village.Id }.Order(), active.Order());
        var all = await SubtreeAsync(county.Id, active: false);
        Assert.Equal(new[] { county.Id, town.Id, village.Id, closed.Id }.Order(), all.Order());
        Assert.Empty(await SubtreeAsync(closed.Id, active: true));
        Assert.Equal([closed.Id], await SubtreeAsync(closed.Id, active: false));
        Assert.Empty(await SubtreeAsync(Guid.NewGuid(), active: false));

        await factory.InScopeAsync(async sp =>
        {
            var orgs = sp.GetRequiredService<IOrgDirectory>();
            Assert.Equal([town.Id], (await orgs.ChildrenAsync(county.Id, includeInactive: false, CancellationToken.None)).Select(u => u.Id));
            Assert.Equal(2, (await orgs.ChildrenAsync(county.Id, includeInactive: true, CancellationToken.None)).Count);
            var units = await orgs.ActiveUnitsAsync(CancellationToken.None);
            Assert.Contains(units, u => u.Id == town.Id);
            Assert.DoesNotContain(units, u => u.Id == closed.Id);
            Assert.Equal(units.Select(u => u.Code).Order(StringComparer.Ordinal), units.Select(u => u.Code));
            // A deactivated unit is still found and named: lists show history.
            Assert.False((await orgs.FindAsync(closed.Id, CancellationToken.None))!.IsActive);
            Assert.Equal("已撤销的镇", (await orgs.NamesAsync([closed.Id], CancellationToken.None))[closed.Id]);
        });
    }

    [Fact]
    public async Task The_user_directory_names_accounts_and_finds_who_holds_a_permission_at_a_unit()
    {
        var staff = await factory.CreateUserAsync(BuiltInRoles.Staff, "370403", prefix: "dir-staff");
        await factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<IUserDirectory>();
            var ct = CancellationToken.None;
            var holders = await users.HoldersAsync(staff.OrgUnitId, PlatformPermissions.AttachmentsUpload, ct);
            Assert.Contains(holders, u => u.Id == staff.Id && u.Name == staff.UserName);
            Assert.DoesNotContain(await users.HoldersAsync(staff.OrgUnitId, PlatformPermissions.AuditRead, ct), u => u.Id == staff.Id);
            Assert.Equal(staff.UserName, (await users.DisplayNamesAsync([staff.Id, Guid.NewGuid()], ct)).Single().Value);
            Assert.Equal(staff.Id, (await users.FindByUserNameAsync(staff.UserName, ct))?.Id);
            Assert.True((await users.ActiveAccountCountsAsync([staff.OrgUnitId], ct))[staff.OrgUnitId] >= 1);
        });
    }

    private Task<IReadOnlyList<Guid>> SubtreeAsync(Guid id, bool active) => factory.InScopeAsync(sp =>
    {
        var orgs = sp.GetRequiredService<IOrgDirectory>();
        return active ? orgs.ActiveSubtreeIdsAsync(id, CancellationToken.None) : orgs.SubtreeIdsAsync(id, CancellationToken.None);
    });

    private Task<Guid> IdOfCodeAsync(string code) =>
        factory.InScopeAsync(async sp => (await sp.GetRequiredService<IOrgDirectory>().FindByCodeAsync(code, CancellationToken.None))!.Id);

    private static async Task<Created> CreateAsync(HttpClient client, string code, string name, string level, Guid parentId)
    {
        var response = await client.PostAsJsonAsync(Api, new { code, name, level, kind = "Government", parentId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Created(json.GetProperty("id").GetGuid(), json.GetProperty("version").GetInt64());
    }

    private sealed record Created(Guid Id, long Version);
}
