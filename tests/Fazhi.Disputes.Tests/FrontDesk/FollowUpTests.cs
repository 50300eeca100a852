using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Disputes.FollowUp;
using Fazhi.Disputes.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.FrontDesk;

/// <summary>回访: a task per closed case, the party's rating through the public link, 不满意 -> review task for the supervisor.</summary>
[Collection(HostCollection.Name)]
public sealed class FollowUpTests(FazhiFactory factory)
{
    /// <summary>Closes the case as the handling code will (status, stage end), calling the follow-up hook unless told not to.</summary>
    internal static async Task CloseAsync(FazhiFactory factory, Guid caseId, string? result, int afterDays = 0, bool callHook = true) =>
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisputesDb>();
            var c = await db.Cases.Include(x => x.Stages).SingleAsync(x => x.Id == caseId);
            var closedOn = c.ReceivedOn.AddDays(afterDays);
            c.Close(closedOn, result ?? "", result ?? "");
            foreach (var s in c.Stages.Where(s => s.EndedOn == null))
            {
                s.EndedOn = closedOn;
                s.Outcome = result;
            }
            await db.SaveChangesAsync();
            if (callHook)
            {
                await sp.GetRequiredService<FollowUpService>().CaseClosedAsync(caseId, result, closedOn, CancellationToken.None);
            }
        });

    [Fact]
    public async Task The_party_rates_unsatisfied_through_the_public_link_and_the_supervisor_gets_a_review_task()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370403"));
        var reviewerUser = await factory.CreateUserAsync("dispute-reviewer", "370403");
        var reviewer = await factory.ApiClientAsync(reviewerUser);
        var caseId = await CreateAsync(clerk, Staff("PeoplesMediation", "邻里纠纷", Person("田秀梅"), place: "370403"));
        await CloseAsync(factory, caseId, "调解成功");

        var task = (await FrontDeskAsync(clerk, caseId)).GetProperty("followUp");
        Assert.False(task.GetProperty("done").GetBoolean());
        var link = await clerk.PostAsync($"/api/disputes/follow-ups/{task.GetProperty("id").GetGuid()}/link", null);
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        var issued = await link.Content.ReadFromJsonAsync<JsonElement>();
        var url = new Uri(issued.GetProperty("url").GetString()!);
        // The link went to the applicant by SMS (issue 13), and the handling record says so with the masked number, without the
        // link's token (whoever reads the case must not be able to rate for the party).
        var sentTo = Assert.Single(issued.GetProperty("sentTo").EnumerateArray()).GetString()!;
        Assert.Contains("****", sentTo);
        var handling = await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{caseId}/handling");
        Assert.Contains(handling.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "PartyMessage"
            && e.GetProperty("text").GetString()!.Contains(sentTo) && e.GetProperty("text").GetString()!.Contains("评价链接"));
        Assert.DoesNotContain(handling.GetProperty("events").EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("/rate/"));
        Assert.True(url.AbsolutePath.Length > "/rate/".Length + 40, "the token is long enough not to be guessed");

        var phone = factory.BrowserClient();
        var page = WebUtility.HtmlDecode(await phone.GetStringAsync(url.AbsolutePath));
        Assert.Contains("服务评价", page);
        Assert.DoesNotContain("田秀梅", page);
        var rated = await Forms.SubmitAsync(phone, url.AbsolutePath, "rate", new Dictionary<string, string>
        {
            ["Input.Rating"] = "Unsatisfied",
            ["Input.Comment"] = "调解员态度敷衍，协议至今未履行。",
        });
        Assert.Contains("感谢您的评价", WebUtility.HtmlDecode(await rated.Content.ReadAsStringAsync()));

        // The link works once.
        var reused = WebUtility.HtmlDecode(await factory.BrowserClient().GetStringAsync(url.AbsolutePath));
        Assert.Contains("评价链接无效或已使用", reused);

        var reviews = await reviewer.GetFromJsonAsync<JsonElement>("/api/disputes/follow-ups/reviews");
        var review = Assert.Single(reviews.EnumerateArray(), r => r.GetProperty("caseId").GetGuid() == caseId);
        Assert.Equal("调解员态度敷衍，协议至今未履行。", review.GetProperty("complaint").GetString());
        var inbox = await reviewer.GetStringAsync("/api/platform/notifications");
        Assert.Contains("回访不满意", inbox);

        var close = await reviewer.PostAsJsonAsync($"/api/disputes/follow-ups/reviews/{review.GetProperty("id").GetGuid()}/close", new { conclusion = "已约谈调解员并督促履行协议" });
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        var done = (await FrontDeskAsync(clerk, caseId)).GetProperty("followUp");
        Assert.Equal("不满意", done.GetProperty("rating").GetString());
        Assert.Equal("链接自评", done.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Staff_record_a_call_and_an_unsatisfied_call_needs_the_partys_words()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370403"));
        var caseId = await CreateAsync(clerk, Staff("PeoplesMediation", "邻里纠纷", Person("邓志华"), place: "370403"));
        await CloseAsync(factory, caseId, "调解成功");
        var taskId = (await FrontDeskAsync(clerk, caseId)).GetProperty("followUp").GetProperty("id").GetGuid();

        var silent = await clerk.PostAsJsonAsync($"/api/disputes/follow-ups/{taskId}/call", new { rating = "Unsatisfied" });
        Assert.Equal(HttpStatusCode.BadRequest, silent.StatusCode);

        var call = await clerk.PostAsJsonAsync($"/api/disputes/follow-ups/{taskId}/call", new { rating = "Satisfied", comment = "对调解结果满意" });
        Assert.Equal(HttpStatusCode.NoContent, call.StatusCode);
        var again = await clerk.PostAsJsonAsync($"/api/disputes/follow-ups/{taskId}/call", new { rating = "Basic" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("电话回访", (await FrontDeskAsync(clerk, caseId)).GetProperty("followUp").GetProperty("method").GetString());
    }

    [Fact]
    public async Task A_closed_case_without_a_follow_up_gets_one_from_the_sweep()
    {
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370403"));
        var caseId = await CreateAsync(clerk, Staff("PeoplesMediation", "邻里纠纷", Person("曹玉梅"), place: "370403"));
        await CloseAsync(factory, caseId, "调解成功", afterDays: 12, callHook: false);
        Assert.Equal(JsonValueKind.Null, (await FrontDeskAsync(clerk, caseId)).GetProperty("followUp").ValueKind);

        await factory.InScopeAsync(sp => sp.GetRequiredService<FollowUpService>().SweepAsync(CancellationToken.None));

        var task = (await FrontDeskAsync(clerk, caseId)).GetProperty("followUp");
        var received = (await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{caseId}")).GetProperty("receivedOn").GetString();
        Assert.Equal(DateOnly.Parse(received!, System.Globalization.CultureInfo.InvariantCulture).AddDays(12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            task.GetProperty("closedOn").GetString());
    }
}
