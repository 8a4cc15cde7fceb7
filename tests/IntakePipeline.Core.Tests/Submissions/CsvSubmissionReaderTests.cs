using System.Text;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Submissions;

public class CsvSubmissionReaderTests
{
    private static readonly LimitsOptions _limits = new();

    static CsvSubmissionReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Read_Gb18030File_DecodesChineseHeadersAndReportsEncoding()
    {
        var gb18030 = Encoding.GetEncoding(54936);
        var bytes = gb18030.GetBytes("指标代码,指标名称,数值,单位\r\nU01,常住人口城镇化率,56.5,%\r\nU10,市场主体,480,万户\r\n");

        var table = CsvSubmissionReader.Read(bytes, _limits);

        Assert.Equal("GB18030", table.Encoding);
        Assert.Equal(["指标代码", "指标名称", "数值", "单位"], table.Headers);
        Assert.Equal(["U01", "常住人口城镇化率", "56.5", "%"], Texts(table.Rows[0]));
        Assert.Equal(["U10", "市场主体", "480", "万户"], Texts(table.Rows[1]));
        Assert.Equal([2, 3], table.Rows.Select(r => r.Number));
        Assert.Empty(table.Issues);
    }

    [Theory]
    [InlineData(true, "UTF-8-BOM")]
    [InlineData(false, "UTF-8")]
    public void Read_Utf8File_ReportsBomAndKeepsFirstHeaderClean(bool bom, string expected)
    {
        var bytes = new UTF8Encoding(bom).GetPreamble().Concat(Encoding.UTF8.GetBytes("指标代码,数值\nU01,56\n")).ToArray();

        var table = CsvSubmissionReader.Read(bytes, _limits);

        Assert.Equal(expected, table.Encoding);
        Assert.Equal("指标代码", table.Headers[0]);
        Assert.Equal(["U01", "56"], Texts(table.Rows[0]));
    }

    [Fact]
    public void Read_QuotedCommasAndLineBreaks_KeepsTextAndCountsOneRowPerRecord()
    {
        var table = Read("指标代码,数值,备注\nU01,\"1,106\",\"第一行\n第二行\"\nU02,3,\"他说\"\"好\"\"\"\n");

        Assert.Equal(["U01", "1,106", "第一行\n第二行"], Texts(table.Rows[0]));
        Assert.Equal(["U02", "3", "他说\"好\""], Texts(table.Rows[1]));
        Assert.Equal([2, 3], table.Rows.Select(r => r.Number));
    }

    [Fact]
    public void Read_BlankLinesAndBlankRows_SkipsThemButKeepsRowNumbers()
    {
        var table = Read("指标代码,数值\n\nU01,1\n,,\r\n  ,　\nU02,2\n\n");

        Assert.Equal([3, 6], table.Rows.Select(r => r.Number));
        Assert.Empty(table.Issues);
    }

    [Fact]
    public void Read_LeadingBlankLines_TakesFirstNonBlankRowAsHeader()
    {
        var table = Read("\n,\n指标代码,数值\nU01,1\n");

        Assert.Equal(["指标代码", "数值"], table.Headers);
        Assert.Equal(4, Assert.Single(table.Rows).Number);
    }

    [Fact]
    public void Read_SurroundingWhitespace_IsTrimmedFromHeadersAndCells()
    {
        var table = Read(" 指标代码 ,\t数值\u3000\nU01 ,  56 \n");

        Assert.Equal(["指标代码", "数值"], table.Headers);
        Assert.Equal(["U01", "56"], Texts(table.Rows[0]));
    }

    [Fact]
    public void Read_ShortRow_IsPaddedWithEmptyCells()
    {
        var table = Read("指标代码,数值,单位,备注\nU01,56\n");

        var cells = Assert.Single(table.Rows).Cells;
        Assert.Equal(4, cells.Count);
        Assert.Equal(SubmissionCell.Empty, cells[2]);
        Assert.Equal(SubmissionCell.Empty, cells[3]);
    }

    [Fact]
    public void Read_BlankCellsBeyondHeader_AreIgnored()
    {
        var table = Read("指标代码,数值\nU01,56,,,\n");

        Assert.Equal(["指标代码", "数值"], table.Headers);
        Assert.Equal(2, Assert.Single(table.Rows).Cells.Count);
    }

    [Fact]
    public void Read_NonBlankCellBeyondHeader_GetsNumberedHeaderAndPadsOtherRows()
    {
        var table = Read("指标代码,数值\nU01,56\nU02,3,,多出来的\n");

        Assert.Equal(["指标代码", "数值", "列3", "列4"], table.Headers);
        Assert.Equal(["U01", "56", "", ""], Texts(table.Rows[0]));
        Assert.Equal(["U02", "3", "", "多出来的"], Texts(table.Rows[1]));
    }

