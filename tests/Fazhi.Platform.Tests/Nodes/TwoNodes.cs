using System.Net;
using System.Text.RegularExpressions;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Fazhi.Platform.Tests.Nodes;

/// <summary>
/// Two Fazhi hosts on the SAME database, key file and attachment folder, as two nodes behind a reverse proxy are.
/// On PostgreSQL (FAZHI_TEST_POSTGRES) this is the supported multi-node set-up; on SQLite both hosts open the same
/// database file, which still proves that the session key ring is shared through the database.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public FazhiFactory A { get; } = new();

    public FazhiFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)A).InitializeAsync();
        B = FazhiFactory.SharingWith(A);
        await ((IAsyncLifetime)B).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        // B first: A owns the database and the folder.
        await ((IAsyncLifetime)B).DisposeAsync();
        await ((IAsyncLifetime)A).DisposeAsync();
    }

    /// <summary>One browser (one cookie jar) whose requests a load balancer sends to either node.</summary>
    public Browser NewBrowser() => new(Client(A), Client(B));

    private static HttpClient Client(FazhiFactory node) =>
        node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
}

/// <summary>A browser talking to two nodes: cookies kept in one jar and sent to whichever node serves the request.</summary>
public sealed partial class Browser(HttpClient a, HttpClient b)
{
    private readonly Dictionary<string, string> _cookies = [];

    public HttpClient A { get; } = a;

    public HttpClient B { get; } = b;

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    public async Task<HttpResponseMessage> GetAsync(HttpClient node, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(node, request);
    }

    public async Task<HttpResponseMessage> PostAsync(HttpClient node, string url, IDictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        return await SendAsync(node, request);
    }

    /// <summary>Opens <paramref name="pageUrl"/> on <paramref name="pageNode"/> and posts its form to <paramref name="postNode"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpClient pageNode, string pageUrl, HttpClient postNode, string formName, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await GetAsync(pageNode, pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = TokenRegex().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, $"No antiforgery token on {pageUrl}.");
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        return await PostAsync(postNode, postUrl ?? pageUrl, form);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient node, HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await node.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
                if (value.Length == 0)
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }
        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
