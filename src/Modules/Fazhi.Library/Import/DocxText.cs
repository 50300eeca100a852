using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Fazhi.Library.Import;

/// <summary>The paragraphs of a .docx as plain lines (a local document typed in Word), or null when it is not a .docx.</summary>
internal static class DocxText
{
    public static IReadOnlyList<string>? Paragraphs(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return null;
            }
            return body.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))).ToList();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException)
        {
            return null;
        }
    }
}
