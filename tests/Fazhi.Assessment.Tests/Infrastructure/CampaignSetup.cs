using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Infrastructure;

/// <summary>A framework of three leaves and a bottom-up campaign over a town, two districts and the justice bureau.</summary>
internal static class CampaignSetup
{
    public const string Town = "370402001";
    public const string Shizhong = "370402";
    public const string Xuecheng = "370403";
    public const string Sfj = "370400-SFJ";

    public sealed record Setup(HttpClient Office, Guid CampaignId, Dictionary<string, Guid> TaskIds, DateOnly StartsOn);

    /// <summary>A framework of three leaves and a bottom-up campaign over a town, two districts and the justice bureau, assigned by import.</summary>
    public static async Task<Setup> CreateAsync(FazhiFactory factory, string name)
    {
        var office = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        var code = $"CF-{Guid.NewGuid():N}"[..16];
        var framework = Workbook([
            new("严格规范行政执法", "执法制度", "镇街综合执法规范化", 10, Code: "X1", Method: "赋分"),
            new("严格规范行政执法", "执法制度", "行政执法三项制度落实", 10, Code: "X2", Method: "扣分"),
            new("依法化解社会矛盾纠纷", "复议应诉", "行政机关负责人出庭应诉", 5, Code: "X3", Method: "达标"),
        ]);
        var version = (await ImportFrameworkAsync(office, code, framework)).GetProperty("versionId").GetGuid();
        var startsOn = new DateOnly(2026, 9, 30);
        var created = await office.PostAsJsonAsync("/api/assessment/campaigns", new
        {
            name, frameworkVersionId = version, periodStart = "2026-01-01", periodEnd = "2026-12-31", startsOn = "2026-09-30", deadline = "2026-12-15",
            bottomUpApproval = true, unitCodes = new[] { Town, Shizhong, Xuecheng, Sfj },
        });
        await ExpectAsync(created, HttpStatusCode.Created);
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // A wrong unit name: nothing is assigned, the row is named.
        var bad = Workbook([
            new("严格规范行政执法", "执法制度", "镇街综合执法规范化", 10, Lead: "不存在局", Code: "X1", Method: "赋分"),
        ]);
        var refused = await UploadAsync(office, $"/api/assessment/campaigns/{campaignId}/assignments/import", bad);
        await ExpectAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("不存在局", await refused.Content.ReadAsStringAsync());

        var assignments = Workbook([
            new("严格规范行政执法", "执法制度", "镇街综合执法规范化", 10, Lead: Town, Due: "10个工作日", Code: "X1", Method: "赋分"),
            new("严格规范行政执法", "执法制度", "行政执法三项制度落实", 10, Lead: "各区（市）", Co: "枣庄市司法局", Due: "2026-12-10", Code: "X2", Method: "扣分"),
            new("依法化解社会矛盾纠纷", "复议应诉", "行政机关负责人出庭应诉", 5, Lead: "枣庄市司法局", Due: "2026年1月5日", Code: "X3", Method: "达标"),
        ]);
        var imported = await UploadAsync(office, $"/api/assessment/campaigns/{campaignId}/assignments/import", assignments);
        await ExpectAsync(imported, HttpStatusCode.OK);
        var result = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, result.GetProperty("tasks").GetInt32()); // X1 town, X2 x 2 districts, X3 SFJ
        Assert.Equal(2, result.GetProperty("coUnits").GetInt32());

        var tasks = (await office.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks?campaignId={campaignId}")).EnumerateArray().ToList();
        var ids = new Dictionary<string, Guid>();
        var units = await factory.UnitCodesAsync();
        foreach (var t in tasks)
        {
            ids[$"{t.GetProperty("indicatorCode").GetString()}@{units[t.GetProperty("leadUnitId").GetGuid()]}"] = t.GetProperty("taskId").GetGuid();
        }
        return new(office, campaignId, ids, startsOn);
    }

}
