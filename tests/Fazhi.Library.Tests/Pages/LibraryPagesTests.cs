using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fazhi.Library.Tests.Pages;

/// <summary>
/// The library's pages as a browser uses them: the administrators' upload and manual-entry forms post back to the page
/// (antiforgery token and form name taken from it), refusals show under the field, the public reads published works only,
/// and citations and comparisons open from the text.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class LibraryPagesTests(LibraryHost host)
{
    private FazhiFactory Factory => host.Factory;

    private static string Law(string title, string date, string article) => TestLaws.Markdown(title, date, article);

    /// <summary>Posts the page's multipart upload form as a browser does: the page's token, the form name, the chosen files.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, EffectLevelText level, params (string Name, string Text)[] files)
    {
        var page = await client.GetStringAsync("/library/manage");
        var token = TokenRegex().Match(page);
        Assert.True(token.Success, "The manage page carries no antiforgery token.");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent("upload"), "_handler" },
            { new StringContent(level.Value), "level" },
        };
        foreach (var (name, text) in files)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
            form.Add(file, "files", name);
        }
        return await client.PostAsync("/library/manage", form);
    }

    private sealed record EffectLevelText(string Value);

    [Fact]
    public async Task An_administrator_uploads_several_files_on_the_page_and_sees_each_result_with_file_and_line()
    {
        var admin = await Factory.SignedInBrowserAsync(await Factory.CreateUserAsync("library-admin"));
        var title = "枣庄市页面导入条例" + Guid.NewGuid().ToString("N")[..6];
        var good = (title + "(2021-03-01).md", Law(title, "2021年3月1日", "为了规范页面导入，制定本条例。"));
        var bad = ("坏文件.md", Law(title + "乙", "2021年2月30日", "内容。"));

        var response = await UploadAsync(admin, new EffectLevelText("MunicipalRegulation"), good, bad);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = ResultsTable().Match(html).Value;
        Assert.Contains(title, results);
        Assert.Contains("新增", results);
        Assert.Contains("拒绝", results);
        Assert.Contains("坏文件.md 第 3 行", results);

        // The same file again is 未变; the level chosen on the form was applied to the new work.
        var again = await (await UploadAsync(admin, new EffectLevelText(""), good)).Content.ReadAsStringAsync();
        Assert.Contains("未变", ResultsTable().Match(again).Value);
        var api = await Factory.ApiClientAsync(await Factory.CreateUserAsync());
        var list = JsonDocument.Parse(await api.GetStringAsync("/api/library/works?title=" + Uri.EscapeDataString(title))).RootElement;
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal("MunicipalRegulation", list.GetProperty("items")[0].GetProperty("level").GetString());
    }

    [Fact]
    public async Task The_upload_form_refuses_a_post_without_the_antiforgery_token()
    {
        var admin = await Factory.SignedInBrowserAsync(await Factory.CreateUserAsync("library-admin"));
        using var form = new MultipartFormDataContent { { new StringContent("upload"), "_handler" } };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(Law("枣庄市无令牌条例", "2021年3月1日", "内容。"))), "files", "无令牌.md");
        var response = await admin.PostAsync("/library/manage", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Manual_entry_shows_refusals_under_the_fields_and_stores_nothing()
    {
        var admin = await Factory.SignedInBrowserAsync(await Factory.CreateUserAsync("library-admin"));
        var response = await Forms.SubmitAsync(admin, "/library/manage", "manual", new Dictionary<string, string>
        {
            ["Manual.Title"] = "",
            ["Manual.Level"] = "NormativeDocument",
            ["Manual.PromulgatedOn"] = "2026-03-01",
            ["Manual.EffectiveOn"] = "2026-02-01",
            ["Manual.Text"] = "第一条 为了测试，制定本办法。",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Each message sits in its field's block, right under the input.
        Assert.Matches(new Regex("id=\"me-title\"[^>]*>\\s*<div class=\"field-error\"[^>]*>[^<]*标题"), html);
        Assert.Matches(new Regex("id=\"me-effective\"[^>]*>\\s*<div class=\"field-error\"[^>]*>施行日期不能早于公布日期"), html);
        // What was typed is kept.
        Assert.Contains("第一条 为了测试，制定本办法。", html);
    }

    [Fact]
    public async Task Manual_entry_stores_a_document_and_the_public_cannot_read_it_when_not_published()
    {
        var admin = await Factory.SignedInBrowserAsync(await Factory.CreateUserAsync("library-admin"));
        var title = "枣庄市内部工作规程" + Guid.NewGuid().ToString("N")[..6];
        var response = await Forms.SubmitAsync(admin, "/library/manage", "manual", new Dictionary<string, string>
        {
            ["Manual.Title"] = title,
            ["Manual.Level"] = "NormativeDocument",
            ["Manual.IssuingBody"] = "枣庄市司法局",
            ["Manual.PromulgatedOn"] = "2026-03-01",
            ["Manual.DocumentNumber"] = "枣司发〔2026〕3号",
            ["Manual.Text"] = "第一条 为了规范内部工作，制定本规程。\n第二条 本规程自印发之日起施行。",
            // Manual.IsPublic not sent: the box was unticked.
        });
        var html = await response.Content.ReadAsStringAsync();
        var id = Regex.Match(html, "已录入《" + title + "》[^<]*<a href=\"/library/manage/([0-9a-f-]{36})\"");
        Assert.True(id.Success, html.Length > 3000 ? html[..3000] : html);
        var workId = id.Groups[1].Value;

        var anonymous = Factory.BrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/library/{workId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/library/{workId}/1")).StatusCode);
        // Staff read it.
        Assert.Contains("为了规范内部工作", await admin.GetStringAsync($"/library/{workId}/1"));
    }

    [Fact]
    public async Task The_public_reads_a_published_law_with_public_links_only()
    {
        var id = await WorkIdAsync("行政复议法");
        var anonymous = Factory.BrowserClient();
        var response = await anonymous.GetAsync($"/public/library/{id}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("中华人民共和国行政复议法", html);
        Assert.Contains("id=\"art-1\"", html);
        Assert.DoesNotContain("href=\"/library/", html);
    }

    [Fact]
    public async Task A_citation_opens_the_article_for_staff_and_the_public_and_a_missing_one_says_so()
    {
        var staff = await Factory.SignedInBrowserAsync(await Factory.CreateUserAsync());
        var cite = "/library/cite?c=" + Uri.EscapeDataString("《中华人民共和国行政处罚法》第三十三条") + "&on=2024-01-01";
        var found = await staff.GetAsync(cite);
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Matches("(^|//[^/]+)/library/[0-9a-f-]{36}/1/art-33$", found.Headers.Location!.OriginalString);

        var anonymous = Factory.BrowserClient();
        var publicFound = await anonymous.GetAsync("/public" + cite);
        Assert.Equal(HttpStatusCode.Redirect, publicFound.StatusCode);
        Assert.Matches("(^|//[^/]+)/public/library/[0-9a-f-]{36}/1#art-33$", publicFound.Headers.Location!.OriginalString);

        var missing = await anonymous.GetAsync("/public/library/cite?c=" + Uri.EscapeDataString("《枣庄市不存在的条例》第三条"));
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("法规库中没有找到这部法规。", html);
    }

    [Fact]
    public async Task Comparing_two_versions_marks_changed_articles_with_inline_differences()
    {
        var id = await WorkIdAsync("行政复议法");
        var staff = await Factory.SignedInBrowserAsync(await Factory.CreateUserAsync());
        var html = await staff.GetStringAsync($"/library/{id}/compare?from=1&to=2");
        Assert.Contains("<ins>", html);
        Assert.Contains("<del>", html);
        Assert.Contains("change-Added", html);
        var changedOnly = await staff.GetStringAsync($"/library/{id}/compare?from=1&to=2&changed=true");
        Assert.DoesNotContain("<tr class=\"change-Unchanged\"", changedOnly);
        Assert.Equal(Regex.Count(html, "<tr class=\"change-(?!Unchanged)"), Regex.Count(changedOnly, "<tr class=\"change-"));
        Assert.Contains("第 3 版不存在", await staff.GetStringAsync($"/library/{id}/compare?from=1&to=3"));
    }

    [Fact]
    public async Task Editing_a_work_on_its_page_saves_or_shows_the_refusal_under_the_field()
    {
        var admin = await Factory.SignedInBrowserAsync(await Factory.CreateUserAsync("library-admin"));
        var title = "枣庄市编辑测试条例" + Guid.NewGuid().ToString("N")[..6];
        var upload = await (await UploadAsync(admin, new EffectLevelText("MunicipalRegulation"), (title + ".md", Law(title, "2021年3月1日", "为了测试编辑，制定本条例。")))).Content.ReadAsStringAsync();
        var workId = Regex.Match(upload, "<a href=\"/library/manage/([0-9a-f-]{36})\">" + title).Groups[1].Value;
        var page = $"/library/manage/{workId}";
        var version = Regex.Match(await admin.GetStringAsync(page), "name=\"End.Version\" value=\"(\\d+)\"").Groups[1].Value;

        var refused = await (await Forms.SubmitAsync(admin, page, "end", new Dictionary<string, string>
        {
            ["End.End"] = "Repealed", ["End.Version"] = version, ["End.Note"] = "",
        })).Content.ReadAsStringAsync();
        Assert.Matches(new Regex("id=\"e-date\"[^>]*>\\s*<div class=\"field-error\"[^>]*>请填写废止或失效的日期"), refused);

        var saved = await (await Forms.SubmitAsync(admin, page, "end", new Dictionary<string, string>
        {
            ["End.End"] = "Repealed", ["End.EndedOn"] = "2025-06-30", ["End.Version"] = version, ["End.Note"] = "枣庄市人大常委会决定废止",
        })).Content.ReadAsStringAsync();
        Assert.Contains("时效性已保存。", saved);
        Assert.Contains("已废止", saved);

        // The stamp read before the repeal is stale now: refused, nothing saved.
        var stale = await (await Forms.SubmitAsync(admin, page, "facts", new Dictionary<string, string>
        {
            ["Facts.Title"] = title + "（改）", ["Facts.Level"] = "MunicipalRegulation", ["Facts.Version"] = version,
        })).Content.ReadAsStringAsync();
        Assert.Contains("该记录已被他人修改", stale);
        Assert.DoesNotContain(title + "（改）</h1>", stale);

        var corrected = await (await Forms.SubmitAsync(admin, page + "?v=1&art=art-1", "article", new Dictionary<string, string>
        {
            ["Art.Number"] = "1", ["Art.Anchor"] = "art-1", ["Art.Text"] = "为了测试条文更正，制定本条例。", ["Art.Reason"] = "据公报原文更正",
        })).Content.ReadAsStringAsync();
        Assert.Contains("条文已更正", corrected);
        Assert.Contains("为了测试条文更正，制定本条例。", await admin.GetStringAsync($"/library/{workId}/1"));
    }

    private async Task<string> WorkIdAsync(string title)
    {
        var api = await Factory.ApiClientAsync(await Factory.CreateUserAsync());
        var list = await api.GetFromJsonAsync<JsonElement>("/api/library/works?title=" + Uri.EscapeDataString(title));
        return list.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("<div class=\"panel\" id=\"import-results\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex ResultsTable();
}
