using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Library.Tests.Search;

/// <summary>The library's API over the product's demo laws: search, versions, point in time, articles, comparison, exports, refusals.</summary>
[Collection(HostCollection.Name)]
public sealed class LibraryApiTests(LibraryHost host)
{
    private FazhiFactory Factory => host.Factory;

    private async Task<HttpClient> ReaderAsync() => await Factory.ApiClientAsync(await Factory.CreateUserAsync());

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<Guid> WorkIdAsync(HttpClient c, string title)
    {
        var list = await JsonAsync(await c.GetAsync($"/api/library/works?title={Uri.EscapeDataString(title)}"));
        return list.GetProperty("items").EnumerateArray().First(w => w.GetProperty("title").GetString()!.EndsWith(title)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_two_character_term_is_found_with_article_label_highlight_level_and_status()
    {
        var c = await ReaderAsync();
        var r = await JsonAsync(await c.GetAsync("/api/library/search?q=" + Uri.EscapeDataString("复议")));
        Assert.True(r.GetProperty("total").GetInt32() > 50);
        var first = r.GetProperty("items")[0];
        Assert.Contains("<mark>复议</mark>", first.GetProperty("highlight").GetString());
        Assert.StartsWith("第", first.GetProperty("label").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("title").GetString()));
        Assert.Equal(20, r.GetProperty("items").GetArrayLength());
        Assert.Contains(r.GetProperty("levels").EnumerateArray(), f => f.GetProperty("value").GetString() == "Law");
        // The superseded 2017 version is a filter away, not in the default results.
        Assert.DoesNotContain(r.GetProperty("statuses").EnumerateArray(), f => f.GetProperty("value").GetString() == "Amended");
        var amended = await JsonAsync(await c.GetAsync("/api/library/search?q=" + Uri.EscapeDataString("复议") + "&status=Amended"));
        Assert.True(amended.GetProperty("total").GetInt32() > 0);
        Assert.All(amended.GetProperty("items").EnumerateArray(), i => Assert.Equal("Amended", i.GetProperty("status").GetString()));
    }

    /// <summary>
    /// Each facet count is the total of the same search filtered by that value (the counts come from per-segment columns
    /// decoded once, and the statuses from a column per day, so a wrong slot or a stale day would show here).
    /// </summary>
    [Theory]
    [InlineData("法", "")]
    [InlineData("复议", "&status=NotYetEffective&status=InForce&status=Amended&status=Repealed&status=Expired")]
    [InlineData("罚款", "&on=2020-06-01")]
    public async Task Every_facet_count_is_the_total_of_the_search_filtered_by_its_value(string term, string filters)
    {
        var c = await ReaderAsync();
        var url = "/api/library/search?q=" + Uri.EscapeDataString(term) + filters;
        var r = await JsonAsync(await c.GetAsync(url));
        var total = r.GetProperty("total").GetInt32();
        Assert.True(total > 0);
        async Task<int> Total(string extra) => (await JsonAsync(await c.GetAsync(url + extra))).GetProperty("total").GetInt32();
        var levels = r.GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(total, levels.Sum(f => f.GetProperty("count").GetInt32()));
        foreach (var f in levels)
        {
            Assert.Equal(f.GetProperty("count").GetInt32(), await Total("&level=" + f.GetProperty("value").GetString()));
        }
        var statuses = r.GetProperty("statuses").EnumerateArray().ToList();
        Assert.Equal(total, statuses.Sum(f => f.GetProperty("count").GetInt32()));
        if (filters.Contains("status="))
        {
            Assert.True(statuses.Count > 1);
            foreach (var f in statuses)
            {
                var only = url.Split("&status=")[0] + "&status=" + f.GetProperty("value").GetString();
                Assert.Equal(f.GetProperty("count").GetInt32(), (await JsonAsync(await c.GetAsync(only))).GetProperty("total").GetInt32());
            }
        }
        foreach (var f in r.GetProperty("years").EnumerateArray().Take(3))
        {
            Assert.Equal(f.GetProperty("count").GetInt32(), await Total("&year=" + f.GetProperty("value").GetString()));
        }
        foreach (var f in r.GetProperty("issuers").EnumerateArray().Take(3))
        {
            Assert.Equal(f.GetProperty("count").GetInt32(), await Total("&issuer=" + Uri.EscapeDataString(f.GetProperty("value").GetString()!)));
        }
    }

    [Fact]
    public async Task Terms_combine_phrases_keep_order_and_exclusion_removes()
    {
        var c = await ReaderAsync();
        async Task<int> Total(string q) => (await JsonAsync(await c.GetAsync("/api/library/search?q=" + Uri.EscapeDataString(q)))).GetProperty("total").GetInt32();
        var both = await Total("听证 罚款");
        var hearing = await Total("听证");
        Assert.InRange(both, 1, hearing - 1);
        Assert.Equal(hearing - both, await Total("听证 -罚款"));
        Assert.True(await Total("\"较大数额罚款\"") >= 1);
        Assert.Equal(0, await Total("\"罚款数额较大较\""));
    }

    [Fact]
    public async Task Point_in_time_answers_the_version_in_force_on_a_date()
    {
        var c = await ReaderAsync();
        var id = await WorkIdAsync(c, "行政复议法");
        var old = await JsonAsync(await c.GetAsync($"/api/library/works/{id}/in-force?on=2020-06-01"));
        Assert.Equal("2017-09-01", old.GetProperty("versionDate").GetString());
        var now = await JsonAsync(await c.GetAsync($"/api/library/works/{id}/in-force?on=2024-06-01"));
        Assert.Equal("2023-09-01", now.GetProperty("versionDate").GetString());
        Assert.Equal("2024-01-01", now.GetProperty("effectiveOn").GetString());
        // Between the 2023 adoption and its effective date the 2017 text still applied.
        var between = await JsonAsync(await c.GetAsync($"/api/library/works/{id}/in-force?on=2023-12-31"));
        Assert.Equal("2017-09-01", between.GetProperty("versionDate").GetString());
        var work = await JsonAsync(await c.GetAsync($"/api/library/works/{id}"));
        var statuses = work.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()).ToList();
        Assert.Equal(["InForce", "Amended"], statuses);

        // Search on a date returns the articles of the version then in force.
        var s = await JsonAsync(await c.GetAsync("/api/library/search?q=" + Uri.EscapeDataString("具体行政行为") + "&on=2020-06-01&work=" + id));
        Assert.True(s.GetProperty("total").GetInt32() > 0, s.ToString() + (await c.GetStringAsync("/api/library/search?q=" + Uri.EscapeDataString("具体行政行为") + "&status=Amended")));
        Assert.All(s.GetProperty("items").EnumerateArray(), i => Assert.Equal(1, i.GetProperty("versionNumber").GetInt32()));
        var s2 = await JsonAsync(await c.GetAsync("/api/library/search?q=" + Uri.EscapeDataString("具体行政行为") + "&on=2024-06-01&work=" + id));
        Assert.Equal(0, s2.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_article_has_a_stable_address_its_text_and_what_cites_it()
    {
        var c = await ReaderAsync();
        var id = await WorkIdAsync(c, "行政处罚法");
        var a = await JsonAsync(await c.GetAsync($"/api/library/works/{id}/versions/1/articles/art-33"));
        Assert.Equal("第三十三条", a.GetProperty("article").GetProperty("label").GetString());
        Assert.Equal($"/library/{id}/1/art-33", a.GetProperty("article").GetProperty("url").GetString());
        Assert.Contains("初次违法", a.GetProperty("article").GetProperty("text").GetString());
        var missing = await c.GetAsync($"/api/library/works/{id}/versions/1/articles/art-9999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("条文", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_versions_compare_by_article()
    {
        var c = await ReaderAsync();
        var id = await WorkIdAsync(c, "行政复议法");
        var work = await JsonAsync(await c.GetAsync($"/api/library/works/{id}"));
        var numbers = work.GetProperty("versions").EnumerateArray().ToDictionary(v => v.GetProperty("versionDate").GetString()!, v => v.GetProperty("number").GetInt32());
        var rows = await JsonAsync(await c.GetAsync($"/api/library/works/{id}/compare?from={numbers["2017-09-01"]}&to={numbers["2023-09-01"]}"));
        var changes = rows.EnumerateArray().Select(r => r.GetProperty("change").GetString()).ToList();
        Assert.Contains("Added", changes);
        Assert.Contains("Changed", changes);
        Assert.Contains(changes, x => x is "Renumbered" or "RenumberedChanged");
        // The 2023 revision grew from 43 to 90 articles.
        Assert.Equal(90, rows.EnumerateArray().Count(r => r.GetProperty("newAnchor").ValueKind == JsonValueKind.String && r.GetProperty("newAnchor").GetString()!.StartsWith("art-")));
    }

    [Fact]
    public async Task A_version_exports_as_akoma_ntoso_and_docx()
    {
        var c = await ReaderAsync();
        var id = await WorkIdAsync(c, "行政处罚法");
        var xml = await c.GetAsync($"/api/library/works/{id}/versions/1/akn");
        Assert.Equal(HttpStatusCode.OK, xml.StatusCode);
        var doc = System.Xml.Linq.XDocument.Parse(await xml.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
        Assert.Equal(86, doc.Descendants(akn + "article").Count());
        Assert.Contains(doc.Descendants(akn + "chapter"), ch => ch.Element(akn + "num")?.Value == "第一章");
        var docx = await c.GetAsync($"/api/library/works/{id}/versions/1/docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("第三十三条", word.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("   ", "q")]
    [InlineData("-罚款", "q")]
    [InlineData("《》，。", "q")]
    public async Task Unusable_queries_are_refused_in_chinese_naming_the_field(string q, string field)
    {
        var c = await ReaderAsync();
        var r = await c.GetAsync("/api/library/search?q=" + Uri.EscapeDataString(q));
        var body = await JsonAsync(r, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task A_ten_thousand_character_query_and_a_bad_page_are_refused()
    {
        var c = await ReaderAsync();
        var r = await JsonAsync(await c.GetAsync("/api/library/search?q=" + new string('法', 10_000)), HttpStatusCode.BadRequest);
        Assert.Contains("100", r.GetProperty("errors").GetProperty("q")[0].GetString());
        var p = await JsonAsync(await c.GetAsync("/api/library/search?q=a&pageSize=1000"), HttpStatusCode.BadRequest);
        Assert.True(p.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Title_suggestions_put_titles_that_start_with_the_words_first()
    {
        var c = await ReaderAsync();
        var r = await JsonAsync(await c.GetAsync("/api/library/suggest?q=" + Uri.EscapeDataString("行政")));
        var titles = r.EnumerateArray().Select(x => x.GetProperty("title").GetString()!).ToList();
        Assert.Contains("中华人民共和国行政处罚法", titles);
        Assert.DoesNotContain(titles, t => !t.Contains("行政"));
        var trimmed = await JsonAsync(await c.GetAsync("/api/library/suggest?q=" + Uri.EscapeDataString("枣庄")));
        Assert.StartsWith("枣庄市", trimmed[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_public_searches_without_signing_in_and_staff_pages_need_a_sign_in()
    {
        var anon = Factory.CreateClient();
        var r = await JsonAsync(await anon.GetAsync("/api/library/public/search?q=" + Uri.EscapeDataString("罚款")));
        Assert.True(r.GetProperty("total").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync("/api/library/search?q=x")).StatusCode);
    }

    [Fact]
    public async Task References_resolve_to_the_article_in_force_on_a_date_and_flag_amended_ones()
    {
        var c = await ReaderAsync();
        var current = await JsonAsync(await c.GetAsync("/api/library/references?citation=" + Uri.EscapeDataString("行政处罚法第三十三条") + "&on=2024-01-01"));
        Assert.Equal("Current", current.GetProperty("state").GetString());
        Assert.Contains("/art-33", current.GetProperty("url").GetString());
        // 行政复议法 Art. 9 (2017: 六十日内提出申请 at Art. 9) changed in the 2023 revision.
        var old = await JsonAsync(await c.GetAsync("/api/library/references?citation=" + Uri.EscapeDataString("《中华人民共和国行政复议法》第九条") + "&on=2020-01-01"));
        Assert.Equal("Amended", old.GetProperty("state").GetString());
        Assert.NotNull(old.GetProperty("currentUrl").GetString());
        var none = await JsonAsync(await c.GetAsync("/api/library/references?citation=" + Uri.EscapeDataString("不存在的法第一条")));
        Assert.Equal("NotFound", none.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Following_articles_cite_the_same_law_and_dates_outside_the_library_say_why()
    {
        var refs = await Factory.InScopeAsync(async sp =>
        {
            var r = sp.GetRequiredService<Fazhi.Library.Contracts.ILawReferences>();
            var all = await r.ResolveAllAsync("依照《中华人民共和国行政处罚法》第三十二条、第三十三条的规定", new DateOnly(2024, 1, 1), CancellationToken.None);
            // The library holds only the 2021 text of 行政处罚法 (adopted 1996): 2010 is a version it lacks.
            var missing = await r.ResolveAsync("行政处罚法第三十三条", new DateOnly(2010, 1, 1), CancellationToken.None);
            var before = await r.ResolveAsync("行政处罚法第三十三条", new DateOnly(1990, 1, 1), CancellationToken.None);
            return (all, missing, before);
        });
        Assert.Equal(["《中华人民共和国行政处罚法》第三十二条", "第三十三条"], refs.all.Select(x => x.Citation));
        Assert.All(refs.all, x => Assert.Equal(Fazhi.Library.Contracts.ReferenceState.Current, x.State));
        Assert.EndsWith("/art-33", refs.all[1].Url);
        Assert.Equal(Fazhi.Library.Contracts.ReferenceState.VersionMissing, refs.missing.State);
        Assert.Equal(Fazhi.Library.Contracts.ReferenceState.NotYetInForce, refs.before.State);
    }

    [Fact]
    public async Task A_title_in_book_title_marks_is_read_to_its_closing_mark_even_when_it_holds_an_earlier_law_word()
    {
        // 《中华人民共和国法律援助法》: the lazy reading stopped at 中华人民共和国法 and split the citation in two, neither found.
        var refs = await Factory.InScopeAsync(sp => sp.GetRequiredService<Fazhi.Library.Contracts.ILawReferences>()
            .ResolveAllAsync("依照《中华人民共和国法律援助法》第四十一条、第四十二条办理。", new DateOnly(2024, 1, 1), CancellationToken.None));
        Assert.Equal(["《中华人民共和国法律援助法》第四十一条", "第四十二条"], refs.Select(r => r.Citation));
        Assert.All(refs, r => Assert.Equal(Fazhi.Library.Contracts.ReferenceState.Current, r.State));
        Assert.EndsWith("/art-42", refs[1].Url);
    }
}
