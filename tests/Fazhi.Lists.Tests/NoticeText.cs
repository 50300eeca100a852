using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Fazhi.Lists.Tests;

/// <summary>Opens a .docx the way Word does (the OpenXML SDK) and reads its paragraphs and East Asian fonts.</summary>
internal static class NoticeText
{
    public static (string Text, IReadOnlySet<string> Fonts) Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var text = string.Join("\n", body.Elements<Paragraph>().Select(p => p.InnerText));
        var fonts = body.Descendants<RunFonts>().Select(f => f.EastAsia?.Value).OfType<string>().ToHashSet();
        return (text, fonts);
    }
}
