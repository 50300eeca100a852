using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Tests.Infrastructure;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Identifiers;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.Tests.Cases;

/// <summary>Registry set-up shared by the case tests: a body for a department and officers with certificates.</summary>
internal sealed class CaseTestKit(FazhiFactory factory)
{
    public const string Market = "370400-SJJ";
    public const string Ecology = "370400-STHJ";

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private static long _docSerial = Random.Shared.NextInt64(1, 100_000_000);

    /// <summary>A well-formed 文号 (GB/T 9704-2012 §7.3.3) no other test uses, e.g. 枣市监罚〔2026〕12345678号.</summary>
    public static string DocNumber(string agency, int year = 2026) => $"{agency}〔{year}〕{Interlocked.Increment(ref _docSerial) + 100_000_000}号";

    public DateOnly Today => factory.Services.GetRequiredService<IDeadlineService>().Today;

    public async Task<HttpClient> RegistryAdminAsync() => await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-registry-admin", "370400"));

    public async Task<HttpClient> OfficerAsync(string org = Market) => await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-officer", org));

    public async Task<Guid> BodyAsync(HttpClient admin, string org = Market)
    {
        var r = await admin.PostAsJsonAsync("/api/enforcement/bodies", new { orgCode = org, powers = "行政处罚、行政检查" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<Guid> OfficerRecordAsync(HttpClient admin, Guid bodyId, string name, DateOnly? expires, string? cert = "auto")
    {
        var r = await admin.PostAsJsonAsync("/api/enforcement/officers", new
        {
            bodyId,
            name,
            certificateNumber = cert == "auto" ? Unique("ZF") : cert,
            certificateIssuedOn = expires is null ? (DateOnly?)null : expires.Value.AddYears(-5),
            certificateExpiresOn = expires,
            scope = "",
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A body with two officers whose certificates are valid.</summary>
    public async Task<(Guid Body, Guid[] Officers)> TeamAsync(string org = Market)
    {
        var admin = await RegistryAdminAsync();
        var body = await BodyAsync(admin, org);
        var a = await OfficerRecordAsync(admin, body, "执法员甲", Today.AddYears(2));
        var b = await OfficerRecordAsync(admin, body, "执法员乙", Today.AddYears(1));
        return (body, [a, b]);
    }

    public static async Task<Guid> MatterAsync(HttpClient client, string code = "SL-370400-002")
    {
        var matters = await client.GetFromJsonAsync<JsonElement>("/api/enforcement/matters");
        return matters.EnumerateArray().Single(m => m.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }

    public static string CreditCode(string first17 = "91370400MA3C5XYK0") => first17 + UnifiedSocialCreditCode.CheckCharacter(first17 + "0");

    public static string ResidentId(string first17 = "37040219900307123") => first17 + ResidentIdNumber.CheckCharacter(first17 + "0");

    public static object Company(string name) => new { kind = "Organisation", name, creditCode = CreditCode() };

    public static object Person(string name) => new { kind = "Person", name, idNumber = ResidentId() };

    public static async Task<JsonElement> OkAsync(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A step the record's current state does not allow: 409 with the reason.</summary>
    public static async Task<string> ConflictAsync(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.Conflict, $"{(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    public static async Task<string> RefusedAsync(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }
}
