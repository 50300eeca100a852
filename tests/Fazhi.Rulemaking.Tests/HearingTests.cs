using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Tests;

/// <summary>
/// Hearings and expert meetings (ADR 0047) through HTTP: a hearing is announced at least the settings row's days ahead
/// (规章制定程序条例 第十六条, 30 by default, editable) or refused naming <c>heldOn</c> and the article; an expert meeting has no
/// notice period; the record needs the date passed and the minutes attached, and is written once; the unit's scope; the
/// public notice. A major decision marked as requiring a hearing cannot pass 公众参与 until one is held (第十八条).
/// </summary>
public sealed class HearingTests(RulemakingHost host) : IClassFixture<RulemakingHost>
{
    private static async Task<JsonElement> MinutesAsync(HttpClient client, string id, string name = "听证笔录.pdf")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n" + name + "\n%%EOF")), "file", name } };
        return await RulemakingHost.OkAsync(await client.PostAsync($"/api/rulemaking/hearings/{id}/minutes", form));
    }

    /// <summary>The meeting's date has come: moved into the past as the days pass.</summary>
    private Task HeldYesterdayAsync(string id, DateOnly today) => host.Factory.InScopeAsync(async sp =>
    {
        await using var db = sp.GetRequiredService<Fazhi.Platform.Kit.ISystemWork>().Db<Data.RulemakingDb>("test");
        await db.Hearings.Where(h => h.Id == Guid.Parse(id)).ExecuteUpdateAsync(s => s.SetProperty(h => h.HeldOn, today.AddDays(-1)).SetProperty(h => h.AnnouncedOn, today.AddDays(-40)));
    });

    private static object Body(string kind, string subject, string subjectId, DateOnly heldOn, string title = "测试听证会") => new
    {
        kind, subject, subjectId, title, content = "草案设定的收费项目。", heldOn, place = "市政务服务中心听证室", participants = "公开报名，确定参加人 15 名。",
    };

    [Fact]
    public async Task A_drafting_unit_may_hold_a_hearing_on_its_normative_document_draft()
    {
        var today = await host.TodayAsync();
        var xuecheng = await host.DrafterAsync("370403");
        var created = await RulemakingHost.SubmitAsync(xuecheng, RulemakingHost.Draft("薛城区物业服务收费管理办法",
            "第一条 为了规范物业服务收费，制定本办法。\n第二条 物业服务收费实行政府指导价和市场调节价。\n第三条 本办法自施行之日起有效期五年。", today.AddDays(90)));
        var draftId = created.GetProperty("draft").GetProperty("id").GetString()!;

        // The draft is offered as a subject; the notice period applies by reference (参照规章制定程序条例 第十六条, 30 days).
        var subjects = await xuecheng.GetFromJsonAsync<JsonElement>("/api/rulemaking/hearings/subjects");
        Assert.Contains(subjects.EnumerateArray(), x => x.GetProperty("id").GetString() == draftId && x.GetProperty("subject").GetString() == "NormativeDocument");
        var early = await (await xuecheng.PostAsJsonAsync("/api/rulemaking/hearings", Body("Hearing", "NormativeDocument", draftId, today.AddDays(10)))).AssertRefusedNamingAsync("heldOn");
        Assert.Contains("参照规章制定程序条例 第十六条", early.ToString());
        var hearing = await RulemakingHost.OkCreatedAsync(await xuecheng.PostAsJsonAsync("/api/rulemaking/hearings",
            Body("Hearing", "NormativeDocument", draftId, today.AddDays(30), "物业服务收费管理办法听证会")));
        Assert.Equal("NormativeDocument", hearing.GetProperty("subject").GetString());

        // Another district's drafter cannot choose it; the draft's page lists the hearing.
        var other = await host.DrafterAsync("370402");
        await (await other.PostAsJsonAsync("/api/rulemaking/hearings", Body("ExpertMeeting", "NormativeDocument", draftId, today.AddDays(3)))).AssertRefusedNamingAsync("subjectId");
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-drafter", "370403"));
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/rulemaking/documents/{draftId}"));
        Assert.Contains("物业服务收费管理办法听证会", page);
    }

    private async Task<long> RecordVersionAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/rulemaking/hearings/{id}")).GetProperty("hearing").GetProperty("version").GetInt64();

    [Fact]
    public async Task A_hearing_on_a_draft_rule_is_announced_thirty_days_ahead_held_and_recorded()
    {
        var today = await host.TodayAsync();
        var office = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-legislation-office", "370400"));
        var plan = await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/legislation/plans", new { year = today.Year, title = "听证测试立法计划" }));
        var unit = await host.Factory.UnitIdAsync("370400-ZJJ");
        var project = (await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync($"/api/rulemaking/legislation/plans/{plan.GetProperty("id").GetString()}/items",
            new { title = "枣庄市物业服务收费管理办法", kind = "GovernmentRule", orgUnitId = unit, plannedSubmitOn = today.AddDays(30), plannedAdoptOn = today.AddDays(90) })))
            .GetProperty("id").GetString()!;

        // Notice shorter than 30 days: refused naming heldOn and 第十六条; an expert meeting needs no notice period.
        var refused = await (await office.PostAsJsonAsync("/api/rulemaking/hearings", Body("Hearing", "LegislationProject", project, today.AddDays(29)))).AssertRefusedNamingAsync("heldOn");
        Assert.Contains("第十六条", refused.GetProperty("errors").GetProperty("heldOn")[0].GetString());
        await (await office.PostAsJsonAsync("/api/rulemaking/hearings", new { kind = "Hearing", subject = "LegislationProject", subjectId = project })).AssertRefusedNamingAsync("place");
        var expert = await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/hearings", Body("ExpertMeeting", "LegislationProject", project, today.AddDays(3), "物业收费专家论证会")));
        Assert.Equal("Announced", expert.GetProperty("state").GetString());

        // The period is the settings row's: at 45 days the 30-day date is refused too.
        var settings = await office.GetFromJsonAsync<JsonElement>("/api/rulemaking/legislation/settings");
        Assert.Equal(30, settings.GetProperty("hearingNoticeDays").GetInt32());
        var saved = await RulemakingHost.OkAsync(await office.PutAsJsonAsync("/api/rulemaking/legislation/settings", new { commentDays = 30, ruleEffectDays = 30, filingDays = 30, hearingNoticeDays = 45, version = settings.GetProperty("version").GetInt64() }));
        await (await office.PostAsJsonAsync("/api/rulemaking/hearings", Body("Hearing", "LegislationProject", project, today.AddDays(30)))).AssertRefusedNamingAsync("heldOn");
        await RulemakingHost.OkAsync(await office.PutAsJsonAsync("/api/rulemaking/legislation/settings", new { commentDays = 30, ruleEffectDays = 30, filingDays = 30, hearingNoticeDays = 30, version = saved.GetProperty("version").GetInt64() }));
        var hearing = await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/hearings", Body("Hearing", "LegislationProject", project, today.AddDays(30), "物业收费立法听证会")));
        var id = hearing.GetProperty("id").GetString()!;
        Assert.Equal(today.ToString("yyyy-MM-dd"), hearing.GetProperty("announcedOn").GetString());

        // Scope and permission: another unit's drafter does not see it; a decision unit cannot hold one on a legislation project.
        var other = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-legislation-drafter", "370400-GAJ"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/rulemaking/hearings/{id}")).StatusCode);
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/rulemaking/hearings")).EnumerateArray(), h => h.GetProperty("id").GetString() == id);
        await (await other.PostAsJsonAsync("/api/rulemaking/hearings", Body("ExpertMeeting", "LegislationProject", project, today.AddDays(3)))).AssertRefusedNamingAsync("subjectId");
        var decisionUnit = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-decision-unit", "370400"));
        Assert.Equal(HttpStatusCode.Forbidden, (await decisionUnit.PostAsJsonAsync("/api/rulemaking/hearings", Body("Hearing", "LegislationProject", project, today.AddDays(40)))).StatusCode);
        // A normative-document drafter (who may hold hearings on its own drafts, ADR 0065) neither sees it nor holds one on a project.
        var drafter = await host.DrafterAsync();
        Assert.DoesNotContain((await drafter.GetFromJsonAsync<JsonElement>("/api/rulemaking/hearings")).EnumerateArray(), h => h.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await drafter.PostAsJsonAsync("/api/rulemaking/hearings", Body("Hearing", "LegislationProject", project, today.AddDays(40)))).StatusCode);

        // The public notice: the hearing, not the expert meeting; the page on a phone.
        var anonymous = host.Factory.CreateClient();
        var notices = await anonymous.GetFromJsonAsync<JsonElement>("/api/rulemaking/public/hearings");
        Assert.Contains(notices.EnumerateArray(), h => h.GetProperty("id").GetString() == id && h.GetProperty("place").GetString() == "市政务服务中心听证室");
        Assert.DoesNotContain(notices.EnumerateArray(), h => h.GetProperty("id").GetString() == expert.GetProperty("id").GetString());
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/hearings/{id}"));
        Assert.Contains("物业收费立法听证会", page);
        Assert.Contains(today.AddDays(30).ToString("yyyy-MM-dd"), page);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/rulemaking/public/hearings/{expert.GetProperty("id").GetString()}")).StatusCode);

        // The record: not before the date; then the minutes first; once only.
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/rulemaking/hearings/{id}/record", new { record = "到会 15 人。", version = await RecordVersionAsync(office, id) })).StatusCode);
        await HeldYesterdayAsync(id, today);
        await (await office.PostAsJsonAsync($"/api/rulemaking/hearings/{id}/record", new { record = "到会 15 人。", version = await RecordVersionAsync(office, id) })).AssertRefusedNamingAsync("file");
        await (await office.PostAsJsonAsync($"/api/rulemaking/hearings/{id}/record", new { record = "", version = await RecordVersionAsync(office, id) })).AssertRefusedNamingAsync("record");
        await MinutesAsync(office, id);
        var held = await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/hearings/{id}/record", new { record = "到会 15 人，9 人赞成。", version = await RecordVersionAsync(office, id) }));
        Assert.Equal("Held", held.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/rulemaking/hearings/{id}/record", new { record = "再次登记", version = held.GetProperty("version").GetInt64() })).StatusCode);
        using var late = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "补充.pdf" } };
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsync($"/api/rulemaking/hearings/{id}/minutes", late)).StatusCode);
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/rulemaking/hearings/{id}");
        Assert.Single(detail.GetProperty("minutes").EnumerateArray());
        Assert.Contains("已举行", WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/hearings/{id}")));
    }

    [Fact]
    public async Task A_decision_requiring_a_hearing_cannot_pass_public_participation_without_one_held()
    {
        var today = await host.TodayAsync();
        var office = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-government-office", "370400"));
        var unit = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-decision-unit", "370403"));
        var xuecheng = await host.Factory.UnitIdAsync("370403");
        var catalogue = await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/decisions/catalogues", new { year = today.Year, title = "听证测试决策目录" }));
        var added = await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/decisions",
            new { catalogueId = catalogue.GetProperty("id").GetString(), title = "测试区供水价格调整", summary = "居民生活用水阶梯价格调整。", orgUnitId = xuecheng }));
        var id = added.GetProperty("decision").GetProperty("id").GetString()!;

        // The office marks it as requiring a hearing, with the reason; the unit cannot.
        await (await office.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/hearing-required", new { required = true, reason = "" })).AssertRefusedNamingAsync("reason");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/hearing-required", new { required = false, reason = "x" })).StatusCode);
        var marked = await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/hearing-required", new { required = true, reason = "价格法第二十三条：公用事业价格应当举行听证会。" }));
        Assert.True(marked.GetProperty("decision").GetProperty("hearingRequired").GetBoolean());

        // 公众参与 is refused (naming the hearing and the article), and so is "not required".
        using (var form = new MultipartFormDataContent { { new StringContent("PublicParticipation"), "step" }, { new ByteArrayContent("%PDF-1.4\n%%EOF"u8.ToArray()), "file", "公告.pdf" } })
        {
            await RulemakingHost.OkAsync(await unit.PostAsync($"/api/rulemaking/decisions/{id}/evidence", form));
        }
        var step = new { startedOn = today.AddDays(-70), endedOn = today.AddDays(-35), note = "公开征求意见 35 日。" };
        var refused = await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/PublicParticipation/complete", step);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("听证会", problem);
        Assert.Contains("第十八条", problem);
        Assert.Equal(HttpStatusCode.Conflict, (await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/PublicParticipation/not-required", new { reason = "不公开" })).StatusCode);
        // An expert meeting is not a hearing.
        var meeting = await RulemakingHost.OkCreatedAsync(await unit.PostAsJsonAsync("/api/rulemaking/hearings", Body("ExpertMeeting", "MajorDecision", id, today.AddDays(1), "供水价格专家论证会")));
        await HeldYesterdayAsync(meeting.GetProperty("id").GetString()!, today);
        await MinutesAsync(unit, meeting.GetProperty("id").GetString()!, "论证意见.pdf");
        await RulemakingHost.OkAsync(await unit.PostAsJsonAsync($"/api/rulemaking/hearings/{meeting.GetProperty("id").GetString()}/record",
            new { record = "专家意见一致。", version = await RecordVersionAsync(unit, meeting.GetProperty("id").GetString()!) }));
        Assert.Equal(HttpStatusCode.Conflict, (await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/PublicParticipation/complete", step)).StatusCode);

        // The hearing held and recorded: 公众参与 completes; then the requirement can no longer be changed without 程序回流.
        var hearing = await RulemakingHost.OkCreatedAsync(await unit.PostAsJsonAsync("/api/rulemaking/hearings", Body("Hearing", "MajorDecision", id, today.AddDays(30), "供水价格调整听证会")));
        var hid = hearing.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Conflict, (await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/PublicParticipation/complete", step)).StatusCode);
        await HeldYesterdayAsync(hid, today);
        await MinutesAsync(unit, hid);
        await RulemakingHost.OkAsync(await unit.PostAsJsonAsync($"/api/rulemaking/hearings/{hid}/record", new { record = "听证参加人 15 名，多数赞成。", version = await RecordVersionAsync(unit, hid) }));
        var done = await RulemakingHost.OkAsync(await unit.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/steps/PublicParticipation/complete", step));
        Assert.Equal("Done", done.GetProperty("steps")[0].GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/hearing-required", new { required = false, reason = "改为书面征求意见。" })).StatusCode);

        // The decision's page lists its hearings.
        var browser = await host.Factory.SignedInBrowserAsync(await host.Factory.CreateUserAsync("rulemaking-government-office", "370400"));
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/rulemaking/decisions/{id}"));
        Assert.Contains("供水价格调整听证会", page);
        Assert.Contains("价格法第二十三条", page);
    }

    private static async Task<List<JsonElement>> InboxAsync(HttpClient client, string kind) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/platform/notifications")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == kind).ToList();

    /// <summary>
    /// Hearing reminders (ADR 0051) through the reminders kit, once each, to the unit that carries the subject: a decision that
    /// requires a hearing with none announced is told the settings row's notice period (重大行政决策程序暂行条例 第十八条) and the
    /// earliest date; a meeting within 3 days, its date; a meeting held without a record, to record it. Another unit hears nothing.
    /// </summary>
    [Fact]
    public async Task Hearings_reach_the_unit_as_reminders_and_to_dos_notice_period_date_and_record()
    {
        var today = await host.TodayAsync();
        var office = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-government-office", "370400"));
        var unitUser = await host.Factory.CreateUserAsync("rulemaking-decision-unit", "370403");
        var unit = await host.Factory.ApiClientAsync(unitUser);
        var other = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-decision-unit", "370402"));
        var xuecheng = await host.Factory.UnitIdAsync("370403");
        var catalogue = await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/decisions/catalogues", new { year = today.Year, title = "听证提醒测试决策目录" }));
        var added = await RulemakingHost.OkCreatedAsync(await office.PostAsJsonAsync("/api/rulemaking/decisions",
            new { catalogueId = catalogue.GetProperty("id").GetString(), title = "测试区停车收费标准调整", summary = "路内停车收费标准调整。", orgUnitId = xuecheng }));
        var id = added.GetProperty("decision").GetProperty("id").GetString()!;
        await RulemakingHost.OkAsync(await office.PostAsJsonAsync($"/api/rulemaking/decisions/{id}/hearing-required", new { required = true, reason = "价格法第二十三条：公用事业价格应当举行听证会。" }));

        // The notice period is the settings row's: at 40 days the reminder names 40 and the earliest date 40 days on.
        var legislation = await host.Factory.ApiClientAsync(await host.Factory.CreateUserAsync("rulemaking-legislation-office", "370400"));
        var settings = await legislation.GetFromJsonAsync<JsonElement>("/api/rulemaking/legislation/settings");
        var saved = await RulemakingHost.OkAsync(await legislation.PutAsJsonAsync("/api/rulemaking/legislation/settings",
            new { commentDays = 30, ruleEffectDays = 30, filingDays = 30, hearingNoticeDays = 40, version = settings.GetProperty("version").GetInt64() }));
        try
        {
            var run = await host.Factory.InScopeAsync(sp => sp.GetRequiredService<Hearings.HearingReminders>().RemindAsync(CancellationToken.None));
            Assert.True(run.Sent >= 1);
        }
        finally
        {
            await RulemakingHost.OkAsync(await legislation.PutAsJsonAsync("/api/rulemaking/legislation/settings",
                new { commentDays = 30, ruleEffectDays = 30, filingDays = 30, hearingNoticeDays = 30, version = saved.GetProperty("version").GetInt64() }));
        }
        var notice = Assert.Single(await InboxAsync(unit, "rulemaking.hearing-notice"), n => n.GetProperty("link").GetString() == $"/rulemaking/decisions/{id}");
        Assert.Contains("40 日前", notice.GetProperty("body").GetString());
        Assert.Contains(today.AddDays(40).ToString("yyyy-MM-dd"), notice.GetProperty("body").GetString());
        Assert.Contains("第十八条", notice.GetProperty("body").GetString());
        Assert.DoesNotContain(await InboxAsync(other, "rulemaking.hearing-notice"), n => n.GetProperty("link").GetString() == $"/rulemaking/decisions/{id}");
        // The unit's home page: an urgent to-do until a hearing is announced.
        var browser = await host.Factory.SignedInBrowserAsync(unitUser);
        var todo = await HomeTodo.CountAsync(browser, "/rulemaking/decisions#decisions");
        Assert.NotNull(todo);
        Assert.NotEqual("0", todo);

        // Announced (30 days ahead), then its date comes near: the date reaches the unit, once.
        var hearing = await RulemakingHost.OkCreatedAsync(await unit.PostAsJsonAsync("/api/rulemaking/hearings", Body("Hearing", "MajorDecision", id, today.AddDays(30), "停车收费调整听证会")));
        var hid = hearing.GetProperty("id").GetString()!;
        await host.Factory.InScopeAsync(sp => sp.GetRequiredService<Hearings.HearingReminders>().RemindAsync(CancellationToken.None));
        Assert.Empty(await InboxAsync(unit, "rulemaking.hearing-upcoming"));
        await host.Factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<Fazhi.Platform.Kit.ISystemWork>().Db<Data.RulemakingDb>("test");
            await db.Hearings.Where(h => h.Id == Guid.Parse(hid)).ExecuteUpdateAsync(s => s.SetProperty(h => h.HeldOn, today.AddDays(2)).SetProperty(h => h.AnnouncedOn, today.AddDays(-28)));
        });
        await host.Factory.InScopeAsync(sp => sp.GetRequiredService<Hearings.HearingReminders>().RemindAsync(CancellationToken.None));
        await host.Factory.InScopeAsync(sp => sp.GetRequiredService<Hearings.HearingReminders>().RemindAsync(CancellationToken.None));
        var upcoming = Assert.Single(await InboxAsync(unit, "rulemaking.hearing-upcoming"), n => n.GetProperty("link").GetString() == $"/rulemaking/hearings/{hid}");
        Assert.Contains(today.AddDays(2).ToString("yyyy-MM-dd"), upcoming.GetProperty("title").GetString());
        Assert.Empty(await InboxAsync(other, "rulemaking.hearing-upcoming"));

        // Held yesterday without a record: the unit is reminded to record it, once.
        await HeldYesterdayAsync(hid, today);
        await host.Factory.InScopeAsync(sp => sp.GetRequiredService<Hearings.HearingReminders>().RemindAsync(CancellationToken.None));
        await host.Factory.InScopeAsync(sp => sp.GetRequiredService<Hearings.HearingReminders>().RemindAsync(CancellationToken.None));
        Assert.Single(await InboxAsync(unit, "rulemaking.hearing-record"), n => n.GetProperty("link").GetString() == $"/rulemaking/hearings/{hid}");
        // Once a hearing exists, the decision's notice reminder is not repeated and the to-do line no longer counts it.
        Assert.Single(await InboxAsync(unit, "rulemaking.hearing-notice"), n => n.GetProperty("link").GetString() == $"/rulemaking/decisions/{id}");
    }
}
