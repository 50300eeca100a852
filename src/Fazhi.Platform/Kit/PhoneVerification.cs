using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Kit;

/// <summary>
/// The rules of one use of SMS codes: what it is for (<see cref="Purpose"/>, e.g. <c>disputes.query-code-recovery</c>),
/// how long a code works, how many codes a number and a client (address) may ask for per hour, and how many wrong codes a
/// code tolerates. Modules keep these as their own constants and cite them.
/// </summary>
public sealed record PhoneCodeRules(string Purpose, TimeSpan Lifetime, int PerNumberPerHour, int PerClientPerHour, int MaxAttempts)
{
    /// <summary>The one answer to a malformed, wrong, expired or used-up code (field <c>code</c>).</summary>
    public const string FailedMessage = "验证码不正确或已过期，请重新获取。";
}

/// <summary>
/// A mainland mobile proved by a 6-digit code the caller sends through the SMS interface (<see cref="Features.Notifications.ITextMessageGateway"/>) (ADR 0055; first written for the disputes'
/// query-code recovery, ADR 0049). The number is kept only encrypted with its blind index (to count and find the requests
/// of a number), the client only as a hash, the code only as SHA-256 of the request id and the code.
/// </summary>
public interface IPhoneVerification
{
    /// <summary>
    /// Records a request for a code for <paramref name="phone"/> within <paramref name="scope"/> (e.g. a survey's id) and,
    /// when <paramref name="issue"/>, returns a new 6-digit code for the caller to send through <see cref="Features.Notifications.ITextMessageGateway"/>
    /// in its own words (and never to show). Without <paramref name="issue"/> no code exists but the request counts toward
    /// the throttle (a caller that must not say whether the number matched anything). Refused (field <c>phone</c>) when
    /// the number or the client asked too often in the last hour.
    /// </summary>
    Task<string?> RequestAsync(PhoneCodeRules rules, string scope, string phone, string? client, bool issue, CancellationToken ct);

    /// <summary>
    /// Checks the code against the newest unused, unexpired code for the number within the scope and uses it up. Refused
    /// (field <c>code</c>) with one message for a malformed, wrong, expired or exhausted code; a wrong code counts an attempt.
    /// </summary>
    Task VerifyAsync(PhoneCodeRules rules, string scope, string phone, string? code, CancellationToken ct);
}

/// <summary>Mainland mobile numbers as forms take them: digits only, an optional 86 country code dropped.</summary>
public static partial class MainlandMobile
{
    /// <summary>The 11 digits, or null when the input is not a mainland mobile (1, then 3-9, then 9 digits).</summary>
    public static string? Normalise(string? input)
    {
        var digits = new string((input ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        return Pattern().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Pattern();
}

/// <summary>One code asked for (or a request that sent none): see <see cref="IPhoneVerification"/>.</summary>
internal sealed class PhoneVerificationCode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Purpose { get; set; } = "";

    public string Scope { get; set; } = "";

    public SensitiveText? Phone { get; set; }

    /// <summary>SHA-256 of the client's address (for the per-client throttle); null when the caller gave none.</summary>
    public string? ClientHash { get; set; }

    /// <summary>SHA-256 of the request id and the code sent; null when nothing was sent.</summary>
    public string? CodeHash { get; set; }

    public DateTime RequestedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime? UsedAtUtc { get; set; }
}

internal sealed class PhoneVerificationCodeConfiguration : IEntityTypeConfiguration<PhoneVerificationCode>
{
    public void Configure(EntityTypeBuilder<PhoneVerificationCode> b)
    {
        b.ToTable("platform_phone_codes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Purpose).HasMaxLength(64);
        b.Property(x => x.Scope).HasMaxLength(64);
        b.Property(x => x.Phone).IsSensitive(SensitiveKind.Phone);
        b.Property(x => x.ClientHash).HasMaxLength(64);
        b.Property(x => x.CodeHash).HasMaxLength(64);
        b.HasIndex(x => new { x.Purpose, x.RequestedAtUtc });
    }
}

internal sealed class PhoneVerification(ISystemWork systemWork, TimeProvider clock) : IPhoneVerification
{
    public async Task<string?> RequestAsync(PhoneCodeRules rules, string scope, string phone, string? client, bool issue, CancellationToken ct)
    {
        await using var db = systemWork.Db<PlatformDb>("短信验证码");
        var set = db.Set<PhoneVerificationCode>();
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddHours(-1);
        var byNumber = await set.WhereSensitiveEquals(r => r.Phone, phone).CountAsync(r => r.Purpose == rules.Purpose && r.RequestedAtUtc >= since, ct);
        if (byNumber >= rules.PerNumberPerHour)
        {
            throw Refuse.Field("phone", $"同一手机号码每小时最多获取 {rules.PerNumberPerHour} 次验证码，请稍后再试。");
        }
        var clientHash = client is { Length: > 0 } ? Sha256($"{rules.Purpose}|{client}") : null;
        if (clientHash is not null && await set.CountAsync(r => r.Purpose == rules.Purpose && r.ClientHash == clientHash && r.RequestedAtUtc >= since, ct) >= rules.PerClientPerHour)
        {
            throw Refuse.Field("phone", $"本设备每小时最多获取 {rules.PerClientPerHour} 次验证码，请稍后再试。");
        }
        var request = new PhoneVerificationCode
        {
            Purpose = rules.Purpose, Scope = scope, Phone = SensitiveText.Phone(phone), ClientHash = clientHash, RequestedAtUtc = now, ExpiresAtUtc = now + rules.Lifetime,
        };
        string? code = null;
        if (issue)
        {
            code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            request.CodeHash = Hash(request.Id, code);
        }
        set.Add(request);
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("platform.phone-code.requested", nameof(PhoneVerificationCode), request.Id.ToString(), new { rules.Purpose, sent = code is not null }, ct);
        return code;
    }

    public async Task VerifyAsync(PhoneCodeRules rules, string scope, string phone, string? code, CancellationToken ct)
    {
        code = code?.Trim() ?? "";
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            throw Refuse.Field("code", "请填写短信中的 6 位数字验证码。");
        }
        await using var db = systemWork.Db<PlatformDb>("短信验证码");
        var now = clock.GetUtcNow().UtcDateTime;
        var request = await db.Set<PhoneVerificationCode>().WhereSensitiveEquals(r => r.Phone, phone)
            .Where(r => r.Purpose == rules.Purpose && r.Scope == scope && r.CodeHash != null && r.UsedAtUtc == null && r.ExpiresAtUtc > now)
            .OrderByDescending(r => r.RequestedAtUtc).FirstOrDefaultAsync(ct);
        if (request is null || request.Attempts >= rules.MaxAttempts)
        {
            throw Refuse.Field("code", PhoneCodeRules.FailedMessage);
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(request.CodeHash!), Encoding.ASCII.GetBytes(Hash(request.Id, code))))
        {
            request.Attempts++;
            await db.SaveChangesAsync(ct);
            throw Refuse.Field("code", PhoneCodeRules.FailedMessage);
        }
        request.UsedAtUtc = now;
        await db.SaveChangesAsync(ct);
    }

    private static string Hash(Guid requestId, string code) => Sha256($"{requestId:N}:{code}");

    private static string Sha256(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
