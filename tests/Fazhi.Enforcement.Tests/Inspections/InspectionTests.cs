using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Enforcement.Tests.Infrastructure;
using Fazhi.Platform.Features.Identifiers;

namespace Fazhi.Enforcement.Tests.Inspections;

/// <summary>
/// Enterprise inspections ("无事不扰"): the seeded cap is at most 2 visits per enterprise per calendar quarter across all bodies,
/// complaint and key-supervision inspections exempt; a joint inspection counts once.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class InspectionTests(FazhiFactory factory)
{
    private const string Inspector = "enforcement-inspector";
    private const string Supervisor = "enforcement-inspection-supervisor";
    private const string Market = "370400-SJJ";
    private const string Ecology = "370400-STHJ";
    private const string Emergency = "370400-YJGL";

    /// <summary>A fresh, valid 统一社会信用代码 (GB 32100-2015 check character computed).</summary>
    internal static string NewCreditCode()
    {
        var rnd = Random.Shared;
        var body = "91370400" + new string(Enumerable.Range(0, 9).Select(_ => UnifiedSocialCreditCode.Alphabet[rnd.Next(UnifiedSocialCreditCode.Alphabet.Length)]).ToArray());
        return body + UnifiedSocialCreditCode.CheckCharacter(body);
    }

    private async Task<HttpClient> ClientAsync(string role, string org) => await factory.ApiClientAsync(await factory.CreateUserAsync(role, org));

    private static object Plan(string code, string date, string subject = "日常监督检查", string trigger = "Routine", Guid? joinVisitId = null) => new
    {
        creditCode = code, enterpriseName = "枣庄测试食品有限公司", subject, plannedDate = date, inspectors = "张三（执法证 37040001）、李四（执法证 37040002）",
        basis = "年度双随机抽查计划", trigger, joinVisitId,
    };

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Two_bodies_registering_the_last_allowed_inspection_at_the_same_time_do_not_both_pass_the_cap()
    {
        var market = await ClientAsync(Inspector, Market);
        var ecology = await ClientAsync(Inspector, Ecology);
        var emergency = await ClientAsync(Inspector, Emergency);
        var code = NewCreditCode();
        await IdOfAsync(await market.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2028-04-10", "食品安全检查")));

        // One slot is left in the quarter; both try at once.
        var both = await Task.WhenAll(
            ecology.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2028-05-20", "排污许可检查")),
            emergency.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2028-05-21", "安全生产检查")));

        Assert.Equal(1, both.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(1, both.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public async Task A_third_inspection_in_a_quarter_is_refused_naming_the_cap_and_the_existing_inspections()
    {
        var market = await ClientAsync(Inspector, Market);
        var ecology = await ClientAsync(Inspector, Ecology);
        var code = NewCreditCode();
        await IdOfAsync(await market.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2027-04-10", "食品安全检查")));
        await IdOfAsync(await ecology.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2027-05-20", "排污许可检查")));

        var refused = await ecology.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2027-06-30", "危废贮存检查"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("超过检查频次上限", detail);
        Assert.Contains("每季度接受涉企行政检查不超过 2 次", detail);
        Assert.Contains("2027-04-10 枣庄市市场监督管理局（食品安全检查）", detail);
        Assert.Contains("2027-05-20 枣庄市生态环境局（排污许可检查）", detail);
        Assert.Equal(2, problem.GetProperty("visits").GetArrayLength());

        // The next quarter is a new period; a complaint must be checked and is not counted.
        await IdOfAsync(await ecology.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2027-07-01", "危废贮存检查")));
        await IdOfAsync(await ecology.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2027-06-30", "群众投诉异味核查", trigger: "Complaint")));
    }

    [Fact]
    public async Task Joining_an_existing_inspection_at_the_cap_is_accepted_and_counted_once()
    {
        var market = await ClientAsync(Inspector, Market);
        var ecology = await ClientAsync(Inspector, Ecology);
        var emergency = await ClientAsync(Inspector, Emergency);
        var code = NewCreditCode();
        var first = await IdOfAsync(await market.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2027-10-08")));
        await IdOfAsync(await ecology.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2027-11-08")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await emergency.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2027-12-08", "安全生产检查"))).StatusCode);

        var joined = await emergency.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2027-12-08", "安全生产检查", joinVisitId: first));

        var plan = await joined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        Assert.Equal(first, plan.GetProperty("visitId").GetGuid());
        Assert.Equal("2027-10-08", plan.GetProperty("plannedDate").GetString());
        Assert.Contains("枣庄市市场监督管理局（牵头）", plan.GetProperty("jointWith").EnumerateArray().Select(x => x.GetString()));
        // Still two visits: a fourth separate inspection is refused and the refusal lists two.
        var refused = await emergency.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2027-12-09", "消防检查"));
        Assert.Equal(2, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visits").GetArrayLength());
    }

    [Fact]
    public async Task The_supervisor_sees_merge_suggestions_and_merging_frees_a_place_under_the_cap()
    {
        var market = await ClientAsync(Inspector, Market);
        var ecology = await ClientAsync(Inspector, Ecology);
        var supervisor = await ClientAsync(Supervisor, "370400");
        var code = NewCreditCode();
        var a = await IdOfAsync(await market.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2028-02-03", "价格检查")));
        var b = await IdOfAsync(await ecology.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2028-02-17", "环保检查")));

        var suggestions = await supervisor.GetFromJsonAsync<JsonElement>("/api/enforcement/inspections/merge-suggestions");
        var mine = suggestions.EnumerateArray().Single(s => s.GetProperty("creditCode").GetString() == code);
        Assert.Equal("2028-02", mine.GetProperty("month").GetString());
        Assert.Equal(2, mine.GetProperty("plans").GetArrayLength());

        var merged = await supervisor.PostAsJsonAsync("/api/enforcement/inspections/merge", new { leadPlanId = a, planIds = new[] { b } });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);

        var planB = await ecology.GetFromJsonAsync<JsonElement>($"/api/enforcement/inspections/{b}");
        Assert.Equal(a, planB.GetProperty("visitId").GetGuid());
        Assert.Equal("2028-02-03", planB.GetProperty("plannedDate").GetString());
        var after = await supervisor.GetFromJsonAsync<JsonElement>("/api/enforcement/inspections/merge-suggestions");
        Assert.DoesNotContain(after.EnumerateArray(), s => s.GetProperty("creditCode").GetString() == code);
        // One visit counted: a second separate inspection in the quarter is now allowed, a third is not.
        await IdOfAsync(await ecology.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2028-03-10", "噪声检查")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ecology.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2028-03-20", "扬尘检查"))).StatusCode);
    }

    [Fact]
    public async Task A_body_sees_only_its_own_plans_and_the_city_supervisor_sees_all()
    {
        var market = await ClientAsync(Inspector, Market);
        var ecology = await ClientAsync(Inspector, Ecology);
        var supervisor = await ClientAsync(Supervisor, "370400");
        var code = NewCreditCode();
        var mine = await IdOfAsync(await market.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2028-05-05")));
        var theirs = await IdOfAsync(await ecology.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2028-05-06")));

        var list = await market.GetFromJsonAsync<JsonElement>($"/api/enforcement/inspections?q={code}");
        Assert.Equal([mine], list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await market.GetAsync($"/api/enforcement/inspections/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await market.GetAsync($"/api/enforcement/inspections/enterprise/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await market.PostAsJsonAsync($"/api/enforcement/inspections/{theirs}/result", new { version = 0, result = "NoProblem" })).StatusCode);

        var all = await supervisor.GetFromJsonAsync<JsonElement>($"/api/enforcement/inspections/enterprise/{code}");
        Assert.Equal(new[] { mine, theirs }.Order(), all.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Order());
    }

    [Fact]
    public async Task A_credit_code_with_a_wrong_check_character_is_refused_with_the_expected_character()
    {
        var market = await ClientAsync(Inspector, Market);
        var code = NewCreditCode();
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');

        var response = await market.PostAsJsonAsync("/api/enforcement/inspections", Plan(wrong, "2028-08-08"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains($"第 18 位应为“{code[17]}”", errors.GetProperty("creditCode")[0].GetString());
    }

    [Fact]
    public async Task One_inspector_only_is_refused_with_article_42()
    {
        var market = await ClientAsync(Inspector, Market);

        var response = await market.PostAsJsonAsync("/api/enforcement/inspections", new { creditCode = NewCreditCode(), enterpriseName = "某公司", subject = "检查", plannedDate = "2028-09-01", inspectors = "张三", basis = "计划", trigger = "Routine" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("第四十二条", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("inspectors")[0].GetString());
    }

    [Fact]
    public async Task Recording_a_referral_needs_the_case_number_and_closes_the_plan()
    {
        var market = await ClientAsync(Inspector, Market);
        var id = await IdOfAsync(await market.PostAsJsonAsync("/api/enforcement/inspections", Plan(NewCreditCode(), "2026-01-05")));
        var plan = await market.GetFromJsonAsync<JsonElement>($"/api/enforcement/inspections/{id}");
        var version = plan.GetProperty("version").GetInt64();

        var missing = await market.PostAsJsonAsync($"/api/enforcement/inspections/{id}/result", new { version, result = "ReferredToCase", notes = "发现过期食品" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        var ok = await market.PostAsJsonAsync($"/api/enforcement/inspections/{id}/result", new { version, result = "ReferredToCase", notes = "发现过期食品", caseReference = "枣市监立〔2026〕1号", completedOn = "2026-01-05" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var closed = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal("枣市监立〔2026〕1号", closed.GetProperty("caseReference").GetString());
    }

    [Fact]
    public async Task The_register_page_shows_the_cap_refusal_and_joins_an_inspection_from_it()
    {
        var market = await ClientAsync(Inspector, Market);
        var code = NewCreditCode();
        await IdOfAsync(await market.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2029-01-10", "食品安全检查")));
        await IdOfAsync(await market.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2029-02-10", "价格检查")));
        var browser = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Inspector, Ecology));

        var response = await Forms.SubmitAsync(browser, "/enforcement/inspections", "plan", new Dictionary<string, string>
        {
            ["Input.CreditCode"] = code,
            ["Input.EnterpriseName"] = "枣庄测试食品有限公司",
            ["Input.Subject"] = "排污检查",
            ["Input.PlannedDate"] = "2029-03-10",
            ["Input.Inspectors"] = "王五、赵六",
            ["Input.Basis"] = "年度计划",
            ["Input.Trigger"] = "Routine",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("超过检查频次上限", html);
        Assert.Contains("并入此次检查（联合检查）", html);
        var joined = await Forms.SubmitAsync(browser, "/enforcement/inspections", "join", new Dictionary<string, string>
        {
            ["Join.CreditCode"] = code,
            ["Join.EnterpriseName"] = "枣庄测试食品有限公司",
            ["Join.Subject"] = "排污检查",
            ["Join.PlannedDate"] = "2029-03-10",
            ["Join.Inspectors"] = "王五、赵六",
            ["Join.Basis"] = "年度计划",
            ["Join.Trigger"] = "Routine",
            ["Join.JoinVisitId"] = System.Text.RegularExpressions.Regex.Match(html, "name=\"Join.JoinVisitId\" value=\"([0-9a-f-]+)\"").Groups[1].Value,
        });
        var joinedHtml = WebUtility.HtmlDecode(await joined.Content.ReadAsStringAsync());
        Assert.Contains("已并入联合检查", joinedHtml);
    }

    [Fact]
    public async Task The_supervisor_merges_on_the_page_and_the_enterprise_view_counts_one_inspection()
    {
        var market = await ClientAsync(Inspector, Market);
        var ecology = await ClientAsync(Inspector, Ecology);
        var code = NewCreditCode();
        var a = await IdOfAsync(await market.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2029-05-06", "计量器具检查")));
        var b = await IdOfAsync(await ecology.PostAsJsonAsync("/api/enforcement/inspections", Plan(code, "2029-05-20", "排污口检查")));
        var browser = await factory.SignedInBrowserAsync(await factory.CreateUserAsync(Supervisor, "370400"));

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/enforcement/inspections/supervision"));
        Assert.Contains("2 个检查计划针对同一企业", page);

        var response = await Forms.SubmitAsync(browser, "/enforcement/inspections/supervision", $"merge-{code}-2029-05", new Dictionary<string, string>
        {
            ["Merge.PlanIds"] = $"{a},{b}",
            ["Merge.Lead"] = b.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已合并为联合检查，计一次检查。", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var view = WebUtility.HtmlDecode(await browser.GetStringAsync($"/enforcement/inspections/supervision?code={code}"));
        Assert.Contains("共 2 个检查计划，1 次检查（联合检查计一次）", view);
        Assert.Contains("枣庄市生态环境局（牵头）", view);
        var planA = await market.GetFromJsonAsync<JsonElement>($"/api/enforcement/inspections/{a}");
        Assert.Equal(b, planA.GetProperty("visitId").GetGuid());
        Assert.Equal("2029-05-20", planA.GetProperty("plannedDate").GetString());
    }
}
