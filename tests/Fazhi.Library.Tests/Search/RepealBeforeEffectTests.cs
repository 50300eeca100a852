using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Library.Contracts;
using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Library.Tests.Search;

/// <summary>
/// A text repealed or declared void before it takes effect (施行前废止, ADR 0051), through the library's write contract
/// (<see cref="ILibraryPublishing.EndAsync"/>): the version never applies, so it is never 现行有效; it is shown 已废止（未生效）,
/// found by the 已废止 filter, its text kept; an earlier version in force ends on the day (已废止, not 已修改). The administrator's
/// ordinary end edit still refuses a day on or before the latest effective date, and a day before publication is refused.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class RepealBeforeEffectTests(LibraryHost host)
{
    private FazhiFactory Factory => host.Factory;

    private Task<DateOnly> TodayAsync() =>
        Factory.InScopeAsync(sp => Task.FromResult(DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetLocalNow().DateTime)));

    private Task<LibraryEntry> PublishAsync(string title, DateOnly published, DateOnly effective, string article) =>
        Factory.InScopeAsync(sp => sp.GetRequiredService<ILibraryPublishing>().PublishAsync(
            new PublishedText(title, PublishedTextKind.NormativeDocument, "枣庄市测试局", "枣测规〔2026〕1号", published, effective, $"第一条 {article}\n第二条 本办法自施行之日起有效期五年。"),
            CancellationToken.None));

    private Task<bool> EndAsync(string title, DateOnly on) =>
        Factory.InScopeAsync(sp => sp.GetRequiredService<ILibraryPublishing>().EndAsync(title, true, on, "测试清理：废止。", CancellationToken.None));

    private static async Task<JsonElement?> HitAsync(HttpClient c, string word, Guid work, string status)
    {
        var r = await c.GetFromJsonAsync<JsonElement>($"/api/library/search?q={Uri.EscapeDataString(word)}&work={work}&status={status}");
        return r.GetProperty("items").EnumerateArray().Select(i => (JsonElement?)i).FirstOrDefault();
    }

    [Fact]
    public async Task A_document_repealed_before_its_effective_date_never_takes_effect_and_keeps_its_text()
    {
        var admin = await Factory.ApiClientAsync(await Factory.CreateUserAsync("library-admin"));
        var today = await TodayAsync();
        var title = "枣庄市测试骑楼保护办法" + Guid.NewGuid().ToString("N")[..6];
        var entry = await PublishAsync(title, today, today.AddDays(30), "为了保护骑楼街区，制定本办法。");
        Assert.Equal("NotYetEffective", (await admin.GetFromJsonAsync<JsonElement>($"/api/library/works/{entry.WorkId}")).GetProperty("status").GetString());

        // The admin's ordinary edit keeps its rule: an end on or before the latest effective date is refused.
        var work = await admin.GetFromJsonAsync<JsonElement>($"/api/library/works/{entry.WorkId}");
        var early = await admin.PutAsJsonAsync($"/api/library/works/{entry.WorkId}/end",
            new { end = "Repealed", endedOn = today.ToString("yyyy-MM-dd"), note = "x", version = work.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        // Before its publication: refused naming the day.
        var before = await Assert.ThrowsAsync<RefusalException>(() => EndAsync(title, today.AddDays(-1)));
        Assert.Contains("endedOn", before.Errors.Keys);

        // Repealed today, 30 days before it would have taken effect: through the contract it is recorded, not refused.
        Assert.True(await EndAsync(title, today));
        work = await admin.GetFromJsonAsync<JsonElement>($"/api/library/works/{entry.WorkId}");
        Assert.Equal("Repealed", work.GetProperty("end").GetString());
        Assert.Equal("Repealed", work.GetProperty("status").GetString());
        Assert.Equal("已废止（未生效）", work.GetProperty("statusLabel").GetString());
        var version = Assert.Single(work.GetProperty("versions").EnumerateArray());
        Assert.Equal("已废止（未生效）", version.GetProperty("statusLabel").GetString());
        Assert.Equal(today.AddDays(30).ToString("yyyy-MM-dd"), version.GetProperty("effectiveOn").GetString());

        // Searchable as 已废止, never as 现行有效 or 尚未生效 (not even on the day it would have taken effect); the text is kept.
        Assert.NotNull(await HitAsync(admin, "骑楼街区", entry.WorkId, "Repealed"));
        Assert.Null(await HitAsync(admin, "骑楼街区", entry.WorkId, "NotYetEffective"));
        Assert.Null(await HitAsync(admin, "骑楼街区", entry.WorkId, "InForce"));
        var later = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/library/search?q={Uri.EscapeDataString("骑楼街区")}&work={entry.WorkId}&status=InForce&on={today.AddDays(40):yyyy-MM-dd}");
        Assert.Equal(0, later.GetProperty("items").GetArrayLength());
        var page = WebUtility.HtmlDecode(await (await Factory.SignedInBrowserAsync(await Factory.CreateUserAsync("library-admin"))).GetStringAsync($"/library/{entry.WorkId}"));
        Assert.Contains("已废止（未生效）", page);
        Assert.Contains("为了保护骑楼街区", page);
    }

    [Fact]
    public async Task Repealing_a_work_before_its_amendment_takes_effect_ends_the_version_in_force_and_voids_the_amendment()
    {
        var admin = await Factory.ApiClientAsync(await Factory.CreateUserAsync("library-admin"));
        var today = await TodayAsync();
        var title = "枣庄市测试夜市管理办法" + Guid.NewGuid().ToString("N")[..6];
        var first = await PublishAsync(title, today.AddYears(-2), today.AddYears(-2).AddDays(30), "为了规范夜市经营，制定本办法。");
        var amended = await PublishAsync(title, today.AddDays(-5), today.AddDays(25), "为了规范夜市经营秩序，制定本办法。");
        Assert.Equal(first.WorkId, amended.WorkId);

        Assert.True(await EndAsync(title, today));
        var work = await admin.GetFromJsonAsync<JsonElement>($"/api/library/works/{first.WorkId}");
        var versions = work.GetProperty("versions").EnumerateArray().ToDictionary(v => v.GetProperty("number").GetInt32());
        // The version in force until today is 已废止 (not 已修改: its successor never applied), ending today.
        Assert.Equal("Repealed", versions[1].GetProperty("status").GetString());
        Assert.Equal("已废止", versions[1].GetProperty("statusLabel").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd"), versions[1].GetProperty("appliesUntil").GetString());
        Assert.Equal("已废止（未生效）", versions[2].GetProperty("statusLabel").GetString());
        // Yesterday the first version was in force (history is kept); the amendment is never in force.
        var yesterday = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/library/search?q={Uri.EscapeDataString("夜市经营")}&work={first.WorkId}&status=InForce&on={today.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(1, yesterday.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("versionNumber").GetInt32()).Distinct().Single());
    }
}
