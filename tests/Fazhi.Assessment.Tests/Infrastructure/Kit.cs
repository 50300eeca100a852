using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Frameworks;
using Fazhi.Platform.Features.Documents;

namespace Fazhi.Assessment.Tests.Infrastructure;

/// <summary>Workbooks in the office layout and HTTP helpers shared by the assessment tests.</summary>
internal static class Kit
{
    public const string Office = "assessment-office";
    public const string Unit = "assessment-unit";
    public const string DistrictReviewer = "assessment-district-reviewer";
    public const string UnitLeader = "assessment-unit-leader";
    public const string Leader = "assessment-leader";

    /// <summary>One row: 序号 | 一级 | 二级 | 三级 | 分值 | 评分标准 | 佐证材料 | 牵头 | 配合 | 时限 | 指标编码 | 上级编码 | 计分方式 | 权重 | 计算指标 | 来源依据 | 指标说明.</summary>
    public sealed record Row(string L1, string L2, string L3, object Score, string Lead = "", string Co = "", string Due = "", string Code = "", string ParentCode = "",
        string Method = "", string Provider = "", string Criteria = "评分标准", string Evidence = "佐证材料");

    public static byte[] Workbook(IEnumerable<Row> rows, bool extraColumns = true)
    {
        var headers = extraColumns ? FrameworkTransfer.Headers.Concat(FrameworkTransfer.ExtraHeaders).ToArray() : FrameworkTransfer.Headers;
        var n = 0;
        var data = rows.Select(r => (IReadOnlyList<object?>)(extraColumns
            ? [++n, r.L1, r.L2, r.L3, r.Score, r.Criteria, r.Evidence, r.Lead, r.Co, r.Due, r.Code, r.ParentCode, r.Method, "", r.Provider, "", ""]
            : new object?[] { ++n, r.L1, r.L2, r.L3, r.Score, r.Criteria, r.Evidence, r.Lead, r.Co, r.Due })).ToList();
        return XlsxWriter.Write(new XlsxSheet("指标体系", headers.Select(h => new XlsxColumn(h)).ToList(), data));
    }

    /// <summary>8 first-level, 34 second-level and 100 third-level indicators (the national system's shape), positional codes.</summary>
    public static List<Row> National(string prefix)
    {
        var rows = new List<Row>();
        var l2PerL1 = new[] { 5, 4, 4, 5, 4, 4, 4, 4 };
        var l3Counts = Enumerable.Range(0, 34).Select(k => k < 32 ? 3 : 2).ToArray(); // 32 x 3 + 2 x 2 = 100
        var l2 = 0;
        for (var a = 0; a < 8; a++)
        {
            for (var b = 0; b < l2PerL1[a]; b++, l2++)
            {
                for (var c = 0; c < l3Counts[l2]; c++)
                {
                    rows.Add(new Row($"{prefix}一级{a + 1}", $"{prefix}二级{a + 1}-{b + 1}", $"{prefix}三级{a + 1}-{b + 1}-{c + 1}", 1 + c % 3));
                }
            }
        }
        return rows;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] file, Dictionary<string, string>? fields = null)
    {
        using var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(XlsxWriter.ContentType);
        content.Add(bytes, "file", "指标.xlsx");
        foreach (var (k, v) in fields ?? [])
        {
            content.Add(new StringContent(v), k);
        }
        return await client.PostAsync(url, content);
    }

    public static async Task<JsonElement> ImportFrameworkAsync(HttpClient client, string code, byte[] file)
    {
        var response = await UploadAsync(client, "/api/assessment/frameworks/import", file, new() { ["code"] = code, ["name"] = code });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<List<JsonElement>> IndicatorsAsync(HttpClient client, Guid versionId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/assessment/versions/{versionId}/indicators")).EnumerateArray().ToList();

    public static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 0 && text.TrimStart().StartsWith('{') ? (JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : text) : text;
    }

    /// <summary>The text of a .docx download (its document part without markup).</summary>
    public static async Task<string> DocxTextAsync(HttpResponseMessage response)
    {
        await ExpectAsync(response, HttpStatusCode.OK);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return System.Text.RegularExpressions.Regex.Replace(await reader.ReadToEndAsync(), "<[^>]+>", "");
    }

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
