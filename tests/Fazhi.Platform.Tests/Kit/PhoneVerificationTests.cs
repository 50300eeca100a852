using Fazhi.Platform.Data;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Tests.Kit;

/// <summary>
/// The kit's SMS codes for a mainland mobile (ADR 0055): a code works once, within its lifetime and scope, tolerates few
/// wrong tries; requests are throttled per number and per client, counted even when no code is issued; the number is kept
/// only encrypted with its blind index.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PhoneVerificationTests(FazhiFactory factory)
{
    private static readonly PhoneCodeRules Rules = new("test.phone-code", TimeSpan.FromMinutes(10), PerNumberPerHour: 3, PerClientPerHour: 4, MaxAttempts: 2);

    private static string NewPhone() => "17" + Random.Shared.Next(0, 10) + Random.Shared.Next(10_000_000, 100_000_000);

    private sealed class StepClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private Task<T> WithAsync<T>(StepClock clock, Func<IPhoneVerification, Task<T>> work) => factory.InScopeAsync(sp =>
        work(new PhoneVerification(sp.GetRequiredService<ISystemWork>(), clock)));

    private Task WithAsync(StepClock clock, Func<IPhoneVerification, Task> work) => WithAsync(clock, async v =>
    {
        await work(v);
        return true;
    });

    [Fact]
    public async Task A_code_works_once_in_its_scope_before_it_expires_and_tolerates_few_wrong_tries()
    {
        var clock = new StepClock();
        var phone = NewPhone();
        var code = await WithAsync(clock, v => v.RequestAsync(Rules, "a", phone, null, issue: true, default));
        Assert.Matches("^[0-9]{6}$", code);
        var wrong = code == "000000" ? "111111" : "000000";

        var other = await Assert.ThrowsAsync<RefusalException>(() => WithAsync(clock, v => v.VerifyAsync(Rules, "b", phone, code, default)));
        Assert.Equal(PhoneCodeRules.FailedMessage, other.Errors["code"][0]);
        var malformed = await Assert.ThrowsAsync<RefusalException>(() => WithAsync(clock, v => v.VerifyAsync(Rules, "a", phone, "12ab", default)));
        Assert.Contains("code", malformed.Errors.Keys);
        await Assert.ThrowsAsync<RefusalException>(() => WithAsync(clock, v => v.VerifyAsync(Rules, "a", phone, wrong, default)));
        await WithAsync(clock, v => v.VerifyAsync(Rules, "a", phone, $" {code} ", default));
        // Used up.
        await Assert.ThrowsAsync<RefusalException>(() => WithAsync(clock, v => v.VerifyAsync(Rules, "a", phone, code, default)));

        // Too many wrong tries: the right code no longer works.
        code = await WithAsync(clock, v => v.RequestAsync(Rules, "a", phone, null, issue: true, default));
        wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < Rules.MaxAttempts; i++)
        {
            await Assert.ThrowsAsync<RefusalException>(() => WithAsync(clock, v => v.VerifyAsync(Rules, "a", phone, wrong, default)));
        }
        await Assert.ThrowsAsync<RefusalException>(() => WithAsync(clock, v => v.VerifyAsync(Rules, "a", phone, code, default)));

        // Expired after its lifetime.
        code = await WithAsync(clock, v => v.RequestAsync(Rules, "a", phone, null, issue: true, default));
        clock.Now += Rules.Lifetime + TimeSpan.FromSeconds(1);
        await Assert.ThrowsAsync<RefusalException>(() => WithAsync(clock, v => v.VerifyAsync(Rules, "a", phone, code, default)));
    }

    [Fact]
    public async Task Requests_are_throttled_per_number_and_per_client_whether_or_not_a_code_is_issued_and_the_number_is_not_kept_in_clear()
    {
        var clock = new StepClock();
        var phone = NewPhone();
        Assert.Null(await WithAsync(clock, v => v.RequestAsync(Rules, "", phone, null, issue: false, default)));
        await WithAsync(clock, v => v.RequestAsync(Rules, "", phone, null, issue: true, default));
        await WithAsync(clock, v => v.RequestAsync(Rules, "", phone, null, issue: false, default));
        var perNumber = await Assert.ThrowsAsync<RefusalException>(() => WithAsync(clock, v => v.RequestAsync(Rules, "", phone, null, issue: true, default)));
        Assert.Contains("每小时最多获取 3 次", perNumber.Errors["phone"][0]);
        // An hour later the number may ask again.
        clock.Now += TimeSpan.FromMinutes(61);
        Assert.NotNull(await WithAsync(clock, v => v.RequestAsync(Rules, "", phone, null, issue: true, default)));

        var client = "203.0.113." + Random.Shared.Next(1, 255);
        for (var i = 0; i < Rules.PerClientPerHour; i++)
        {
            await WithAsync(clock, v => v.RequestAsync(Rules, "", NewPhone(), client, issue: true, default));
        }
        var perClient = await Assert.ThrowsAsync<RefusalException>(() => WithAsync(clock, v => v.RequestAsync(Rules, "", NewPhone(), client, issue: true, default)));
        Assert.Contains("本设备", perClient.Errors["phone"][0]);

        var stored = await factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<ISystemWork>().Db<PlatformDb>("test");
            return await StoredCells.AllAsync(db, "platform_phone_codes");
        });
        Assert.DoesNotContain(phone, stored);
        Assert.DoesNotContain(client, stored);
    }

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("1390000", null)]
    [InlineData("12812345678", null)]
    [InlineData(null, null)]
    public void Mainland_mobiles_are_normalised_or_refused(string? input, string? expected) => Assert.Equal(expected, MainlandMobile.Normalise(input));
}
