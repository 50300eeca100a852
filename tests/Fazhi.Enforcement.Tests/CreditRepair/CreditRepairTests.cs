using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.CreditRepair;
using Fazhi.Enforcement.Tests.CaseFileReview;
using Fazhi.Enforcement.Tests.Cases;
using Fazhi.Enforcement.Tests.Infrastructure;
using Fazhi.Platform.Features.Identifiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Tests.CreditRepair;

/// <summary>
/// 信用修复 under 《失信行为纠正后的信用信息修复管理办法（试行）》: minimum publicity 3 months (一般) / 1 year (严重) from the
/// decision, fine and 加处罚款 paid (行政处罚法 第七十二条), no pending obligation; approval ends the publicity.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CreditRepairTests(FazhiFactory factory)
{
    private readonly CaseTestKit _kit = new(factory);
    private readonly ReviewTestData _data = new(factory);

    private static string NewCreditCode()
    {
        var first17 = "91370400MA" + Random.Shared.Next(1_000_000, 9_999_999);
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17 + "0");
    }

    private async Task<PenaltyCase> DecisionAsync(int monthsAgo, Action<PenaltyCase> shape)
    {
        var unit = await _data.UnitAsync(CaseTestKit.Market);
        var decided = _kit.Today.AddMonths(-monthsAgo);
        var c = await _data.CaseAsync(unit, CaseStage.Closed, decided.AddDays(20), x =>
        {
            x.PartyName = CaseTestKit.Unique("枣庄修复测试商贸有限公司");
            x.PartyCreditCode = NewCreditCode();
            x.DecidedOn = decided;
            x.PaidOn = decided.AddDays(10);
            x.ExecutedOn = decided.AddDays(10);
            shape(x);
        });
        await _data.PublishAsync(c, "枣庄市市场监督管理局");
        return c;
    }

    private static object Application(PenaltyCase c) => new
    {
        creditCode = c.PartyCreditCode, decisionNumber = c.DecisionNumber, applicantName = "王经办", contactPhone = "13805461234", statement = "已缴纳罚款，完成整改并建立明码标价制度",
    };

    [Fact]
    public void Eligibility_names_the_rule_for_each_condition()
    {
        var rules = new CreditRepairRules();
        var today = new DateOnly(2026, 11, 27);
        var c = new PenaltyCase { DecidedOn = new DateOnly(2026, 8, 28), FineAmount = 5000, PaidOn = new DateOnly(2026, 9, 5), Stage = CaseStage.Closed };
        var period = CreditRepairService.Evaluate(c, rules, today).Single(x => x.Rule == "最短公示期");
        Assert.False(period.Passed, "3 months from 2026-08-28 end on 2026-11-28");
        Assert.Contains("2026-11-28 起方可申请", period.Detail);
        Assert.All(CreditRepairService.Evaluate(c, rules, today.AddDays(1)), x => Assert.True(x.Passed));

        c.IsSerious = true;
        Assert.Contains("12 个月", CreditRepairService.Evaluate(c, rules, today.AddDays(1)).Single(x => !x.Passed).Detail);

        var unpaid = new PenaltyCase { DecidedOn = new DateOnly(2026, 1, 5), FineAmount = 5000, Surcharge = 600, Stage = CaseStage.Served };
        var failed = CreditRepairService.Evaluate(unpaid, rules, today).Where(x => !x.Passed).Select(x => x.Rule).ToList();
        Assert.Equal(["罚款缴纳", "履行义务"], failed);
    }

    [Fact]
    public async Task An_application_before_the_minimum_publicity_period_is_refused_naming_the_rule()
    {
        var ordinary = await DecisionAsync(1, _ => { });
        var client = factory.CreateClient();
        var refused = await CaseTestKit.RefusedAsync(await client.PostAsJsonAsync("/api/enforcement/public/credit-repair", Application(ordinary)));
        Assert.Contains("最短公示期为 3 个月", refused);
        Assert.Contains("失信行为纠正后的信用信息修复管理办法", refused);

        var serious = await DecisionAsync(5, x => x.IsSerious = true);
        var refusedSerious = await CaseTestKit.RefusedAsync(await client.PostAsJsonAsync("/api/enforcement/public/credit-repair", Application(serious)));
        Assert.Contains("严重失信行为的行政处罚信息最短公示期为 12 个月", refusedSerious);
        Assert.Empty(await client.GetFromJsonAsync<JsonElement[]>($"/api/enforcement/public/credit-repair?creditCode={serious.PartyCreditCode}&decisionNumber={Uri.EscapeDataString(serious.DecisionNumber)}") ?? []);
    }

    [Fact]
    public async Task The_minimum_periods_are_data_an_administrator_changes()
    {
        var admin = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-credit-repair-admin", "370400"));
        var reviewer = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-credit-repair-reviewer", CaseTestKit.Market));
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PutAsJsonAsync("/api/enforcement/credit-repair/rules", new { ordinaryMinMonths = 1, seriousMinMonths = 12 })).StatusCode);
        var c = await DecisionAsync(2, _ => { });
        Assert.Contains("3 个月", await CaseTestKit.RefusedAsync(await factory.CreateClient().PostAsJsonAsync("/api/enforcement/public/credit-repair", Application(c))));
        try
        {
            var changed = await CaseTestKit.OkAsync(await admin.PutAsJsonAsync("/api/enforcement/credit-repair/rules", new { ordinaryMinMonths = 2, seriousMinMonths = 12 }));
            Assert.Equal(2, changed.GetProperty("ordinaryMinMonths").GetInt32());
            await CaseTestKit.OkAsync(await factory.CreateClient().PostAsJsonAsync("/api/enforcement/public/credit-repair", Application(c)), HttpStatusCode.Created);
        }
        finally
        {
            await CaseTestKit.OkAsync(await admin.PutAsJsonAsync("/api/enforcement/credit-repair/rules", new { ordinaryMinMonths = 3, seriousMinMonths = 12 }));
        }
    }

    [Fact]
    public async Task An_unpaid_fine_is_refused()
    {
        var unpaid = await DecisionAsync(4, x =>
        {
            x.PaidOn = null;
            x.ExecutedOn = null;
            x.ClosedOn = null;
            x.Stage = CaseStage.Served;
        });
        var refused = await CaseTestKit.RefusedAsync(await factory.CreateClient().PostAsJsonAsync("/api/enforcement/public/credit-repair", Application(unpaid)));
        Assert.Contains("罚款 2000 元尚未缴纳", refused);
        Assert.Contains("尚未执行完毕", refused);
    }

    [Fact]
    public async Task An_eligible_application_is_approved_by_the_body_and_the_decision_leaves_the_public_page()
    {
        var c = await DecisionAsync(4, x => x.PublicationDueOn = x.DecidedOn!.Value.AddDays(9));
        var anonymous = factory.CreateClient();
        // A full decision number is matched exactly by the public search.
        var publicPage = $"/public/penalties?q={Uri.EscapeDataString(c.DecisionNumber)}";
        var row = $"<td data-label=\"决定书文号\">{c.DecisionNumber}</td>"; // a card on a phone, labelled by its column (ADR 0029)
        Assert.Contains(row, await anonymous.GetStringAsync(publicPage));

        var wrongCode = await CaseTestKit.RefusedAsync(await anonymous.PostAsJsonAsync("/api/enforcement/public/credit-repair", new
        {
            creditCode = NewCreditCode(), decisionNumber = c.DecisionNumber, applicantName = "王经办", statement = "已整改",
        }));
        Assert.Contains("未找到", wrongCode);

        var submitted = await CaseTestKit.OkAsync(await anonymous.PostAsJsonAsync("/api/enforcement/public/credit-repair", Application(c)), HttpStatusCode.Created);
        Assert.Equal("Pending", submitted.GetProperty("status").GetString());
        Assert.Equal("138****1234", submitted.GetProperty("contactPhoneMasked").GetString());
        var id = submitted.GetProperty("id").GetGuid();
        var twice = await CaseTestKit.RefusedAsync(await anonymous.PostAsJsonAsync("/api/enforcement/public/credit-repair", Application(c)));
        Assert.Contains("待审核", twice);

        // Another body's reviewer cannot see or decide it; the deciding body can.
        var stranger = await factory.ApiClientAsync(await factory.CreateUserAsync("enforcement-credit-repair-reviewer", CaseTestKit.Ecology));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/enforcement/credit-repair/applications/{id}/decide", new { approve = true })).StatusCode);
        var reviewerUser = await factory.CreateUserAsync("enforcement-credit-repair-reviewer", CaseTestKit.Market);
        var reviewer = await factory.ApiClientAsync(reviewerUser);
        var list = await reviewer.GetFromJsonAsync<JsonElement>("/api/enforcement/credit-repair/applications?status=Pending");
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        // The reviewer's home page counts the body's pending applications (others' tests may add their own to it).
        var home = await factory.SignedInBrowserAsync(reviewerUser);
        var waiting = int.Parse((await HomeTodo.CountAsync(home, "/enforcement/credit-repair"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(list.EnumerateArray().Count(a => a.GetProperty("status").GetString() == "Pending"), waiting);
        var noReason = await CaseTestKit.RefusedAsync(await reviewer.PostAsJsonAsync($"/api/enforcement/credit-repair/applications/{id}/decide", new { approve = false }));
        Assert.Contains("写明理由", noReason);
        var approved = await CaseTestKit.OkAsync(await reviewer.PostAsJsonAsync($"/api/enforcement/credit-repair/applications/{id}/decide", new { approve = true, reason = "已履行义务并纠正违法行为，准予修复" }));
        Assert.Equal("Approved", approved.GetProperty("status").GetString());

        Assert.DoesNotContain(row, await anonymous.GetStringAsync(publicPage));
        var status = await anonymous.GetStringAsync($"/public/credit-repair?creditCode={c.PartyCreditCode}&decisionNumber={Uri.EscapeDataString(c.DecisionNumber)}");
        Assert.Contains("已修复（终止公示）", status);
        Assert.Contains("准予修复", status);

        // The publication records why it ended (not "revoked": the decision stands), and the case view says so.
        var because = await factory.InScopeAsync(sp => sp.GetRequiredService<Fazhi.Enforcement.Data.EnforcementDb>().PublishedDecisions
            .Where(p => p.CaseId == c.Id).Select(p => p.WithdrawnBecause).SingleAsync());
        Assert.Equal(Fazhi.Enforcement.Publicity.WithdrawalReason.CreditRepaired, because);
        var supervisor = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("enforcement-supervisor", "370400"));
        var view = await supervisor.GetStringAsync($"/enforcement/supervision/cases/{c.Id}");
        Assert.Contains("信用修复，终止公示", view);
        Assert.DoesNotContain("决定被撤销", view);
    }

    [Fact]
    public async Task The_public_application_page_submits_without_an_account()
    {
        var c = await DecisionAsync(6, _ => { });
        var browser = factory.BrowserClient();
        var page = await browser.GetStringAsync("/public/credit-repair");
        Assert.Contains("最短公示期", page);
        var response = await Forms.SubmitAsync(browser, "/public/credit-repair", "apply", new Dictionary<string, string>
        {
            ["Input.CreditCode"] = c.PartyCreditCode!, ["Input.DecisionNumber"] = c.DecisionNumber, ["Input.ApplicantName"] = "李经办", ["Input.Statement"] = "已缴清罚款",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("申请已提交", html);
        Assert.Contains("待审核", html);
    }

    [Fact]
    public async Task A_form_without_the_page_token_is_refused_and_the_api_takes_json_only()
    {
        var c = await DecisionAsync(6, _ => { });
        var browser = factory.BrowserClient();
        Assert.Contains("最短公示期", await browser.GetStringAsync("/public/credit-repair"));
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "apply", ["Input.CreditCode"] = c.PartyCreditCode!, ["Input.DecisionNumber"] = c.DecisionNumber, ["Input.ApplicantName"] = "冒名者", ["Input.Statement"] = "伪造",
        };

        var forged = await browser.PostAsync("/public/credit-repair", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain("申请已提交", await forged.Content.ReadAsStringAsync());
        var toApi = await browser.PostAsync("/api/enforcement/public/credit-repair", new FormUrlEncodedContent(fields));
        // The endpoint takes JSON only: a form matches no endpoint for an anonymous caller (the fallback policy answers 401).
        Assert.False(toApi.IsSuccessStatusCode, $"{(int)toApi.StatusCode}");
        Assert.Empty(await browser.GetFromJsonAsync<JsonElement[]>($"/api/enforcement/public/credit-repair?creditCode={c.PartyCreditCode}&decisionNumber={Uri.EscapeDataString(c.DecisionNumber)}") ?? []);
    }
}
