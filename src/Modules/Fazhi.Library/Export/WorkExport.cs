using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Fazhi.Library.Works;

namespace Fazhi.Library.Export;

/// <summary>
/// A version's text for use outside Fazhi: Akoma Ntoso 3.0 XML (OASIS LegalDocML, <c>act</c>, the hierarchy of 编/章/节
/// as <c>part</c>/<c>chapter</c>/<c>section</c>, each 条 an <c>article</c> with its 款 as <c>paragraph</c>) and .docx.
/// </summary>
internal static class WorkExport
{
    private static readonly XNamespace Akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    public static XDocument AkomaNtoso(VersionText v, DateTime generatedUtc)
    {
        var date = v.Version.VersionDate?.ToString("yyyy-MM-dd") ?? "0001-01-01";
        var workUri = $"/akn/cn/act/{date}/{v.Work.Id:N}";
        var exprUri = $"{workUri}/zho@{date}";
        var identification = new XElement(Akn + "identification", new XAttribute("source", "#fazhi"),
            new XElement(Akn + "FRBRWork",
                new XElement(Akn + "FRBRthis", new XAttribute("value", workUri + "/!main")),
                new XElement(Akn + "FRBRuri", new XAttribute("value", workUri)),
                new XElement(Akn + "FRBRdate", new XAttribute("date", date), new XAttribute("name", "Generation")),
                new XElement(Akn + "FRBRauthor", new XAttribute("href", "#issuer")),
                new XElement(Akn + "FRBRcountry", new XAttribute("value", "cn")),
                new XElement(Akn + "FRBRname", new XAttribute("value", v.Work.Title))),
            new XElement(Akn + "FRBRExpression",
                new XElement(Akn + "FRBRthis", new XAttribute("value", exprUri + "/!main")),
                new XElement(Akn + "FRBRuri", new XAttribute("value", exprUri)),
                new XElement(Akn + "FRBRdate", new XAttribute("date", date), new XAttribute("name", "Version")),
                new XElement(Akn + "FRBRauthor", new XAttribute("href", "#issuer")),
                new XElement(Akn + "FRBRlanguage", new XAttribute("language", "zho"))),
            new XElement(Akn + "FRBRManifestation",
                new XElement(Akn + "FRBRthis", new XAttribute("value", exprUri + "/!main.xml")),
                new XElement(Akn + "FRBRuri", new XAttribute("value", exprUri + ".akn")),
                new XElement(Akn + "FRBRdate", new XAttribute("date", generatedUtc.ToString("yyyy-MM-dd")), new XAttribute("name", "Generation")),
                new XElement(Akn + "FRBRauthor", new XAttribute("href", "#fazhi"))));
        var lifecycle = new XElement(Akn + "lifecycle", new XAttribute("source", "#fazhi"),
            v.Version.EffectiveOn is { } eff ? new XElement(Akn + "eventRef", new XAttribute("date", eff.ToString("yyyy-MM-dd")), new XAttribute("eId", "evt_effective"), new XAttribute("source", "#fazhi"), new XAttribute("type", "generation")) : null);
        var references = new XElement(Akn + "references", new XAttribute("source", "#fazhi"),
            new XElement(Akn + "TLCOrganization", new XAttribute("eId", "issuer"), new XAttribute("href", "/ontology/organization/cn/" + Uri.EscapeDataString(v.Work.IssuingBody)), new XAttribute("showAs", v.Work.IssuingBody)),
            new XElement(Akn + "TLCOrganization", new XAttribute("eId", "fazhi"), new XAttribute("href", "/ontology/organization/fazhi"), new XAttribute("showAs", "Fazhi 法规库")));
        var preface = new XElement(Akn + "preface",
            new XElement(Akn + "p", new XAttribute("class", "title"), new XElement(Akn + "docTitle", v.Work.Title)),
            v.Version.History.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(h => new XElement(Akn + "p", new XAttribute("class", "history"), h)));
        var body = new XElement(Akn + "body");
        var stack = new List<(int Rank, XElement El)>();
        XElement Parent() => stack.Count > 0 ? stack[^1].El : body;
        foreach (var p in v.Provisions)
        {
            switch (p.Kind)
            {
                case ProvisionKind.Article or ProvisionKind.Paragraph:
                    var eId = p.Anchor.Replace('-', '_');
                    var el = new XElement(Akn + (p.Kind == ProvisionKind.Article ? "article" : "paragraph"), new XAttribute("eId", eId));
                    if (p.Label.Length > 0)
                    {
                        el.Add(new XElement(Akn + "num", p.Label));
                    }
                    var paras = p.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    if (p.Kind == ProvisionKind.Article)
                    {
                        el.Add(paras.Select((t, i) => new XElement(Akn + "paragraph", new XAttribute("eId", $"{eId}__para_{i + 1}"),
                            new XElement(Akn + "content", new XElement(Akn + "p", t)))));
                    }
                    else
                    {
                        el.Add(new XElement(Akn + "content", new XElement(Akn + "p", p.Text)));
                    }
                    Parent().Add(el);
                    break;
                default:
                    var rank = p.Kind switch { ProvisionKind.Part => 0, ProvisionKind.Subpart => 1, ProvisionKind.Chapter => 2, ProvisionKind.Section => 3, _ => 2 };
                    while (stack.Count > 0 && stack[^1].Rank >= rank)
                    {
                        stack.RemoveAt(stack.Count - 1);
                    }
                    var name = p.Kind switch { ProvisionKind.Part => "book", ProvisionKind.Subpart => "part", ProvisionKind.Chapter => "chapter", ProvisionKind.Section => "section", _ => "hcontainer" };
                    var h = new XElement(Akn + name, new XAttribute("eId", p.Anchor.Replace('-', '_')));
                    if (p.Kind == ProvisionKind.Heading)
                    {
                        h.Add(new XAttribute("name", "heading"));
                    }
                    if (p.Label.Length > 0)
                    {
                        h.Add(new XElement(Akn + "num", p.Label));
                    }
                    h.Add(new XElement(Akn + "heading", p.Heading));
                    Parent().Add(h);
                    stack.Add((rank, h));
                    break;
            }
        }
        if (!body.HasElements)
        {
            body.Add(new XElement(Akn + "hcontainer", new XAttribute("name", "empty"), new XAttribute("eId", "empty")));
        }
        var act = new XElement(Akn + "act", new XAttribute("name", v.Work.Title),
            new XElement(Akn + "meta", identification, lifecycle.HasElements ? lifecycle : null, references),
            preface,
            v.Preamble.Length > 0 ? new XElement(Akn + "preamble", v.Preamble.Split('\n').Select(t => new XElement(Akn + "p", t))) : null,
            body);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Akn + "akomaNtoso", act));
    }

    public static byte[] Docx(VersionText v)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Para(v.Work.Title, bold: true, size: 44, center: true, font: "方正小标宋简体"));
            foreach (var h in v.Version.History.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                body.Append(Para(h, size: 28, center: true, font: "楷体_GB2312"));
            }
            if (v.Preamble.Length > 0)
            {
                body.Append(Para(v.Preamble, size: 32));
            }
            foreach (var p in v.Provisions)
            {
                if (p.Kind is ProvisionKind.Article or ProvisionKind.Paragraph)
                {
                    var lines = p.Text.Split('\n');
                    for (var i = 0; i < lines.Length; i++)
                    {
                        var para = new Paragraph(new ParagraphProperties(new Indentation { FirstLineChars = 200 }));
                        if (i == 0 && p.Label.Length > 0)
                        {
                            para.Append(RunOf(p.Label + "　", bold: true, size: 32, font: "黑体"));
                        }
                        para.Append(RunOf(lines[i], bold: false, size: 32, font: "仿宋_GB2312"));
                        body.Append(para);
                    }
                }
                else
                {
                    body.Append(Para((p.Label + "　" + p.Heading).Trim('　'), bold: true, size: 32, center: true, font: "黑体"));
                }
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text, bool bold = false, int size = 32, bool center = false, string font = "仿宋_GB2312")
    {
        var props = new ParagraphProperties();
        if (center)
        {
            props.Append(new Justification { Val = JustificationValues.Center });
        }
        return new Paragraph(props, RunOf(text, bold, size, font));
    }

    private static Run RunOf(string text, bool bold, int size, string font)
    {
        var rp = new RunProperties(new RunFonts { EastAsia = font, Ascii = font, HighAnsi = font }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            rp.Append(new Bold());
        }
        return new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
