using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Tests;

/// <summary>
/// The published text becomes a work in the regulation library (ADR 0047, through <c>ILibraryPublishing</c>): a normative
/// document published after review is found by the library's search, in force; once a cleanup result repealing it is
/// published, the library shows it 已废止.
/// </summary>
public sealed class LibraryPublishingTests(RulemakingHost host) : IClassFixture<RulemakingHost>
{
    private const string Text = "第一条 为了规范本区社区图书角的设置和开放，制定本办法。\n第二条 社区图书角由街道办事处统筹设置，每周开放不少于五日。\n第三条 本办法自施行之日起有效期五年。";

    private static async Task<JsonElement> SearchAsync(HttpClient client, string q)
    {
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/library/search?q={Uri.EscapeDataString(q)}");
        return result.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("title").GetString() == "薛城区社区图书角管理办法");
    }

    [Fact]
    public async Task A_published_document_is_in_the_library_and_a_published_repeal_ends_it_there()
    {
        var today = await host.TodayAsync();
        var xuecheng = await host.DrafterAsync("370403");
        var office = await host.OfficeAsync();
        Assert.Equal(JsonValueKind.Undefined, (await SearchAsync(office, "社区图书角")).ValueKind);

        var created = await RulemakingHost.SubmitAsync(xuecheng, RulemakingHost.Draft("薛城区社区图书角管理办法", Text, today.AddDays(20)));
        var id = created.GetProperty("draft").GetProperty("id").GetString();
        foreach (var f in created.GetProperty("findings").EnumerateArray())
        {
            await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/findings/{f.GetProperty("id")}", new { decision = "Dismissed", reason = "不构成问题。" }));
        }
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/conclusion",
            new { pass = true, conclusion = "经审核，未发现违反上位法的内容。", version = created.GetProperty("draft").GetProperty("version").GetInt64() }));
        var registered = await RulemakingHost.OkAsync(await office.PostAsync($"/api/rulemaking/normative-documents/{id}/register", null));
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/publish", new { publishedOn = today }));

        // In the library: found by its text, at the normative-document level, with the registration number; not yet in force.
        var hit = await SearchAsync(office, "社区图书角");
        Assert.Equal(JsonValueKind.Object, hit.ValueKind);
        Assert.Equal("NormativeDocument", hit.GetProperty("level").GetString());
        Assert.Equal("NotYetEffective", hit.GetProperty("status").GetString());
        var work = hit.GetProperty("workId").GetString();
        var page = WebUtility.HtmlDecode(await (await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-office", "370400"))).GetStringAsync($"/library/{work}"));
        Assert.Contains(registered.GetProperty("registrationNo").GetString()!, page);

        // The documents a cleanup reviews have been in force for some time: its library version is backdated a year (a
        // document published today cannot take effect before today, 立法法 第一百零四条, and the library ends a work only
        // after its latest version took effect).
        var past = today.AddYears(-1);
        var workGuid = Guid.Parse(work!);
        await host.Factory.InScopeAsync(sp => sp.GetRequiredService<Fazhi.Rulemaking.Data.RulemakingDb>().Database.ExecuteSqlAsync(
            $"UPDATE library_versions SET \"EffectiveOn\" = {past}, \"VersionDate\" = {past} WHERE \"WorkId\" = {workGuid}"));

        // A cleanup repeals it: once the result is published the library shows it 已废止 (and keeps the text).
        var campaign = await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/cleanup/campaigns",
            new { title = "图书角专项清理", kind = "Special", basis = "社区公共文化设施统一管理。", proposalDueOn = today.AddDays(10) }));
        var cid = campaign.GetProperty("id").GetString();
        await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{cid}/items", new { sourceKind = "NormativeDocument", sourceId = id }));
        var item = (await xuecheng.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{cid}")).GetProperty("items")[0];
        await RulemakingHost.OkAsync(await xuecheng.PostAsJsonAsync($"/api/rulemaking/cleanup/items/{item.GetProperty("id").GetString()}/proposal",
            new { outcome = "Repeal", reason = "已由全市统一的办法取代。", version = item.GetProperty("version").GetInt64() }));
        item = (await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{cid}")).GetProperty("items")[0];
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/items/{item.GetProperty("id").GetString()}/review",
            new { outcome = "Repeal", version = item.GetProperty("version").GetInt64() }));
        // Before publication the library is unchanged.
        Assert.NotEqual("Repealed", (await SearchAsync(office, "社区图书角")).GetProperty("status").GetString());
        var version = (await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{cid}")).GetProperty("campaign").GetProperty("version").GetInt64();
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{cid}/publish", new { version }));

        var ended = await office.GetFromJsonAsync<JsonElement>($"/api/library/works/{work}");
        Assert.Equal("Repealed", ended.GetProperty("end").GetString());
        Assert.Contains("图书角专项清理", ended.GetProperty("endNote").GetString());
        page = WebUtility.HtmlDecode(await (await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-office", "370400"))).GetStringAsync($"/library/{work}"));
        Assert.Contains("已废止", page);
    }

    /// <summary>Drafts, reviews, registers and publishes a normative document of 薛城区 taking effect on <paramref name="effective"/>; its id.</summary>
    private async Task<string> PublishedAsync(HttpClient xuecheng, HttpClient office, string title, string text, DateOnly today, DateOnly effective)
    {
        var created = await RulemakingHost.SubmitAsync(xuecheng, RulemakingHost.Draft(title, text, effective));
        var id = created.GetProperty("draft").GetProperty("id").GetString()!;
        foreach (var f in created.GetProperty("findings").EnumerateArray())
        {
            await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/findings/{f.GetProperty("id")}", new { decision = "Dismissed", reason = "不构成问题。" }));
        }
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/conclusion",
            new { pass = true, conclusion = "经审核，未发现违反上位法的内容。", version = created.GetProperty("draft").GetProperty("version").GetInt64() }));
        await RulemakingHost.OkAsync(await office.PostAsync($"/api/rulemaking/normative-documents/{id}/register", null));
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/publish", new { publishedOn = today }));
        return id;
    }

    /// <summary>
    /// A cleanup repealing a document published but not yet in force (ADR 0051): the library refused to end a work on or before its
    /// latest version's effective date, so publishing the result was refused. Now the result publishes, the document is 已废止
    /// with 施行前废止 recorded, and the library shows the version 已废止（未生效）, searchable as repealed, its text kept.
    /// </summary>
    [Fact]
    public async Task A_cleanup_repeals_a_document_not_yet_in_force_and_the_library_records_it_as_never_in_force()
    {
        var today = await host.TodayAsync();
        var xuecheng = await host.DrafterAsync("370403");
        var office = await host.OfficeAsync();
        const string title = "薛城区共享单车停放管理办法";
        var id = await PublishedAsync(xuecheng, office, title,
            "第一条 为了规范本区共享单车停放秩序，制定本办法。\n第二条 共享单车应当停放在街道划定的停放区内。\n第三条 本办法自施行之日起有效期五年。", today, today.AddDays(30));

        var campaign = await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/cleanup/campaigns",
            new { title = "共享单车专项清理", kind = "Special", basis = "全市统一停放管理。", proposalDueOn = today.AddDays(10) }));
        var cid = campaign.GetProperty("id").GetString();
        await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{cid}/items", new { sourceKind = "NormativeDocument", sourceId = id }));
        var item = (await xuecheng.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{cid}")).GetProperty("items")[0];
        await RulemakingHost.OkAsync(await xuecheng.PostAsJsonAsync($"/api/rulemaking/cleanup/items/{item.GetProperty("id").GetString()}/proposal",
            new { outcome = "Repeal", reason = "施行前已由全市统一的办法取代。", version = item.GetProperty("version").GetInt64() }));
        item = (await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{cid}")).GetProperty("items")[0];
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/items/{item.GetProperty("id").GetString()}/review",
            new { outcome = "Repeal", version = item.GetProperty("version").GetInt64() }));
        var version = (await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{cid}")).GetProperty("campaign").GetProperty("version").GetInt64();
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{cid}/publish", new { version }));

        var doc = (await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/normative-documents/{id}")).GetProperty("draft");
        Assert.Equal("Repealed", doc.GetProperty("status").GetString());
        Assert.Contains("施行前废止，未生效", doc.GetProperty("repealNote").GetString());
        var docPage = WebUtility.HtmlDecode(await (await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-office", "370400")))
            .GetStringAsync($"/rulemaking/documents/{id}"));
        Assert.Contains("施行前废止，未生效", docPage);

        var hit = await office.GetFromJsonAsync<JsonElement>($"/api/library/search?q={Uri.EscapeDataString("共享单车停放")}&status=Repealed");
        var found = hit.GetProperty("items").EnumerateArray().First(i => i.GetProperty("title").GetString() == title);
        var work = await office.GetFromJsonAsync<JsonElement>($"/api/library/works/{found.GetProperty("workId").GetString()}");
        Assert.Equal("Repealed", work.GetProperty("end").GetString());
        Assert.Equal("已废止（未生效）", work.GetProperty("statusLabel").GetString());
        Assert.Equal(1, work.GetProperty("versions").GetArrayLength());
        var page = WebUtility.HtmlDecode(await (await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-office", "370400")))
            .GetStringAsync($"/library/{found.GetProperty("workId").GetString()}"));
        Assert.Contains("已废止（未生效）", page);
        Assert.Contains("共享单车应当停放在街道划定的停放区内", page);
    }
}
