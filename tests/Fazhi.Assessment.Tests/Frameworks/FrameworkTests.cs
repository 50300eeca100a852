using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Tests.Infrastructure;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Frameworks;

[Collection(HostCollection.Name)]
public sealed class FrameworkTests(FazhiFactory factory)
{
    private static string Unique(string p) => $"{p}-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task A_generated_8_34_100_framework_refined_to_237_leaves_round_trips_through_xlsx()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        var code = Unique("NAT");
        var imported = await ImportFrameworkAsync(client, code, Workbook(National("国")));
        Assert.Equal(8 + 34 + 100, imported.GetProperty("indicators").GetInt32());
        var versionId = imported.GetProperty("versionId").GetGuid();
        var tree = await IndicatorsAsync(client, versionId);
        Assert.Equal(8, tree.Count(i => i.GetProperty("level").GetInt32() == 1));
        Assert.Equal(34, tree.Count(i => i.GetProperty("level").GetInt32() == 2));
        Assert.Equal(100, tree.Count(i => i.GetProperty("level").GetInt32() == 3));
        // First-level scores are the sums of their leaves.
        var first = tree.First(i => i.GetProperty("level").GetInt32() == 1);
        var leavesOfFirst = tree.Where(i => i.GetProperty("level").GetInt32() == 3 && i.GetProperty("code").GetString()!.StartsWith("1.", StringComparison.Ordinal));
        Assert.Equal(leavesOfFirst.Sum(i => i.GetProperty("maxScore").GetDecimal()), first.GetProperty("maxScore").GetDecimal());

        // Local refinement in the product: 68 indicators into 3 and one into 2 -> 100 - 69 + 206 = 237 leaves.
        var thirds = tree.Where(i => i.GetProperty("level").GetInt32() == 3).ToList();
        for (var k = 0; k < 69; k++)
        {
            var parts = k < 68 ? 3 : 2;
            var items = Enumerable.Range(1, parts).Select(p => new { title = $"细化{k}-{p}", maxScore = 1m, method = "Points", scoringCriteria = "按完成情况赋分" }).ToArray();
            var r = await client.PostAsJsonAsync($"/api/assessment/indicators/{thirds[k].GetProperty("id").GetGuid()}/refine", new { items });
            await ExpectAsync(r, HttpStatusCode.OK);
        }
        tree = await IndicatorsAsync(client, versionId);
        var parents = tree.Where(i => i.GetProperty("parentId").ValueKind != JsonValueKind.Null).Select(i => i.GetProperty("parentId").GetGuid()).ToHashSet();
        var leaves = tree.Where(i => !parents.Contains(i.GetProperty("id").GetGuid())).ToList();
        Assert.Equal(237, leaves.Count);
        var refined = tree.Where(i => i.GetProperty("level").GetInt32() == 4).ToList();
        Assert.Equal(206, refined.Count);
        Assert.All(refined, i => Assert.True(i.GetProperty("isLocalRefinement").GetBoolean()));
        var byId = tree.ToDictionary(i => i.GetProperty("id").GetGuid());
        Assert.All(refined, i => Assert.Equal(3, byId[i.GetProperty("parentId").GetGuid()].GetProperty("level").GetInt32()));

