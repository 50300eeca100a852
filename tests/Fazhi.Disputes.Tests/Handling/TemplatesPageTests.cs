using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Disputes.Tests.Infrastructure;

namespace Fazhi.Disputes.Tests.Handling;

/// <summary>
/// The template administrator uploads a Word template on the templates page (no API client needed), sees a refusal inline
/// when the file is not a Word document, and switches back to the text template. Uses the extension notice only.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class TemplatesPageTests(FazhiFactory factory)
{
    private const string Page = "/disputes/templates?kind=extension";

    [Fact]
    public async Task A_word_template_is_uploaded_refused_when_invalid_and_withdrawn_on_the_page()
    {
        var user = await factory.CreateUserAsync("dispute-template-admin", "370400");
        var browser = await factory.SignedInBrowserAsync(user);
        var api = await factory.ApiClientAsync(user);
        Assert.Contains("当前按上方文本模板生成文书", WebUtility.HtmlDecode(await browser.GetStringAsync(Page)));

        var refused = WebUtility.HtmlDecode(await (await PostAsync(browser, "docx", Encoding.UTF8.GetBytes("这不是 Word 文档"), "延期通知.docx")).Content.ReadAsStringAsync());
        Assert.Contains("上传的文件不是有效的 Word（.docx）文档。", refused);
        Assert.Null(await DocxFileNameAsync(api));

        var uploaded = WebUtility.HtmlDecode(await (await PostAsync(browser, "docx", MinimalDocx("{{申请人}}：本案办理期限延长{{延长天数}}日。{{文号}}"), "延期审理通知书（本中心）.docx")).Content.ReadAsStringAsync());
        Assert.Contains("Word 模板已上传", uploaded);
        Assert.Contains("延期审理通知书（本中心）.docx", uploaded);
        Assert.Equal("延期审理通知书（本中心）.docx", await DocxFileNameAsync(api));

        var withdrawn = WebUtility.HtmlDecode(await (await PostAsync(browser, "docx-remove", null, null)).Content.ReadAsStringAsync());
        Assert.Contains("已停用 Word 模板", withdrawn);
        Assert.Null(await DocxFileNameAsync(api));

        // Only the template administrator sees the page.
        var clerk = await factory.SignedInBrowserAsync(await factory.CreateUserAsync("dispute-clerk", "370400"));
        var denied = await clerk.GetAsync(Page);
        Assert.DoesNotContain("tpl-docx", await denied.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string formName, byte[]? file, string? fileName)
    {
        var page = await browser.GetStringAsync(Page);
        var token = WebUtility.HtmlDecode(TokenRegex().Match(page).Groups[1].Value);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(formName), "_handler" },
        };
        if (file is not null)
        {
            form.Add(new ByteArrayContent(file), "file", fileName!);
        }
        var response = await browser.PostAsync(Page, form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static async Task<string?> DocxFileNameAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/disputes/document-templates")).EnumerateArray()
            .Single(t => t.GetProperty("kind").GetString() == "extension").GetProperty("docxFileName").GetString();

    /// <summary>The smallest valid Word document: content types, the package relationship and one paragraph.</summary>
    private static byte[] MinimalDocx(string text)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }
            Part("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Part("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
                $"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>");
        }
        return ms.ToArray();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
