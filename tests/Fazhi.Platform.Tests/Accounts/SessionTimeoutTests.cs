using System.Net;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.Platform.Tests.Accounts.AccountPages;

namespace Fazhi.Platform.Tests.Accounts;

/// <summary>
/// Idle (30 min, sliding) and absolute (12 h) session timeouts, on a second host over the same database whose clock
/// the test moves forward (cookie authentication and the security-stamp check read the <see cref="TimeProvider"/> from DI).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SessionTimeoutTests(FazhiFactory factory)
{
    private sealed class MovableClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    private static async Task<(WebApplicationFactory<Program> Host, MovableClock Clock, HttpClient Client)> SignedInOnMovableClockAsync(FazhiFactory factory)
    {
        var clock = new MovableClock();
        var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var user = await factory.CreateUserAsync();
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(client, user.UserName, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);
        return (host, clock, client);
    }

    private static async Task<bool> SignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/account/manage");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return true;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", Location(response));
        return false;
    }

    [Fact]
    public async Task Session_ends_after_30_minutes_without_activity()
    {
        var (host, clock, client) = await SignedInOnMovableClockAsync(factory);
        await using var _ = host;

        clock.Offset = TimeSpan.FromMinutes(31);

        Assert.False(await SignedInAsync(client));
    }

    [Fact]
    public async Task Activity_keeps_the_session_alive_but_not_beyond_12_hours()
    {
        var (host, clock, client) = await SignedInOnMovableClockAsync(factory);
        await using var _ = host;

        // A request every 25 minutes: each is within the idle limit of the previous one.
        var step = TimeSpan.FromMinutes(25);
        for (var i = 1; i <= 28; i++)
        {
            clock.Offset = step * i;
            Assert.True(await SignedInAsync(client), $"still signed in after {clock.Offset}");
        }

        clock.Offset = step * 29;

        Assert.True(clock.Offset > TimeSpan.FromHours(12));
        Assert.False(await SignedInAsync(client));
    }
}
