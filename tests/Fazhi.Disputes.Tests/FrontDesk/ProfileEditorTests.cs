using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Platform.Features.Calendar;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Disputes.Tests.FrontDesk.FrontDeskData;

namespace Fazhi.Disputes.Tests.FrontDesk;

/// <summary>The profile editor: a change is a new version from a validity date; history is never rewritten; open cases keep their version.</summary>
[Collection(HostCollection.Name)]
public sealed class ProfileEditorTests(FazhiFactory factory)
{
    private async Task<DateOnly> TodayAsync() => await factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IDeadlineService>().Today));

    [Fact]
    public async Task A_new_version_takes_effect_from_its_date_and_a_backdated_one_is_refused()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-front-desk-admin", "370400"));
        var today = await TodayAsync();

        var backdated = await admin.PostAsJsonAsync("/api/disputes/profiles/Notarization/versions", new
        {
            effectiveFrom = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            sourceNote = "公证程序规则（测试）",
            stages = new[] { new { code = "issuance", days = 10, dayKind = "Working", article = "公证程序规则 第三十五条（测试）" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, backdated.StatusCode);
        Assert.Contains("已生效的版本不能改写", (await backdated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var created = await admin.PostAsJsonAsync("/api/disputes/profiles/Notarization/versions", new
        {
            effectiveFrom = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            sourceNote = "公证程序规则（本地缩短办证时限）",
            stages = new[] { new { code = "issuance", days = 10, dayKind = "Working", article = "本地规范：受理之日起十个工作日内出具公证书。" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(2, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profileVersion").GetInt32());

        var versions = await admin.GetFromJsonAsync<JsonElement>("/api/disputes/profiles?code=Notarization");
        var v1 = versions.EnumerateArray().Single(v => v.GetProperty("profileVersion").GetInt32() == 1);
        var v2 = versions.EnumerateArray().Single(v => v.GetProperty("profileVersion").GetInt32() == 2);
        Assert.True(v1.GetProperty("inForce").GetBoolean());
        Assert.False(v2.GetProperty("inForce").GetBoolean());
        Assert.Equal(15, v1.GetProperty("stages")[1].GetProperty("days").GetInt32());
        Assert.Equal(10, v2.GetProperty("stages")[1].GetProperty("days").GetInt32());

        // A case received today is handled under version 1.
        var clerk = await factory.ApiClientAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var caseId = await CreateAsync(clerk, Staff("Notarization", "其他", Person("金晓燕"), description: "申请办理继承权公证，材料齐全。"));
        Assert.Equal(1, (await clerk.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{caseId}")).GetProperty("profileVersion").GetInt32());
    }

    [Fact]
    public async Task The_profile_page_refuses_an_impossible_limit_inline()
    {
        var user = await factory.CreateUserAsync("dispute-front-desk-admin", "370400");
        var browser = await factory.SignedInBrowserAsync(user);
        var today = await TodayAsync();

        var response = await Forms.SubmitAsync(browser, "/disputes/profiles?code=LegalHotline", "profile", new Dictionary<string, string>
        {
            ["Input.EffectiveFrom"] = today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.SourceNote"] = "12348热线服务规范（测试）",
            ["Input.Stages[0].Code"] = "acceptance",
            ["Input.Stages[0].Days"] = "0",
            ["Input.Stages[0].DayKind"] = "Working",
            ["Input.Stages[0].Article"] = "本地工作规范",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("期限须在 1 至 3650 之间", html);
        Assert.DoesNotContain("已发布第 2 版", html);
    }
}
