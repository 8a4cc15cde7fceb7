using System.Text;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Submissions;

public class JsonSubmissionReaderTests
{
    private static readonly LimitsOptions _limits = new();

    [Fact]
    public void Read_ArrayOfObjects_TakesKeysInOrderOfFirstAppearance()
    {
        var table = Read("""
            [
              {"指标代码": "U01", "数值": 56.5},
              {"指标代码": "U10", "单位": "万户", "数值": 480}
            ]
            """);

        Assert.Null(table.Encoding);
        Assert.Equal(SubmissionFormat.Json, table.Format);
        Assert.Equal(["指标代码", "数值", "单位"], table.Headers);
        Assert.Equal(["U01", "56.5", ""], Texts(table.Rows[0]));
        Assert.Equal(["U10", "480", "万户"], Texts(table.Rows[1]));
        Assert.Equal([1, 2], table.Rows.Select(r => r.Number));
        Assert.Empty(table.Issues);
    }

    [Theory]
    [InlineData("\"  12.5 \"", "12.5")]
    [InlineData("\"10.5万\"", "10.5万")]
    [InlineData("56.50", "56.50")]
    [InlineData("1e3", "1e3")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "")]
    [InlineData("{\"a\": 1}", "{\"a\": 1}")]
    [InlineData("[1, 2]", "[1, 2]")]
    public void Read_Value_BecomesCellText(string json, string expected)
    {
        var table = Read($"[{{\"指标代码\": \"U01\", \"数值\": {json}}}]");

        Assert.Equal(expected, table.Rows[0].Cells[1].Text);
    }

    [Fact]
    public void Read_BlankObjects_AreSkippedButKeepTheirIndex()
    {
        var table = Read("""[{}, {"指标代码": "U01"}, {"指标代码": " ", "数值": null}, {"指标代码": "U02"}]""");

        Assert.Equal([2, 4], table.Rows.Select(r => r.Number));
    }

    [Fact]
    public void Read_Utf8Bom_IsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""[{"指标代码": "U01"}]""")).ToArray();

        Assert.Equal("U01", JsonSubmissionReader.Read(bytes, _limits).Rows[0].Cells[0].Text);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData(" [ ] ")]
    [InlineData("[{}, {\"数值\": null}]")]
    public void Read_NoDataRows_ReturnsNoRows(string json)
    {
        var issue = Assert.Single(Read(json).Issues);

        Assert.Equal(IssueCodes.NoRows, issue.Code);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    [InlineData("\uFEFF")]
    public void Read_NothingButWhitespace_ReturnsEmptyFile(string json) =>
        Assert.Equal(IssueCodes.EmptyFile, Assert.Single(Read(json).Issues).Code);

    [Theory]
    [InlineData("{\"指标代码\": \"U01\"}", null)]
    [InlineData("\"U01\"", null)]
    [InlineData("42", null)]
    [InlineData("null", null)]
    [InlineData("[{\"a\": 1},", null)]
    [InlineData("[{\"a\": 1,}]", null)]
    [InlineData("[{'a': 1}]", null)]
    [InlineData("[{\"a\": 1}] // comment", null)]
    [InlineData("[{\"a\": 1}] trailing", null)]
    [InlineData("[{\"a\": 1}, 2]", 2)]
    [InlineData("[[\"U01\", 1]]", 1)]
    [InlineData("[{\"数值\": 1, \"数值\": 2}]", 1)]
    public void Read_MalformedOrWrongShape_ReturnsUnreadableFile(string json, int? row)
    {
        var table = Read(json);

        var issue = Assert.Single(table.Issues);
        Assert.Equal(IssueCodes.UnreadableFile, issue.Code);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal(row, issue.Row);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Read_TooDeep_ReturnsUnreadableFile()
    {
        var json = "[{\"a\": " + new string('[', 100) + new string(']', 100) + "}]";

        Assert.Equal(IssueCodes.UnreadableFile, Assert.Single(Read(json).Issues).Code);
    }

    [Fact]
    public void Read_DuplicateKey_NamesRowAndKey()
    {
        var issue = Assert.Single(Read("""[{"指标代码": "U01"}, {"数值": 1, "数值": 2}]""").Issues);

        Assert.Equal(2, issue.Row);
        Assert.Equal("数值", issue.Column);
        Assert.Contains("“数值”", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreKeysThanColumnCap_ReturnsFileTooLarge()
    {
        var table = JsonSubmissionReader.Read(
            Encoding.UTF8.GetBytes("""[{"a": 1, "b": 2}, {"c": 3}]"""), new LimitsOptions { MaxColumns = 2 });

        var issue = Assert.Single(table.Issues);
        Assert.Equal(IssueCodes.FileTooLarge, issue.Code);
        Assert.Equal(2, issue.Row);
        Assert.Equal("c", issue.Value);
    }

    [Fact]
    public void Read_MoreRowsThanCap_ReturnsFileTooLarge()
    {
        var table = JsonSubmissionReader.Read(
            Encoding.UTF8.GetBytes("""[{"a": 1}, {"a": 2}, {"a": 3}]"""), new LimitsOptions { MaxRows = 2 });

        Assert.Equal(IssueCodes.FileTooLarge, Assert.Single(table.Issues).Code);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Read_Gb18030File_IsReadAndReportedAsGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(54936).GetBytes("[{\"指标代码\":\"U14\",\"数值\":5,\"单位\":\"万户\"}]");

        var table = JsonSubmissionReader.Read(bytes, _limits);

        Assert.Equal("GB18030", table.Encoding);
        Assert.Equal(["指标代码", "数值", "单位"], table.Headers);
        Assert.Equal(["U14", "5", "万户"], Texts(table.Rows[0]));
    }

    [Theory]
    [InlineData("[{\"指标代码\":\"U14\",\"备注\":\"\\ud800\"}]", "备注")]
    [InlineData("[{\"指标代码\":\"U14\",\"\\udc00\":\"x\"}]", null)]
    public void Read_LoneSurrogateEscape_IsUnreadableOnItsRow(string json, string? column)
    {
        var issue = Assert.Single(Read(json).Issues);

        Assert.Equal((IssueCodes.UnreadableFile, 1, column), (issue.Code, issue.Row, issue.Column));
    }

    [Fact]
    public void Read_KeysBeyondTheColumnCap_AreOneError()
    {
        var keys = string.Concat(Enumerable.Range(0, 110).Select(i => $",\"k{i}\":1"));

        var table = Read($"[{{\"指标代码\":\"U14\"{keys}}}]");

        Assert.Equal(IssueCodes.FileTooLarge, Assert.Single(table.Issues).Code);
    }

    private static SubmissionTable Read(string json) => JsonSubmissionReader.Read(Encoding.UTF8.GetBytes(json), _limits);

    private static string[] Texts(SubmissionRow row) => row.Cells.Select(c => c.Text).ToArray();
}
