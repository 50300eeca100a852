using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Tests;

/// <summary>A host with the library's demo laws imported (so citations resolve and the pre-check has its articles), shared by one test class.</summary>
public class RulemakingHost : IAsyncLifetime
{
    public FazhiFactory Factory { get; } = new() { Starts = StartsWith.DemoLaws };

    public Task InitializeAsync() => ((IAsyncLifetime)Factory).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();

    /// <summary>The review office at the city (reviews, registers, publishes, files).</summary>
    public async Task<HttpClient> OfficeAsync() => await Factory.ApiClientAsync(await Factory.CreateUserAsync("rulemaking-office", "370400"));

    /// <summary>A drafting unit at <paramref name="orgCode"/> (default Xuecheng district).</summary>
    public async Task<HttpClient> DrafterAsync(string orgCode = "370403") => await Factory.ApiClientAsync(await Factory.CreateUserAsync("rulemaking-drafter", orgCode));

    public Task<DateOnly> TodayAsync() =>
        Factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Fazhi.Platform.Features.Calendar.IDeadlineService>().Today));

    public static object Draft(string title, string text, DateOnly effective, int? validityYears = 5) => new
    {
        title, issuingAuthority = "枣庄市薛城区人民政府", text, basis = "《优化营商环境条例》", draftingExplanation = "经调研起草。", commentRecord = "公开征求意见 30 日，收到意见 3 条。",
        effectiveOn = effective, validityYears,
    };

    public static async Task<JsonElement> SubmitAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/rulemaking/normative-documents", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> OkCreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>The same host started with the whole shipped demo (its accounts, roles and records), for the demo checks.</summary>
public sealed class RulemakingDemoHost : RulemakingHost
{
    public RulemakingDemoHost()
    {
        Factory.Demo = true;
    }
}
