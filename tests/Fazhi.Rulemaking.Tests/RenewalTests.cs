using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Platform.Kit;
using Fazhi.Rulemaking.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Tests;

/// <summary>
/// The validity period of a normative document (ADR 0065; 国办发〔2018〕37号: 有效期届满的自动失效, 需继续执行的评估后重新公布 —
/// cited by document only: no article could be verified, ADR 0069):
/// renewed by its drafting unit within the evaluation window before the end (the window is the expiry-reminder setting, 90
/// days by default) with the evaluation's conclusion, the new end running on from the old; refused too early, after the end,
/// out of scope or without the fields; not renewed, it lapses the day after the end and the library work ends as 失效.
/// </summary>
public sealed class RenewalTests(RulemakingHost host) : IClassFixture<RulemakingHost>
{
    private const string Text = "第一条 为了规范本区{0}，制定本办法。\n第二条 区有关部门按照职责做好相关工作。\n第三条 本办法自施行之日起有效期五年。";

    private async Task<string> PublishedAsync(HttpClient xuecheng, HttpClient office, string title, DateOnly today)
    {
        var created = await RulemakingHost.SubmitAsync(xuecheng, RulemakingHost.Draft(title, string.Format(Text, title[3..^2]), today.AddDays(20)));
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

    /// <summary>Moves the document's end of validity (as if published years ago).</summary>
    private Task EndsOnAsync(string id, DateOnly end) => host.Factory.InScopeAsync(async sp =>
    {
        await using var db = sp.GetRequiredService<ISystemWork>().Db<RulemakingDb>("test");
        var guid = Guid.Parse(id);
        await db.Drafts.Where(d => d.Id == guid).ExecuteUpdateAsync(s => s.SetProperty(d => d.ExpiresOn, end).SetProperty(d => d.EffectiveOn, end.AddYears(-5).AddDays(1)));
    });

    [Fact]
    public async Task The_drafting_unit_renews_a_document_within_the_window_before_its_validity_ends()
    {
        var today = await host.TodayAsync();
        var xuecheng = await host.DrafterAsync("370403");
        var office = await host.OfficeAsync();
        var id = await PublishedAsync(xuecheng, office, "薛城区社区养老服务站管理办法", today);
        var url = $"/api/rulemaking/normative-documents/{id}/renewals";

        // Five years to run: too early to renew (the evaluation window is the 90 days before the end).
        var doc = await RulemakingHost.OkAsync(await xuecheng.GetAsync($"/api/rulemaking/normative-documents/{id}"));
        var early = await xuecheng.PostAsJsonAsync(url, new { validityYears = 5, reason = "仍需施行。", version = doc.GetProperty("draft").GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("届满前 90 日内", await early.Content.ReadAsStringAsync());

        // 30 days to run: the fields are checked, naming them; a stale version is refused; nothing is saved.
        await EndsOnAsync(id, today.AddDays(30));
        var version = (await RulemakingHost.OkAsync(await xuecheng.GetAsync($"/api/rulemaking/normative-documents/{id}"))).GetProperty("draft").GetProperty("version").GetInt64();
        await (await xuecheng.PostAsJsonAsync(url, new { validityYears = 0, reason = "仍需施行。", version })).AssertRefusedNamingAsync("validityYears");
        await (await xuecheng.PostAsJsonAsync(url, new { validityYears = 3, reason = " ", version })).AssertRefusedNamingAsync("reason");
        Assert.Equal(HttpStatusCode.Conflict, (await xuecheng.PostAsJsonAsync(url, new { validityYears = 3, reason = "仍需施行。", version = version - 1 })).StatusCode);
        Assert.Empty((await xuecheng.GetFromJsonAsync<JsonElement>(url)).EnumerateArray());

        // Another unit's drafter does not see it.
        var other = await host.DrafterAsync("370402");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync(url, new { validityYears = 3, reason = "仍需施行。", version })).StatusCode);

        // Renewed for 3 years from the day after the old end; the document's validity follows; the renewal is on record and audited.
        var renewal = await RulemakingHost.OkCreatedAsync(await xuecheng.PostAsJsonAsync(url, new { validityYears = 3, reason = "经评估，上位法未修改，需要继续施行。", version }));
        var newEnd = today.AddDays(31).AddYears(3).AddDays(-1);
        Assert.Equal(newEnd.ToString("yyyy-MM-dd"), renewal.GetProperty("newExpiresOn").GetString());
        Assert.Equal(today.AddDays(30).ToString("yyyy-MM-dd"), renewal.GetProperty("previousExpiresOn").GetString());
        var after = (await RulemakingHost.OkAsync(await xuecheng.GetAsync($"/api/rulemaking/normative-documents/{id}"))).GetProperty("draft");
        Assert.Equal(newEnd.ToString("yyyy-MM-dd"), after.GetProperty("expiresOn").GetString());
        Assert.Equal(8, after.GetProperty("validityYears").GetInt32());
        Assert.Equal("现行有效", after.GetProperty("standing").GetString());
        Assert.Single((await office.GetFromJsonAsync<JsonElement>(url)).EnumerateArray());
        var renewalId = renewal.GetProperty("id").GetString();
        Assert.True(await host.Factory.AuditAsync(q => q.AnyAsync(e => e.EntityType == "DocumentRenewal" && e.EntityId == renewalId)));

        // The page shows the record; now outside the window again, the form is refused there too (inline, not a 500).
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-drafter", "370403"));
        var page = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync($"/rulemaking/documents/{id}"));
        Assert.Contains("续期记录", page);
        Assert.Contains("经评估，上位法未修改，需要继续施行。", page);
        var again = await Forms.SubmitAsync(browser, $"/rulemaking/documents/{id}", "renew", new Dictionary<string, string>
        {
            ["Renew.Years"] = "2", ["Renew.Reason"] = "再次续期。", ["Renew.Version"] = after.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("届满前 90 日内", System.Net.WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Single((await office.GetFromJsonAsync<JsonElement>(url)).EnumerateArray());
    }

    [Fact]
    public async Task A_document_not_renewed_lapses_after_its_end_and_the_library_shows_it_expired()
    {
        var today = await host.TodayAsync();
        var xuecheng = await host.DrafterAsync("370403");
        var office = await host.OfficeAsync();
        var id = await PublishedAsync(xuecheng, office, "薛城区社区菜市场便民服务办法", today);
        await EndsOnAsync(id, today.AddDays(-3));
        // The library version took effect years ago (as the document did).
        var past = today.AddYears(-5);
        await host.Factory.InScopeAsync(sp => sp.GetRequiredService<RulemakingDb>().Database.ExecuteSqlAsync(
            $"UPDATE library_versions SET \"EffectiveOn\" = {past}, \"VersionDate\" = {past}, \"PromulgatedOn\" = {past} WHERE \"WorkId\" IN (SELECT \"Id\" FROM library_works WHERE \"Title\" = {"薛城区社区菜市场便民服务办法"})"));

        // Shown lapsed at once; renewal after the end is refused, naming the way on (a new draft through legality review).
        var doc = (await RulemakingHost.OkAsync(await xuecheng.GetAsync($"/api/rulemaking/normative-documents/{id}"))).GetProperty("draft");
        Assert.Equal("已失效（有效期届满）", doc.GetProperty("standing").GetString());
        var late = await xuecheng.PostAsJsonAsync($"/api/rulemaking/normative-documents/{id}/renewals", new { validityYears = 3, reason = "仍需施行。", version = doc.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("重新起草", await late.Content.ReadAsStringAsync());

        // The daily job records the lapse (the day after the end) and ends the library work as 失效; a second run does nothing.
        Assert.True(await host.Factory.InScopeAsync(sp => sp.GetRequiredService<Renewal.RenewalService>().LapseAsync(CancellationToken.None)) >= 1);
        Assert.Equal(0, await host.Factory.InScopeAsync(sp => sp.GetRequiredService<Renewal.RenewalService>().LapseAsync(CancellationToken.None)));
        var lapsed = await host.Factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<ISystemWork>().Db<RulemakingDb>("test");
            var guid = Guid.Parse(id);
            return await db.Drafts.AsNoTracking().Where(d => d.Id == guid).Select(d => d.LapsedOn).SingleAsync();
        });
        Assert.Equal(today.AddDays(-2), lapsed);
        var search = await office.GetFromJsonAsync<JsonElement>($"/api/library/search?q={Uri.EscapeDataString("社区菜市场便民服务")}");
        var work = search.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == "薛城区社区菜市场便民服务办法").GetProperty("workId").GetString();
        var ended = await office.GetFromJsonAsync<JsonElement>($"/api/library/works/{work}");
        Assert.Equal("Expired", ended.GetProperty("end").GetString());
        Assert.Equal(today.AddDays(-2).ToString("yyyy-MM-dd"), ended.GetProperty("endedOn").GetString());
        Assert.Contains("未经评估重新公布", ended.GetProperty("endNote").GetString());
    }
}
