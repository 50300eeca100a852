using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Tests.Infrastructure;
using Fazhi.Platform.Features.OrgUnits;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Campaigns;

[Collection(HostCollection.Name)]
public sealed class ComputedIndicatorTests(FazhiFactory factory)
{
    /// <summary>A new county with three towns; accounts in the county itself and in one town: 2 of 4 units have accounts.</summary>
    private async Task<(Guid CountyId, string CountyCode)> CountyAsync()
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..7];
        var countyId = await factory.CreateUnitAsync(code, $"测试县{code}", OrgLevel.County, OrgKind.Government, "370400");
        for (var k = 1; k <= 3; k++)
        {
            await factory.CreateUnitAsync($"{code}{k:000}", $"测试镇{code}-{k}", OrgLevel.Town, OrgKind.Government, code);
        }
        await factory.CreateUserAsync(Unit, code);
        await factory.CreateUserAsync(Unit, $"{code}002");
        return (countyId, code);
    }

    [Fact]
    public async Task The_accounts_provider_computes_numerator_denominator_and_drill_down_for_a_known_subtree()
    {
        var (countyId, code) = await CountyAsync();
        var leader = await factory.ApiClientAsync(await factory.CreateUserAsync(Leader));
        var providers = await leader.GetFromJsonAsync<JsonElement>("/api/assessment/providers");
        Assert.Contains(providers.EnumerateArray(), p => p.GetProperty("key").GetString() == "platform.units-with-accounts");

        var value = await leader.GetFromJsonAsync<JsonElement>($"/api/assessment/providers/platform.units-with-accounts/value?orgUnitId={countyId}&from=2026-01-01&to=2026-12-31");
        Assert.Equal(2m, value.GetProperty("numerator").GetDecimal());
        Assert.Equal(4m, value.GetProperty("denominator").GetDecimal());
        Assert.Equal(0.5m, value.GetProperty("value").GetDecimal());
        var records = value.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(4, records.Count);
        Assert.Equal([$"测试县{code}", $"测试镇{code}-2"], records.Where(r => r.GetProperty("counted").GetBoolean()).Select(r => r.GetProperty("title").GetString()!.Split('（')[0]));
        Assert.All(records, r => Assert.StartsWith("/admin/org-units/", r.GetProperty("link").GetString()));
    }

    [Fact]
    public async Task A_computed_indicator_shows_the_live_value_beside_the_submitted_value_and_scores_from_it()
    {
        var (_, code) = await CountyAsync();
        var office = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        var framework = Workbook([new("提高工作人员法治能力", "信息化", "单位账号开通率", 10, Lead: code, Code: "C1", Method: "计算", Provider: "platform.units-with-accounts")]);
        var version = (await ImportFrameworkAsync(office, $"CMP-{code}", framework)).GetProperty("versionId").GetGuid();
        var created = await office.PostAsJsonAsync("/api/assessment/campaigns", new
        {
            name = $"计算指标测试{code}", frameworkVersionId = version, periodStart = "2026-01-01", periodEnd = "2026-12-31", deadline = "2026-12-31",
            bottomUpApproval = false, unitCodes = new[] { code },
        });
        await ExpectAsync(created, HttpStatusCode.Created);
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Assignment from the 牵头单位 written in the framework itself.
        await ExpectAsync(await office.PostAsync($"/api/assessment/campaigns/{campaignId}/assign-from-framework", null), HttpStatusCode.OK);

        var unit = await factory.ApiClientAsync(await factory.CreateUserAsync(DistrictReviewer, code));
        var taskId = (await unit.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks?campaignId={campaignId}")).EnumerateArray().Single().GetProperty("taskId").GetGuid();
        var d = await unit.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{taskId}");
        await ExpectAsync(await unit.PutAsJsonAsync($"/api/assessment/tasks/{taskId}/draft", new { version = d.GetProperty("version").GetInt64(), statement = "全部开通", submittedValue = 1.0m }), HttpStatusCode.NoContent);
        await ExpectAsync(await unit.PostAsync($"/api/assessment/tasks/{taskId}/submit", null), HttpStatusCode.NoContent);

        var seen = await office.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks/{taskId}");
        Assert.Equal(1.0m, seen.GetProperty("submittedValue").GetDecimal());
        // The reviewer's account is at the county, which already counted: still 2 of 4 units.
        Assert.Equal(0.5m, seen.GetProperty("liveValue").GetProperty("value").GetDecimal());
        await ExpectAsync(await office.PostAsync($"/api/assessment/tasks/{taskId}/accept", null), HttpStatusCode.NoContent);
        var score = await office.PostAsJsonAsync($"/api/assessment/tasks/{taskId}/score", new { });
        await ExpectAsync(score, HttpStatusCode.OK);
        Assert.Equal(5m, (await score.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("score").GetDecimal());
    }
}
