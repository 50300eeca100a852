using System.Net;
using System.Net.Http.Json;
using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Enforcement.Tests.Cases;

[Collection(HostCollection.Name)]
public sealed class CasePageTests(FazhiFactory factory)
{
    private readonly CaseTestKit _kit = new(factory);

    [Fact]
    public async Task An_officer_decides_a_case_on_its_page_with_the_engines_advice_and_the_public_page_masks_the_persons_name()
    {
        var (_, officers) = await _kit.TeamAsync();
        var user = await factory.CreateUserAsync("enforcement-officer", CaseTestKit.Market);
        var api = await factory.ApiClientAsync(user);
        var matter = await CaseTestKit.MatterAsync(api);
        var person = CaseTestKit.Unique("王");
        var opened = await CaseTestKit.OkAsync(await api.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = matter, party = CaseTestKit.Person(person), summary = "未明码标价", openedOn = _kit.Today.AddDays(-15), officerIds = officers,
        }), HttpStatusCode.Created);
        var page = $"/enforcement/cases/{opened.GetProperty("id").GetGuid()}";
        var browser = await factory.SignedInBrowserAsync(user);

        var proposed = await Forms.SubmitAsync(browser, page, "propose", new Dictionary<string, string>
        {
            ["Propose.ActDate"] = _kit.Today.AddDays(-20).ToString("yyyy-MM-dd"),
            ["Propose.PartyAge"] = "16",
            ["Propose.Harm"] = "Ordinary",
            ["Propose.FineAmount"] = "500",
        });
        var html = await proposed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        Assert.Contains("从轻处罚", html);
        Assert.Contains("行政处罚法第三十条", html);

        var notified = await Forms.SubmitAsync(browser, page, "notify", new Dictionary<string, string> { ["Notify.OnDate"] = _kit.Today.AddDays(-3).ToString("yyyy-MM-dd") });
        Assert.Contains("已记录告知", await notified.Content.ReadAsStringAsync());

        var number = CaseTestKit.DocNumber("枣市监罚字");
        var decided = await Forms.SubmitAsync(browser, page, "decide", new Dictionary<string, string> { ["Decide.Text"] = number });
        Assert.Contains("已作出处罚决定", await decided.Content.ReadAsStringAsync());

        var published = await Forms.SubmitAsync(browser, page, "publish", new Dictionary<string, string>());
        Assert.Contains("已公示", await published.Content.ReadAsStringAsync());

        var publicPage = await factory.CreateClient().GetStringAsync($"/public/penalties?q={Uri.EscapeDataString(number)}");
        Assert.Contains(number, publicPage);
        Assert.Contains("王***", publicPage);
        Assert.DoesNotContain(person, publicPage);
    }

    [Fact]
    public async Task The_case_page_offers_the_open_actions_as_dialogs_says_why_the_decision_is_not_open_and_reopens_a_refused_dialog()
    {
        var (_, officers) = await _kit.TeamAsync();
        var user = await factory.CreateUserAsync("enforcement-officer", CaseTestKit.Market);
        var api = await factory.ApiClientAsync(user);
        var matter = await CaseTestKit.MatterAsync(api);
        var opened = await CaseTestKit.OkAsync(await api.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = matter, party = CaseTestKit.Company(CaseTestKit.Unique("对话框测试公司")), summary = "未明码标价", openedOn = _kit.Today.AddDays(-15), officerIds = officers,
        }), HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetGuid();
        var page = $"/enforcement/cases/{id}";
        var browser = await factory.SignedInBrowserAsync(user);

        // Opened: investigation, evidence, order to correct, proposal, extension are open (buttons with dialogs); the
        // decision shows disabled with the reason (第六十二条: not before the party is told); 告知 is listed as not open.
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync(page));
        foreach (var open in new[] { "dlg-investigate", "dlg-evidence", "dlg-correct", "dlg-propose", "dlg-extend" })
        {
            Assert.Contains($"id=\"{open}-open\"", html);
            Assert.Contains($"<dialog id=\"{open}\"", html);
        }
        Assert.DoesNotContain("id=\"dlg-decide-open\"", html);
        Assert.Matches("<button[^>]*disabled[^>]*data-action=\"dlg-decide\"", html);
        Assert.Contains("第六十二条", Dialog(html, "dlg-decide-why"));
        Assert.DoesNotContain("dlg-notify-open", html);
        Assert.Contains("data-action=\"Notify\"", html);

        // A major proposal: now 告知 is open (the proposal may still be revised until the party is told).
        var proposed = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, page, "propose", new Dictionary<string, string>
        {
            ["Propose.ActDate"] = _kit.Today.AddDays(-20).ToString("yyyy-MM-dd"),
            ["Propose.Harm"] = "Ordinary",
            ["Propose.FineAmount"] = "3000",
            ["Propose.IsMajor"] = "true",
        })).Content.ReadAsStringAsync());
        Assert.Contains("已记录拟处罚意见及裁量建议", proposed);
        Assert.Contains("id=\"dlg-notify-open\"", proposed);
        Assert.Contains("id=\"case-stage\">拟处罚<", proposed);

        // A notice dated in the future is refused: the page comes back with the 告知 dialog open and the message in it.
        var refused = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, page, "notify", new Dictionary<string, string>
        {
            ["Notify.OnDate"] = _kit.Today.AddDays(3).ToString("yyyy-MM-dd"),
        })).Content.ReadAsStringAsync());
        Assert.Matches("<dialog id=\"dlg-notify\"[^>]*data-server-open=\"true\"", refused);
        Assert.Contains("field-error", Dialog(refused, "dlg-notify"));
        Assert.Contains("id=\"dlg-notify-open\"", refused); // nothing saved: still to be told

        // Told: the legal review is open (a major decision, 第五十八条) and the decision says it waits for it.
        var notified = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, page, "notify", new Dictionary<string, string>
        {
            ["Notify.OnDate"] = _kit.Today.AddDays(-3).ToString("yyyy-MM-dd"),
        })).Content.ReadAsStringAsync());
        Assert.Contains("已记录告知", notified);
        Assert.Contains("id=\"dlg-review-open\"", notified);
        Assert.Contains("第五十八条", Dialog(notified, "dlg-decide-why"));
        Assert.DoesNotContain("id=\"dlg-collective-open\"", notified); // not a serious case (第五十七条第二款)

        // Asked for review: the request is not open a second time, and the API refuses it with the same reason.
        var reviewed = WebUtility.HtmlDecode(await (await Forms.SubmitAsync(browser, page, "review", new Dictionary<string, string>())).Content.ReadAsStringAsync());
        Assert.Contains("已提请法制审核", reviewed);
        Assert.DoesNotContain("id=\"dlg-review-open\"", reviewed);
        var again = await api.PostAsJsonAsync($"/api/enforcement/cases/{id}/legal-review", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已提请法制审核，等待审核意见", System.Text.Json.JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    /// <summary>The markup of the element with <paramref name="id"/> up to its dialog's or span's end (enough to look inside).</summary>
    private static string Dialog(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element {id}");
        var end = html.IndexOf(id.EndsWith("-why", StringComparison.Ordinal) ? "</span>" : "</dialog>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [Fact]
    public void A_review_is_asked_only_for_a_major_decision_and_the_heads_discuss_only_a_serious_case()
    {
        var c = new Fazhi.Enforcement.Cases.PenaltyCase { Stage = Fazhi.Enforcement.Cases.CaseStage.Notified };
        Assert.Contains("第五十八条", c.State(Fazhi.Enforcement.Cases.CaseAction.RequestReview).WhyNot);
        Assert.Contains("第五十七条第二款", c.State(Fazhi.Enforcement.Cases.CaseAction.Collective).WhyNot);
        Assert.True(c.Ready(Fazhi.Enforcement.Cases.CaseAction.Decide).Open);

        c.IsMajor = true;
        c.IsSerious = true;
        Assert.True(c.State(Fazhi.Enforcement.Cases.CaseAction.RequestReview).Open);
        Assert.True(c.State(Fazhi.Enforcement.Cases.CaseAction.Collective).Open);
        // The decision is open by stage (the service checks the date first) but not ready: the review is missing.
        Assert.True(c.State(Fazhi.Enforcement.Cases.CaseAction.Decide).Open);
        Assert.Contains("第五十八条", c.Ready(Fazhi.Enforcement.Cases.CaseAction.Decide).WhyNot);
        c.LegalReviewPassed = true;
        Assert.Contains("第五十七条第二款", c.Ready(Fazhi.Enforcement.Cases.CaseAction.Decide).WhyNot);
        Assert.Equal("法制审核已通过。", c.State(Fazhi.Enforcement.Cases.CaseAction.RequestReview).WhyNot);
        c.CollectiveDecisionOn = new DateOnly(2026, 11, 2);
        Assert.True(c.Ready(Fazhi.Enforcement.Cases.CaseAction.Decide).Open);

        c.Stage = Fazhi.Enforcement.Cases.CaseStage.Hearing;
        c.HearingRequestedOn = new DateOnly(2026, 11, 3);
        Assert.Contains("第六十三条", c.Ready(Fazhi.Enforcement.Cases.CaseAction.Decide).WhyNot);
        c.HearingHeldOn = new DateOnly(2026, 11, 20);
        Assert.Equal("听证已于 2026-11-20 举行。", c.State(Fazhi.Enforcement.Cases.CaseAction.Hearing).WhyNot);
        Assert.True(c.Ready(Fazhi.Enforcement.Cases.CaseAction.Decide).Open);
    }

    [Fact]
    public async Task A_reviewer_passes_a_review_from_the_queue_page_and_a_reason_is_required()
    {
        var (_, officers) = await _kit.TeamAsync();
        var api = await _kit.OfficerAsync();
        var matter = await CaseTestKit.MatterAsync(api);
        var opened = await CaseTestKit.OkAsync(await api.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = matter, party = CaseTestKit.Company(CaseTestKit.Unique("审核测试公司")), summary = "", openedOn = _kit.Today.AddDays(-15), officerIds = officers,
        }), HttpStatusCode.Created);
        var url = $"/api/enforcement/cases/{opened.GetProperty("id").GetGuid()}";
        await CaseTestKit.OkAsync(await api.PostAsJsonAsync($"{url}/propose", new
        {
            facts = new { actDate = _kit.Today.AddDays(-20).ToString("yyyy-MM-dd"), harm = "Ordinary" }, proposedTier = "Ordinary", fineAmount = 3000, isMajor = true,
        }));
        await CaseTestKit.OkAsync(await api.PostAsJsonAsync($"{url}/notify", new { onDate = _kit.Today.AddDays(-10) }));
        var review = await CaseTestKit.OkAsync(await api.PostAsJsonAsync($"{url}/legal-review", new { }));
        var reviewId = review.GetProperty("id").GetGuid();

        var reviewer = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("enforcement-legal-reviewer", CaseTestKit.Market));
        var queue = await reviewer.GetStringAsync("/enforcement/legal-reviews");
        Assert.Contains(opened.GetProperty("number").GetString()!, queue);
        // The home page's to-do panel counts the pending reviews in the reviewer's scope (other tests may add their own).
        var waiting = int.Parse((await HomeTodo.CountAsync(reviewer, "/enforcement/legal-reviews"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(waiting >= 1);

        var pageUrl = $"/enforcement/legal-reviews?review={reviewId}";
        var noReason = await Forms.SubmitAsync(reviewer, pageUrl, "opinion", new Dictionary<string, string> { ["Opinion.ReviewId"] = reviewId.ToString(), ["Opinion.Opinion"] = "Pass", ["Opinion.Reason"] = "" });
        Assert.Contains("请填写审核理由", await noReason.Content.ReadAsStringAsync());
        var passed = await Forms.SubmitAsync(reviewer, pageUrl, "opinion", new Dictionary<string, string> { ["Opinion.ReviewId"] = reviewId.ToString(), ["Opinion.Opinion"] = "Pass", ["Opinion.Reason"] = "程序合法，裁量适当" });
        Assert.Contains("已出具审核意见", await passed.Content.ReadAsStringAsync());
        var after = await HomeTodo.CountAsync(reviewer, "/enforcement/legal-reviews");
        Assert.Equal(waiting - 1, after is null ? 0 : int.Parse(after, System.Globalization.CultureInfo.InvariantCulture));

        await CaseTestKit.OkAsync(await api.PostAsJsonAsync($"{url}/decide", new { decisionNumber = CaseTestKit.DocNumber("罚") }));
    }

    [Fact]
    public async Task The_supervision_page_shows_an_expired_certificate_and_a_flagged_penalty_and_the_registry_page_lists_officers()
    {
        var admin = await _kit.RegistryAdminAsync();
        var body = await _kit.BodyAsync(admin);
        var expiredName = CaseTestKit.Unique("过期");
        await _kit.OfficerRecordAsync(admin, body, expiredName, _kit.Today.AddDays(-3));

        var supervisor = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("enforcement-supervisor", "370400"));
        var html = await supervisor.GetStringAsync("/enforcement/supervision");
        Assert.Contains(expiredName, html);
        Assert.Contains("执法证件失效", html);

        var registryAdmin = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("enforcement-registry-admin", "370400"));
        var registry = await registryAdmin.GetStringAsync("/enforcement/registry");
        Assert.Contains(expiredName, registry);
        Assert.Contains("证件无效", registry);
    }

    [Fact]
    public async Task The_demo_seed_registers_bodies_and_officers_once()
    {
        async Task<int> SeedAndCountAsync() => await factory.InScopeAsync(async sp =>
        {
            foreach (var seed in sp.GetServices<Fazhi.Platform.Features.Setup.IDemoSeed>().Where(s => s.GetType().Name == "RegistryDemoSeed"))
            {
                await seed.SeedAsync(CancellationToken.None);
            }
            return await sp.GetRequiredService<Fazhi.Enforcement.Data.EnforcementDb>().Officers.CountAsync(o => o.Name.Contains("演示"));
        });

        var first = await SeedAndCountAsync();
        Assert.True(first >= 9);
        Assert.Equal(first, await SeedAndCountAsync());
    }

    [Fact]
    public async Task An_officer_uploads_evidence_on_the_case_page_and_its_sm3_enters_the_full_process_record()
    {
        var (_, officers) = await _kit.TeamAsync();
        var user = await factory.CreateUserAsync("enforcement-officer", CaseTestKit.Market);
        var api = await factory.ApiClientAsync(user);
        var matter = await CaseTestKit.MatterAsync(api);
        var opened = await CaseTestKit.OkAsync(await api.PostAsJsonAsync("/api/enforcement/cases", new
        {
            matterId = matter, party = CaseTestKit.Company(CaseTestKit.Unique("证据上传测试公司")), summary = "未明码标价", openedOn = _kit.Today.AddDays(-5), officerIds = officers,
        }), HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetGuid();
        var page = $"/enforcement/cases/{id}";
        var browser = await factory.SignedInBrowserAsync(user);
        var html = await browser.GetStringAsync(page);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent("evidence"), "_handler" },
            { new StringContent("现场检查照片"), "summary" },
        };
        var photo = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9]);
        photo.Headers.ContentType = new("image/jpeg");
        form.Add(photo, "file", "现场照片.jpg");
        var posted = await browser.PostAsync(page, form);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var body = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.True(body.Contains("证据已上传并记入全过程记录。", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(body, "alert[^<]*<[^<]*<?[^<]*").Value);

        var steps = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/enforcement/cases/{id}/steps");
        var evidence = Assert.Single(steps.EnumerateArray(), s => s.GetProperty("kind").GetString() == "evidence");
        var items = System.Text.Json.JsonDocument.Parse(evidence.GetProperty("evidenceJson").GetString()!).RootElement;
        var item = Assert.Single(items.EnumerateArray());
        Assert.Contains(item.EnumerateObject(), p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String && p.Value.GetString() == "现场照片.jpg");
        Assert.Contains(item.EnumerateObject(), p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String && p.Value.GetString()!.Length == 64); // the SM3
        Assert.Equal("现场检查照片", evidence.GetProperty("summary").GetString());
    }
}
