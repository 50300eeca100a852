using System.Net;

namespace Fazhi.Disputes.Tests.Cases;

/// <summary>The anonymous forms limit posts per client address, so query codes cannot be guessed at speed.</summary>
public sealed class PublicRateLimitTests
{
    [Fact]
    public async Task Tracking_posts_beyond_the_limit_are_refused_with_429()
    {
        var factory = new FazhiFactory();
        factory.Settings["Disputes:PublicPostsPerMinute"] = "2";
        await factory.InitializeAsync();
        try
        {
            var client = factory.BrowserClient();
            var fields = new Dictionary<string, string> { ["Input.CaseNumber"] = "枣非诉〔2026〕9999号", ["Input.QueryCode"] = "AAAAAAAA" };
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                statuses.Add((await Forms.SubmitAsync(client, "/track", "track", fields)).StatusCode);
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }
}
