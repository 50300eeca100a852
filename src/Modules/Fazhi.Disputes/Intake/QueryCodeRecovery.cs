using Fazhi.Disputes.Cases;
using Fazhi.Disputes.Data;
using Fazhi.Disputes.Domain;
using Fazhi.Platform.Features.Identifiers;
using Fazhi.Platform.Features.Notifications;
using Fazhi.Platform.Features.PersonalData;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.Intake;

internal sealed record RecoveryRequestInput(string? IdNumber, string? Phone);

internal sealed record RecoveryVerifyInput(string? IdNumber, string? Phone, string? Code);

/// <summary>A case recovered with its new query code (the old one no longer works).</summary>
internal sealed record RecoveredCase(string CaseNumber, string CaseTypeName, DateOnly ReceivedOn, string QueryCode);

/// <summary>
/// Recovering a lost query code by the applicant's ID number and mobile number with a code sent by SMS (ux.md: a citizen
/// never depends on a code he may lose). The answer to a request never says whether an application matched: the same
/// message either way, the code goes only to the number given at application, and the throttle counts every request.
/// A verified code issues a new query code for each of the applicant's cases (the old code is only stored as a hash).
/// </summary>
internal sealed class QueryCodeRecovery(IServiceProvider services, ITextMessageGateway sms)
{
    /// <summary>How long a code sent works.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Codes one mobile number may ask for per hour.</summary>
    public const int RequestsPerHour = 3;

    /// <summary>Codes one client (address) may ask for per hour, whatever the numbers.</summary>
    public const int RequestsPerClientPerHour = 20;

    /// <summary>Wrong codes a request tolerates before it stops working.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The kit's SMS codes (ADR 0055) with this use's rules; one scope, as the number and ID number pick the cases.</summary>
    private static readonly PhoneCodeRules Rules = new("disputes.query-code-recovery", CodeLifetime, RequestsPerHour, RequestsPerClientPerHour, MaxAttempts);

    private IPhoneVerification Verification => services.GetRequiredService<IPhoneVerification>();

    public const string SentMessage = "如身份证号码和手机号码与申请时填写的一致，验证码已通过短信发送至该手机，10 分钟内有效。";

    public const string FailedMessage = PhoneCodeRules.FailedMessage;

    /// <summary>Sends a code when an application matches the ID number and mobile; otherwise only records the request.</summary>
    public async Task RequestAsync(RecoveryRequestInput input, CancellationToken ct, string? client = null)
    {
        var (id, phone) = Check(input.IdNumber, input.Phone);
        List<Guid> cases;
        await using (var db = services.GetRequiredService<ISystemWork>().Db<DisputesDb>("查询码找回"))
        {
            cases = await MatchingCasesAsync(db, id, phone, ct);
        }
        // Counted by the kit whether or not anything matched; a code only when something did.
        var code = await Verification.RequestAsync(Rules, "", phone, client, issue: cases.Count > 0, ct);
        if (code is not null)
        {
            await sms.SendAsync(new TextMessage("disputes.query-code-recovery", phone,
                $"【法治枣庄】您正在找回纠纷化解申请的查询码，验证码 {code}，{CodeLifetime.TotalMinutes:0} 分钟内有效。如非本人操作，请忽略本短信。", "查询码找回"), ct);
        }
    }

    /// <summary>Checks the code; on success gives each of the applicant's cases a new query code. Refused with one message for every failure.</summary>
    public async Task<IReadOnlyList<RecoveredCase>> VerifyAsync(RecoveryVerifyInput input, CancellationToken ct)
    {
        var (id, phone) = Check(input.IdNumber, input.Phone);
        await Verification.VerifyAsync(Rules, "", phone, input.Code, ct);
        await using var db = services.GetRequiredService<ISystemWork>().Db<DisputesDb>("查询码找回");
        var caseIds = await MatchingCasesAsync(db, id, phone, ct);
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).OrderBy(c => c.ReceivedOn).ThenBy(c => c.CaseNumber).ToListAsync(ct);
        var recovered = new List<RecoveredCase>();
        foreach (var c in cases)
        {
            var queryCode = CaseService.NewQueryCode();
            c.QueryCodeHash = CaseService.Hash(queryCode);
            recovered.Add(new RecoveredCase(c.CaseNumber, Labels.CaseTypeName(c.CaseTypeCode), c.ReceivedOn, queryCode));
        }
        await db.SaveChangesAsync(ct);
        foreach (var c in cases)
        {
            await db.WriteAuditEventAsync("disputes.query-code.reissued", nameof(DisputeCase), c.Id.ToString(), new { c.CaseNumber, by = "短信验证码" }, ct);
        }
        return recovered;
    }

    /// <summary>The cases whose applicant gave this ID number and this mobile (each found through its blind index).</summary>
    private static async Task<List<Guid>> MatchingCasesAsync(DisputesDb db, string id, string phone, CancellationToken ct)
    {
        // Intake keeps the digits as typed, so a number given with the country code is stored as 86…
        var byPhone = db.Parties.WhereSensitiveEquals(p => p.Phone, phone).Select(p => p.Id);
        var byPhone86 = db.Parties.WhereSensitiveEquals(p => p.Phone, "86" + phone).Select(p => p.Id);
        return await db.Parties.WhereSensitiveEquals(p => p.IdNumber, id)
            .Where(p => p.Role == PartyRole.Applicant && (byPhone.Contains(p.Id) || byPhone86.Contains(p.Id)))
            .Select(p => p.CaseId).Distinct().Take(50).ToListAsync(ct);
    }

    private static (string Id, string Phone) Check(string? idNumber, string? phone)
    {
        var checks = new FieldChecks();
        var id = string.Concat((idNumber ?? "").Where(ch => !char.IsWhiteSpace(ch))).ToUpperInvariant();
        checks.When(!ResidentIdNumber.Validate(id).IsValid, "idNumber", "请填写申请时填写的 18 位居民身份证号码。");
        var digits = MainlandMobile.Normalise(phone);
        checks.When(digits is null, "phone", "请填写申请时填写的 11 位手机号码（1 开头，第二位为 3 至 9）。");
        checks.ThrowIfAny("信息填写有误。");
        return (id, digits!);
    }

    /// <summary>The public API: anonymous, throttled per address like the public forms.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/public/query-code").AllowAnonymous().RequireRateLimiting(DisputesModule.PublicRateLimit);
        g.MapPost("/recover", async (RecoveryRequestInput input, QueryCodeRecovery r, HttpContext http, CancellationToken ct) =>
        {
            await r.RequestAsync(input, ct, http.Connection.RemoteIpAddress?.ToString());
            return TypedResults.Accepted((string?)null, new { message = SentMessage });
        });
        g.MapPost("/verify", async (RecoveryVerifyInput input, QueryCodeRecovery r, CancellationToken ct) =>
            TypedResults.Ok(await r.VerifyAsync(input, ct)));
    }
}
