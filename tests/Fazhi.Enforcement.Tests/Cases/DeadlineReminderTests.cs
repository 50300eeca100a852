using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.Tests.Cases;

/// <summary>The daily job reminds the body's case handlers of the Art. 60 decision deadline, once a week per case.</summary>
[Collection(HostCollection.Name)]
public sealed class DeadlineReminderTests(FazhiFactory factory)
{
    private readonly CaseTestKit _kit = new(factory);

    [Fact]
    public async Task A_case_near_its_90_day_limit_reminds_the_handlers_of_its_body_once_and_not_another_body()
    {
        var (_, officers) = await _kit.TeamAsync();
        var handler = await factory.CreateUserAsync("enforcement-officer", CaseTestKit.Market);
        var officer = await factory.ApiClientAsync(handler);
        var matter = await CaseTestKit.MatterAsync(officer);
        var opened = await CaseTestKit.OkAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = matter, party = CaseTestKit.Company(CaseTestKit.Unique("期限提醒测试公司")), summary = "未按规定标示", openedOn = _kit.Today.AddDays(-85), officerIds = officers,
        }), HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetGuid();
        var number = opened.GetProperty("number").GetString()!;
        var other = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-officer", CaseTestKit.Ecology));

        var first = await factory.InScopeAsync(sp => sp.GetRequiredService<DeadlineReminders>().RunAsync(CancellationToken.None));
        Assert.True(first.Notified >= 1);
        var inbox = await officer.GetFromJsonAsync<JsonElement>("/api/platform/notifications");
        var notice = Assert.Single(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("link").GetString() == $"/enforcement/cases/{id}");
        Assert.Contains(number, notice.GetProperty("body").GetString());
        Assert.Contains("第六十条", notice.GetProperty("body").GetString());
        var elsewhere = await other.GetFromJsonAsync<JsonElement>("/api/platform/notifications");
        Assert.DoesNotContain(elsewhere.GetProperty("items").EnumerateArray(), n => n.GetProperty("link").GetString() == $"/enforcement/cases/{id}");

        var second = await factory.InScopeAsync(sp => sp.GetRequiredService<DeadlineReminders>().RunAsync(CancellationToken.None));
        Assert.True(second.AlreadySent >= 1);
        inbox = await officer.GetFromJsonAsync<JsonElement>("/api/platform/notifications");
        Assert.Single(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("link").GetString() == $"/enforcement/cases/{id}");
    }
}
