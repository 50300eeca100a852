using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Fazhi.Platform.Features.Documents;

/// <summary>One column of an exported sheet: its header and, optionally, its width in characters.</summary>
public sealed record XlsxColumn(string Header, double? Width = null);

/// <summary>A sheet to write: a name, the columns and the rows (read once, in order, so they may be streamed from a query).</summary>
/// <remarks>
/// Cell values: strings are written as inline strings; integers and decimals as numbers; <see cref="DateTime"/>,
/// <see cref="DateOnly"/> and <see cref="DateTimeOffset"/> as dates (yyyy-mm-dd, with the time when it is not midnight);
/// booleans as booleans; null as an empty cell; anything else by its <c>ToString()</c>.
/// </remarks>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes .xlsx workbooks for exports with a forward-only <see cref="OpenXmlWriter"/>: memory stays flat however many rows.
/// The header row is bold and frozen.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint BoldStyle = 1;
    private const uint DateStyle = 2;
    private const uint DateTimeStyle = 3;

    public static byte[] Write(params XlsxSheet[] sheets)
    {
        using var ms = new MemoryStream();
        Write(ms, sheets);
        return ms.ToArray();
    }

    public static void Write(Stream output, params XlsxSheet[] sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (sheets.Length == 0)
        {
            throw new ArgumentException("至少需要一个工作表。", nameof(sheets));
        }
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = doc.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = BuildStylesheet();
        var sheetList = new Sheets();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(part, sheet);
            var name = SheetName(sheet.Name, sheetId);
            while (!names.Add(name))
            {
                name = SheetName($"{name[..Math.Min(name.Length, 27)]}_{sheetId}", sheetId);
            }
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = name });
        }
        workbookPart.Workbook = new Workbook(sheetList);
        workbookPart.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { WorkbookViewId = 0 }));
        if (sheet.Columns.Count > 0)
        {
            w.WriteStartElement(new Columns());
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                var c = sheet.Columns[i];
                var width = c.Width ?? Math.Clamp(DisplayWidth(c.Header) + 4, 8, 60);
                w.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true });
            }
            w.WriteEndElement();
        }
        w.WriteStartElement(new SheetData());
        var rowNumber = 1u;
        if (sheet.Columns.Count > 0)
        {
            WriteRow(w, rowNumber++, sheet.Columns.Select(c => (object?)c.Header).ToList(), BoldStyle);
        }
        foreach (var row in sheet.Rows)
        {
            WriteRow(w, rowNumber++, row, null);
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter w, uint number, IReadOnlyList<object?> values, uint? style)
    {
        w.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", number.ToString(CultureInfo.InvariantCulture))]);
        for (var i = 0; i < values.Count; i++)
        {
            var cell = ToCell(values[i], ColumnName(i) + number.ToString(CultureInfo.InvariantCulture));
            if (cell is null)
            {
                continue;
            }
            if (style is not null)
            {
                cell.StyleIndex = style;
            }
            w.WriteElement(cell);
        }
        w.WriteEndElement();
    }

    private static Cell? ToCell(object? value, string reference)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return s.Length == 0 ? null : Inline(reference, s);
            case bool b:
                return new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") };
            case DateTime dt:
                return Date(reference, dt);
            case DateOnly d:
                return Date(reference, d.ToDateTime(TimeOnly.MinValue));
            case DateTimeOffset dto:
                return Date(reference, dto.DateTime);
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                var n = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                return n is "NaN" or "Infinity" or "-Infinity" ? Inline(reference, n) : new Cell { CellReference = reference, CellValue = new CellValue(n) };
            default:
                return Inline(reference, value.ToString() ?? "");
        }
    }

    private static Cell Inline(string reference, string text) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell Date(string reference, DateTime value) => new()
    {
        CellReference = reference,
        StyleIndex = value.TimeOfDay == TimeSpan.Zero ? DateStyle : DateTimeStyle,
        CellValue = new CellValue(value.ToOADate().ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>Column letters of a zero-based index: 0 = A, 25 = Z, 26 = AA.</summary>
    internal static string ColumnName(int index)
    {
        var sb = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            sb.Insert(0, (char)('A' + ((n - 1) % 26)));
        }
        return sb.ToString();
    }

    /// <summary>Width in Latin character cells: CJK and other wide characters take two.</summary>
    private static double DisplayWidth(string s) => s.Sum(c => c > 0x2E80 ? 2 : 1);

    private static string XmlSafe(string s) =>
        s.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r'))
            ? new string(s.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray())
            : s;

    /// <summary>Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name, uint fallback)
    {
        var clean = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim('\'');
        clean = clean.Length > 31 ? clean[..31] : clean;
        return clean.Length == 0 ? $"Sheet{fallback}" : clean;
    }

    private static Stylesheet BuildStylesheet()
    {
        static Font Font(bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" })
            : new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" });
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm:ss" })
            { Count = 2 },
            new Fonts(Font(false), Font(true)) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
            { Count = 4 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
