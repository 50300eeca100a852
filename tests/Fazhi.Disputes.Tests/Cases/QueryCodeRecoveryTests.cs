using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Intake;
using Fazhi.Disputes.Tests.Infrastructure;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.Tests.Cases;

/// <summary>
/// A lost query code recovered by the applicant's ID number and mobile with a code sent through the SMS interface (ADR 0049):
/// the answer never reveals whether an application matched, the code is throttled, expires and tolerates few wrong tries,
/// and a verified code gives the application a new query code (the old one stops working).
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class QueryCodeRecoveryTests(FazhiFactory factory)
{
    private static string NewId() => Id("370402" + (1960 + Random.Shared.Next(0, 40)) + "0" + Random.Shared.Next(1, 10) + "1" + Random.Shared.Next(1, 10) + Random.Shared.Next(100, 1000));

    private static string Id(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17 + "0");

    private static string NewPhone() => "13" + Random.Shared.Next(5, 10) + Random.Shared.Next(10_000_000, 100_000_000);

    private Task<IntakeResult> ApplyAsync(string id, string phone) => factory.InScopeAsync(sp =>
    {
        var (request, _) = new IntakeForm
        {
            CaseType = CaseService.UnsureCaseType, Category = "邻里纠纷", PlaceCode = "370402", ApplicantName = "找回测试", ApplicantIdNumber = id,
            ApplicantPhone = phone, Description = "楼上漏水，协商未果，请求调解赔偿。", Consent = true,
        }.ToRequest();
        return sp.GetRequiredService<CaseService>().IntakeAsync(request, publicIntake: true, CancellationToken.None);
    });

    private Task<T> WithGatewayAsync<T>(TextMessageCodes.RecordingGateway sms, Func<QueryCodeRecovery, Task<T>> work) => factory.InScopeAsync(sp =>
        work(new QueryCodeRecovery(sp, sms)));

    private Task WithGatewayAsync(TextMessageCodes.RecordingGateway sms, Func<QueryCodeRecovery, Task> work) => WithGatewayAsync(sms, async r =>
    {
        await work(r);
        return true;
    });

    [GeneratedRegex("验证码 ([0-9]{6})")]
    private static partial Regex CodeInText();

    [Fact]
    public async Task A_code_sent_to_the_applicants_mobile_issues_a_new_query_code_and_the_old_one_stops_working()
    {
        var (id, phone) = (NewId(), NewPhone());
        var applied = await ApplyAsync(id, phone);
        var sms = new TextMessageCodes.RecordingGateway();

        // The wrong mobile: the same silence as any non-match, nothing sent.
        await WithGatewayAsync(sms, r => r.RequestAsync(new RecoveryRequestInput(id, NewPhone()), CancellationToken.None));
        Assert.Empty(sms.Sent);

        await WithGatewayAsync(sms, r => r.RequestAsync(new RecoveryRequestInput(id.ToLowerInvariant(), $"+86 {phone[..3]} {phone[3..7]} {phone[7..]}"), CancellationToken.None));
        var message = Assert.Single(sms.Sent);
        Assert.Equal(phone, message.Phone);
        Assert.Equal("disputes.query-code-recovery", message.Kind);
        var code = CodeInText().Match(message.Text).Groups[1].Value;
        Assert.Equal(6, code.Length);
        Assert.DoesNotContain(applied.CaseNumber, message.Text);

        var wrong = code == "000000" ? "111111" : "000000";
        var refused = await Assert.ThrowsAsync<RefusalException>(() => WithGatewayAsync(sms, r => r.VerifyAsync(new RecoveryVerifyInput(id, phone, wrong), CancellationToken.None)));
        Assert.Contains("code", refused.Errors.Keys);
        // The ID number must match too: the code alone opens nothing of another applicant's.
        var otherId = await WithGatewayAsync(sms, r => r.VerifyAsync(new RecoveryVerifyInput(NewId(), phone, code), CancellationToken.None));
        Assert.Empty(otherId);
        // That use spent the code.
        await Assert.ThrowsAsync<RefusalException>(() => WithGatewayAsync(sms, r => r.VerifyAsync(new RecoveryVerifyInput(id, phone, code), CancellationToken.None)));

        sms.Sent.Clear();
        await WithGatewayAsync(sms, r => r.RequestAsync(new RecoveryRequestInput(id, phone), CancellationToken.None));
        code = CodeInText().Match(Assert.Single(sms.Sent).Text).Groups[1].Value;
        var recovered = Assert.Single(await WithGatewayAsync(sms, r => r.VerifyAsync(new RecoveryVerifyInput(id, phone, code), CancellationToken.None)));
        Assert.Equal(applied.CaseNumber, recovered.CaseNumber);
        Assert.NotEqual(applied.QueryCode, recovered.QueryCode);

        var track = (string n, string c) => factory.InScopeAsync(sp => sp.GetRequiredService<CaseService>().TrackAsync(n, c, CancellationToken.None));
        Assert.Null(await track(applied.CaseNumber, applied.QueryCode!));
        Assert.Equal(applied.CaseNumber, (await track(applied.CaseNumber, recovered.QueryCode))?.CaseNumber);
    }

    [Fact]
    public async Task Requests_are_throttled_per_mobile_whether_or_not_an_application_matches_and_wrong_codes_are_limited()
    {
        var (id, phone) = (NewId(), NewPhone());
        await ApplyAsync(id, phone);
        var sms = new TextMessageCodes.RecordingGateway();
        await WithGatewayAsync(sms, r => r.RequestAsync(new RecoveryRequestInput(id, phone), CancellationToken.None));
        var code = CodeInText().Match(Assert.Single(sms.Sent).Text).Groups[1].Value;
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < QueryCodeRecovery.MaxAttempts; i++)
        {
            await Assert.ThrowsAsync<RefusalException>(() => WithGatewayAsync(sms, r => r.VerifyAsync(new RecoveryVerifyInput(id, phone, wrong), CancellationToken.None)));
        }
        // After the wrong tries the right code no longer works.
        await Assert.ThrowsAsync<RefusalException>(() => WithGatewayAsync(sms, r => r.VerifyAsync(new RecoveryVerifyInput(id, phone, code), CancellationToken.None)));

        var unknown = NewPhone();
        for (var i = 0; i < QueryCodeRecovery.RequestsPerHour; i++)
        {
            await WithGatewayAsync(sms, r => r.RequestAsync(new RecoveryRequestInput(NewId(), unknown), CancellationToken.None));
        }
        var throttled = await Assert.ThrowsAsync<RefusalException>(() => WithGatewayAsync(sms, r => r.RequestAsync(new RecoveryRequestInput(id, unknown), CancellationToken.None)));
        Assert.Contains("phone", throttled.Errors.Keys);
        Assert.Single(sms.Sent);
    }

    [Fact]
    public async Task The_track_page_answers_a_request_the_same_way_whether_or_not_an_application_matches_and_the_api_refuses_bad_input_naming_it()
    {
        var (id, phone) = (NewId(), NewPhone());
        await ApplyAsync(id, phone);

        var html = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(factory.BrowserClient(), "/track", "recover",
            new Dictionary<string, string> { ["Recover.IdNumber"] = id, ["Recover.Phone"] = phone, ["Recover.Step"] = "send" })).Content.ReadAsStringAsync());
        var none = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(factory.BrowserClient(), "/track", "recover",
            new Dictionary<string, string> { ["Recover.IdNumber"] = NewId(), ["Recover.Phone"] = NewPhone(), ["Recover.Step"] = "send" })).Content.ReadAsStringAsync());
        Assert.Contains(QueryCodeRecovery.SentMessage, html);
        Assert.Contains(QueryCodeRecovery.SentMessage, none);

        var bad = await factory.BrowserClient().PostAsJsonAsync("/api/disputes/public/query-code/recover", new { idNumber = "123", phone = "1390000" });
        var problem = await bad.AssertRefusedNamingAsync("idNumber");
        Assert.Contains("phone", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var accepted = await factory.BrowserClient().PostAsJsonAsync("/api/disputes/public/query-code/recover", new { idNumber = NewId(), phone = NewPhone() });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }
}
