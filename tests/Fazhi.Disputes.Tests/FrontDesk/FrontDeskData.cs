using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Identifiers;

namespace Fazhi.Disputes.Tests.FrontDesk;

/// <summary>Unique, valid test identities (one shared host: each test needs parties of its own) and request bodies.</summary>
internal static class FrontDeskData
{
    private static int _counter = Random.Shared.Next(1, 300);

    /// <summary>A valid resident ID of someone born in Shizhong District on a day no other test uses.</summary>
    public static string NewResidentId()
    {
        var n = Interlocked.Increment(ref _counter);
        var birth = new DateOnly(1960, 1, 1).AddDays(n * 7 + Random.Shared.Next(0, 7));
        var first17 = $"370402{birth:yyyyMMdd}{Random.Shared.Next(100, 999)}";
        return first17 + ResidentIdNumber.CheckCharacter(first17 + "0");
    }

    public static string NewCreditCode()
    {
        var body = $"91370402MA{Random.Shared.Next(10000, 99999)}{Random.Shared.Next(10, 99)}";
        var first17 = body[..17];
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17 + "0");
    }

    public static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    public static string Corrupt(string valid) => valid[..^1] + (valid[^1] == '1' ? '2' : '1');

    public static object Person(string name, string? id = null, string? phone = null) => new { kind = "Person", name, idNumber = id ?? NewResidentId(), phone = phone ?? NewPhone() };

    public static object Organisation(string name, string? code = null) => new { kind = "Organisation", name, creditCode = code ?? NewCreditCode() };

    public static object Staff(string caseType, string category, object applicant, string channel = "WalkIn", string? unit = null, string? description = null, decimal? amount = null, string place = "370402") => new
    {
        caseType,
        channel,
        category,
        amount,
        placeCode = place,
        description = description ?? "申请人与邻居因排水沟堵塞发生争执，多次协商未果，请求调解。",
        applicant,
        respondent = new { kind = "Person", name = "赵德明", idNumber = NewResidentId() },
        handlingUnitCode = unit,
    };

    public static async Task<Guid> CreateAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/disputes/cases", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> FrontDeskAsync(HttpClient api, Guid caseId) =>
        await api.GetFromJsonAsync<JsonElement>($"/api/disputes/cases/{caseId}/front-desk");
}
