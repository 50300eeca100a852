using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Fazhi.Platform.Features.Documents;

/// <summary>An official notice (通知书、告知书) to be written without a template file.</summary>
public sealed record OfficialNotice
{
    /// <summary>发文机关标志, e.g. 枣庄市非诉讼纠纷化解服务中心; printed in red above the document number. Optional.</summary>
    public string? Issuer { get; init; }

    /// <summary>发文字号, e.g. 枣非诉〔2026〕0123号. Optional.</summary>
    public string? DocNumber { get; init; }

    public required string Title { get; init; }

    /// <summary>主送机关 or the addressee, e.g. 王某某：. Optional.</summary>
    public string? Recipient { get; init; }

    /// <summary>Body paragraphs, each indented by two characters.</summary>
    public required IReadOnlyList<string> Body { get; init; }

    /// <summary>发文机关署名 (落款).</summary>
    public string? Signature { get; init; }

    /// <summary>成文日期, written as 2026年3月5日.</summary>
    public DateOnly? Date { get; init; }
}

/// <summary>
/// Writes an official notice as .docx in the layout of GB/T 9704-2012《党政机关公文格式》: A4, margins 37/35/28/26 mm,
/// title in 宋体 2号 (22 pt) bold and centred, body in 仿宋 3号 (16 pt) on a fixed 28 pt line, first lines indented two
/// characters, signature and date on the right. Fonts are set for East Asian text (w:eastAsia), so Word and WPS use the
/// CJK font for Chinese and Times New Roman for Latin letters and digits.
/// </summary>
public static class DocxNotice
{
    public const string BodyFont = "仿宋";
    public const string TitleFont = "宋体";
    public const string LatinFont = "Times New Roman";

    private const string Red = "C00000";

    public static byte[] Create(OfficialNotice notice)
    {
        using var ms = new MemoryStream();
        Create(notice, ms);
        return ms.ToArray();
    }

    public static void Create(OfficialNotice notice, Stream output)
    {
        ArgumentNullException.ThrowIfNull(notice);
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();

        if (!string.IsNullOrWhiteSpace(notice.Issuer))
        {
            body.Append(Para(notice.Issuer, TitleFont, 52, JustificationValues.Center, bold: true, color: Red, spacingAfter: 240));
        }
        if (!string.IsNullOrWhiteSpace(notice.DocNumber))
        {
            // 版头中的分隔线: with an issuer mark, a red rule under the document number.
            body.Append(Para(notice.DocNumber, BodyFont, 32, JustificationValues.Center, spacingAfter: 120, redRule: !string.IsNullOrWhiteSpace(notice.Issuer)));
        }
        body.Append(Para(notice.Title, TitleFont, 44, JustificationValues.Center, bold: true, spacingBefore: 480, spacingAfter: 480, exactLine: false));
        if (!string.IsNullOrWhiteSpace(notice.Recipient))
        {
            body.Append(Para(notice.Recipient, BodyFont, 32, JustificationValues.Left));
        }
        foreach (var text in notice.Body)
        {
            body.Append(Para(text, BodyFont, 32, JustificationValues.Both, firstLineIndent: true));
        }
        if (!string.IsNullOrWhiteSpace(notice.Signature) || notice.Date is not null)
        {
            body.Append(Para("", BodyFont, 32, JustificationValues.Left));
        }
        if (!string.IsNullOrWhiteSpace(notice.Signature))
        {
            body.Append(Para(notice.Signature, BodyFont, 32, JustificationValues.Right, rightIndentChars: 400));
        }
        if (notice.Date is { } date)
        {
            body.Append(Para(ChineseDate(date), BodyFont, 32, JustificationValues.Right, rightIndentChars: 400));
        }
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>成文日期 per GB/T 9704-2012 7.3.5.1: Arabic numerals, the year in full, no leading zero (2026年3月5日).</summary>
    public static string ChineseDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>Run properties for Chinese text: the CJK font on w:eastAsia, Latin font for letters and digits.</summary>
    public static RunProperties CjkRunProperties(string cjkFont, int halfPoints, bool bold = false, string? color = null)
    {
        var rp = new RunProperties(new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = cjkFont, ComplexScript = LatinFont, Hint = FontTypeHintValues.EastAsia });
        if (bold)
        {
            rp.Append(new Bold());
        }
        if (color is not null)
        {
            rp.Append(new Color { Val = color });
        }
        rp.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        rp.Append(new FontSizeComplexScript { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        rp.Append(new Languages { Val = "en-US", EastAsia = "zh-CN" });
        return rp;
    }

    private static Paragraph Para(string text, string font, int halfPoints, JustificationValues align, bool bold = false, string? color = null,
        bool firstLineIndent = false, int rightIndentChars = 0, int spacingBefore = 0, int spacingAfter = 0, bool exactLine = true, bool redRule = false)
    {
        var pp = new ParagraphProperties();
        if (redRule)
        {
            pp.Append(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Color = Red, Space = 6 }));
        }
        pp.Append(new SpacingBetweenLines
        {
            Before = spacingBefore.ToString(CultureInfo.InvariantCulture),
            After = spacingAfter.ToString(CultureInfo.InvariantCulture),
            // 28 pt fixed line (560 twips): 22 lines a page, as the standard's 版心 asks.
            Line = exactLine ? "560" : "240",
            LineRule = exactLine ? LineSpacingRuleValues.Exact : LineSpacingRuleValues.Auto,
        });
        if (firstLineIndent || rightIndentChars > 0)
        {
            var ind = new Indentation();
            if (firstLineIndent)
            {
                ind.FirstLineChars = 200;
            }
            if (rightIndentChars > 0)
            {
                ind.RightChars = rightIndentChars;
            }
            pp.Append(ind);
        }
        pp.Append(new Justification { Val = align });
        var run = new Run(CjkRunProperties(font, halfPoints, bold, color), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(pp, run);
    }
}