        // Export and import the file again as the next version: nothing added, changed or removed, same tree.
        var export = await client.GetAsync($"/api/assessment/versions/{versionId}/export");
        await ExpectAsync(export, HttpStatusCode.OK);
        var again = await ImportFrameworkAsync(client, code, await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, again.GetProperty("number").GetInt32());
        var diff = again.GetProperty("diff");
        Assert.Equal(0, diff.GetProperty("added").GetArrayLength());
        Assert.Equal(0, diff.GetProperty("changed").GetArrayLength());
        Assert.Equal(0, diff.GetProperty("removed").GetArrayLength());
        Assert.Equal(tree.Count, diff.GetProperty("unchanged").GetInt32());
        var tree2 = await IndicatorsAsync(client, again.GetProperty("versionId").GetGuid());
        Assert.Equal(tree.Count, tree2.Count);
        var byId2 = tree2.ToDictionary(i => i.GetProperty("id").GetGuid());
        string ParentCode(JsonElement i, Dictionary<Guid, JsonElement> map) =>
            i.GetProperty("parentId").ValueKind == JsonValueKind.Null ? "" : map[i.GetProperty("parentId").GetGuid()].GetProperty("code").GetString()!;
        Assert.Equal(
            tree.Select(i => (i.GetProperty("code").GetString(), i.GetProperty("title").GetString(), i.GetProperty("maxScore").GetDecimal(), ParentCode(i, byId))).OrderBy(x => x.Item1, StringComparer.Ordinal),
            tree2.Select(i => (i.GetProperty("code").GetString(), i.GetProperty("title").GetString(), i.GetProperty("maxScore").GetDecimal(), ParentCode(i, byId2))).OrderBy(x => x.Item1, StringComparer.Ordinal));
        // Every indicator of the new version maps to its predecessor.
        Assert.All(tree2, i => Assert.NotEqual(JsonValueKind.Null, i.GetProperty("predecessorId").ValueKind));
    }

    [Fact]
    public async Task A_revision_shows_added_changed_and_removed_indicators_with_the_old_to_new_mapping()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        var code = Unique("REV");
        Row R(string l3, object score, string c) => new("依法全面履行政府职能", "政府职能优化", l3, score, Code: c);
        var v1 = await ImportFrameworkAsync(client, code, Workbook([R("权责清单动态调整", 3, "A1"), R("证明事项清理", 2, "A2"), R("行政许可事项清单", 4, "A3")]));
        var v2 = await ImportFrameworkAsync(client, code, Workbook([R("权责清单动态调整", 5, "A1"), R("证明事项告知承诺制", 2, "A2"), R("涉企经营许可改革", 4, "A4")]));

        var diff = v2.GetProperty("diff");
        Assert.Equal(["A4"], diff.GetProperty("added").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Equal(["A3"], diff.GetProperty("removed").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        var changed = diff.GetProperty("changed").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Contains("分值 3 → 5", changed["A1"].GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("证明事项清理", changed["A2"].GetProperty("oldTitle").GetString());
        // The parents' sums changed too (level 1 and 2).
        Assert.Contains("1", changed.Keys);

        // Diff on demand between the two versions agrees, and old -> new mapping pairs A1 and A2.
        var again = await client.GetFromJsonAsync<JsonElement>($"/api/assessment/versions/{v1.GetProperty("versionId").GetGuid()}/diff/{v2.GetProperty("versionId").GetGuid()}");
        Assert.Equal(4, again.GetProperty("changed").GetArrayLength()); // A1, A2 and the sums of 1 and 1.1
        var newTree = await IndicatorsAsync(client, v2.GetProperty("versionId").GetGuid());
        var oldTree = await IndicatorsAsync(client, v1.GetProperty("versionId").GetGuid());
        var a1New = newTree.Single(i => i.GetProperty("code").GetString() == "A1");
        Assert.Equal(oldTree.Single(i => i.GetProperty("code").GetString() == "A1").GetProperty("id").GetGuid(), a1New.GetProperty("predecessorId").GetGuid());
        Assert.Equal(JsonValueKind.Null, newTree.Single(i => i.GetProperty("code").GetString() == "A4").GetProperty("predecessorId").ValueKind);
    }

    [Fact]
    public async Task An_import_with_row_errors_names_each_row_and_writes_nothing()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        var code = Unique("BAD");
        var file = Workbook([
            new("一级", "二级", "三级甲", 2),
            new("一级", "二级", "", 2),
            new("一级", "二级", "三级丙", "两分"),
            new("一级", "二级", "三级丁", 1, Method: "计算", Provider: "no.such.provider"),
        ]);
        var response = await UploadAsync(client, "/api/assessment/frameworks/import", file, new() { ["code"] = code });
        await ExpectAsync(response, HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("三级指标不能为空", errors.GetProperty("rows[3]")[0].GetString());
        Assert.Contains("分值“两分”", errors.GetProperty("rows[4]")[0].GetString());
        Assert.Contains("计算指标“no.such.provider”未注册", errors.GetProperty("rows[5]")[0].GetString());
        Assert.Contains("导入未执行", problem.GetProperty("detail").GetString());
        var frameworks = await client.GetFromJsonAsync<JsonElement>("/api/assessment/frameworks");
        Assert.DoesNotContain(frameworks.EnumerateArray(), f => f.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task The_sample_framework_is_marked_as_sample_with_the_eight_first_level_headings()
    {
        var client = await factory.ApiClientAsync(await factory.CreateUserAsync(Leader));
        var frameworks = await client.GetFromJsonAsync<JsonElement>("/api/assessment/frameworks");
        var sample = frameworks.EnumerateArray().Single(f => f.GetProperty("code").GetString() == "SAMPLE-FZZF-2021");
        Assert.True(sample.GetProperty("isSample").GetBoolean());
        Assert.Contains("示例", sample.GetProperty("name").GetString());
        var version = sample.GetProperty("versions")[0];
        Assert.True(version.GetProperty("isSample").GetBoolean());
        var tree = await IndicatorsAsync(client, version.GetProperty("id").GetGuid());
        Assert.Equal(
            ["依法全面履行政府职能", "健全依法行政制度体系", "科学民主合法决策", "严格规范行政执法", "制约监督行政权力", "依法化解社会矛盾纠纷", "突发事件依法处置", "提高工作人员法治能力"],
            tree.Where(i => i.GetProperty("level").GetInt32() == 1).Select(i => i.GetProperty("title").GetString()));
        Assert.Contains(tree, i => i.GetProperty("method").GetString() == "Computed" && i.GetProperty("providerKey").GetString() == "platform.units-with-accounts");
    }
}
