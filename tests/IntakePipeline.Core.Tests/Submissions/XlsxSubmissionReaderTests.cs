using DocumentFormat.OpenXml.Spreadsheet;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Tests.Submissions.Fixtures;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Submissions;

public class XlsxSubmissionReaderTests
{
    private static readonly LimitsOptions _limits = new();

    [Fact]
    public void Read_SharedStringsAndNumbers_ReadsTextAndInvariantNumbers()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("数据")
            .TextRow(1, "指标代码", "指标名称", "数值", "单位")
            .Row(2).Text("A", "U10").Text("B", "市场主体").Number("C", 480.5).Text("D", "万户");

        var table = Read(workbook);

        Assert.Null(table.Encoding);
        Assert.Equal(SubmissionFormat.Xlsx, table.Format);
        Assert.Equal(["指标代码", "指标名称", "数值", "单位"], table.Headers);
        var row = Assert.Single(table.Rows);
        Assert.Equal(2, row.Number);
        Assert.Equal(["U10", "市场主体", "480.5", "万户"], Texts(row));
        Assert.Empty(table.Issues);
    }

    [Theory]
    [InlineData("0.30000000000000004", "0.3")]
    [InlineData("1106", "1106")]
    [InlineData("1.1060000000000001E3", "1106")]
    [InlineData("1E-5", "0.00001")]
    [InlineData("-0", "0")]
    [InlineData("not a number", "not a number")]
    public void Read_StoredNumber_IsFormattedAsExcelShowsIt(string stored, string expected)
    {
        var table = ReadValue(row => row.StoredNumber("B", stored));

        Assert.Equal(expected, table.Rows[0].Cells[1].Text);
    }

    [Theory]
    [InlineData(XlsxWorkbookBuilder.PercentStyle, 0.36, "36")]
    [InlineData(XlsxWorkbookBuilder.PercentStyle, 0.57, "57")]
    [InlineData(XlsxWorkbookBuilder.CustomPercentStyle, 0.365, "36.5")]
    [InlineData(XlsxWorkbookBuilder.QuotedPercentStyle, 0.36, "0.36")]
    [InlineData(XlsxWorkbookBuilder.DateStyle, 45458, "2024-06-15")]
    [InlineData(XlsxWorkbookBuilder.CustomDateStyle, 45458, "2024-06-15")]
    [InlineData(XlsxWorkbookBuilder.ChineseDateStyle, 45458, "2024-06-15")]
    [InlineData(XlsxWorkbookBuilder.TimeStyle, 0.5, "0.5")]
    [InlineData(XlsxWorkbookBuilder.GeneralStyle, 0.36, "0.36")]
    public void Read_NumberFormat_IsHonoured(uint style, double stored, string expected)
    {
        var table = ReadValue(row => row.Number("B", stored, style));

        Assert.Equal(expected, table.Rows[0].Cells[1].Text);
    }

    [Fact]
    public void Read_Date1904Workbook_ShiftsSerialDates()
    {
        var workbook = new XlsxWorkbookBuilder { Date1904 = true };
        workbook.AddSheet("数据").TextRow(1, "期间", "数值").Row(2).Number("A", 43996, XlsxWorkbookBuilder.DateStyle).Number("B", 1);

        Assert.Equal("2024-06-15", Read(workbook).Rows[0].Cells[0].Text);
    }

    [Fact]
    public void Read_FormulaWithCachedValue_UsesItAndWarnsOncePerCell()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("数据")
            .TextRow(1, "指标代码", "数值")
            .Row(2).Text("A", "U01").Formula("B", "B3*2", "0.56", style: XlsxWorkbookBuilder.PercentStyle);

        var table = Read(workbook);

        var cell = table.Rows[0].Cells[1];
        Assert.Equal(new SubmissionCell("56", FromFormula: true), cell);
        var issue = Assert.Single(table.Issues);
        Assert.Equal(IssueCodes.FormulaCell, issue.Code);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal(2, issue.Row);
        Assert.Equal("数值", issue.Column);
        Assert.Equal("56", issue.Value);
        Assert.Contains("计算结果“56”", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FormulaWithoutCachedValue_IsBlankWithWarning()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("数据")
            .TextRow(1, "指标代码", "数值")
            .Row(2).Text("A", "U01").Formula("B", "SUM(C2:C9)", cached: null);

        var table = Read(workbook);

        Assert.Equal(new SubmissionCell(string.Empty, FromFormula: true), table.Rows[0].Cells[1]);
        var issue = Assert.Single(table.Issues);
        Assert.Equal(IssueCodes.FormulaCell, issue.Code);
        Assert.Equal("数值", issue.Column);
        Assert.Contains("没有保存计算结果", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StringFormulaResult_IsItsText()
    {
        var table = ReadValue(row => row.Formula("B", "\"U\"&\"01\"", "U01", CellValues.String));

        Assert.Equal("U01", table.Rows[0].Cells[1].Text);
        Assert.True(table.Rows[0].Cells[1].FromFormula);
    }

    [Fact]
    public void Read_BlankRowOfEmptyStringFormulas_IsSkippedWithoutWarnings()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("数据")
            .TextRow(1, "指标代码", "数值")
            .TextRow(2, "U01", "5")
            .Row(3).Formula("A", "IF(C3=\"\",\"\",C3)", string.Empty, CellValues.String);

        var table = Read(workbook);

        Assert.Single(table.Rows);
        Assert.Empty(table.Issues);
    }

    [Fact]
    public void Read_HiddenFirstSheetAndDataSheet_ReadsDataSheet()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("代码表", SheetStateValues.Hidden).TextRow(1, "代码", "名称").TextRow(2, "U01", "城镇化率");
        workbook.AddSheet("数据").TextRow(1, "指标代码", "数值").TextRow(2, "U02", "7");

        var table = Read(workbook);

        Assert.Equal(["指标代码", "数值"], table.Headers);
        Assert.Equal(["U02", "7"], Texts(table.Rows[0]));
    }

    [Fact]
    public void Read_DataSheetNotFirst_ReadsDataSheetOverFirstVisible()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("说明").TextRow(1, "填报说明");
        workbook.AddSheet("数据").TextRow(1, "指标代码", "数值").TextRow(2, "U02", "7");

        Assert.Equal(["指标代码", "数值"], Read(workbook).Headers);
    }

    [Fact]
    public void Read_NoDataSheet_ReadsFirstVisibleSheet()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("代码表", SheetStateValues.Hidden).TextRow(1, "代码");
        workbook.AddSheet("旧表", SheetStateValues.VeryHidden).TextRow(1, "旧");
        workbook.AddSheet("Sheet3").TextRow(1, "indicator", "value").TextRow(2, "U03", "1");

        Assert.Equal(["indicator", "value"], Read(workbook).Headers);
    }

    [Fact]
    public void Read_OnlyHiddenSheets_ReturnsUnreadableFile()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("代码表", SheetStateValues.Hidden).TextRow(1, "代码").TextRow(2, "U01");

        var issue = Assert.Single(Read(workbook).Issues);

        Assert.Equal(IssueCodes.UnreadableFile, issue.Code);
        Assert.Contains("没有可见的工作表", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyRowsAndGaps_SkipsThemAndKeepsSheetRowNumbers()
    {
        var workbook = new XlsxWorkbookBuilder();
        var sheet = workbook.AddSheet("数据").TextRow(3, "指标代码", "数值").TextRow(4, "U01", "1");
        sheet.Row(5).StyledBlank("A").StyledBlank("B");
        sheet.Row(6);
        sheet.TextRow(9, "U02", "2");

        var table = Read(workbook);

        Assert.Equal([4, 9], table.Rows.Select(r => r.Number));
        Assert.Empty(table.Issues);
    }

    [Fact]
    public void Read_RowsAndCellsWithoutReferences_UsePosition()
    {
        var workbook = new XlsxWorkbookBuilder();
        var sheet = workbook.AddSheet("数据");
        sheet.Row(null).Text(null, "指标代码").Text(null, "数值");
        sheet.Row(null).Text(null, "U01").Number(null, 3);

        var table = Read(workbook);

        Assert.Equal(["指标代码", "数值"], table.Headers);
        Assert.Equal(2, table.Rows[0].Number);
        Assert.Equal(["U01", "3"], Texts(table.Rows[0]));
    }

    [Fact]
    public void Read_SparseCells_AreAlignedByColumnLetter()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("数据")
            .TextRow(1, "指标代码", "单位", "数值")
            .Row(2).Text("A", "U01").Number("C", 5);

        Assert.Equal(["U01", "", "5"], Texts(Read(workbook).Rows[0]));
    }

    [Fact]
    public void Read_InlineRichBooleanAndErrorCells_AreText()
    {
        var table = ReadValue(row => row.InlineText("C", "行内文本").RichText("D", "富", "文本").Boolean("E", true).Error("F", "#N/A"), "C", "D", "E", "F");

        Assert.Equal(["U01", "1", "行内文本", "富文本", "TRUE", "#N/A"], Texts(table.Rows[0]));
    }

    [Fact]
    public void Read_EscapedCharactersInSharedString_AreDecoded()
    {
        var table = ReadValue(row => row.Text("C", "第一行_x000D_第二行"), "C");

        Assert.Equal("第一行\r第二行", table.Rows[0].Cells[2].Text);
    }

    [Fact]
    public void Read_HeaderOnly_ReturnsNoRowsNamingHeaderRow()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("数据").TextRow(2, "指标代码", "数值");

        var issue = Assert.Single(Read(workbook).Issues);

        Assert.Equal(IssueCodes.NoRows, issue.Code);
        Assert.Contains("第 2 行", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptySheet_ReturnsEmptyFile()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("数据").Row(1).StyledBlank("A");

        Assert.Equal(IssueCodes.EmptyFile, Assert.Single(Read(workbook).Issues).Code);
    }

    [Fact]
    public void Read_WorkbookWrittenByLibreOffice_ReadsFormatsGapsAndFormulas()
    {
        var table = XlsxSubmissionReader.Read(FixtureFiles.Read("libreoffice-sample.xlsx"), _limits);

        Assert.Equal(["指标代码", "指标名称", "数值", "单位", "期间", "备注"], table.Headers);
        Assert.Equal([2, 3, 5, 6], table.Rows.Select(r => r.Number));
        Assert.Equal(["U01", "常住人口城镇化率", "56.5", "%", "2024-06-15", ""], Texts(table.Rows[0]));
        Assert.Equal(["U10", "市场主体", "480.25", "万户", "2024-06-15", "含个体户"], Texts(table.Rows[1]));
        Assert.Equal("多行\n备注", table.Rows[2].Cells[5].Text);
        Assert.Equal(new SubmissionCell("960.5", FromFormula: true), table.Rows[3].Cells[2]);
        var issue = Assert.Single(table.Issues);
        Assert.Equal((IssueCodes.FormulaCell, 6, "数值", "960.5"), (issue.Code, issue.Row, issue.Column, issue.Value));
    }

    public static TheoryData<string, Func<byte[]>> BrokenWorkbooks => new()
    {
        { "random bytes", () => new Random(7).GetItems<byte>(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), 2048) },
        { "a truncated zip", () => ValidWorkbook()[..(ValidWorkbook().Length / 2)] },
        { "a zip without a workbook", () => ZipFixtures.ManyEntries(1) },
        { "malformed XML in the sheet", () => ZipFixtures.ReplaceEntry(ValidWorkbook(), "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\">") },
        { "malformed XML in the workbook", () => ZipFixtures.ReplaceEntry(ValidWorkbook(), "xl/workbook.xml", "<workbook><sheets><sheet") },
        { "malformed content types", () => ZipFixtures.ReplaceEntry(ValidWorkbook(), "[Content_Types].xml", "<Types") },
        { "a DTD (entity expansion)", () => ZipFixtures.ReplaceEntry(ValidWorkbook(), "xl/worksheets/sheet1.xml", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet><sheetData/></worksheet>") },
        { "a bad cell reference", () => ZipFixtures.ReplaceEntry(ValidWorkbook(), "xl/worksheets/sheet1.xml", Sheet("<row r=\"1\"><c r=\"1A\" t=\"inlineStr\"><is><t>x</t></is></c></row>")) },
        { "a column past XFD", () => ZipFixtures.ReplaceEntry(ValidWorkbook(), "xl/worksheets/sheet1.xml", Sheet("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>")) },
        { "a row number past Excel's last", () => ZipFixtures.ReplaceEntry(ValidWorkbook(), "xl/worksheets/sheet1.xml", Sheet("<row r=\"1048577\"><c><v>1</v></c></row>")) },
        { "a shared string index out of range", () => ZipFixtures.ReplaceEntry(ValidWorkbook(), "xl/worksheets/sheet1.xml", Sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99</v></c></row>")) },
        { "an Excel 97-2003 or encrypted file", () => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(BrokenWorkbooks))]
    public void Read_BrokenWorkbook_ReturnsUnreadableFile(string scenario, Func<byte[]> bytes)
    {
        var table = XlsxSubmissionReader.Read(bytes(), _limits);

        var issue = Assert.Single(table.Issues);
        Assert.True(issue.Code == IssueCodes.UnreadableFile, $"{scenario}: {issue.Code} {issue.Message}");
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Read_MalformedSheetXml_NamesPartAndPosition()
    {
        var bytes = ZipFixtures.ReplaceEntry(ValidWorkbook(), "xl/worksheets/sheet1.xml", "<worksheet>\n<sheetData><row></sheetData>");

        var issue = Assert.Single(XlsxSubmissionReader.Read(bytes, _limits).Issues);

        Assert.StartsWith("xl/worksheets/sheet1.xml 第 2 行", issue.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowsPastCap_ReturnsFileTooLarge()
    {
        var workbook = new XlsxWorkbookBuilder();
        var sheet = workbook.AddSheet("数据").TextRow(1, "指标代码", "数值");
        for (uint i = 2; i <= 5; i++)
        {
            sheet.TextRow(i, "U01", "1");
        }

        var table = XlsxSubmissionReader.Read(workbook.Build(), new LimitsOptions { MaxRows = 3 });

        var issue = Assert.Single(table.Issues);
        Assert.Equal(IssueCodes.FileTooLarge, issue.Code);
        Assert.Equal(5, issue.Row);
    }

    [Fact]
    public void Read_ValueInFarColumn_ReturnsFileTooLarge()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("数据").TextRow(1, "指标代码", "数值").Row(2).Text("A", "U01").Number("XFD", 1);

        var issue = Assert.Single(XlsxSubmissionReader.Read(workbook.Build(), _limits).Issues);

        Assert.Equal(IssueCodes.FileTooLarge, issue.Code);
        Assert.Contains("第 16384 列", issue.Message, StringComparison.Ordinal);
    }

    private static SubmissionTable Read(XlsxWorkbookBuilder workbook) => XlsxSubmissionReader.Read(workbook.Build(), _limits);

    /// <summary>A sheet with headers 指标代码, 数值 (and more when named) and row 2 starting with U01, 1.</summary>
    private static SubmissionTable ReadValue(Action<XlsxRowBuilder> cells, params string[] extraHeaders)
    {
        var workbook = new XlsxWorkbookBuilder();
        var sheet = workbook.AddSheet("数据");
        var header = sheet.Row(1).Text("A", "指标代码").Text("B", "数值");
        foreach (var column in extraHeaders)
        {
            header.Text(column, "列头" + column);
        }

        var row = sheet.Row(2).Text("A", "U01");
        if (extraHeaders.Length > 0)
        {
            row.Number("B", 1);
        }

        cells(row);
        var table = Read(workbook);
        Assert.DoesNotContain(table.Issues, i => i.Severity == IssueSeverity.Error);
        return table;
    }

    private static byte[] ValidWorkbook()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("数据").TextRow(1, "指标代码", "数值").Row(2).InlineText("A", "U01").Number("B", 1);
        return workbook.Build();
    }

    private static string Sheet(string rows) =>
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows + "</sheetData></worksheet>";

    private static string[] Texts(SubmissionRow row) => row.Cells.Select(c => c.Text).ToArray();
}
