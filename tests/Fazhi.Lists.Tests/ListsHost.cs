using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Lists.Tests;

/// <summary>A host with the library's demo laws imported (so legal bases resolve to articles), shared by one test class.</summary>
public class ListsHost : IAsyncLifetime
{
    public FazhiFactory Factory { get; } = new() { Starts = StartsWith.DemoLaws };

    public Task InitializeAsync() => ((IAsyncLifetime)Factory).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();

    /// <summary>The list office at the city (reviews and publishes).</summary>
    public async Task<HttpClient> OwnerAsync() => await Factory.ApiClientAsync(await Factory.CreateUserAsync("lists-owner", "370400"));

    /// <summary>A unit account (proposes its own items, answers its reports) at <paramref name="orgCode"/>.</summary>
    public async Task<HttpClient> UnitAsync(string orgCode = "370403") => await Factory.ApiClientAsync(await Factory.CreateUserAsync("lists-unit", orgCode));

    /// <summary>An item's content as the API takes it.</summary>
    public static object Item(string name, Guid unit, string basis = "《法律援助法》第四十一条", bool notify = true, string matter = "法律援助申请") => new
    {
        name,
        matter,
        requestingUnitId = unit,
        issuingUnit = "户籍所在地村（居）民委员会",
        legalBasis = basis,
        notifyCommit = notify,
        commitmentText = notify ? "本人承诺经济困难状况属实。" : null,
        verificationMethod = notify ? "办结后 30 日内部门间核查。" : null,
        falseCommitmentConsequence = notify ? "责令限期改正，逾期撤销并记入信用记录。" : null,
        serviceGuide = "窗口一次性告知。",
    };

    /// <summary>Accepts every pending proposal and publishes the draft effective <paramref name="on"/>; the version number.</summary>
    public static async Task<int> AcceptAndPublishAsync(HttpClient owner, DateOnly? on = null)
    {
        (await owner.PostAsync("/api/lists/certificates/draft/accept-all", null)).EnsureSuccessStatusCode();
        var published = await owner.PostAsJsonAsync("/api/lists/certificates/draft/publish", new { effectiveOn = on, note = "测试发布" });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
    }

    /// <summary>The items of the list on a date (or today) matching a keyword.</summary>
    public static async Task<JsonElement> ListAsync(HttpClient client, string q, DateOnly? on = null, string? status = null)
    {
        var url = $"/api/lists/certificates?q={Uri.EscapeDataString(q)}" + (on is { } d ? $"&on={d:yyyy-MM-dd}" : "") + (status is null ? "" : $"&status={status}");
        return await client.GetFromJsonAsync<JsonElement>(url);
    }
}

/// <summary>The same host started with the whole shipped demo (its accounts, roles and records), for the demo checks.</summary>
public sealed class ListsDemoHost : ListsHost
{
    public ListsDemoHost()
    {
        Factory.Demo = true;
    }
}
