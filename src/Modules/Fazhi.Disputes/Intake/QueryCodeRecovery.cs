using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
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
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Disputes.Intake;

/// <summary>
/// One request to recover a lost query code (ADR 0049): the mobile number asked for (encrypted; its blind index finds the
/// requests of a number for the throttle), the hash of the code sent, its expiry and the wrong attempts. A request that
/// matched no application is stored too, without a code, so that it counts toward the throttle like any other.
/// </summary>
internal sealed class QueryCodeRecoveryRequest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public SensitiveText? Phone { get; set; }

    /// <summary>SHA-256 of the request id and the code sent; null when nothing was sent (no application matched).</summary>
    public string? CodeHash { get; set; }

    public DateTime RequestedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime? UsedAtUtc { get; set; }
}

internal sealed class QueryCodeRecoveryRequestConfiguration : IEntityTypeConfiguration<QueryCodeRecoveryRequest>
{
    public void Configure(EntityTypeBuilder<QueryCodeRecoveryRequest> b)
    {
        b.ToTable("disputes_query_code_recoveries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Phone).IsSensitive(SensitiveKind.Phone);
        b.Property(x => x.CodeHash).HasMaxLength(64);
        b.HasIndex(x => x.RequestedAtUtc);
    }
}

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
internal sealed partial class QueryCodeRecovery(IServiceProvider services, ITextMessageGateway sms, TimeProvider clock)
{
    /// <summary>How long a code sent works.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Codes one mobile number may ask for per hour.</summary>
    public const int RequestsPerHour = 3;

    /// <summary>Wrong codes a request tolerates before it stops working.</summary>
    public const int MaxAttempts = 5;

    public const string SentMessage = "如身份证号码和手机号码与申请时填写的一致，验证码已通过短信发送至该手机，10 分钟内有效。";

    public const string FailedMessage = "验证码不正确或已过期，请重新获取。";

    /// <summary>Sends a code when an application matches the ID number and mobile; otherwise only records the request.</summary>
    public async Task RequestAsync(RecoveryRequestInput input, CancellationToken ct)
    {
        var (id, phone) = Check(input.IdNumber, input.Phone);
        await using var db = services.GetRequiredService<ISystemWork>().Db<DisputesDb>("查询码找回");
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddHours(-1);
        var recent = await db.Set<QueryCodeRecoveryRequest>().WhereSensitiveEquals(r => r.Phone, phone).CountAsync(r => r.RequestedAtUtc >= since, ct);
        if (recent >= RequestsPerHour)
        {
            throw Refuse.Field("phone", $"同一手机号码每小时最多获取 {RequestsPerHour} 次验证码，请稍后再试。");
        }
        var cases = await MatchingCasesAsync(db, id, phone, ct);
        var request = new QueryCodeRecoveryRequest { Phone = SensitiveText.Phone(phone), RequestedAtUtc = now, ExpiresAtUtc = now + CodeLifetime };
        string? code = null;
        if (cases.Count > 0)
        {
            code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            request.CodeHash = Hash(request.Id, code);
        }
        db.Set<QueryCodeRecoveryRequest>().Add(request);
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("disputes.query-code.recovery-requested", nameof(QueryCodeRecoveryRequest), request.Id.ToString(), new { sent = code is not null }, ct);
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
        var code = input.Code?.Trim() ?? "";
        if (!SixDigits().IsMatch(code))
        {
            throw Refuse.Field("code", "请填写短信中的 6 位数字验证码。");
        }
        await using var db = services.GetRequiredService<ISystemWork>().Db<DisputesDb>("查询码找回");
        var now = clock.GetUtcNow().UtcDateTime;
        var request = await db.Set<QueryCodeRecoveryRequest>().WhereSensitiveEquals(r => r.Phone, phone)
            .Where(r => r.CodeHash != null && r.UsedAtUtc == null && r.ExpiresAtUtc > now)
            .OrderByDescending(r => r.RequestedAtUtc).FirstOrDefaultAsync(ct);
        if (request is null || request.Attempts >= MaxAttempts)
        {
            throw Refuse.Field("code", FailedMessage);
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(request.CodeHash!), Encoding.ASCII.GetBytes(Hash(request.Id, code))))
        {
            request.Attempts++;
            await db.SaveChangesAsync(ct);
            throw Refuse.Field("code", FailedMessage);
        }
        request.UsedAtUtc = now;
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
        var digits = new string((phone ?? "").Where(char.IsDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        checks.When(!Mobile().IsMatch(digits), "phone", "请填写申请时填写的 11 位手机号码（1 开头，第二位为 3 至 9）。");
        checks.ThrowIfAny("信息填写有误。");
        return (id, digits);
    }

    private static string Hash(Guid requestId, string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{requestId:N}:{code}")));

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex SixDigits();

    /// <summary>The public API: anonymous, throttled per address like the public forms.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/public/query-code").AllowAnonymous().RequireRateLimiting(DisputesModule.PublicRateLimit);
        g.MapPost("/recover", async (RecoveryRequestInput input, QueryCodeRecovery r, CancellationToken ct) =>
        {
            await r.RequestAsync(input, ct);
            return TypedResults.Accepted((string?)null, new { message = SentMessage });
        });
        g.MapPost("/verify", async (RecoveryVerifyInput input, QueryCodeRecovery r, CancellationToken ct) =>
            TypedResults.Ok(await r.VerifyAsync(input, ct)));
    }
}
