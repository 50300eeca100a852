using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Assessment.Data;
using Fazhi.Assessment.Survey;
using Fazhi.Assessment.Tests.Infrastructure;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Assessment.Tests.Infrastructure.Kit;

namespace Fazhi.Assessment.Tests.Survey;

/// <summary>
/// One answer per verified mobile (ADR 0055): the respondent proves the number with a 6-digit SMS code from the kit; a
/// wrong or expired code is refused, a second answer with the same number is refused, another number is accepted; codes
/// are throttled per number and per client, and the number is nowhere in clear.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SurveyVerificationTests(FazhiFactory factory)
{
    private static string NewPhone() => "15" + Random.Shared.Next(0, 10) + Random.Shared.Next(10_000_000, 100_000_000);

    private static Task<HttpResponseMessage> PostAsync(HttpClient anonymous, SurveyKit.Created s, string phone, string? code, int rating = 4) =>
        anonymous.PostAsJsonAsync($"/api/assessment/public/surveys/{s.Token}", new
        {
            districtCode = "370402", phone, code,
            answers = new Dictionary<Guid, string> { [s.Perception] = $"{rating}", [s.Government] = "3", [s.Choice] = "参加过" },
        });

    [Fact]
    public async Task A_wrong_or_expired_code_is_refused_the_same_number_answers_once_and_another_number_is_accepted()
    {
        var office = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        var s = await SurveyKit.OpenSurveyAsync(office, $"验证调查-{Guid.NewGuid():N}"[..20]);
        var anonymous = factory.CreateClient();
        var phone = NewPhone();

        // No code, or a code never sent: refused on the code field, nothing stored.
        var none = await PostAsync(anonymous, s, phone, null);
        await ExpectAsync(none, HttpStatusCode.BadRequest);
        Assert.True((await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("code", out _));
        var code = await SurveyKit.CodeAsync(factory, s.Token, phone);
        var wrong = await PostAsync(anonymous, s, phone, code == "000000" ? "111111" : "000000");
        await ExpectAsync(wrong, HttpStatusCode.BadRequest);
        Assert.Contains("验证码不正确或已过期", await DetailAsync(wrong));

        // The right code (after one wrong try) answers once.
        await ExpectAsync(await PostAsync(anonymous, s, phone, code), HttpStatusCode.NoContent);
        // The same number again, even with a fresh code, written another way: refused, saying why.
        var again = await PostAsync(anonymous, s, $"+86 {phone}", await SurveyKit.CodeAsync(factory, s.Token, phone));
        await ExpectAsync(again, HttpStatusCode.BadRequest);
        Assert.Contains("只能提交一次", await DetailAsync(again));
        // An expired code: the kit's records of this survey's codes are past their expiry.
        var expiredPhone = NewPhone();
        var expiredCode = await SurveyKit.CodeAsync(factory, s.Token, expiredPhone);
        var scope = s.Id.ToString();
        await factory.InScopeAsync(sp => sp.GetRequiredService<AssessmentDb>().Database.ExecuteSqlAsync(
            $"UPDATE platform_phone_codes SET \"ExpiresAtUtc\" = \"RequestedAtUtc\" WHERE \"Scope\" = {scope}"));
        var expired = await PostAsync(anonymous, s, expiredPhone, expiredCode);
        await ExpectAsync(expired, HttpStatusCode.BadRequest);
        Assert.Contains("验证码不正确或已过期", await DetailAsync(expired));

        // A code is for its survey only.
        var other = await SurveyKit.OpenSurveyAsync(office, $"另一调查-{Guid.NewGuid():N}"[..20]);
        var otherPhone = NewPhone();
        var otherCode = await SurveyKit.CodeAsync(factory, other.Token, otherPhone);
        await ExpectAsync(await PostAsync(anonymous, s, otherPhone, otherCode), HttpStatusCode.BadRequest);
        // A different number with its own code is accepted.
        var second = NewPhone();
        await ExpectAsync(await PostAsync(anonymous, s, second, await SurveyKit.CodeAsync(factory, s.Token, second), 2), HttpStatusCode.NoContent);

        var results = await office.GetFromJsonAsync<JsonElement>($"/api/assessment/surveys/{s.Id}/results");
        Assert.Equal(2, results.GetProperty("responses").GetInt32());
        // Nothing about the number in clear: neither the responses nor the kit's code records hold its digits.
        var dump = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AssessmentDb>();
            var hashes = await db.Set<SurveyResponse>().Where(r => r.SurveyId == s.Id).Select(r => r.RespondentHash).ToListAsync();
            return string.Join("|", hashes) + "|" + await StoredCells.AllAsync(db, "platform_phone_codes");
        });
        Assert.DoesNotContain(phone, dump);
        Assert.DoesNotContain(second, dump);
    }

    [Fact]
    public async Task Codes_are_throttled_per_number_and_per_client_and_the_api_sends_them_only_for_an_open_survey_and_a_mobile()
    {
        var office = await factory.ApiClientAsync(await factory.CreateUserAsync(Office));
        var s = await SurveyKit.OpenSurveyAsync(office, $"限频调查-{Guid.NewGuid():N}"[..20]);
        var phone = NewPhone();
        for (var i = 0; i < SurveyService.CodesPerNumberPerHour; i++)
        {
            await SurveyKit.CodeAsync(factory, s.Token, phone);
        }
        var perNumber = await Assert.ThrowsAsync<RefusalException>(() => SurveyKit.CodeAsync(factory, s.Token, phone));
        Assert.Contains("phone", perNumber.Errors.Keys);

        var client = "198.51.100." + Random.Shared.Next(1, 255);
        for (var i = 0; i < SurveyService.CodesPerClientPerHour; i++)
        {
            await SurveyKit.CodeAsync(factory, s.Token, NewPhone(), client);
        }
        var perClient = await Assert.ThrowsAsync<RefusalException>(() => SurveyKit.CodeAsync(factory, s.Token, NewPhone(), client));
        Assert.Contains("本设备", perClient.Message + string.Join("", perClient.Errors.Values.SelectMany(v => v)));

        var anonymous = factory.CreateClient();
        var bad = await anonymous.PostAsJsonAsync($"/api/assessment/public/surveys/{s.Token}/code", new { phone = "1390000" });
        await ExpectAsync(bad, HttpStatusCode.BadRequest);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phone", out _));
        await ExpectAsync(await anonymous.PostAsJsonAsync($"/api/assessment/public/surveys/{s.Token}/code", new { phone = NewPhone() }), HttpStatusCode.Accepted);
        await ExpectAsync(await office.PostAsync($"/api/assessment/surveys/{s.Id}/close", null), HttpStatusCode.NoContent);
        var closed = await anonymous.PostAsJsonAsync($"/api/assessment/public/surveys/{s.Token}/code", new { phone = NewPhone() });
        await ExpectAsync(closed, HttpStatusCode.BadRequest);
        Assert.Contains("未开放或已结束", await DetailAsync(closed));
    }
}
