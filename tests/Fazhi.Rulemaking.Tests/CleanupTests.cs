using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Rulemaking.Cleanup;
using Fazhi.Rulemaking.Normative;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Tests;

/// <summary>
/// Cleanup campaigns (清理, ADR 0036) through HTTP: the office lists documents (candidates flagged by the library when they cite
/// an article since amended), each owning unit proposes 保留 / 修改 / 废止 / 宣布失效 with the reason and sees only its own
/// documents, the office decides or returns, the result cannot be published while a document is undecided, and once
/// published a normative document decided 废止 is no longer in force; the result is public (page, API, .xlsx). Progress per
/// unit, overdue proposals, reminders and to-dos; the demo.
/// </summary>
public sealed class CleanupTests(RulemakingHost host) : IClassFixture<RulemakingHost>
{
    private async Task<Guid> PublishedDocumentAsync(string title, string text, DateOnly effective, string orgCode = "370403") =>
        await host.Factory.InScopeAsync(async sp =>
        {
            var unit = await sp.GetRequiredService<Fazhi.Platform.Kit.IOrgDirectory>().FindByCodeAsync(orgCode, CancellationToken.None);
            await using var db = sp.GetRequiredService<Fazhi.Platform.Kit.ISystemWork>().Db<Data.RulemakingDb>("test");
            var doc = new NormativeDraft
            {
                OrgUnitId = unit!.Id, DraftingUnitName = unit.Name, Title = title, IssuingAuthority = "枣庄市薛城区人民政府", Text = text, EffectiveOn = effective, ValidityYears = 10,
                ExpiresOn = effective.AddYears(10).AddDays(-1), Status = DraftStatus.Published, SubmittedOn = effective.AddDays(-60), ReviewDueOn = effective.AddDays(-40),
                RegistrationNo = "ZZFG-T-" + Guid.NewGuid().ToString("N")[..8], PublishedOn = effective.AddDays(-20), FilingDueOn = effective.AddDays(10), FiledOn = effective.AddDays(-5),
            };
            db.Drafts.Add(doc);
            await db.SaveChangesAsync();
            return doc.Id;
        });

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> ConflictAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    private static async Task<JsonElement> ItemAsync(HttpClient client, string campaignId, string title)
    {
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{campaignId}");
        return detail.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == title);
    }

    private static Task<HttpResponseMessage> ProposeAsync(HttpClient client, JsonElement item, string outcome, string reason) =>
        client.PostAsJsonAsync($"/api/rulemaking/cleanup/items/{item.GetProperty("id").GetString()}/proposal",
            new { outcome, reason, version = item.GetProperty("version").GetInt64() });

    private static Task<HttpResponseMessage> ReviewAsync(HttpClient client, JsonElement item, string? outcome, string? reason, bool @return = false) =>
        client.PostAsJsonAsync($"/api/rulemaking/cleanup/items/{item.GetProperty("id").GetString()}/review",
            new { @return, outcome, reason, version = item.GetProperty("version").GetInt64() });

    [Fact]
    public async Task Units_propose_the_office_decides_and_the_published_result_repeals_the_document()
    {
        var office = await host.OfficeAsync();
        var xuecheng = await host.DrafterAsync("370403");
        var today = await host.TodayAsync();
        // In force since 2019 and citing 立法法 第八十二条 as it stood then (amended in 2023): the library flags it.
        var stale = await PublishedDocumentAsync("测试区规范性文件制定程序规定", "第一条 根据《中华人民共和国立法法》第八十二条，制定本规定。\n第二条 本规定有效期十年。", new DateOnly(2019, 3, 1));
        var plain = await PublishedDocumentAsync("测试区农贸市场摊位管理办法", "第一条 为了规范农贸市场摊位管理，制定本办法。\n第二条 本办法有效期十年。", today.AddDays(-100));

        // The campaign: a cleanup after a higher law changed must say which; the deadline is required.
        await (await office.PostAsJsonAsync("/api/rulemaking/cleanup/campaigns", new { title = "测试专项清理", kind = "HigherLawChanged", proposalDueOn = today.AddDays(20) }))
            .AssertRefusedNamingAsync("basis");
        await (await office.PostAsJsonAsync("/api/rulemaking/cleanup/campaigns", new { title = "测试专项清理", kind = "Periodic" })).AssertRefusedNamingAsync("proposalDueOn");
        Assert.Equal(HttpStatusCode.Forbidden, (await xuecheng.PostAsJsonAsync("/api/rulemaking/cleanup/campaigns", new { title = "x", kind = "Periodic", proposalDueOn = today })).StatusCode);
        var campaign = await CreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/cleanup/campaigns",
            new { title = "测试立法法修改专项清理", kind = "HigherLawChanged", basis = "2023年修改立法法。", proposalDueOn = today.AddDays(20) }));
        var id = campaign.GetProperty("id").GetString()!;

        // Candidates: the stale citation is flagged by the library and comes before the unflagged document.
        var candidates = (await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{id}/candidates")).EnumerateArray().ToList();
        var flagged = candidates.Single(c => c.GetProperty("sourceId").GetGuid() == stale);
        Assert.Contains(flagged.GetProperty("flags").EnumerateArray(), f => f.GetString()!.Contains("立法法", StringComparison.Ordinal));
        var clean = candidates.Single(c => c.GetProperty("sourceId").GetGuid() == plain);
        Assert.Empty(clean.GetProperty("flags").EnumerateArray());
        Assert.True(candidates.IndexOf(flagged) < candidates.IndexOf(clean));

        await CreatedAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{id}/items", new { sourceKind = "NormativeDocument", sourceId = stale, listedReason = "引用条文已修改" }));
        await CreatedAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{id}/items", new { sourceKind = "NormativeDocument", sourceId = plain }));
        Assert.Contains("已列入", await ConflictAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{id}/items", new { sourceKind = "NormativeDocument", sourceId = stale })));
        await (await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{id}/items", new { sourceKind = "GovernmentRule", documentNo = "x" })).AssertRefusedNamingAsync("title");
        var housingUnit = await host.Factory.UnitIdAsync("370400-ZJJ");
        await CreatedAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{id}/items",
            new { sourceKind = "GovernmentRule", title = "测试市住房租赁管理办法", documentNo = "市政府令第9号", orgUnitId = housingUnit }));
        Assert.DoesNotContain((await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{id}/candidates")).EnumerateArray(),
            c => c.GetProperty("sourceId").GetGuid() == stale);

        // Each unit sees only its own documents; another district does not see the campaign at all.
        var mine = await xuecheng.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{id}");
        Assert.Equal(2, mine.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.DrafterAsync("370402")).GetAsync($"/api/rulemaking/cleanup/campaigns/{id}")).StatusCode);

        // The unit proposes with the reason (required), and cannot decide.
        var staleItem = await ItemAsync(xuecheng, id, "测试区规范性文件制定程序规定");
        await (await ProposeAsync(xuecheng, staleItem, "Repeal", "")).AssertRefusedNamingAsync("reason");
        await (await xuecheng.PostAsJsonAsync($"/api/rulemaking/cleanup/items/{staleItem.GetProperty("id").GetString()}/proposal", new { reason = "x", version = 0 }))
            .AssertRefusedNamingAsync("outcome");
        await RulemakingHost.OkAsync(await ProposeAsync(xuecheng, staleItem, "Repeal", "所依据的立法法条文已修改，制定程序已由新规定调整。"));
        var plainItem = await ItemAsync(xuecheng, id, "测试区农贸市场摊位管理办法");
        await RulemakingHost.OkAsync(await ProposeAsync(xuecheng, plainItem, "Keep", "内容合法，继续执行。"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ReviewAsync(xuecheng, await ItemAsync(xuecheng, id, "测试区农贸市场摊位管理办法"), "Keep", null)).StatusCode);

        // Publishing is refused while a document is undecided, naming it.
        var campaignVersion = (await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{id}")).GetProperty("campaign").GetProperty("version").GetInt64();
        var refusal = await ConflictAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{id}/publish", new { version = campaignVersion }));
        Assert.Contains("未审定", refusal);

        // The office: a decision other than the proposal needs the reason; a return needs one; the unit proposes again.
        plainItem = await ItemAsync(office, id, "测试区农贸市场摊位管理办法");
        await (await ReviewAsync(office, plainItem, "Amend", "")).AssertRefusedNamingAsync("reason");
        await (await ReviewAsync(office, plainItem, null, "", @return: true)).AssertRefusedNamingAsync("reason");
        await RulemakingHost.OkAsync(await ReviewAsync(office, plainItem, null, "第二条有效期与省规定不一致，请核实。", @return: true));
        plainItem = await ItemAsync(xuecheng, id, "测试区农贸市场摊位管理办法");
        Assert.Equal("Returned", plainItem.GetProperty("state").GetString());
        Assert.Equal("第二条有效期与省规定不一致，请核实。", plainItem.GetProperty("returnReason").GetString());
        await RulemakingHost.OkAsync(await ProposeAsync(xuecheng, plainItem, "Amend", "按省规定修改有效期。"));
        await RulemakingHost.OkAsync(await ReviewAsync(office, await ItemAsync(office, id, "测试区农贸市场摊位管理办法"), "Amend", null));
        await RulemakingHost.OkAsync(await ReviewAsync(office, await ItemAsync(office, id, "测试区规范性文件制定程序规定"), "Repeal", null));
        // A document its unit has not proposed on cannot be decided.
        var rule = await ItemAsync(office, id, "测试市住房租赁管理办法");
        Assert.Contains("尚未", await ConflictAsync(await ReviewAsync(office, rule, "Keep", "x")));
        var housing = await host.DrafterAsync("370400-ZJJ");
        await RulemakingHost.OkAsync(await ProposeAsync(housing, await ItemAsync(housing, id, "测试市住房租赁管理办法"), "DeclareInvalid", "调整对象已消失。"));
        await RulemakingHost.OkAsync(await ReviewAsync(office, await ItemAsync(office, id, "测试市住房租赁管理办法"), "DeclareInvalid", null));

        // Progress per unit, then the result published: the repealed document is no longer in force; proposals are closed.
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{id}");
        var progress = detail.GetProperty("progress").EnumerateArray().ToList();
        Assert.Equal(2, progress.Single(p => p.GetProperty("orgUnitId").GetGuid() == mine.GetProperty("items")[0].GetProperty("orgUnitId").GetGuid()).GetProperty("decided").GetInt32());
        var stalePublishedVersion = detail.GetProperty("campaign").GetProperty("version").GetInt64();
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{id}/publish", new { version = stalePublishedVersion }));
        var doc = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/normative-documents/{stale}");
        Assert.Equal("Repealed", doc.GetProperty("draft").GetProperty("status").GetString());
        var kept = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/normative-documents/{plain}");
        Assert.Equal("Published", kept.GetProperty("draft").GetProperty("status").GetString());
        var closed = await ConflictAsync(await ProposeAsync(xuecheng, await ItemAsync(xuecheng, id, "测试区农贸市场摊位管理办法"), "Keep", "x"));
        Assert.Contains("公布", closed);

        // The public list, its .xlsx, and the public normative-document list showing the repeal.
        var anonymous = host.Factory.CreateClient();
        var result = await anonymous.GetFromJsonAsync<JsonElement>($"/api/rulemaking/public/cleanup/{id}");
        var rows = result.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.GetProperty("title").GetString() == "测试区规范性文件制定程序规定" && r.GetProperty("result").GetString() == "废止");
        Assert.Contains(rows, r => r.GetProperty("result").GetString() == "宣布失效");
        var xlsx = await anonymous.GetAsync($"/api/rulemaking/public/cleanup/{id}/result.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 100 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K');
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/cleanup/{id}"));
        Assert.Contains("测试区规范性文件制定程序规定", page);
        var publicDocs = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/public/normative-documents"));
        Assert.Contains("已废止", publicDocs);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/rulemaking/cleanup/campaigns/{id}/result.xlsx")).StatusCode);
    }

    /// <summary>
    /// The legislation stage is stored by its name: a rule already filed (备案, "Filed") is published too and must be a candidate
    /// and listable — comparing the stored names (<c>Stage &gt;= Published</c> in SQL: "Filed" &lt; "Published") left it out.
    /// </summary>
    [Fact]
    public async Task A_rule_already_filed_is_a_candidate_and_can_be_listed()
    {
        var office = await host.OfficeAsync();
        var today = await host.TodayAsync();
        var (filed, published, decided) = await host.Factory.InScopeAsync(async sp =>
        {
            var unit = await sp.GetRequiredService<Fazhi.Platform.Kit.IOrgDirectory>().FindByCodeAsync("370400", CancellationToken.None);
            await using var db = sp.GetRequiredService<Fazhi.Platform.Kit.ISystemWork>().Db<Data.RulemakingDb>("test");
            Legislation.LegislationProject Project(string title, Legislation.LegislationStage stage) => new()
            {
                PlanId = Guid.NewGuid(), OrgUnitId = unit!.Id, UnitName = unit.Name, Title = title, Kind = Legislation.LegislationKind.GovernmentRule, Stage = stage,
                PlannedSubmitOn = today.AddYears(-2), PlannedAdoptOn = today.AddYears(-1), PublishedOn = stage == Legislation.LegislationStage.Decided ? null : today.AddYears(-1),
                DocumentNo = "枣庄市人民政府令第" + Random.Shared.Next(100, 999) + "号", FiledOn = stage == Legislation.LegislationStage.Filed ? today.AddYears(-1).AddDays(20) : null,
            };
            var f = Project("测试市已备案规章" + Guid.NewGuid().ToString("N")[..4], Legislation.LegislationStage.Filed);
            var p = Project("测试市已公布规章" + Guid.NewGuid().ToString("N")[..4], Legislation.LegislationStage.Published);
            var d = Project("测试市已决定规章" + Guid.NewGuid().ToString("N")[..4], Legislation.LegislationStage.Decided);
            db.LegislationProjects.AddRange(f, p, d);
            await db.SaveChangesAsync();
            return (f.Id, p.Id, d.Id);
        });
        var campaign = await CreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/cleanup/campaigns",
            new { title = "测试规章清理", kind = "Periodic", basis = "", proposalDueOn = today.AddDays(10) }));
        var id = campaign.GetProperty("id").GetString()!;
        var candidates = (await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{id}/candidates")).EnumerateArray()
            .Select(c => c.GetProperty("sourceId").GetGuid()).ToHashSet();
        Assert.Contains(filed, candidates);
        Assert.Contains(published, candidates);
        Assert.DoesNotContain(decided, candidates);
        await CreatedAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{id}/items", new { sourceKind = "GovernmentRule", sourceId = filed }));
        await CreatedAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{id}/items", new { sourceKind = "GovernmentRule", sourceId = published }));
        await (await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{id}/items", new { sourceKind = "GovernmentRule", sourceId = decided })).AssertRefusedNamingAsync("sourceId");
    }

    [Fact]
    public async Task An_overdue_proposal_shows_per_unit_raises_a_reminder_and_a_to_do()
    {
        var office = await host.OfficeAsync();
        var today = await host.TodayAsync();
        var doc = await PublishedDocumentAsync("测试区夜间施工管理办法", "第一条 为了规范夜间施工，制定本办法。\n第二条 本办法有效期十年。", today.AddDays(-30));
        var campaign = await CreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/cleanup/campaigns",
            new { title = "测试逾期清理", kind = "Special", basis = "", proposalDueOn = today }));
        var id = campaign.GetProperty("id").GetString()!;
        await CreatedAsync(await office.PostAsJsonAsync($"/api/rulemaking/cleanup/campaigns/{id}/items", new { sourceKind = "NormativeDocument", sourceId = doc }));
        // Its deadline passes.
        await host.Factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<Fazhi.Platform.Kit.ISystemWork>().Db<Data.RulemakingDb>("test");
            await db.CleanupCampaigns.Where(c => c.Id == Guid.Parse(id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ProposalDueOn, today.AddDays(-1)));
        });
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{id}");
        Assert.True(detail.GetProperty("items")[0].GetProperty("overdue").GetBoolean());
        Assert.Equal(1, detail.GetProperty("progress")[0].GetProperty("overdue").GetInt32());

        // The unit is reminded (once), and its home page has an urgent to-do.
        var drafter = await host.Factory.CreateUserAsync("rulemaking-drafter", "370403");
        var first = await host.Factory.InScopeAsync(sp => sp.GetRequiredService<CleanupReminders>().RemindAsync(CancellationToken.None));
        Assert.True(first.Sent > 0);
        var again = await host.Factory.InScopeAsync(sp => sp.GetRequiredService<CleanupReminders>().RemindAsync(CancellationToken.None));
        Assert.Equal(0, again.Sent);
        var browser = await host.Factory.SignedInBrowserAsync(drafter);
        var count = await HomeTodo.CountAsync(browser, "/rulemaking/cleanup");
        Assert.NotNull(count);
        Assert.NotEqual("0", count);
    }
}
