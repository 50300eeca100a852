using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Assessment.Contracts;
using Fazhi.Rulemaking.Advisers;
using Fazhi.Rulemaking.Cleanup;
using Fazhi.Rulemaking.Decisions;
using Fazhi.Rulemaking.Legislation;
using Fazhi.Rulemaking.Normative;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Rulemaking.Tests;

/// <summary>
/// What the shipped demo shows in each part of the module, on one host seeded once (a demo seed costs more than the rest of a
/// class's tests together, so the module's demo checks share it instead of seeding a host per feature class).
/// </summary>
public sealed class DemoTests(RulemakingDemoHost host) : IClassFixture<RulemakingDemoHost>
{
    [Fact]
    public async Task The_demo_has_a_decision_returned_by_procedure_backflow_and_a_published_one()
    {
        await host.Factory.SeedDemoAsync();
        var city = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-city"));
        var list = WebUtility.HtmlDecode(await city.GetStringAsync("/rulemaking/decisions"));
        Assert.Contains("薛城区城区公共停车收费标准调整", list);
        Assert.Contains("已公布", list);
        var api = await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-xuecheng"));
        var decisions = await api.GetFromJsonAsync<JsonElement>("/api/rulemaking/decisions");
        var parking = decisions.EnumerateArray().First(d => d.GetProperty("title").GetString() == "薛城区城区公共停车收费标准调整");
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/rulemaking/decisions/{parking.GetProperty("id").GetString()}");
        Assert.Single(detail.GetProperty("returns").EnumerateArray());
        Assert.Equal("Pending", DecisionTests.StateOf(detail, "ExpertArgumentation"));
        Assert.Contains("薛城区城市绿地系统规划", WebUtility.HtmlDecode(await host.Factory.CreateClient().GetStringAsync("/public/decisions")));
    }
    [Fact]
    public async Task The_demo_has_a_plan_a_draft_under_comment_answers_and_a_contact_points_submission()
    {
        await host.Factory.SeedDemoAsync();
        var city = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-city"));
        var list = WebUtility.HtmlDecode(await city.GetStringAsync("/rulemaking/legislation"));
        Assert.Contains("枣庄市城市绿化管理办法", list);
        Assert.Contains("枣庄市养犬管理办法", list);
        Assert.Contains("增列项目", list);
        var api = await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"));
        var projects = await api.GetFromJsonAsync<JsonElement>("/api/rulemaking/legislation/projects");
        var greening = projects.EnumerateArray().First(p => p.GetProperty("title").GetString() == "枣庄市城市绿化管理办法");
        var id = greening.GetProperty("id").GetString();
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/rulemaking/legislation/projects/{id}");
        var comments = detail.GetProperty("comments").EnumerateArray().ToList();
        Assert.Contains(comments, c => c.GetProperty("answer").GetString() == "Adopted");
        Assert.Contains(comments, c => c.GetProperty("answer").ValueKind == JsonValueKind.Null);
        Assert.Equal(3, comments.Count(c => c.GetProperty("contactPoint").ValueKind == JsonValueKind.String));
        Assert.Contains(projects.EnumerateArray(), p => p.GetProperty("stage").GetString() == "Published");
        Assert.Contains(projects.EnumerateArray(), p => p.GetProperty("stage").GetString() == "Filed");
        var page = WebUtility.HtmlDecode(await city.GetStringAsync($"/rulemaking/legislation/{id}"));
        Assert.Contains("第五条", page);
        Assert.Contains("审批时限已写入第七条", page);

        // The office answers the open citizen's comment on the page.
        var open = comments.First(c => c.GetProperty("answer").ValueKind == JsonValueKind.Null && c.GetProperty("contactPoint").ValueKind == JsonValueKind.Null);
        var answered = await Forms.SubmitAsync(city, $"/rulemaking/legislation/{id}", "answer-" + Guid.Parse(open.GetProperty("id").GetString()!).ToString("N"), new Dictionary<string, string>
        {
            ["Answer.Answer"] = "NotAdopted", ["Answer.Reason"] = "罚款幅度依照《城市绿化条例》第二十六条设定。",
        });
        var html = WebUtility.HtmlDecode(await answered.Content.ReadAsStringAsync());
        Assert.True(html.Contains("依照《城市绿化条例》第二十六条设定", StringComparison.Ordinal), html);

        var town = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-town"));
        var contact = WebUtility.HtmlDecode(await town.GetStringAsync("/rulemaking/legislation/contact"));
        Assert.Contains("枣庄市城市绿化管理办法", contact);
        Assert.Contains("老旧小区绿地被占作停车位", contact);
        var anonymous = host.Factory.CreateClient();
        Assert.Contains("枣庄市城市绿化管理办法", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/public/legislation")));
        Assert.Contains("第五条", WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/legislation/{id}")));
    }
    [Fact]
    public async Task The_demo_shows_hearings_to_the_demo_accounts()
    {
        await host.Factory.SeedDemoAsync();
        var city = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-city"));
        var page = WebUtility.HtmlDecode(await city.GetStringAsync("/rulemaking/hearings"));
        Assert.Contains("立法听证会", page);
        var xuecheng = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-xuecheng"));
        page = WebUtility.HtmlDecode(await xuecheng.GetStringAsync("/rulemaking/hearings"));
        Assert.Contains("专家论证会（重新论证）", page);
        Assert.Contains("已举行", page);
        var notices = WebUtility.HtmlDecode(await host.Factory.CreateClient().GetStringAsync("/public/hearings"));
        Assert.Contains("立法听证会", notices);
    }
    [Fact]
    public async Task The_demo_accounts_find_documents_at_every_step()
    {
        await host.Factory.SeedDemoAsync();
        var city = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-city"));
        var xuecheng = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-xuecheng"));
        var list = WebUtility.HtmlDecode(await xuecheng.GetStringAsync("/rulemaking/documents"));
        foreach (var title in new[] { "薛城区城区夜市经营管理办法", "薛城区农村集体经济组织成员资格认定办法", "薛城区城区农贸市场管理办法", "薛城区老旧小区改造资金管理办法", "薛城区公共租赁住房配租管理办法" })
        {
            Assert.Contains(title, list);
        }
        Assert.Contains("退回修改", list);
        Assert.Contains("备案逾期", WebUtility.HtmlDecode(await city.GetStringAsync("/rulemaking/documents")));

        // The draft under review carries real findings from the library's demo laws.
        var drafts = await (await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"))).GetFromJsonAsync<JsonElement>("/api/rulemaking/normative-documents?status=UnderReview");
        var night = drafts.EnumerateArray().First(d => d.GetProperty("title").GetString() == "薛城区城区夜市经营管理办法");
        var page = WebUtility.HtmlDecode(await city.GetStringAsync($"/rulemaking/documents/{night.GetProperty("id").GetString()}"));
        foreach (var rule in new[] { "设定行政处罚", "设定行政许可", "设定行政强制措施", "设定收费", "引用无法在法规库中找到", "与本市现行有效规范性文件重复或冲突" })
        {
            Assert.Contains(rule, page);
        }
        Assert.Contains("薛城区老旧小区改造资金管理办法", WebUtility.HtmlDecode(await host.Factory.CreateClient().GetStringAsync("/public/normative-documents")));

        // A page with several findings decides one through its own form (two forms of one name made every post a 500).
        var nightId = night.GetProperty("id").GetString();
        var detail = await (await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"))).GetFromJsonAsync<JsonElement>($"/api/rulemaking/normative-documents/{nightId}");
        var pending = detail.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("decision").GetString() == "Pending").ToList();
        Assert.True(pending.Count > 1, "the demo draft has several undecided findings");
        var decided = await Forms.SubmitAsync(city, $"/rulemaking/documents/{nightId}", "finding-" + Guid.Parse(pending[1].GetProperty("id").GetString()!).ToString("N"),
            new Dictionary<string, string> { ["Finding.Decision"] = "Dismissed", ["Finding.Reason"] = "该条款已引用上位法依据，不予采纳。" });
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var after = await (await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"))).GetFromJsonAsync<JsonElement>($"/api/rulemaking/normative-documents/{nightId}");
        Assert.Equal("Dismissed", after.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == pending[1].GetProperty("id").GetString())
            .GetProperty("decision").GetString());
    }
    [Fact]
    public async Task The_demo_adviser_sees_only_their_requests_and_answers_on_the_page()
    {
        await host.Factory.SeedDemoAsync();
        var lawyer = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-shizhong"));
        var page = WebUtility.HtmlDecode(await lawyer.GetStringAsync("/rulemaking/advisers/mine"));
        Assert.Contains("某公司诉薛城区人民政府政府信息公开案", page);
        Assert.Contains("薛城区城区夜市经营管理办法", page);
        Assert.DoesNotContain("张某不服市市场监管局行政处罚复议案", page);
        Assert.DoesNotContain("薛城区老旧小区改造工程总承包合同", page);

        var api = await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-shizhong"));
        var open = (await api.GetFromJsonAsync<JsonElement>("/api/rulemaking/adviser/requests")).EnumerateArray()
            .Single(r => r.GetProperty("subjectTitle").GetString() == "某公司诉薛城区人民政府政府信息公开案");
        var answered = await Forms.SubmitAsync(lawyer, "/rulemaking/advisers/mine", "opinion-" + Guid.Parse(open.GetProperty("id").GetString()!).ToString("N"), new Dictionary<string, string>
        {
            ["Version"] = open.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), ["Opinion"] = "申请公开的信息属于过程性信息，可以不予公开。",
        });
        Assert.Contains("申请公开的信息属于过程性信息", WebUtility.HtmlDecode(await answered.Content.ReadAsStringAsync()));

        // The office's register with counts; the opinion on the demo decision shows at its legality-review step.
        var city = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-city"));
        var register = WebUtility.HtmlDecode(await city.GetStringAsync("/rulemaking/advisers"));
        Assert.Contains("王立新", register);
        Assert.Contains("聘期届满", register);
        var requests = (await (await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"))).GetFromJsonAsync<JsonElement>("/api/rulemaking/advisers/requests")).EnumerateArray().ToList();
        Assert.Contains(requests, r => r.GetProperty("state").GetString() == "逾期出具");
        Assert.Contains(requests, r => r.GetProperty("state").GetString() == "逾期未出具");
        var onDecision = requests.Single(r => r.GetProperty("subject").GetString() == "Decision");
        var decision = WebUtility.HtmlDecode(await city.GetStringAsync($"/rulemaking/decisions/{onDecision.GetProperty("subjectId").GetString()}"));
        Assert.Contains("经审查，该事项属于本级政府职权范围", decision);
    }
    [Fact]
    public async Task The_demo_has_campaigns_in_every_state_and_the_office_decides_on_the_page()
    {
        await host.Factory.SeedDemoAsync();
        var city = await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-city"));
        var list = WebUtility.HtmlDecode(await city.GetStringAsync("/rulemaking/cleanup"));
        Assert.Contains("2025年度行政规范性文件定期清理", list);
        Assert.Contains("优化营商环境涉及的规范性文件专项清理", list);
        var api = await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"));
        var campaigns = (await api.GetFromJsonAsync<JsonElement>("/api/rulemaking/cleanup/campaigns")).EnumerateArray().ToList();
        var open = campaigns.Single(c => c.GetProperty("title").GetString()!.StartsWith("《中华人民共和国立法法》修改", StringComparison.Ordinal));
        var id = open.GetProperty("id").GetString()!;
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{id}");
        var states = detail.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("state").GetString()).ToHashSet();
        Assert.True(states.SetEquals(["Pending", "Proposed", "Returned", "Decided"]), string.Join(",", states));

        // The candidates on the page: the demo document citing 立法法 第八十二条 (2015 text) is flagged by the library.
        var page = WebUtility.HtmlDecode(await city.GetStringAsync($"/rulemaking/cleanup/{id}"));
        Assert.Contains("薛城区行政规范性文件制定程序规定", page);
        Assert.Contains("所引“《中华人民共和国立法法》第八十二条”", page);

        // demo-city decides the proposed item through the page's form.
        var proposed = detail.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("state").GetString() == "Proposed");
        var decided = await Forms.SubmitAsync(city, $"/rulemaking/cleanup/{id}", "review-" + Guid.Parse(proposed.GetProperty("id").GetString()!).ToString("N"), new Dictionary<string, string>
        {
            ["Version"] = proposed.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), ["Outcome"] = "Amend", ["Reason"] = "",
        });
        Assert.Contains("已审定。", WebUtility.HtmlDecode(await decided.Content.ReadAsStringAsync()));
        var after = await api.GetFromJsonAsync<JsonElement>($"/api/rulemaking/cleanup/campaigns/{id}");
        Assert.Equal("Amend", after.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == proposed.GetProperty("id").GetString()).GetProperty("decision").GetString());

        // demo-xuecheng sees its own documents; the public sees the published result with the repealed document.
        var xuecheng = WebUtility.HtmlDecode(await (await host.Factory.SignedInBrowserAsync(FazhiFactory.DemoUser("demo-xuecheng"))).GetStringAsync($"/rulemaking/cleanup/{id}"));
        Assert.Contains("薛城区行政执法公示办法", xuecheng);
        Assert.DoesNotContain("枣庄市住房公积金缴存管理办法", xuecheng);
        var anonymous = host.Factory.CreateClient();
        var published = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/public/cleanup"));
        Assert.Contains("2025年度行政规范性文件定期清理", published);
        Assert.DoesNotContain("优化营商环境涉及的规范性文件专项清理", published);
        var done = campaigns.Single(c => c.GetProperty("title").GetString() == "2025年度行政规范性文件定期清理").GetProperty("id").GetString();
        var result = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/cleanup/{done}"));
        Assert.Contains("薛城区城市房屋拆迁补偿暂行办法", result);
        Assert.Contains("宣布失效", result);
    }
    [Fact]
    public async Task The_documents_download_as_docx_and_are_refused_before_their_time()
    {
        await host.Factory.SeedDemoAsync();
        var city = await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-city"));
        var xuecheng = await host.Factory.ApiClientAsync(FazhiFactory.DemoUser("demo-xuecheng"));
        var anonymous = host.Factory.CreateClient();

        // 起草说明 template, for a drafting unit; not for the public.
        Assert.Contains("制定依据", DocxText(await xuecheng.GetByteArrayAsync("/api/rulemaking/templates/drafting-explanation.docx")));
        Assert.True((await anonymous.GetAsync("/api/rulemaking/templates/drafting-explanation.docx")).StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);

        // 备案报告 of a published normative document; refused (409) for one under review.
        var docs = await city.GetFromJsonAsync<JsonElement>("/api/rulemaking/normative-documents");
        var published = docs.EnumerateArray().First(d => d.GetProperty("status").GetString() == "Published");
        var report = DocxText(await city.GetByteArrayAsync($"/api/rulemaking/normative-documents/{published.GetProperty("id").GetString()}/filing-report.docx"));
        Assert.Contains($"关于报送《{published.GetProperty("title").GetString()}》备案的报告", report);
        Assert.Contains(published.GetProperty("registrationNo").GetString()!, report);
        var underReview = docs.EnumerateArray().First(d => d.GetProperty("status").GetString() == "UnderReview");
        Assert.Equal(HttpStatusCode.Conflict, (await city.GetAsync($"/api/rulemaking/normative-documents/{underReview.GetProperty("id").GetString()}/filing-report.docx")).StatusCode);

        // 备案报告 of a published rule.
        var projects = await city.GetFromJsonAsync<JsonElement>("/api/rulemaking/legislation/projects");
        var rule = projects.EnumerateArray().FirstOrDefault(p => p.GetProperty("stage").GetString() is "Published" or "Filed");
        if (rule.ValueKind == JsonValueKind.Object)
        {
            Assert.Contains("法规规章备案审查条例", DocxText(await city.GetByteArrayAsync($"/api/rulemaking/legislation/projects/{rule.GetProperty("id").GetString()}/filing-report.docx")));
        }
        var open = projects.EnumerateArray().First(p => p.GetProperty("stage").GetString() == "PublicComment");
        Assert.Equal(HttpStatusCode.Conflict, (await city.GetAsync($"/api/rulemaking/legislation/projects/{open.GetProperty("id").GetString()}/filing-report.docx")).StatusCode);

        // The published decision catalogue and cleanup list, for the public; 404 for what is not published.
        var catalogues = await city.GetFromJsonAsync<JsonElement>("/api/rulemaking/decisions/catalogues");
        var catalogue = catalogues.EnumerateArray().First(c => c.GetProperty("publishedOn").ValueKind == JsonValueKind.String);
        Assert.Contains("薛城区城市绿地系统规划", DocxText(await anonymous.GetByteArrayAsync($"/api/rulemaking/public/decisions/catalogues/{catalogue.GetProperty("id").GetString()}/catalogue.docx")));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/rulemaking/public/decisions/catalogues/{Guid.NewGuid()}/catalogue.docx")).StatusCode);
        var campaigns = await anonymous.GetFromJsonAsync<JsonElement>("/api/rulemaking/public/cleanup");
        var campaign = campaigns.EnumerateArray().First();
        var list = DocxText(await anonymous.GetByteArrayAsync($"/api/rulemaking/public/cleanup/{campaign.GetProperty("id").GetString()}/result.docx"));
        Assert.Contains("清理的文件", list.Replace("保留的文件", "清理的文件"));
        Assert.Contains(campaign.GetProperty("title").GetString()!, list);
        var unpublished = (await city.GetFromJsonAsync<JsonElement>("/api/rulemaking/cleanup/campaigns")).EnumerateArray().FirstOrDefault(c => c.GetProperty("publishedOn").ValueKind == JsonValueKind.Null);
        if (unpublished.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/rulemaking/public/cleanup/{unpublished.GetProperty("id").GetString()}/result.docx")).StatusCode);
        }
    }

    private static string DocxText(byte[] bytes)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return doc.MainDocumentPart!.Document.Body!.InnerText;
    }
}
