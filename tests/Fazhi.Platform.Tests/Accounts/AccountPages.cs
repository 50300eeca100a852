using System.Net;
using System.Text.RegularExpressions;
using Fazhi.Platform.Data;
using Fazhi.Platform.Features.Audit;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Fazhi.Platform.Tests.Accounts;

/// <summary>What a person does on the account pages, as a browser does it: page, form post, redirect.</summary>
internal static partial class AccountPages
{
    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password, string page = "/account/login") =>
        Forms.SubmitAsync(client, page, "login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });

    public static Task<HttpResponseMessage> SecondFactorAsync(HttpClient client, string code) =>
        Forms.SubmitAsync(client, "/account/login-2fa", "login-2fa", new Dictionary<string, string> { ["Input.Code"] = code });

    /// <summary>Signs in through the pages (with the TOTP step when the account has it) and checks the session works.</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(FazhiFactory factory, TestUser user)
    {
        var client = factory.BrowserClient();
        var response = await LoginAsync(client, user.UserName, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (user.TotpSecret is not null)
        {
            Assert.StartsWith("/account/login-2fa", Location(response));
            response = await SecondFactorAsync(client, user.CurrentCode());
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        return client;
    }

    /// <summary>The page's text with entities decoded, as a reader sees it.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TextAsync(response);
    }

    /// <summary>Where a redirect goes, as a path and query on this site.</summary>
    public static string Location(HttpResponseMessage response) => response.Headers.Location switch
    {
        null => "",
        { IsAbsoluteUri: true } uri => uri.PathAndQuery,
        var uri => uri.OriginalString,
    };

    public static string SharedKey(string page) => SharedKeyRegex().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No shared key on the page.");

    public static List<string> RecoveryCodes(string page) => [.. RecoveryCodeRegex().Matches(page).Select(m => m.Groups[1].Value)];

    public static string Code(string secret, DateTime? at = null) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at ?? DateTime.UtcNow);

    /// <summary>The account's security events in the audit trail (record changes left out), oldest first.</summary>
    public static Task<List<string>> AuditActionsAsync(FazhiFactory factory, Guid userId) => factory.InScopeAsync(sp =>
    {
        var id = userId.ToString();
        return sp.GetRequiredService<PlatformDb>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == "FazhiUser" && e.EntityId == id && e.Action != "create" && e.Action != "update" && e.Action != "delete")
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
    });

    [GeneratedRegex("data-key=\"([A-Z2-7]+)\"")]
    private static partial Regex SharedKeyRegex();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCodeRegex();
}