    [Fact]
    public void Read_BlankHeaderBetweenHeaders_IsNamedByPosition()
    {
        var table = Read("指标代码,,数值\nU01,x,56\n");

        Assert.Equal(["指标代码", "列2", "数值"], table.Headers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("   \r\n\t\n")]
    [InlineData(",,,\n,\n")]
    public void Read_NothingButBlanks_ReturnsEmptyFile(string text)
    {
        var table = Read(text);

        var issue = Assert.Single(table.Issues);
        Assert.Equal(IssueCodes.EmptyFile, issue.Code);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Empty(table.Rows);
    }

    [Theory]
    [InlineData("指标代码,数值,单位")]
    [InlineData("指标代码,数值,单位\r\n")]
    [InlineData("指标代码,数值,单位\n\n,,\n")]
    public void Read_HeaderOnly_ReturnsNoRows(string text)
    {
        var table = Read(text);

        var issue = Assert.Single(table.Issues);
        Assert.Equal(IssueCodes.NoRows, issue.Code);
        Assert.Contains("第 1 行", issue.Message, StringComparison.Ordinal);
        Assert.Equal(["指标代码", "数值", "单位"], table.Headers);
    }

    public static TheoryData<string, byte[]> UnreadableBytes => new()
    {
        { "random bytes with NULs", RandomBytesWithNul() },
        { "a NUL in text", Encoding.UTF8.GetBytes("指标代码,数值\nU01,5\0\n") },
        { "invalid in GB18030 too", [0x41, 0x2C, 0x80, 0xFF, 0x0A] },
        { "UTF-8 BOM, then invalid UTF-8", [0xEF, 0xBB, 0xBF, 0x41, 0xC3, 0x28] },
        { "UTF-16 LE (Excel Unicode text)", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("指标代码\t数值\n")).ToArray() },
        { "UTF-16 BE", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("a,b\n")).ToArray() },
        { "an XLSX renamed to .csv", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00] },
        { "an Excel 97-2003 workbook", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00] },
    };

    [Theory]
    [MemberData(nameof(UnreadableBytes))]
    public void Read_NotText_ReturnsUnreadableFile(string scenario, byte[] bytes)
    {
        var table = CsvSubmissionReader.Read(bytes, _limits);

        var issue = Assert.Single(table.Issues);
        Assert.True(issue.Code == IssueCodes.UnreadableFile, scenario);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Null(issue.Row);
        Assert.Null(table.Encoding);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Read_BinaryJunk_NamesTheOffendingByte()
    {
        var table = CsvSubmissionReader.Read(Encoding.ASCII.GetBytes("ab,c\n\0"), _limits);

        Assert.Equal("第 6 字节", Assert.Single(table.Issues).Value);
    }

    [Fact]
    public void Read_MoreRowsThanCap_ReturnsFileTooLargeAndNoRows()
    {
        var limits = new LimitsOptions { MaxRows = 2 };

        var table = CsvSubmissionReader.Read(Encoding.UTF8.GetBytes("指标代码,数值\nU01,1\n\nU02,2\nU03,3\nU04,4\n"), limits);

        var issue = Assert.Single(table.Issues);
        Assert.Equal(IssueCodes.FileTooLarge, issue.Code);
        Assert.Equal(5, issue.Row);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Read_ValueBeyondColumnCap_ReturnsFileTooLarge()
    {
        var limits = new LimitsOptions { MaxColumns = 3 };

        var table = CsvSubmissionReader.Read(Encoding.UTF8.GetBytes("指标代码,数值\nU01,1,,,远处的值\n"), limits);

        var issue = Assert.Single(table.Issues);
        Assert.Equal(IssueCodes.FileTooLarge, issue.Code);
        Assert.Equal(2, issue.Row);
        Assert.Equal("远处的值", issue.Value);
        Assert.Contains("第 5 列", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Issues_AreInChinese()
    {
        var issue = Assert.Single(Read("指标代码,数值").Issues);

        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", issue.Message);
    }

    [Fact]
    public void Read_QuoteThatSwallowsLaterRows_IsAnErrorOnTheRowWhereItOpened()
    {
        var table = Read("指标代码,数值,备注\nU14,5,\"备注\nU19,99.37,\nU06,174.8,完\"\nU10,55.67,\n");

        var issue = Assert.Single(table.Issues);
        Assert.Equal((IssueCodes.UnreadableFile, IssueSeverity.Error, 2, "备注"), (issue.Code, issue.Severity, issue.Row, issue.Column));
        Assert.Contains("之后的 2 行", issue.Message, StringComparison.Ordinal);
        Assert.Equal(["U14", "U10"], table.Rows.Select(r => r.Cells[0].Text));
    }

    [Theory]
    [InlineData("指标代码,数值,备注\nU14,5,\"没有闭合\n", 2)]
    [InlineData("指标代码,数值,备注\nU14,5,x\nU19,99.37,\"没有闭合\nU06,174.8,\n", 3)]
    public void Read_QuoteNeverClosed_IsAnErrorOnTheRowWhereItOpened(string csv, int row)
    {
        var issue = Assert.Single(Read(csv).Issues);

        Assert.Equal((IssueCodes.UnreadableFile, row, "备注"), (issue.Code, issue.Row, issue.Column));
        Assert.Contains("没有闭合", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"第一行\n第二行\"")]
    [InlineData("\"他说\"\"好\"\"\"")]
    [InlineData("12\"显示器")]
    public void Read_QuotedTextThatSwallowsNoRow_IsReadWithoutIssue(string note)
    {
        var table = Read($"指标代码,数值,备注\nU14,5,{note}\nU19,99.37,\n");

        Assert.Empty(table.Issues);
        Assert.Equal(2, table.Rows.Count);
    }

    private static SubmissionTable Read(string text) => CsvSubmissionReader.Read(Encoding.UTF8.GetBytes(text), _limits);

    private static string[] Texts(SubmissionRow row) => row.Cells.Select(c => c.Text).ToArray();

    private static byte[] RandomBytesWithNul()
    {
        var bytes = new byte[4096];
        new Random(20240601).NextBytes(bytes);
        bytes[100] = 0;
        return bytes;
    }
}
