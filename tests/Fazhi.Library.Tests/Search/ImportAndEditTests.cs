using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Fazhi.Library.Tests.Search;

/// <summary>Importing (idempotent, all or nothing per file, new versions never overwrite), manual entry and audited edits.</summary>
[Collection(HostCollection.Name)]
public sealed class ImportAndEditTests(LibraryHost host)
{
    private FazhiFactory Factory => host.Factory;

    private static MultipartFormDataContent Upload(string name, string text)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        form.Add(file, "file", name);
        return form;
    }

    private static string Law(string title, string date, string article) => TestLaws.Markdown(title, date, article);

    [Fact]
    public async Task An_import_is_idempotent_an_amendment_is_a_new_version_and_search_follows()
    {
        var admin = await Factory.ApiClientAsync(await Factory.CreateUserAsync("library-admin"));
        var title = "枣庄市测试条例" + Guid.NewGuid().ToString("N")[..6];
        var first = await admin.PostAsync("/api/library/import", Upload(title + "(2020-01-01).md", Law(title, "2020年1月1日", "为了保护古树名木，制定本条例。")));
        var r1 = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal("NewWork", r1.GetProperty("kind").GetString());
        var again = await admin.PostAsync("/api/library/import", Upload(title + "(2020-01-01).md", Law(title, "2020年1月1日", "为了保护古树名木，制定本条例。")));
        Assert.Equal("Unchanged", JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement[0].GetProperty("kind").GetString());
        var amended = await admin.PostAsync("/api/library/import", Upload(title + "(2024-05-01).md", Law(title, "2024年5月1日", "为了保护古树名木和生态环境，制定本条例。")));
        Assert.Equal("NewVersion", JsonDocument.Parse(await amended.Content.ReadAsStringAsync()).RootElement[0].GetProperty("kind").GetString());
        var workId = r1.GetProperty("workId").GetGuid();
        var work = JsonDocument.Parse(await admin.GetStringAsync($"/api/library/works/{workId}")).RootElement;
        Assert.Equal(2, work.GetProperty("versions").GetArrayLength());

        // The index follows the change feed: the new wording is found, the old one only as 已修改.
        await Factory.InScopeAsync(sp => sp.GetRequiredService<Fazhi.Library.Search.IndexFollower>().CatchUpAsync(CancellationToken.None));
        var hits = JsonDocument.Parse(await admin.GetStringAsync($"/api/library/search?q=生态环境&work={workId}")).RootElement;
        Assert.True(1 == hits.GetProperty("total").GetInt32(), hits.ToString());
        var old = JsonDocument.Parse(await admin.GetStringAsync($"/api/library/search?q=古树名木&work={workId}&status=Amended")).RootElement;
        Assert.Equal(1, old.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_local_docx_is_imported_with_its_chapters_articles_and_effective_date()
    {
        var admin = await Factory.ApiClientAsync(await Factory.CreateUserAsync("library-admin"));
        var title = "枣庄市行政执法公示办法" + Guid.NewGuid().ToString("N")[..6];
        using var stream = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var body = new DocumentFormat.OpenXml.Wordprocessing.Body();
            foreach (var line in new[] { title, "（2024年3月1日枣庄市人民政府第30次常务会议通过 自2024年5月1日起施行）", "第一章 总则", "第一条 为了规范行政执法公示，制定本办法。", "第二条 行政执法机关应当公示执法信息。" })
            {
                body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(line))));
            }
            doc.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
        }
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(file, "file", title + ".docx");
        var r = JsonDocument.Parse(await (await admin.PostAsync("/api/library/import?level=NormativeDocument", form)).Content.ReadAsStringAsync()).RootElement[0];
        Assert.True(r.GetProperty("kind").GetString() == "NewWork", r.ToString());
        var work = JsonDocument.Parse(await admin.GetStringAsync($"/api/library/works/{r.GetProperty("workId").GetGuid()}")).RootElement;
        Assert.Equal("NormativeDocument", work.GetProperty("level").GetString());
        Assert.Equal("枣庄市人民政府", work.GetProperty("issuingBody").GetString());
        Assert.Equal("2024-05-01", work.GetProperty("versions")[0].GetProperty("effectiveOn").GetString());
        Assert.Equal(2, work.GetProperty("versions")[0].GetProperty("articles").GetInt32());
        var notDocx = await admin.PostAsync("/api/library/import", Upload("假的.docx", "这不是 docx"));
        Assert.Contains("不是有效的 .docx 文件", await notDocx.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_malformed_file_names_file_and_line_and_stores_nothing()
    {
        var admin = await Factory.ApiClientAsync(await Factory.CreateUserAsync("library-admin"));
        var title = "枣庄市坏条例" + Guid.NewGuid().ToString("N")[..6];
        var bad = Law(title, "2020年2月30日", "内容。");
        var r = JsonDocument.Parse(await (await admin.PostAsync("/api/library/import", Upload("坏.md", bad))).Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal("Refused", r.GetProperty("kind").GetString());
        Assert.Equal(3, r.GetProperty("line").GetInt32());
        Assert.Contains("坏.md 第 3 行", r.GetProperty("message").GetString());
        var list = JsonDocument.Parse(await admin.GetStringAsync("/api/library/works?title=" + Uri.EscapeDataString(title))).RootElement;
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Readers_cannot_import_or_edit()
    {
        var reader = await Factory.ApiClientAsync(await Factory.CreateUserAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/library/import", Upload("x.md", Law("x", "2020年1月1日", "y")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/library/reindex", new { })).StatusCode);
    }

    [Fact]
    public async Task A_cookie_form_upload_without_the_antiforgery_token_is_refused()
    {
        var user = await Factory.CreateUserAsync("library-admin", enrolTotp: false);
        var browser = await Factory.SignedInBrowserAsync(user);
        var r = await browser.PostAsync("/api/library/import", Upload("x.md", Law("x", "2020年1月1日", "y")));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("防伪令牌", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Manual_entry_repeal_and_article_correction_are_audited_and_change_status()
    {
        var admin = await Factory.ApiClientAsync(await Factory.CreateUserAsync("library-admin"));
        // Unique per run, and citable: a citation's title is Chinese and ends in a kind of law (办法).
        var title = "枣庄市" + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => "零一二三四五六七八九甲乙丙丁戊己"[Convert.ToInt32(c.ToString(), 16)])) + "行政规范性文件管理办法";
        var missing = await admin.PostAsJsonAsync("/api/library/works", new { title, level = "NormativeDocument", isPublic = true, text = "第一条 内容。" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("promulgatedOn", await missing.Content.ReadAsStringAsync());
        var created = await admin.PostAsJsonAsync("/api/library/works", new
        {
            title, level = "NormativeDocument", issuingBody = "枣庄市人民政府", region = "枣庄市", promulgatedOn = "2024-03-01", effectiveOn = "2024-05-01",
            documentNumber = "枣政规〔2024〕1号", isPublic = true,
            text = "第一章 总则\n第一条 为了规范行政规范性文件管理，制定本办法。\n第二条 本办法自2024年5月1日起施行。",
        });
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToString());
        var id = body.GetProperty("workId").GetGuid();
        var work = JsonDocument.Parse(await admin.GetStringAsync($"/api/library/works/{id}")).RootElement;
        Assert.Equal("InForce", work.GetProperty("status").GetString());
        Assert.Equal("枣政规〔2024〕1号", work.GetProperty("versions")[0].GetProperty("documentNumber").GetString());

        var edit = await admin.PutAsJsonAsync($"/api/library/works/{id}/versions/1/articles/art-1", new { text = "为了规范行政规范性文件的管理，制定本办法。", reason = "更正导入错字" });
        Assert.Equal(HttpStatusCode.NoContent, edit.StatusCode);
        var noReason = await admin.PutAsJsonAsync($"/api/library/works/{id}/versions/1/articles/art-1", new { text = "x", reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        // Other modules' citations of it: the answer is shared across requests (ADR 0053) until the library changes.
        Task<Fazhi.Library.Contracts.LawReference> CiteAsync() => Factory.InScopeAsync(sp => sp.GetRequiredService<Fazhi.Library.Contracts.ILawReferences>()
            .ResolveAsync($"《{title}》第一条", new DateOnly(2024, 6, 1), CancellationToken.None));
        Assert.Equal(Fazhi.Library.Contracts.ReferenceState.Current, (await CiteAsync()).State);
        Assert.Equal(Fazhi.Library.Contracts.ReferenceState.Current, (await CiteAsync()).State);

        var early = await admin.PutAsJsonAsync($"/api/library/works/{id}/end", new { end = "Repealed", endedOn = "2024-04-01", note = "x", version = work.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var repeal = await admin.PutAsJsonAsync($"/api/library/works/{id}/end", new { end = "Repealed", endedOn = "2025-01-01", note = "被新办法取代", version = work.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.NoContent, repeal.StatusCode);
        var stale = await admin.PutAsJsonAsync($"/api/library/works/{id}/end", new { end = "None", version = work.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        work = JsonDocument.Parse(await admin.GetStringAsync($"/api/library/works/{id}")).RootElement;
        Assert.Equal("Repealed", work.GetProperty("status").GetString());
        Assert.Equal(Fazhi.Library.Contracts.ReferenceState.Repealed, (await CiteAsync()).State);

        var audit = await Factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Fazhi.Library.Data.LibraryDb>();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                db.Set<Fazhi.Platform.Features.Audit.AuditEntry>().Where(a => a.Action == "library.article.edit"));
        });
        Assert.True(audit >= 1);
    }
}
