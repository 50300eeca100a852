using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Fazhi.Platform.Features.Documents;

/// <summary>A row read from a sheet: its 1-based row number as Excel shows it, and its cells as text ("" where empty).</summary>
public sealed record XlsxRow(int Number, IReadOnlyList<string> Cells)
{
    /// <summary>The cell at a zero-based column, or "" past the last cell.</summary>
    public string this[int column] => column < Cells.Count ? Cells[column] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Reads a sheet of an .xlsx workbook into rows of text, one row element at a time (<see cref="OpenXmlReader"/>).
/// Shared strings, inline and rich strings, numbers (integers without a trailing ".0"), dates (yyyy-MM-dd, with the time
/// when there is one), booleans (TRUE/FALSE) and formula results are read; missing cells and rows (gaps in the cell
/// references) come back empty, so column positions and row numbers stay right.
/// </summary>
public static partial class XlsxReader
{
    /// <summary>Reads the first sheet, or the sheet named <paramref name="sheetName"/>.</summary>
    public static List<XlsxRow> Read(Stream input, string? sheetName = null) => ReadRows(input, sheetName).ToList();

    /// <summary>
    /// As <see cref="Read"/> for an uploaded file: a file that is not a readable workbook is refused, naming
    /// <paramref name="field"/>, instead of failing the request.
    /// </summary>
    public static List<XlsxRow> ReadUpload(Stream input, string field = "file", string? sheetName = null)
    {
        try
        {
            return Read(input, sheetName);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or OpenXmlPackageException or IOException or System.Xml.XmlException)
        {
            throw Kit.Refuse.Field(field, e is InvalidDataException ? e.Message : "文件不是有效的 .xlsx 工作簿，请上传 Excel 保存的 .xlsx 文件。");
        }
    }

    /// <summary>
    /// An uploaded table in a fixed layout: the first non-blank row must carry <paramref name="headers"/> in order, and at
    /// least one non-blank row must follow. Returns the rows after the header; refuses naming <paramref name="field"/>
    /// otherwise (an unreadable file as <see cref="ReadUpload"/>, a wrong header, or <paramref name="emptyMessage"/>).
    /// </summary>
    public static List<XlsxRow> ReadUploadTable(Stream input, IReadOnlyList<string> headers, string emptyMessage, string field = "file")
    {
        var sheet = ReadUpload(input, field);
        var header = sheet.FirstOrDefault(r => !r.IsBlank);
        if (header is null || !headers.Select((h, i) => header[i].Trim() == h).All(x => x))
        {
            throw Kit.Refuse.Field(field, "表头须为：" + string.Join(" | ", headers) + "。");
        }
        var rows = sheet.Where(r => r.Number > header.Number && !r.IsBlank).ToList();
        return rows.Count == 0 ? throw Kit.Refuse.Field(field, emptyMessage) : rows;
    }

    /// <summary>As <see cref="Read"/>, yielding rows as they are read.</summary>
    public static IEnumerable<XlsxRow> ReadRows(Stream input, string? sheetName = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stream = input;
        if (!input.CanSeek)
        {
            var copy = new MemoryStream();
            input.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new InvalidDataException("文件不是有效的 .xlsx 工作簿。", ex);
        }
        using (doc)
        {
            var workbookPart = doc.WorkbookPart ?? throw new InvalidDataException("文件不是有效的 .xlsx 工作簿（缺少 workbook）。");
            var sheets = workbookPart.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var sheet = sheetName is null ? sheets.FirstOrDefault() : sheets.FirstOrDefault(s => s.Name?.Value == sheetName);
            if (sheet?.Id?.Value is not { } relId)
            {
                throw new InvalidDataException(sheetName is null ? "工作簿中没有工作表。" : $"工作簿中没有名为“{sheetName}”的工作表。");
            }
            var part = (WorksheetPart)workbookPart.GetPartById(relId);
            var shared = ReadSharedStrings(workbookPart.SharedStringTablePart);
            var dateStyles = DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);

            using var reader = OpenXmlReader.Create(part);
            var lastRow = 0;
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }
                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is { } r ? (int)r : lastRow + 1;
                lastRow = number;
                yield return new XlsxRow(number, ReadCells(row, shared, dateStyles));
            }
        }
    }

    private static List<string> ReadCells(Row row, List<string> shared, HashSet<uint> dateStyles)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            while (cells.Count < column)
            {
                cells.Add("");
            }
            var text = CellText(cell, shared, dateStyles);
            if (column < cells.Count)
            {
                cells[column] = text;
            }
            else
            {
                cells.Add(text);
            }
        }
        while (cells.Count > 0 && cells[^1].Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }
        return cells;
    }

    private static string CellText(Cell cell, List<string> shared, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        }
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? RichText(inline) : raw;
        }
        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }
        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date)
        {
            return raw;
        }
        if (raw.Length == 0 || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }
        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is > -657435 and < 2958466)
        {
            var date = DateTime.FromOADate(number);
            return date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }
        if (Math.Abs(number) < 1e15 && number == Math.Floor(number))
        {
            return ((long)number).ToString(CultureInfo.InvariantCulture);
        }
        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Zero-based column of a reference such as "C7" or "AB12".</summary>
    internal static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }
            column = (column * 26) + (upper - 'A' + 1);
        }
        return Math.Max(0, column - 1);
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var result = new List<string>();
        if (part is null)
        {
            return result;
        }
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                result.Add(RichText(reader.LoadCurrentElement()!));
            }
        }
        return result;
    }

    /// <summary>The text of a string item: its plain text or its runs, without phonetic guides (rPh).</summary>
    private static string RichText(OpenXmlElement item)
    {
        var sb = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    sb.Append(t.Text);
                    break;
                case Run r:
                    sb.Append(r.Text?.Text);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Indexes of cell formats that show a number as a date or time.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var result = new HashSet<uint>();
        if (stylesheet?.CellFormats is null)
        {
            return result;
        }
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (IsBuiltInDate(id) || (custom.TryGetValue(id, out var code) && IsDateCode(code)))
            {
                result.Add(index);
            }
            index++;
        }
        return result;
    }

    /// <summary>Built-in date and time formats, including the zh-CN ones (27-36, 50-58).</summary>
    private static bool IsBuiltInDate(uint id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    private static bool IsDateCode(string code)
    {
        var stripped = QuotedOrBracketed().Replace(code, "");
        return stripped.IndexOfAny(['y', 'Y', 'd', 'D', 'h', 'H', 's', 'S', 'm', 'M']) >= 0 && !stripped.Contains("General", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.")]
    private static partial Regex QuotedOrBracketed();
}
