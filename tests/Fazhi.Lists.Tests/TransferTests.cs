using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Documents;

namespace Fazhi.Lists.Tests;

/// <summary>.xlsx import at the city's scale (636 items) with row errors named by row and column, and export in the same layout.</summary>
public sealed class TransferTests(ListsHost host) : IClassFixture<ListsHost>
{
    private static readonly string[] Headers =
        ["序号", "证明事项编码", "证明名称", "办理事项", "索要单位", "开具单位", "设定依据", "是否实行告知承诺制", "承诺内容", "核查方式", "虚假承诺的后果", "办事指南", "状态", "取消日期", "取消原因"];

    private static readonly string[] Units = ["枣庄市司法局", "枣庄市公安局", "370403", "枣庄市人力资源和社会保障局", "枣庄市教育局"];

    private static object?[] Row(int i, string? basis = null, string? unit = null) =>
    [
        i, $"IMP-{i:0000}", $"导入证明{i:0000}", $"导入事项{i % 40}", unit ?? Units[i % Units.Length], "村（居）民委员会", basis ?? (i % 3 == 0 ? "《中华人民共和国行政许可法》第三十一条" : "《法律援助法》第四十一条"),
        i % 2 == 0 ? "是" : "否", i % 2 == 0 ? "承诺属实" : "", i % 2 == 0 ? "事后核查" : "", i % 2 == 0 ? "撤销并记入信用记录" : "", "办事指南", "在用", "", "",
    ];

    private static MultipartFormDataContent Upload(IEnumerable<object?[]> rows)
    {
        var bytes = XlsxWriter.Write(new XlsxSheet("证明事项清单", Headers.Select(h => new XlsxColumn(h)).ToList(), rows.Select(r => (IReadOnlyList<object?>)r)));
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(XlsxWriter.ContentType);
        return new MultipartFormDataContent { { file, "file", "清单.xlsx" } };
    }

    [Fact]
    public async Task A_636_item_list_imports_into_the_draft_publishes_and_exports_in_the_same_layout()
    {
        var owner = await host.OwnerAsync();
        var imported = await owner.PostAsync("/api/lists/certificates/import", Upload(Enumerable.Range(1, 636).Select(i => Row(i))));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var result = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(636, result.GetProperty("added").GetInt32());
        var version = await ListsHost.AcceptAndPublishAsync(owner);

        var list = await ListsHost.ListAsync(owner, "导入证明");
        Assert.Equal(636, list.GetProperty("items").GetProperty("total").GetInt32());

        var export = await host.Factory.CreateClient().GetAsync($"/api/lists/certificates/export?version={version}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = XlsxReader.Read(await export.Content.ReadAsStreamAsync());
        Assert.Equal(Headers, rows[0].Cells.Take(Headers.Length));
        var row7 = rows.Single(r => r[1] == "IMP-0007");
        Assert.Equal("导入证明0007", row7[2]);
        Assert.Equal("薛城区", row7[4]);
        Assert.Equal("否", row7[7]);

        // Importing the export again changes nothing; changing one row and cancelling another gives exactly those proposals.
        var again = rows.Skip(1).Select(r => Enumerable.Range(0, Headers.Length).Select(c => (object?)r[c]).ToArray()).ToList();
        var same = await owner.PostAsync("/api/lists/certificates/import", Upload(again));
        await same.AssertRefusedNamingAsync("file");
        var edited = again.Select(r => (object?[])r.Clone()).ToList();
        var i12 = edited.FindIndex(r => (string?)r[1] == "IMP-0012");
        edited[i12][5] = "乡镇人民政府";
        var i13 = edited.FindIndex(r => (string?)r[1] == "IMP-0013");
        (edited[i13][12], edited[i13][13], edited[i13][14]) = ("已取消", "2026-12-01", "部门间核查");
        var second = await owner.PostAsync("/api/lists/certificates/import", Upload(edited));
        Assert.True(second.IsSuccessStatusCode, await second.Content.ReadAsStringAsync());
        var counts = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 1, 1), (counts.GetProperty("added").GetInt32(), counts.GetProperty("changed").GetInt32(), counts.GetProperty("cancelled").GetInt32()));
        var next = await ListsHost.AcceptAndPublishAsync(owner);
        var diff = await owner.GetFromJsonAsync<JsonElement>($"/api/lists/certificates/diff?from={version}&to={next}");
        Assert.Equal(new[] { "IMP-0012", "IMP-0013" }, diff.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("itemCode").GetString()!).ToArray());
    }

    [Fact]
    public async Task Row_errors_name_their_row_and_column_and_nothing_is_imported()
    {
        var owner = await host.OwnerAsync();
        var rows = Enumerable.Range(1000, 12).Select(i => Row(i)).ToList();
        rows[3] = Row(1003, basis: "按惯例要求");          // sheet row 5: no article cited
        rows[7] = Row(1007, unit: "不存在的局");            // sheet row 9: unknown unit
        rows[9][7] = "可以";                                 // sheet row 11: 是/否 only
        var response = await owner.PostAsync("/api/lists/certificates/import", Upload(rows));
        var problem = await response.AssertRefusedNamingAsync("rows[5]");
        var errors = problem.GetProperty("errors");
        Assert.StartsWith("第 5 行 G 列（设定依据）：", errors.GetProperty("rows[5]")[0].GetString());
        Assert.StartsWith("第 9 行 E 列（索要单位）：", errors.GetProperty("rows[9]")[0].GetString());
        Assert.StartsWith("第 11 行 H 列（是否实行告知承诺制）：", errors.GetProperty("rows[11]")[0].GetString());
        Assert.Equal(3, errors.EnumerateObject().Count());
        var draft = await owner.GetFromJsonAsync<JsonElement>("/api/lists/certificates/draft");
        Assert.DoesNotContain(draft.GetProperty("changes").EnumerateArray(), c => c.GetProperty("itemCode").GetString()!.StartsWith("IMP-1", StringComparison.Ordinal));

        var notXlsx = new MultipartFormDataContent { { new ByteArrayContent("not a workbook"u8.ToArray()), "file", "x.xlsx" } };
        await (await owner.PostAsync("/api/lists/certificates/import", notXlsx)).AssertRefusedNamingAsync("file");
        var unit = await host.UnitAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsync("/api/lists/certificates/import", Upload(rows))).StatusCode);
    }
}
