using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Tests.Infrastructure;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Index;

/// <summary>A defined index's weights are adjusted in place (API and page), validated as a whole, versioned, and audited.</summary>
[Collection(HostCollection.Name)]
public sealed class IndexWeightsTests(FazhiFactory factory)
{
    [Fact]
    public async Task The_office_adjusts_dimension_and_component_weights_and_removes_a_component_refused_values_change_nothing()
    {
        var office = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        var year = 2000 + Random.Shared.Next(0, 40);
        var created = await office.PostAsJsonAsync("/api/assessment/indexes", new
        {
            year, dimensions = new[] { new { dimension = "法治政府", weight = 60m }, new { dimension = "法治感受", weight = 40m } },
        });
        await ExpectAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var first = await (await office.PostAsJsonAsync($"/api/assessment/indexes/{id}/components",
            new { dimension = "法治政府", weight = 1, source = "Computed", sourceKey = "platform.units-with-accounts" })).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await office.PostAsJsonAsync($"/api/assessment/indexes/{id}/components",
            new { dimension = "法治政府", title = "第二项", weight = 1, source = "Computed", sourceKey = "platform.units-with-accounts" })).Content.ReadFromJsonAsync<JsonElement>();
        var index = await office.GetFromJsonAsync<JsonElement>($"/api/assessment/indexes/{id}");
        var version = index.GetProperty("version").GetInt64();

        // A negative dimension weight and a zero component weight are refused; nothing is saved.
        var bad = await office.PutAsJsonAsync($"/api/assessment/indexes/{id}/weights", new
        {
            version, dimensions = new Dictionary<string, decimal> { ["法治政府"] = -5 }, components = new Dictionary<Guid, decimal> { [first.GetProperty("id").GetGuid()] = 0 },
        });
        await ExpectAsync(bad, HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("不能为负数", errors.GetProperty("dimensions")[0].GetString());
        Assert.Contains("须大于 0", errors.GetProperty("components")[0].GetString());
        index = await office.GetFromJsonAsync<JsonElement>($"/api/assessment/indexes/{id}");
        Assert.Equal(60m, index.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "法治政府").GetProperty("weight").GetDecimal());
        Assert.Equal(version, index.GetProperty("version").GetInt64());

        var ok = await office.PutAsJsonAsync($"/api/assessment/indexes/{id}/weights", new
        {
            version, dimensions = new Dictionary<string, decimal> { ["法治政府"] = 30 }, components = new Dictionary<Guid, decimal> { [first.GetProperty("id").GetGuid()] = 3 },
            remove = new[] { second.GetProperty("id").GetGuid() },
        });
        await ExpectAsync(ok, HttpStatusCode.OK);
        index = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30m, index.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "法治政府").GetProperty("weight").GetDecimal());
        Assert.Equal(40m, index.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "法治感受").GetProperty("weight").GetDecimal());
        var component = Assert.Single(index.GetProperty("components").EnumerateArray());
        Assert.Equal(3m, component.GetProperty("weight").GetDecimal());
        Assert.True(index.GetProperty("version").GetInt64() > version);

        // A second editor on the old version is refused.
        await ExpectAsync(await office.PutAsJsonAsync($"/api/assessment/indexes/{id}/weights", new { version, dimensions = new Dictionary<string, decimal> { ["法治政府"] = 10 } }), HttpStatusCode.Conflict);

        // Leaders read but do not adjust.
        var leader = await factory.ApiClientAsync(await factory.CreateUserAsync(Leader));
        await ExpectAsync(await leader.PutAsJsonAsync($"/api/assessment/indexes/{id}/weights", new { dimensions = new Dictionary<string, decimal> { ["法治政府"] = 10 } }), HttpStatusCode.Forbidden);

        // On the page: the weights form shows each dimension and component; a refused value is named inline.
        var browser = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Office));
        var page = await browser.GetStringAsync($"/assessment/index/{id}");
        Assert.Contains("调整权重", page);
        var refused = await Forms.SubmitAsync(browser, $"/assessment/index/{id}", "index-weights", new Dictionary<string, string>
        {
            ["Weights.Rows[0].Label"] = "法治政府", ["Weights.Rows[0].Weight"] = "-1",
            ["Weights.Rows[1].Label"] = "法治感受", ["Weights.Rows[1].Weight"] = "40",
        });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("维度权重不能为负数", html);
        var saved = await Forms.SubmitAsync(browser, $"/assessment/index/{id}", "index-weights", new Dictionary<string, string>
        {
            ["Weights.Rows[0].Label"] = "法治政府", ["Weights.Rows[0].Weight"] = "50",
            ["Weights.Rows[1].Label"] = "法治感受", ["Weights.Rows[1].Weight"] = "50",
        });
        Assert.Contains("权重已保存", await saved.Content.ReadAsStringAsync());
        index = await office.GetFromJsonAsync<JsonElement>($"/api/assessment/indexes/{id}");
        Assert.All(index.GetProperty("dimensions").EnumerateArray(), d => Assert.Equal(50m, d.GetProperty("weight").GetDecimal()));
        Assert.Equal(3m, Assert.Single(index.GetProperty("components").EnumerateArray()).GetProperty("weight").GetDecimal());
    }
}
