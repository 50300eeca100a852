using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Oversight.Tests;

/// <summary>Shared steps of the oversight tests: accounts with the module's roles, and lawsuits through the API.</summary>
internal sealed class Kit(FazhiFactory factory)
{
    public const string Agency = "oversight-agency";
    public const string Office = "oversight-office";
    public const string Xuecheng = "370403";
    public const string Shizhong = "370402";

    private static int _counter;
    private static int _counties;

    public FazhiFactory Factory => factory;

    public async Task<HttpClient> ClientAsync(string role, string org) => await factory.ApiClientAsync(await factory.CreateUserAsync(role, org));

    /// <summary>
    /// A county code (37NNNN) no other test of this host has taken: the tests share one host, and random codes collided now
    /// and then (900 values, the birthday problem).
    /// </summary>
    public static string NewCountyCode() =>
        "37" + (9100 + (Interlocked.Increment(ref _counties) % 900)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string UniqueNumber(string court = "鲁0403") =>
        $"（2026）{court}行初{Interlocked.Increment(ref _counter)}{Random.Shared.Next(10000, 99999)}号";

    public static object Suit(Guid defendant, string number, string filedOn, string receivedOn, string kind = "Penalty", string level = "FirstInstance") => new
    {
        defendantId = defendant, court = "薛城区人民法院", caseNumber = number, plaintiff = "测试原告", actSued = "行政处罚决定", actKind = kind,
        cause = "不服行政处罚", level, filedOn, complaintReceivedOn = receivedOn,
    };

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<Guid> RegisterAsync(HttpClient client, object suit) =>
        (await OkAsync(await client.PostAsJsonAsync("/api/oversight/lawsuits", suit), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public static async Task<long> VersionAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/oversight/lawsuits/{id}")).GetProperty("version").GetInt64();

    public static async Task HearAsync(HttpClient client, Guid id, string heldOn, string appearance, string? reason = "负责人因公外出，已书面说明")
    {
        await OkAsync(await client.PostAsJsonAsync($"/api/oversight/lawsuits/{id}/hearings", new
        {
            version = await VersionAsync(client, id), heldOn, appearance, appearedName = "张某", appearedTitle = appearance == "Head" ? "局长" : "科长",
            reason = appearance == "Head" ? null : reason,
        }));
    }

    public static async Task DecideAsync(HttpClient client, Guid id, string result, string decidedOn, string? servedOn)
    {
        await OkAsync(await client.PostAsJsonAsync($"/api/oversight/lawsuits/{id}/result", new
        {
            version = await VersionAsync(client, id), result, decidedOn, servedOn,
        }));
    }
}
