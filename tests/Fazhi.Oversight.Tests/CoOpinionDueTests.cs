using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Oversight.Data;
using Fazhi.Oversight.Proposals;
using Fazhi.Platform.Features.Calendar;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Kit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Oversight.Tests;

/// <summary>
/// The co-unit's opinion deadline (山东省代表建议办理条例 第二十一条; ADR 0058): due the settings' CoOpinionDays after
/// assignment (an audited settings row, refused out of range), shown on the co-unit's list and the lead unit's item page,
/// reminded to the co-unit once when due within three working days and once when overdue, and only while the lead unit
/// still has to reply; items assigned before ADR 0050 get their rows at start. And the audit trail names the module's
/// records as what they are (司法建议、检察建议; 人大代表建议、政协提案).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CoOpinionDueTests(FazhiFactory factory)
{
    private const string Liaison = "oversight-liaison";

    /// <summary>The platform's built-in audit administrator role (BuiltInRoles.AuditAdmin).</summary>
    private const string AuditAdmin = "audit-admin";

    private readonly Kit _kit = new(factory);

    private static int _n;

    private IDeadlineService Deadlines => factory.Services.GetRequiredService<IDeadlineService>();

    private static string Number() => $"协{Interlocked.Increment(ref _n)}{Random.Shared.Next(10000, 99999)}号";

    private static object Item(Guid lead, DateOnly assignedOn, Guid co, string title) => new
    {
        kind = "CppccProposal", year = 2026, number = Number(), title, proposer = "委员测试某", content = "建议加强协办", leadUnitId = lead, coUnitIds = new[] { co },
        assignedOn = assignedOn.ToString("yyyy-MM-dd"),
    };

    private static async Task<Guid> RegisterAsync(HttpClient liaison, object item) =>
        (await Kit.OkAsync(await liaison.PostAsJsonAsync("/api/oversight/proposals", item), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<List<JsonElement>> InboxAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/platform/notifications?pageSize=200")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("link").GetString() == $"/oversight/proposals/{id}").ToList();

    private static List<string> Titles(IEnumerable<JsonElement> notices) => notices.Select(n => n.GetProperty("title").GetString()!).ToList();

    private async Task<DateOnly> DueAsync(DateOnly assigned, int days) => (await Deadlines.AddCalendarDaysAsync(assigned, days)).Date;

    [Fact]
    public async Task The_opinion_is_due_the_set_days_after_assignment_shown_to_both_units_and_reminded_to_the_co_unit_once_when_near_and_once_when_overdue()
    {
        var liaison = await _kit.ClientAsync(Liaison, "370400");
        var lead = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var co = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var shizhong = await factory.UnitIdAsync(Kit.Shizhong);
        var xuecheng = await factory.UnitIdAsync(Kit.Xuecheng);
        var today = Deadlines.Today;

        // Near: 29 days ago, due tomorrow (or the next working day); overdue: 45 days ago; far: 5 days ago; replied: overdue but the lead unit has answered.
        var near = await RegisterAsync(liaison, Item(shizhong, today.AddDays(-29), xuecheng, "关于协办期限临近的提案"));
        var overdue = await RegisterAsync(liaison, Item(shizhong, today.AddDays(-45), xuecheng, "关于协办意见逾期的提案"));
        var far = await RegisterAsync(liaison, Item(shizhong, today.AddDays(-5), xuecheng, "关于协办期限尚远的提案"));
        var replied = await RegisterAsync(liaison, Item(shizhong, today.AddDays(-45), xuecheng, "关于主办单位已答复的提案"));
        var on = today.ToString("yyyy-MM-dd");
        var v = (await lead.GetFromJsonAsync<JsonElement>($"/api/oversight/proposals/{replied}")).GetProperty("version").GetInt64();
        await Kit.OkAsync(await lead.PostAsJsonAsync($"/api/oversight/proposals/{replied}/contact", new { version = v, contactedOn = on, method = "电话", note = "沟通" }));
        v = (await lead.GetFromJsonAsync<JsonElement>($"/api/oversight/proposals/{replied}")).GetProperty("version").GetInt64();
        await Kit.OkAsync(await lead.PostAsJsonAsync($"/api/oversight/proposals/{replied}/reply",
            new { version = v, repliedOn = on, reply = "已答复", @public = false, withoutCoOpinions = "协办单位逾期未提出意见" }));

        // The due date: 30 days (the default) after assignment, off a rest day; overdue only while the lead unit has to reply.
        var view = await Kit.OkAsync(await lead.GetAsync($"/api/oversight/proposals/{overdue}"));
        var row = Assert.Single(view.GetProperty("coOpinions").EnumerateArray());
        var overdueDue = await DueAsync(today.AddDays(-45), 30);
        Assert.Equal(overdueDue.ToString("yyyy-MM-dd"), row.GetProperty("dueOn").GetString());
        Assert.True(row.GetProperty("overdue").GetBoolean());
        Assert.False((await Kit.OkAsync(await lead.GetAsync($"/api/oversight/proposals/{near}"))).GetProperty("coOpinions")[0].GetProperty("overdue").GetBoolean());
        Assert.False((await Kit.OkAsync(await lead.GetAsync($"/api/oversight/proposals/{replied}"))).GetProperty("coOpinions")[0].GetProperty("overdue").GetBoolean());

        // The co-unit's list and the lead unit's page show it.
        var coHandled = (await co.GetFromJsonAsync<JsonElement>("/api/oversight/proposals/co-handled")).EnumerateArray().ToList();
        var listed = coHandled.Single(r => r.GetProperty("id").GetGuid() == overdue);
        Assert.Equal(overdueDue.ToString("yyyy-MM-dd"), listed.GetProperty("coDueOn").GetString());
        Assert.True(listed.GetProperty("coOverdue").GetBoolean());
        var coPage = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Kit.Agency, Kit.Xuecheng));
        var list = WebUtility.HtmlDecode(await coPage.GetStringAsync("/oversight/proposals"));
        Assert.Contains("协办意见期限", list.Split("id=\"co-handled\"")[1]);
        Assert.Contains(overdueDue.ToString("yyyy-MM-dd"), list.Split("id=\"co-handled\"")[1]);
        var leadPage = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Kit.Agency, Kit.Shizhong));
        var page = WebUtility.HtmlDecode(await leadPage.GetStringAsync($"/oversight/proposals/{overdue}"));
        Assert.Contains($"协办意见期限 {overdueDue:yyyy-MM-dd}（山东省代表建议办理条例第二十一条）", page);
        Assert.Contains("逾期", page.Split("id=\"co-opinions\"")[1].Split("</td>")[0]);

        // Reminders: the co-unit is told once of the near one and once of the overdue one; not of the far one nor the replied one; the lead unit gets neither.
        await factory.InScopeAsync(sp => sp.GetRequiredService<ProposalReminders>().RunAsync(CancellationToken.None));
        await factory.InScopeAsync(sp => sp.GetRequiredService<ProposalReminders>().RunAsync(CancellationToken.None));
        Assert.Single(Titles(await InboxAsync(co, near)), t => t.StartsWith("协办意见期限提醒", StringComparison.Ordinal));
        var late = Assert.Single(await InboxAsync(co, overdue), n => n.GetProperty("title").GetString()!.StartsWith("协办意见逾期未提出", StringComparison.Ordinal));
        Assert.Contains("第二十一条", late.GetProperty("body").GetString());
        Assert.DoesNotContain(Titles(await InboxAsync(co, far)), t => t.StartsWith("协办意见", StringComparison.Ordinal));
        Assert.DoesNotContain(Titles(await InboxAsync(co, replied)), t => t.StartsWith("协办意见", StringComparison.Ordinal));
        Assert.DoesNotContain(Titles(await InboxAsync(lead, overdue)), t => t.StartsWith("协办意见", StringComparison.Ordinal));

        // Once given, the opinion is no longer overdue.
        await Kit.OkAsync(await co.PostAsJsonAsync($"/api/oversight/proposals/{overdue}/co-opinion", new
        {
            version = row.GetProperty("version").GetInt64(), coUnitId = xuecheng, givenOn = on, opinion = "迟到的协办意见",
        }));
        Assert.False((await Kit.OkAsync(await lead.GetAsync($"/api/oversight/proposals/{overdue}"))).GetProperty("coOpinions")[0].GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task The_number_of_days_is_an_audited_setting_refused_out_of_range_and_applied_to_items_assigned_afterwards()
    {
        var office = await _kit.ClientAsync(Kit.Office, "370400");
        var liaison = await _kit.ClientAsync(Liaison, "370400");
        var lead = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var settings = await office.GetFromJsonAsync<JsonElement>("/api/oversight/settings");
        Assert.Equal(30, settings.GetProperty("coOpinionDays").GetInt32());
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(settings.GetRawText())!;
        Dictionary<string, object?> With(int days) => new(body) { ["coOpinionDays"] = days };

        await (await office.PutAsJsonAsync("/api/oversight/settings", With(0))).AssertRefusedNamingAsync("coOpinionDays");
        await (await office.PutAsJsonAsync("/api/oversight/settings", With(91))).AssertRefusedNamingAsync("coOpinionDays");
        var saved = await Kit.OkAsync(await office.PutAsJsonAsync("/api/oversight/settings", With(20)));
        try
        {
            Assert.Equal(20, saved.GetProperty("coOpinionDays").GetInt32());
            var assigned = Deadlines.Today.AddDays(-3);
            var id = await RegisterAsync(liaison, Item(await factory.UnitIdAsync(Kit.Shizhong), assigned, await factory.UnitIdAsync(Kit.Xuecheng), "关于协办期限设置的提案"));
            Assert.Equal((await DueAsync(assigned, 20)).ToString("yyyy-MM-dd"),
                (await lead.GetFromJsonAsync<JsonElement>($"/api/oversight/proposals/{id}")).GetProperty("coOpinions")[0].GetProperty("dueOn").GetString());

            // The change is in the audit trail, with the field named.
            var auditor = await factory.ApiClientAsync(await factory.CreateUserAsync(AuditAdmin));
            var all = WebUtility.HtmlDecode(await auditor.GetStringAsync("/admin/audit?entityType=OversightSettings"));
            Assert.Contains("复议应诉期限设置", all.Split("<tbody>")[1]);
            Assert.Contains("协办意见期限（日）：", all);
        }
        finally
        {
            var now = await office.GetFromJsonAsync<JsonElement>("/api/oversight/settings");
            body["version"] = now.GetProperty("version");
            await Kit.OkAsync(await office.PutAsJsonAsync("/api/oversight/settings", With(30)));
        }
    }

    [Fact]
    public async Task Items_assigned_before_co_opinion_rows_get_them_at_start_so_their_co_units_see_them_and_the_backfill_is_idempotent()
    {
        var co = await _kit.ClientAsync(Kit.Agency, Kit.Xuecheng);
        var shizhong = await factory.UnitIdAsync(Kit.Shizhong);
        var xuecheng = await factory.UnitIdAsync(Kit.Xuecheng);
        var zrzy = await factory.UnitIdAsync("370400-ZRZY");
        var assigned = Deadlines.Today.AddDays(-10);
        // As an item of before ADR 0050 was stored: co-units as ids only; and a row of before ADR 0058: no due date.
        var old = new Proposal
        {
            Kind = ProposalKind.DeputySuggestion, Year = 2026, Number = Number(), Title = "关于旧建议补建协办的建议", Proposer = "代表测试某", Content = "旧数据",
            OrgUnitId = shizhong, CoUnitIds = [xuecheng, zrzy], AssignedOn = assigned, TransferDueOn = assigned.AddDays(5), DueOn = assigned.AddMonths(3),
            LatestDueOn = assigned.AddMonths(6), ReplyMonths = 3, MaxMonths = 6, Status = ProposalStatus.Assigned, RegisteredAt = DateTimeOffset.UtcNow,
        };
        await factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<ISystemWork>().Db<OversightDb>("测试：旧数据");
            db.Proposals.Add(old);
            db.ProposalCoOpinions.Add(new ProposalCoOpinion { ProposalId = old.Id, OrgUnitId = zrzy });
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await co.GetAsync($"/api/oversight/proposals/{old.Id}")).StatusCode);

        for (var i = 0; i < 2; i++)
        {
            await factory.InScopeAsync(sp => sp.GetServices<IModuleSeed>().OfType<CoOpinionBackfill>().Single().SeedAsync(CancellationToken.None));
        }

        var due = (await DueAsync(assigned, 30)).ToString("yyyy-MM-dd");
        var seen = await Kit.OkAsync(await co.GetAsync($"/api/oversight/proposals/{old.Id}"));
        Assert.True(seen.GetProperty("coHandling").GetBoolean());
        Assert.Equal(due, Assert.Single(seen.GetProperty("coOpinions").EnumerateArray()).GetProperty("dueOn").GetString());
        Assert.Contains((await co.GetFromJsonAsync<JsonElement>("/api/oversight/proposals/co-handled")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == old.Id);
        var rows = await factory.InScopeAsync(async sp =>
        {
            await using var db = sp.GetRequiredService<ISystemWork>().Db<OversightDb>("测试：读取");
            return await db.ProposalCoOpinions.AsNoTracking().Where(o => o.ProposalId == old.Id).ToListAsync();
        });
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(due, r.DueOn?.ToString("yyyy-MM-dd")));
    }

    [Fact]
    public async Task The_audit_trail_names_judicial_suggestions_and_deputies_suggestions_or_cppcc_proposals_as_what_they_are()
    {
        var agency = await _kit.ClientAsync(Kit.Agency, Kit.Shizhong);
        var liaison = await _kit.ClientAsync(Liaison, "370400");
        var shizhong = await factory.UnitIdAsync(Kit.Shizhong);
        var suggestion = (await Kit.OkAsync(await agency.PostAsJsonAsync("/api/oversight/suggestions", new
        {
            addresseeId = shizhong, kind = "Judicial", issuer = "枣庄市中级人民法院", documentNumber = $"枣中法建〔2026〕审{Random.Shared.Next(10000, 99999)}号",
            content = "建议规范行政执法程序", receivedOn = Deadlines.Today.ToString("yyyy-MM-dd"),
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var proposal = await RegisterAsync(liaison, Item(shizhong, Deadlines.Today, await factory.UnitIdAsync(Kit.Xuecheng), "关于审计名称的提案"));

        var auditor = await factory.ApiClientAsync(await factory.CreateUserAsync(AuditAdmin));
        var s = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/admin/audit?entityId={suggestion}")).Split("<tbody>")[1];
        Assert.Contains($"<a href=\"/oversight/suggestions/{suggestion}\">司法建议、检察建议</a>", s);
        Assert.DoesNotContain("建议提案", s);
        var p = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/admin/audit?entityId={proposal}")).Split("<tbody>")[1];
        Assert.Contains($"<a href=\"/oversight/proposals/{proposal}\">人大代表建议、政协提案</a>", p);
        Assert.DoesNotContain(">政协提案<", p);

        // The labels as the platform reads them (the audit page's filter uses the same), in both languages.
        var labels = factory.Services.GetRequiredService<AuditLabels>();
        Assert.Equal("司法建议、检察建议", labels.Entity("Suggestion")!.Label);
        Assert.Equal("人大代表建议、政协提案", labels.Entity("Proposal")!.Label);
        Assert.Equal("行政诉讼庭审", labels.Entity("LawsuitHearing")!.Label);
        Assert.Equal("复议决定履行", labels.Entity("PerformanceTask")!.Label);
    }
}
