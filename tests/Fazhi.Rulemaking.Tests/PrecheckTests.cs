using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Rulemaking.Tests;

/// <summary>
/// The automatic legality pre-check (POST /api/rulemaking/legality-precheck) on real-style clauses: each kind of finding
/// with its rule and article (行政处罚法 第十六条, 行政许可法 第十七条, 行政强制法 第十条, 优化营商环境条例 第二十五条、第六十四条,
/// 立法法 第九十三条), citations that do not resolve or are not in force on the effective date, missing elements, and
/// clean clauses (a penalty with its legal basis, a prohibition of fees, ordinary duties of the administration) that must
/// not be flagged.
/// </summary>
public sealed class PrecheckTests(RulemakingHost host) : IClassFixture<RulemakingHost>
{
    private const string Draft = """
        枣庄市人民政府
        第一条 为了规范城区经营秩序，结合本市实际，制定本办法。
        第二条 对违反本办法第五条规定的经营者，由市场监督管理部门处以一千元以上五千元以下罚款。
        第三条 从事夜间经营的，须经市城市管理局批准，取得准营证后方可营业。
        第四条 对拒不整改的经营者，城市管理部门可以查封其经营场所。
        第五条 申请人应当缴纳审核费二百元。
        第六条 有不良信用记录的人员不得申请公共租赁住房。
        第七条 政府投资项目限定使用本市企业生产的建材。
        第八条 违反本办法规定的，依照《中华人民共和国行政处罚法》第一百零九条的规定处理。
        第九条 养犬人应当遵守《枣庄市城市养犬管理条例》第十条的规定。
        第十条 违反本办法第三条规定的，由市场监督管理部门依照《中华人民共和国行政许可法》第八十一条的规定处以罚款。
        第十一条 市场监督管理部门应当加强日常监督检查，发现问题及时督促整改。
        第十二条 办理本办法规定的事项，不得向申请人收取任何费用。
        第十三条 申请人可以通过政务服务网在线提交申请材料。
        第十四条 本办法自2027年1月1日起施行，有效期五年。
        """;

