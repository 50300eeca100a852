using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Documents;
using Fazhi.Platform.Features.OrgUnits;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.OrgUnits;

/// <summary>Its own host: importing the whole province re-roots the tree, which other tests should not see.</summary>
[CollectionDefinition(Name)]
public sealed class ShandongCollection : ICollectionFixture<FazhiFactory>
{
    public const string Name = "shandong";
}

[Collection(ShandongCollection.Name)]
public sealed class ShandongImportTests(FazhiFactory factory)
{
    [Fact]
    public async Task The_whole_of_shandong_imports_through_the_api_and_the_tree_page_shows_it()
    {
        var rows = ShandongRows();
        rows.Reverse(); // children before parents: the import must order them itself.
        var xlsx = XlsxWriter.Write(new XlsxSheet("组织机构", OrgUnitTransfer.Headers.Select(h => new XlsxColumn(h)).ToList(), rows));
        var admin = await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400");
        var client = await factory.ApiClientAsync(admin);
        var zaozhuangBefore = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDb>().OrgUnits.SingleAsync(u => u.Code == "370400"));

        var response = await OrgUnitApiTests.ImportAsync(client, xlsx);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(rows.Count, result.GetProperty("created").GetInt32() + result.GetProperty("updated").GetInt32() + result.GetProperty("unchanged").GetInt32());
        Assert.True(result.GetProperty("created").GetInt32() > 1900);

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDb>();
            var province = await db.OrgUnits.SingleAsync(u => u.Code == "370000");
            Assert.Equal(16, await db.OrgUnits.CountAsync(u => u.ParentId == province.Id));
            Assert.True(await db.OrgUnits.CountAsync(u => u.Level == OrgLevel.Town) >= 1800);
            var zaozhuang = await db.OrgUnits.SingleAsync(u => u.Code == "370400");
            Assert.Equal(zaozhuangBefore.Id, zaozhuang.Id);
            Assert.Equal(province.Id, zaozhuang.ParentId);
            Assert.Equal("/370000/370400/370402/370402001/", (await db.OrgUnits.SingleAsync(u => u.Code == "370402001")).Path);
            Assert.Equal("/370000/370400/370400-SFJ/", (await db.OrgUnits.SingleAsync(u => u.Code == "370400-SFJ")).Path);
        });

        var page = await client.GetAsync("/admin/org-units");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("山东省", html);
        Assert.Contains("解放路街道", html);

        var search = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/org-units?q=" + Uri.EscapeDataString("解放路街道")));
        Assert.Contains("山东省 / 济南市 / 历下区 / 解放路街道", search);
    }

    /// <summary>The province, 16 cities, their counties and towns from the official division lists, in the import format.</summary>
    private static List<IReadOnlyList<object?>> ShandongRows()
    {
        var dir = FindDivisions();
        var rows = new List<IReadOnlyList<object?>> { new object?[] { "370000", "山东省", null, "省级", "政府", 1, "启用" } };
        foreach (var c in Csv(Path.Combine(dir, "shandong-cities.csv")))
        {
            rows.Add([c[0] + "00", c[1], "370000", "市级", "政府", null, "启用"]);
        }
        foreach (var c in Csv(Path.Combine(dir, "shandong-counties.csv")))
        {
            rows.Add([c[0], c[1], c[2] + "00", "县级", "政府", null, "启用"]);
        }
        foreach (var c in Csv(Path.Combine(dir, "shandong-towns.csv")))
        {
            rows.Add([c[0], c[1], c[2], "乡镇级", "政府", int.Parse(c[0][^3..], System.Globalization.CultureInfo.InvariantCulture), "启用"]);
        }
        return rows;
    }

    private static IEnumerable<string[]> Csv(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',').Select(c => c.Trim('"')).ToArray());

    private static string FindDivisions()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data", "divisions"), Path.Combine(dir.FullName, "..", "shared", "data", "divisions") })
            {
                if (File.Exists(Path.Combine(candidate, "shandong-towns.csv")))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException("shared/data/divisions (Shandong division lists) not found beside the repository.");
    }
}
