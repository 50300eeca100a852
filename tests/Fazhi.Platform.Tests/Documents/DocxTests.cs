using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Fazhi.Platform.Features.Documents;

namespace Fazhi.Platform.Tests.Documents;

public sealed class DocxTests
{
    [Fact]
    public void Fills_a_placeholder_split_across_runs_and_keeps_the_first_runs_formatting()
    {
        var template = Template(body =>
        {
            body.Append(new Paragraph(
                new Run(new Text("申请人：")),
                new Run(new RunProperties(new Bold()), new Text("{{申请")),
                new Run(new Text("人}}")),
                new Run(new Text("，受理编号 {{ CaseNo }}。"))));
            body.Append(new Paragraph(new Run(new Text("{{Missing}}"))));
        });

        var filled = DocxTemplate.Fill(template, new DocxData().Set("申请人", "王某某").Set("CaseNo", "枣非诉〔2026〕0123号"));

        var paragraphs = Paragraphs(filled);
        Assert.Equal("申请人：王某某，受理编号 枣非诉〔2026〕0123号。", paragraphs[0].InnerText);
        Assert.Equal("{{Missing}}", paragraphs[1].InnerText);
        var boldRun = paragraphs[0].Elements<Run>().Single(r => r.RunProperties?.Bold is not null);
        Assert.Equal("王某某", boldRun.InnerText);
    }

    [Fact]
    public void Repeats_a_table_row_for_each_list_entry()
    {
        var template = Template(body => body.Append(new Table(
            Row("序号", "名称"),
            Row("{{#Items}}{{No}}", "{{Na", "me}}（{{City}}）{{/Items}}"),
            Row("合计", "{{Total}}"))));
        var data = new DocxData().Set("Total", "2").Set("City", "枣庄市").SetList("Items",
        [
            new Dictionary<string, string> { ["No"] = "1", ["Name"] = "市中区" },
            new Dictionary<string, string> { ["No"] = "2", ["Name"] = "薛城区" },
        ]);

        var filled = DocxTemplate.Fill(template, data);

        using var doc = WordprocessingDocument.Open(new MemoryStream(filled), false);
        var rows = doc.MainDocumentPart!.Document.Body!.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["1", "市中区（枣庄市）"], rows[1]);
        Assert.Equal(["2", "薛城区（枣庄市）"], rows[2]);
        Assert.Equal(["合计", "2"], rows[3]);
    }

    [Fact]
    public void Empty_list_removes_the_block_and_line_breaks_become_breaks()
    {
        var template = Template(body =>
        {
            body.Append(new Table(Row("{{#Rows}}{{A}}{{/Rows}}")));
            body.Append(new Paragraph(new Run(new Text("{{Address}}"))));
        });

        var filled = DocxTemplate.Fill(template, new DocxData().Set("Address", "枣庄市\n市中区"));

        using var doc = WordprocessingDocument.Open(new MemoryStream(filled), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        Assert.Empty(body.Descendants<TableRow>());
        var run = body.Elements<Paragraph>().Single().Elements<Run>().Single();
        Assert.Single(run.Elements<Break>());
        Assert.Equal(["枣庄市", "市中区"], run.Elements<Text>().Select(t => t.Text));
    }

    [Fact]
    public void Notice_from_code_has_number_title_body_signature_date_and_a_cjk_font()
    {
        var bytes = DocxNotice.Create(new OfficialNotice
        {
            Issuer = "枣庄市非诉讼纠纷化解服务中心",
            DocNumber = "枣非诉〔2026〕0123号",
            Title = "受理通知书",
            Recipient = "王某某：",
            Body = ["你于2026年3月2日提出的调解申请，本中心已受理。", "特此通知。"],
            Signature = "枣庄市非诉讼纠纷化解服务中心",
            Date = new DateOnly(2026, 3, 5),
        });

        var paragraphs = Paragraphs(bytes).Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        Assert.Equal(
            ["枣庄市非诉讼纠纷化解服务中心", "枣非诉〔2026〕0123号", "受理通知书", "王某某：", "你于2026年3月2日提出的调解申请，本中心已受理。", "特此通知。", "枣庄市非诉讼纠纷化解服务中心", "2026年3月5日"],
            paragraphs);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var bodyRun = doc.MainDocumentPart!.Document.Body!.Descendants<Run>().First(r => r.InnerText.StartsWith("你于", StringComparison.Ordinal));
        Assert.Equal("仿宋", bodyRun.RunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", bodyRun.RunProperties.FontSize!.Val!.Value);
        Assert.DoesNotContain(doc.MainDocumentPart.Document.Body!.Descendants<Run>(), r => r.RunProperties?.RunFonts?.EastAsia is null);
    }

    [Fact]
    public void Chinese_date_follows_gb_t_9704_without_leading_zeros()
    {
        Assert.Equal("2026年3月5日", DocxNotice.ChineseDate(new DateOnly(2026, 3, 5)));
        Assert.Equal("2025年12月31日", DocxNotice.ChineseDate(new DateOnly(2025, 12, 31)));
    }

    private static byte[] Template(Action<Body> build)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            build(body);
            doc.AddMainDocumentPart().Document = new Document(body);
        }
        return ms.ToArray();
    }

    private static TableRow Row(params string[] cells) => new(cells.Length == 3
        ? [new TableCell(new Paragraph(new Run(new Text(cells[0])))), new TableCell(new Paragraph(new Run(new Text(cells[1])), new Run(new Text(cells[2]))))]
        : cells.Select(c => new TableCell(new Paragraph(new Run(new Text(c))))).ToArray<OpenXmlElement>());

    private static List<Paragraph> Paragraphs(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => (Paragraph)p.CloneNode(true)).ToList();
    }
}
