using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Features.Documents;

namespace Fazhi.Learning.Tests;

/// <summary>A host with the library's demo laws imported (so cited articles resolve), shared by one test class.</summary>
public class LearningHost : IAsyncLifetime
{
    public FazhiFactory Factory { get; } = new() { Starts = StartsWith.DemoLaws };

    public Task InitializeAsync() => ((IAsyncLifetime)Factory).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();

    /// <summary>The rule-of-law office at the city.</summary>
    public async Task<HttpClient> OfficeAsync() => await Factory.ApiClientAsync(await Factory.CreateUserAsync("learning-office", "370400"));

    /// <summary>A unit's register keeper at <paramref name="orgCode"/>.</summary>
    public async Task<HttpClient> UnitAsync(string orgCode = "370403") => await Factory.ApiClientAsync(await Factory.CreateUserAsync("learning-unit", orgCode));

    /// <summary>A new account registered in the register by the office (at <paramref name="orgCode"/>); the account's client and person id.</summary>
    public async Task<(HttpClient Client, Guid PersonId, TestUser User)> TakerAsync(HttpClient office, string orgCode = "370402", string post = "科员")
    {
        var user = await Factory.CreateUserAsync(prefix: "taker", orgCode: orgCode);
        var unit = await Factory.UnitIdAsync(orgCode);
        var created = await office.PostAsJsonAsync("/api/learning/people", new { name = "考生" + user.UserName[^6..], orgUnitId = unit, post, isLeader = false, level = "科级", userName = user.UserName });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var person = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (await Factory.ApiClientAsync(user), person, user);
    }

    /// <summary>Adds a question; its id.</summary>
    public static async Task<Guid> QuestionAsync(HttpClient office, object question)
    {
        var created = await office.PostAsJsonAsync("/api/learning/questions", question);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static object Single(string stem, string category = "行政处罚", int difficulty = 1, string answer = "B", string basis = "《行政处罚法》第三十六条") =>
        new { kind = "Single", stem, options = "一年\n二年\n三年\n五年", answer, explanation = "二年。", basis, category, difficulty };

    /// <summary>A workbook upload of <paramref name="rows"/> under <paramref name="headers"/>.</summary>
    public static MultipartFormDataContent Upload(string[] headers, IEnumerable<object?[]> rows)
    {
        var bytes = XlsxWriter.Write(new XlsxSheet("导入", headers.Select(h => new XlsxColumn(h)).ToList(), rows.Select(r => (IReadOnlyList<object?>)r)));
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(XlsxWriter.ContentType);
        return new MultipartFormDataContent { { file, "file", "导入.xlsx" } };
    }
}

/// <summary>The same host started with the whole shipped demo (its accounts, roles and records), for the demo checks.</summary>
public sealed class LearningDemoHost : LearningHost
{
    public LearningDemoHost()
    {
        Factory.Demo = true;
    }
}
