using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.OrgUnits;

[Collection(HostCollection.Name)]
public sealed class OrgUnitApiTests(FazhiFactory factory)
{
    private const string Api = "/api/platform/org-units";

    [Fact]
    public async Task Admin_creates_reads_and_updates_a_unit_and_a_stale_version_gets_409()
    {
        var client = await AdminAsync();
        var county = await IdOfAsync("370402");
        var code = UniqueCode("370402");

        var created = await client.PostAsJsonAsync(Api, new { code, name = "测试街道", level = "Town", kind = "Government", parentId = county, sortOrder = 900 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = unit.GetProperty("id").GetGuid();
        var version = unit.GetProperty("version").GetInt64();

        var read = await client.GetFromJsonAsync<JsonElement>($"{Api}/{id}");
        Assert.Equal("测试街道", read.GetProperty("name").GetString());
        Assert.Equal("乡镇级", read.GetProperty("levelName").GetString());
        Assert.EndsWith("市中区 / 测试街道", read.GetProperty("pathText").GetString());

        var updated = await client.PutAsJsonAsync($"{Api}/{id}", new { name = "测试街道（改）", level = "Town", kind = "Government", sortOrder = 901, version });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("测试街道（改）", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        var stale = await client.PutAsJsonAsync($"{Api}/{id}", new { name = "别人的修改", level = "Town", kind = "Government", sortOrder = 1, version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("该记录已被他人修改", await stale.Content.ReadAsStringAsync());
        Assert.Equal("测试街道（改）", (await client.GetFromJsonAsync<JsonElement>($"{Api}/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Create_refuses_a_duplicate_code_a_missing_parent_and_a_county_under_a_town_in_chinese()
    {
        var client = await AdminAsync();
        var town = await IdOfAsync("370402001");

        var duplicate = await client.PostAsJsonAsync(Api, new { code = "370402", name = "重复", level = "County", kind = "Government", parentId = await IdOfAsync("370400") });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("已被其他单位使用", await duplicate.Content.ReadAsStringAsync());

        var orphan = await client.PostAsJsonAsync(Api, new { code = UniqueCode("9"), name = "无上级", level = "Town", kind = "Government", parentId = Guid.NewGuid() });
        Assert.Contains("上级单位不存在", await orphan.Content.ReadAsStringAsync());

        var inverted = await client.PostAsJsonAsync(Api, new { code = UniqueCode("370402001"), name = "倒挂的县", level = "County", kind = "Government", parentId = town });
        Assert.Equal(HttpStatusCode.BadRequest, inverted.StatusCode);
        var problem = await inverted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("不能下设县级单位", problem.GetProperty("errors").GetProperty("level")[0].GetString());
    }

    [Fact]
    public async Task Move_rewrites_the_paths_of_the_whole_subtree()
    {
        var client = await AdminAsync();
        var city = await IdOfAsync("370400");
        var c1 = await CreateAsync(client, UniqueCode("3704"), "迁出县", "County", city);
        var c2 = await CreateAsync(client, UniqueCode("3704"), "迁入县", "County", city);
        var town = await CreateAsync(client, UniqueCode("3704"), "随迁镇", "Town", c1.Id);
        var village = await CreateAsync(client, UniqueCode("3704"), "随迁村", "Village", town.Id);

        var moved = await client.PostAsJsonAsync($"{Api}/{town.Id}/move", new { parentId = c2.Id, version = town.Version });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var paths = await factory.InScopeAsync(async sp => await sp.GetRequiredService<PlatformDb>().OrgUnits
            .Where(u => u.Id == town.Id || u.Id == village.Id).ToDictionaryAsync(u => u.Id, u => u.Path));
        Assert.EndsWith($"/370400/{c2.Code}/{town.Code}/", paths[town.Id]);
        Assert.EndsWith($"/370400/{c2.Code}/{town.Code}/{village.Code}/", paths[village.Id]);
        Assert.Contains("迁入县 / 随迁镇 / 随迁村", (await client.GetFromJsonAsync<JsonElement>($"{Api}/{village.Id}")).GetProperty("pathText").GetString());

        var cycle = await client.PostAsJsonAsync($"{Api}/{c2.Id}/move", new { parentId = village.Id, version = c2.Version });
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Contains("不能把", await cycle.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deactivate_is_refused_while_active_children_or_users_remain_and_says_why()
    {
        var client = await AdminAsync();
        var county = await CreateAsync(client, UniqueCode("3704"), "待撤县", "County", await IdOfAsync("370400"));
        var town = await CreateAsync(client, UniqueCode("3704"), "待撤镇", "Town", county.Id);

        var refused = await client.PostAsJsonAsync($"{Api}/{county.Id}/deactivate", new { reason = "区划调整", version = county.Version });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("下级还有 1 个启用的单位（待撤镇）", await refused.Content.ReadAsStringAsync());

        await factory.CreateUserAsync(BuiltInRoles.Staff, town.Code);
        var withUser = await client.PostAsJsonAsync($"{Api}/{town.Id}/deactivate", new { reason = "区划调整", version = town.Version });
        Assert.Contains("用户账户", await withUser.Content.ReadAsStringAsync());

        var emptyTown = await CreateAsync(client, UniqueCode("3704"), "空镇", "Town", county.Id);
        var noReason = await client.PostAsJsonAsync($"{Api}/{emptyTown.Id}/deactivate", new { reason = "", version = emptyTown.Version });
        Assert.Contains("请填写停用原因", await noReason.Content.ReadAsStringAsync());
        var ok = await client.PostAsJsonAsync($"{Api}/{emptyTown.Id}/deactivate", new { reason = "并入待撤镇", version = emptyTown.Version });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.False((await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task Staff_can_read_but_gets_403_on_create()
    {
        var staff = await factory.CreateUserAsync(BuiltInRoles.Staff, "370402");
        var client = await factory.ApiClientAsync(staff);

        var search = await client.GetFromJsonAsync<JsonElement>($"{Api}?q=中心街");
        Assert.Contains(search.GetProperty("items").EnumerateArray(), u => u.GetProperty("code").GetString() == "370402001");

        var post = await client.PostAsJsonAsync(Api, new { code = UniqueCode("9"), name = "越权", level = "City", kind = "Government" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Children_and_tree_endpoints_list_the_seeded_counties()
    {
        var client = await AdminAsync();
        var city = await IdOfAsync("370400");

        var children = await client.GetFromJsonAsync<JsonElement>($"{Api}/{city}/children");
        Assert.Contains(children.EnumerateArray(), c => c.GetProperty("name").GetString() == "滕州市");

        var tree = await client.GetFromJsonAsync<JsonElement>($"{Api}/tree?rootId={city}&depth=2");
        var root = tree[0];
        Assert.Equal("枣庄市", root.GetProperty("name").GetString());
        var shizhong = root.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "370402");
        Assert.Empty(shizhong.GetProperty("children").EnumerateArray());
    }

    [Fact]
    public async Task Import_with_bad_rows_reports_each_row_and_imports_nothing()
    {
        var client = await AdminAsync();
        var good = UniqueCode("370402");
        var bytes = XlsxWriter.Write(new XlsxSheet("组织机构", [new("代码"), new("名称"), new("上级代码"), new("层级"), new("类型"), new("排序"), new("状态")],
        [
            [good, "好的一行", "370402", "乡镇级", "政府", 1, "启用"],
            [UniqueCode("370402"), "层级写错", "370402", "大区", "政府", null, null],
            [UniqueCode("370402"), "上级不存在", "999999", "乡镇级", "政府", null, null],
            [good, "重复代码", "370402", "乡镇级", "政府", null, null],
            [UniqueCode("370402001"), "倒挂县", "370402001", "县级", "政府", null, null],
        ]));

        var response = await ImportAsync(client, bytes);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("层级“大区”无法识别", errors.GetProperty("rows[3]")[0].GetString());
        Assert.Contains("上级代码 999999", errors.GetProperty("rows[4]")[0].GetString());
        Assert.Contains("与第 2 行重复", errors.GetProperty("rows[5]")[0].GetString());
        Assert.False(errors.TryGetProperty("rows[2]", out _));
        Assert.Contains("导入未执行", problem.GetProperty("detail").GetString());
        var search = await client.GetFromJsonAsync<JsonElement>($"{Api}?q={good}");
        Assert.Equal(0, search.GetProperty("total").GetInt32());

        // Fixed file: the placement error surfaces only once the rows parse, still per row.
        var second = XlsxWriter.Write(new XlsxSheet("组织机构", [new("代码"), new("名称"), new("上级代码"), new("层级"), new("类型")],
        [
            [good, "好的一行", "370402", "乡镇级", "政府"],
            [UniqueCode("370402001"), "倒挂县", "370402001", "县级", "政府"],
        ]));
        var placement = await (await ImportAsync(client, second)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("不能下设县级单位", placement.GetProperty("errors").GetProperty("rows[3]")[0].GetString());
    }

    [Fact]
    public async Task Export_then_import_round_trips_unchanged()
    {
        var client = await AdminAsync();
        var export = await client.GetAsync($"{Api}/export");
        Assert.Equal(XlsxWriter.ContentType, export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var rows = XlsxReader.Read(new MemoryStream(bytes));
        Assert.Equal(["代码", "名称", "上级代码", "层级", "类型", "排序", "状态"], rows[0].Cells);
        Assert.Contains(rows, r => r[0] == "370402001" && r[1] == "中心街街道" && r[2] == "370402" && r[3] == "乡镇级");

        var response = await ImportAsync(client, bytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("created").GetInt32());
    }

    internal static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] xlsx)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new(XlsxWriter.ContentType);
        content.Add(file, "file", "orgs.xlsx");
        return await client.PostAsync($"{Api}/import", content);
    }

    private async Task<HttpClient> AdminAsync() => await factory.ApiClientAsync(await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));

    private Task<Guid> IdOfAsync(string code) => factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private static async Task<Created> CreateAsync(HttpClient client, string code, string name, string level, Guid parentId)
    {
        var response = await client.PostAsJsonAsync(Api, new { code, name, level, kind = "Government", parentId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Created(json.GetProperty("id").GetGuid(), code, json.GetProperty("version").GetInt64());
    }

    internal static string UniqueCode(string prefix) => prefix + "T" + Guid.NewGuid().ToString("N")[..8];

    private sealed record Created(Guid Id, string Code, long Version);
}
