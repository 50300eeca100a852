using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Tests.Infrastructure;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.FrontDesk;

/// <summary>The front desk's numbers are data the routing administrator changes on a page; refused values change nothing.</summary>
[Collection(HostCollection.Name)]
public sealed class FrontDeskSettingsTests(FazhiFactory factory)
{
    [Fact]
    public async Task The_follow_up_period_set_on_the_page_applies_to_cases_closed_afterwards_and_bad_values_are_refused()
    {
        var adminUser = await factory.CreateUserAsync("dispute-front-desk-admin", "370400");
        var admin = await factory.ApiClientAsync(adminUser);
        var browser = await factory.SignedInBrowserAsync(adminUser);
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/disputes/front-desk/settings");

        var bad = await Forms.SubmitAsync(browser, "/disputes/front-desk/settings", "front-desk-settings", new Dictionary<string, string>
        {
            ["Input.DuplicateWindowDays"] = "0", ["Input.DuplicateMinSimilarity"] = "40", ["Input.FollowUpDays"] = "15",
        });
        Assert.Contains("重复件比对期间须为 1 至 3650 天。", await bad.Content.ReadAsStringAsync());
        Assert.Equal(before.GetProperty("version").GetInt64(), (await admin.GetFromJsonAsync<JsonElement>("/api/disputes/front-desk/settings")).GetProperty("version").GetInt64());

        var saved = await Forms.SubmitAsync(browser, "/disputes/front-desk/settings", "front-desk-settings", new Dictionary<string, string>
        {
            ["Input.DuplicateWindowDays"] = before.GetProperty("duplicateWindowDays").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DuplicateMinSimilarity"] = before.GetProperty("duplicateMinSimilarity").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.FollowUpDays"] = "30",
        });
        Assert.Contains("设置已保存。", await saved.Content.ReadAsStringAsync());
        try
        {
            var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370403"));
            var caseId = await CreateAsync(clerk, Staff("PeoplesMediation", "邻里纠纷", Person("邵秀兰"), place: "370403"));
            await FollowUpTests.CloseAsync(factory, caseId, "调解成功", afterDays: 2);
            var followUp = (await FrontDeskAsync(clerk, caseId)).GetProperty("followUp");
            var closedOn = DateOnly.Parse(followUp.GetProperty("closedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(closedOn.AddDays(30), DateOnly.Parse(followUp.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

            // A clerk may not change the settings; a stale version is refused.
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PutAsJsonAsync("/api/disputes/front-desk/settings", new { duplicateWindowDays = 90, duplicateMinSimilarity = 40, followUpDays = 15 })).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync("/api/disputes/front-desk/settings", new
            {
                duplicateWindowDays = 90, duplicateMinSimilarity = 40, followUpDays = 15, version = before.GetProperty("version").GetInt64(),
            })).StatusCode);
        }
        finally
        {
            var now = await admin.GetFromJsonAsync<JsonElement>("/api/disputes/front-desk/settings");
            var restored = await admin.PutAsJsonAsync("/api/disputes/front-desk/settings", new
            {
                duplicateWindowDays = before.GetProperty("duplicateWindowDays").GetInt32(), duplicateMinSimilarity = before.GetProperty("duplicateMinSimilarity").GetInt32(),
                followUpDays = before.GetProperty("followUpDays").GetInt32(), version = now.GetProperty("version").GetInt64(),
            });
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }
    }
}