    private static async Task<JsonElement> PrecheckAsync(HttpClient client, string text, string effectiveOn)
    {
        var response = await client.PostAsJsonAsync("/api/rulemaking/legality-precheck", new { kind = "normative-document", text, effectiveOn });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<(string Rule, string Article, string DraftArticle, string Passage, string Message)> Findings(JsonElement result) =>
        result.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("rule").GetString()!, f.GetProperty("article").GetString()!,
            f.GetProperty("draftArticle").GetString()!, f.GetProperty("passage").GetString()!, f.GetProperty("message").GetString()!)).ToList();

    [Fact]
    public async Task Each_kind_of_content_finding_names_its_rule_and_article_and_clean_clauses_are_not_flagged()
    {
        var client = await host.DrafterAsync();
        var result = await PrecheckAsync(client, Draft, "2027-01-01");
        Assert.Equal(14, result.GetProperty("articles").GetInt32());
        var findings = Findings(result);

        void Expect(string rule, string article, string draftArticle, string passage)
        {
            var f = Assert.Single(findings, f => f.Rule == rule && f.DraftArticle == draftArticle);
            Assert.Equal(article, f.Article);
            Assert.Contains(passage, f.Passage);
        }
        // 行政处罚法 第十六条: other normative documents may not create penalties.
        Expect("penalty", "中华人民共和国行政处罚法 第十六条", "第二条", "处以一千元以上五千元以下罚款");
        // 行政许可法 第十七条: no licence by a normative document.
        Expect("licence", "中华人民共和国行政许可法 第十七条", "第三条", "须经市城市管理局批准");
        // 行政强制法 第十条: no coercive measure.
        Expect("coercion", "中华人民共和国行政强制法 第十条", "第四条", "查封其经营场所");
        // 优化营商环境条例 第二十五条: fees need a law, regulation or State Council approval.
        Expect("fee", "优化营商环境条例 第二十五条", "第五条", "缴纳审核费");
        // 立法法 第九十三条: no reduction of rights without a basis.
        Expect("rights", "中华人民共和国立法法 第九十三条", "第六条", "不得申请公共租赁住房");
        // 优化营商环境条例 第六十四条: no market-entry conditions.
        Expect("market", "优化营商环境条例 第六十四条", "第七条", "限定使用本市企业生产的建材");

        // Citations: 行政处罚法 has no 第一百零九条; the library has no 枣庄市城市养犬管理条例.
        var wrongArticle = Assert.Single(findings, f => f.Rule == "citation-unresolved" && f.DraftArticle == "第八条");
        Assert.Contains("第一百零九条", wrongArticle.Message);
        Assert.Single(findings, f => f.Rule == "citation-unresolved" && f.DraftArticle == "第九条" && f.Article.Contains("枣庄市城市养犬管理条例", StringComparison.Ordinal));

        // Clean: a penalty resting on a cited law (第十条), an ordinary duty (第十一条), a prohibition of fees (第十二条),
        // submitting application materials (第十三条), the elements (第十四条); and nothing missing.
        foreach (var clean in new[] { "第一条", "第十条", "第十一条", "第十二条", "第十三条", "第十四条" })
        {
            Assert.DoesNotContain(findings, f => f.DraftArticle == clean);
        }
        Assert.DoesNotContain(findings, f => f.Rule.StartsWith("missing-", StringComparison.Ordinal));
        Assert.Equal(8, findings.Count);

        // Each content rule's article is linked to the library.
        var penalty = result.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "penalty");
        Assert.StartsWith("/library/", penalty.GetProperty("articleUrl").GetString());
    }

    [Fact]
    public async Task Citations_not_in_force_on_the_effective_date_and_missing_elements_are_found()
    {
        var client = await host.DrafterAsync();
        // On 2020-01-01 立法法 stood in its 2015 version; 第八十二条 has another text today (2023 amendment): not as cited, with the article now in force.
        var result = await PrecheckAsync(client, """
            第一条 根据《中华人民共和国立法法》第八十二条，制定本办法。
            第二条 市人民政府有关部门按照职责分工做好相关工作。
            """, "2020-01-01");
        var findings = result.GetProperty("findings").EnumerateArray().ToList();
        var stale = Assert.Single(findings, f => f.GetProperty("rule").GetString() == "citation-not-in-force");
        Assert.Equal("第一条", stale.GetProperty("draftArticle").GetString());
        Assert.Contains("立法法", stale.GetProperty("article").GetString());
        Assert.False(string.IsNullOrEmpty(stale.GetProperty("link").GetString()));
        // No issuing authority, no effective date, no validity period.
        foreach (var missing in new[] { "missing-authority", "missing-effective-date", "missing-validity" })
        {
            Assert.Contains(findings, f => f.GetProperty("rule").GetString() == missing);
        }

        // The same citation on a date when the 2023 version applies is in force: not flagged.
        var current = await PrecheckAsync(client, "第一条 根据《中华人民共和国立法法》第八十二条，制定本办法。", "2027-01-01");
        Assert.DoesNotContain(current.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString()!.StartsWith("citation", StringComparison.Ordinal));

        // Bad requests name the field; nobody without the module's permission may run it.
        await (await client.PostAsJsonAsync("/api/rulemaking/legality-precheck", new { kind = "normative-document", text = "", effectiveOn = "2027-01-01" })).AssertRefusedNamingAsync("text");
        await (await client.PostAsJsonAsync("/api/rulemaking/legality-precheck", new { kind = "normative-document", text = "第一条 测试。" })).AssertRefusedNamingAsync("effectiveOn");
        await (await client.PostAsJsonAsync("/api/rulemaking/legality-precheck", new { kind = "rule", text = "第一条 测试。", effectiveOn = "2027-01-01" })).AssertRefusedNamingAsync("kind");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Factory.CreateClient().PostAsJsonAsync("/api/rulemaking/legality-precheck", new { text = "x" })).StatusCode);
    }
}
