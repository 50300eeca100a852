using System.Text.Json;
using System.Net.Http.Json;
using Fazhi.Assessment.Campaigns;
using Fazhi.Assessment.Tests.Infrastructure;

namespace Fazhi.Assessment.Tests.Campaigns;

public sealed class DemoCampaignTests(FazhiDemoFactory factory) : IClassFixture<FazhiDemoFactory>
{
    [Fact]
    public async Task Demo_mode_gives_the_demo_accounts_assessment_roles_and_a_living_campaign_once()
    {
        await factory.SeedDemoAsync();
        await factory.SeedDemoAsync(); // idempotent: a second run adds nothing

        var office = await factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"));
        var campaigns = (await office.GetFromJsonAsync<JsonElement>("/api/assessment/campaigns")).EnumerateArray()
            .Where(c => c.GetProperty("name").GetString() == CampaignDemoSeed.Name).ToList();
        var campaign = Assert.Single(campaigns);
        var id = campaign.GetProperty("id").GetGuid();
        var board = await office.GetFromJsonAsync<JsonElement>($"/api/assessment/campaigns/{id}/board");
        var byUnit = board.GetProperty("byUnit").EnumerateArray().ToList();
        Assert.Equal(4, byUnit.Count);
        Assert.Equal(25, byUnit.Sum(u => u.GetProperty("total").GetInt32()));
        Assert.Equal(1, board.GetProperty("byIndicator").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "S3.1").GetProperty("returned").GetInt32());
        var ranking = await office.GetFromJsonAsync<JsonElement>($"/api/assessment/campaigns/{id}/ranking");
        Assert.Contains(ranking.EnumerateArray(), r => r.GetProperty("unit").GetString() == "市中区" && r.GetProperty("score").GetDecimal() == 4m);

        // The district reviewer (demo-shizhong) sees its own tasks, including the returned one with its reason.
        var district = await factory.ApiClientAsync(FazhiFactory.DemoUser("demo-shizhong"));
        var tasks = (await district.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks?campaignId={id}")).EnumerateArray().ToList();
        Assert.Equal(8, tasks.Count);
        Assert.Contains(tasks, t => t.GetProperty("status").GetString() == "Returned" && t.GetProperty("returnReason").GetString()!.Contains("听证会议纪要"));

        // The assessed district's home page counts its tasks still to submit (returned ones included), in every active
        // campaign: at least the demo campaign's.
        var xuecheng = await factory.ApiClientAsync(FazhiFactory.DemoUser("demo-xuecheng"));
        var open = (await xuecheng.GetFromJsonAsync<JsonElement>($"/api/assessment/tasks?campaignId={id}")).EnumerateArray()
            .Count(t => t.GetProperty("role").GetString() == "牵头" && t.GetProperty("status").GetString() is "NotStarted" or "Draft" or "Returned");
        Assert.True(open > 0);
        var home = await factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-xuecheng"));
        Assert.True(int.Parse((await HomeTodo.CountAsync(home, "/assessment/tasks"))!, System.Globalization.CultureInfo.InvariantCulture) >= open);
    }
}
