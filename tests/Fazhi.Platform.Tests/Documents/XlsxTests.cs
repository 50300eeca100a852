using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Fazhi.Platform.Features.Documents;

namespace Fazhi.Platform.Tests.Documents;

public sealed class XlsxTests
{
    [Fact]
    public void Round_trip_keeps_chinese_text_numbers_dates_and_gaps()
    {
        var bytes = XlsxWriter.Write(new XlsxSheet("组织机构", [new("代码"), new("名称", 30), new("排序"), new("成立日期"), new("备注")],
        [
            ["370402001", "中心街街道", 1, new DateOnly(2026, 3, 5), null],
            ["370402002", "", 2.5m, null, "注：含\"引号\"与<尖括号>"],
            [null, null, null, null, "仅末列"],
        ]));

        var rows = XlsxReader.Read(new MemoryStream(bytes));

        Assert.Equal(4, rows.Count);
        Assert.Equal(["代码", "名称", "排序", "成立日期", "备注"], rows[0].Cells);
        Assert.Equal(["370402001", "中心街街道", "1", "2026-03-05"], rows[1].Cells);
        Assert.Equal("", rows[2][1]);
        Assert.Equal("2.5", rows[2][2]);
        Assert.Equal("", rows[2][3]);
        Assert.Equal("注：含\"引号\"与<尖括号>", rows[2][4]);
        Assert.Equal(4, rows[3].Number);
        Assert.Equal(["", "", "", "", "仅末列"], rows[3].Cells);
    }

    [Fact]
    public void Writer_stores_numbers_as_numbers_dates_as_dates_and_a_bold_header()
    {
        var bytes = XlsxWriter.Write(new XlsxSheet("Sheet1", [new("数量"), new("日期")], [[42, new DateTime(2026, 1, 2)]]));

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        var cells = wb.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        var number = cells.Single(c => c.CellReference == "A2");
        var date = cells.Single(c => c.CellReference == "B2");
        Assert.Null(number.DataType);
        Assert.Equal("42", number.CellValue!.Text);
        Assert.Equal(new DateTime(2026, 1, 2).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), date.CellValue!.Text);
        var formats = wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var dateFormat = formats[(int)date.StyleIndex!.Value];
        Assert.Equal("yyyy-mm-dd", wb.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == dateFormat.NumberFormatId!.Value).FormatCode!.Value);
        var headerFont = wb.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)formats[(int)cells.Single(c => c.CellReference == "A1").StyleIndex!.Value].FontId!.Value);
        Assert.NotNull(headerFont.Bold);
    }

    [Fact]
    public void Reader_handles_shared_strings_gaps_and_a_named_sheet()
    {
        // A workbook as Excel writes it: a shared string table, a sparse row (A1, C1) and a missing row 2.
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("枣庄市")),
                new SharedStringItem(new Run(new Text("滕州")), new Run(new Text("市"))));
            var first = wb.AddNewPart<WorksheetPart>();
            first.Worksheet = new Worksheet(new SheetData());
            var second = wb.AddNewPart<WorksheetPart>();
            second.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                        new Cell { CellReference = "C1", CellValue = new CellValue("370400") }) { RowIndex = 1 },
                new Row(new Cell { CellReference = "B3", DataType = CellValues.SharedString, CellValue = new CellValue("1") }) { RowIndex = 3 }));
            wb.Workbook.AppendChild(new Sheets(
                new Sheet { Id = wb.GetIdOfPart(first), SheetId = 1, Name = "空表" },
                new Sheet { Id = wb.GetIdOfPart(second), SheetId = 2, Name = "数据" }));
            wb.Workbook.Save();
        }

        Assert.Empty(XlsxReader.Read(new MemoryStream(ms.ToArray())));
        var rows = XlsxReader.Read(new MemoryStream(ms.ToArray()), "数据");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["枣庄市", "", "370400"], rows[0].Cells);
        Assert.Equal(3, rows[1].Number);
        Assert.Equal(["", "滕州市"], rows[1].Cells);
        Assert.Throws<InvalidDataException>(() => XlsxReader.Read(new MemoryStream(ms.ToArray()), "不存在"));
    }

    [Fact]
    public void Reader_refuses_a_file_that_is_not_a_workbook()
    {
        var ex = Assert.Throws<InvalidDataException>(() => XlsxReader.Read(new MemoryStream("not a zip"u8.ToArray())));
        Assert.Contains(".xlsx", ex.Message);
    }
}
