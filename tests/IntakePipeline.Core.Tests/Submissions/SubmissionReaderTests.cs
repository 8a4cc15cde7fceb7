using System.Text;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Tests.Submissions.Fixtures;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Submissions;

public class SubmissionReaderTests
{
    private static readonly byte[] _csv = Encoding.UTF8.GetBytes("指标代码,数值\nU01,56\n");

    [Theory]
    [InlineData("2024-06/data.csv", SubmissionFormat.Csv)]
    [InlineData("2024-06/DATA.JSON", SubmissionFormat.Json)]
    [InlineData("2024-06/data.xlsx", SubmissionFormat.Xlsx)]
    public void Read_Extension_ChoosesFormat(string fileName, SubmissionFormat format)
    {
        var table = new SubmissionReader().Read(new MemoryStream(Content(format)), fileName);

        Assert.Equal(format, table.Format);
        Assert.Empty(table.Issues);
        Assert.Equal(["U01", "56"], table.Rows[0].Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData("2024-06/data.txt")]
    [InlineData("2024-06/data.xls")]
    [InlineData("2024-06/data")]
    public void Read_UnsupportedExtension_ReturnsUnreadableFileWithoutReading(string fileName)
    {
        var content = NonSeekableStream.Filled(100);

        var table = new SubmissionReader().Read(content, fileName);

        var issue = Assert.Single(table.Issues);
        Assert.Equal(IssueCodes.UnreadableFile, issue.Code);
        Assert.Equal(fileName, issue.Value);
        Assert.Contains(".xlsx、.csv 或 .json", issue.Message, StringComparison.Ordinal);
        Assert.Equal(0, content.BytesRead);
    }

    [Fact]
    public void Read_NonSeekableOversize_StopsOneByteAfterCap()
    {
        var content = NonSeekableStream.Filled(50_000_000);
        var reader = new SubmissionReader(new LimitsOptions { MaxFileBytes = 100_000 });

        var table = reader.Read(content, "data.csv");

        var issue = Assert.Single(table.Issues);
        Assert.Equal(IssueCodes.FileTooLarge, issue.Code);
        Assert.Null(issue.Row);
        Assert.Contains("97.7 KiB", issue.Message, StringComparison.Ordinal);
        Assert.Equal(100_001, content.BytesRead);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Read_NonSeekableOversizeXlsx_StopsOneByteAfterCap()
    {
        var content = NonSeekableStream.Filled(50_000_000);
        var reader = new SubmissionReader(new LimitsOptions { MaxFileBytes = 100_000 });

        var table = reader.Read(content, "data.xlsx");

        Assert.Equal(IssueCodes.FileTooLarge, Assert.Single(table.Issues).Code);
        Assert.Equal(100_001, content.BytesRead);
    }

    [Fact]
    public void Read_SeekableOversize_ReportsSizeWithoutReading()
    {
        var content = new MemoryStream(new byte[(int)(12.4 * 1024 * 1024)]);

        var table = new SubmissionReader().Read(content, "data.xlsx");

        var issue = Assert.Single(table.Issues);
        Assert.Equal(IssueCodes.FileTooLarge, issue.Code);
        Assert.Equal("12.4 MiB", issue.Value);
        Assert.StartsWith("文件大小 12.4 MiB 超过上限 10 MiB", issue.Message, StringComparison.Ordinal);
        Assert.Equal(0, content.Position);
    }

    [Fact]
    public void Read_ExactlyAtCap_IsRead()
    {
        var reader = new SubmissionReader(new LimitsOptions { MaxFileBytes = _csv.Length });

        var fromStream = reader.Read(NonSeekableStream.Over(_csv), "data.csv");
        var fromMemory = reader.Read(_csv.AsMemory(), "data.csv");

        Assert.Empty(fromStream.Issues);
        Assert.Single(fromStream.Rows);
        Assert.Empty(fromMemory.Issues);
    }

    [Fact]
    public void Read_OneByteOverCap_IsFileTooLargeInBytes()
    {
        var reader = new SubmissionReader(new LimitsOptions { MaxFileBytes = 10L * 1024 * 1024 });

        var issue = Assert.Single(reader.Read(new byte[(10 * 1024 * 1024) + 1], "data.json").Issues);

        Assert.Equal(IssueCodes.FileTooLarge, issue.Code);
        Assert.Equal("10485761 字节", issue.Value);
    }

    [Fact]
    public void Read_SmallChunksFromNonSeekableStream_AreAllRead()
    {
        var text = new StringBuilder("指标代码,数值\n");
        for (var i = 1; i <= 2000; i++)
        {
            text.Append("U01,").Append(i).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());

        var table = new SubmissionReader().Read(NonSeekableStream.Over(bytes, chunk: 7), "data.csv");

        Assert.Equal(2000, table.Rows.Count);
        Assert.Equal("2000", table.Rows[^1].Cells[1].Text);
    }

    [Fact]
    public void Read_StreamAtOffset_ReadsFromCurrentPosition()
    {
        var content = new MemoryStream([.. "junk"u8, .. _csv]) { Position = 4 };

        var table = new SubmissionReader().Read(content, "data.csv");

        Assert.Equal("指标代码", table.Headers[0]);
    }

    [Theory]
    [InlineData("data.csv")]
    [InlineData("data.xlsx")]
    [InlineData("data.json")]
    public void Read_ZeroBytes_ReturnsEmptyFile(string fileName) =>
        Assert.Equal(IssueCodes.EmptyFile, Assert.Single(new SubmissionReader().Read(Stream.Null, fileName).Issues).Code);

    [Fact]
    public void Read_NullArguments_Throw()
    {
        var reader = new SubmissionReader();

        Assert.Throws<ArgumentNullException>(() => reader.Read((Stream)null!, "a.csv"));
        Assert.Throws<ArgumentNullException>(() => reader.Read(Stream.Null, null!));
        Assert.Throws<ArgumentNullException>(() => reader.Read(ReadOnlyMemory<byte>.Empty, null!));
        Assert.Throws<ArgumentNullException>(() => new SubmissionReader(null!));
    }

    public static TheoryData<string, Action<LimitsOptions>> BadLimits => new()
    {
        { "zero file bytes", l => l.MaxFileBytes = 0 },
        { "file bytes past one array", l => l.MaxFileBytes = Array.MaxLength },
        { "negative unpacked bytes", l => l.MaxUnpackedBytes = -1 },
        { "zero entries", l => l.MaxArchiveEntries = 0 },
        { "ratio below 1", l => l.MaxCompressionRatio = 0.5 },
        { "zero rows", l => l.MaxRows = 0 },
        { "zero columns", l => l.MaxColumns = 0 },
    };

    [Theory]
    [MemberData(nameof(BadLimits))]
    public void Constructor_BadLimits_Throws(string scenario, Action<LimitsOptions> breakIt)
    {
        var limits = new LimitsOptions();
        breakIt(limits);

        var thrown = Record.Exception(() => new SubmissionReader(limits));

        Assert.True(thrown is ArgumentOutOfRangeException, scenario);
    }

    private static byte[] Content(SubmissionFormat format)
    {
        switch (format)
        {
            case SubmissionFormat.Json:
                return Encoding.UTF8.GetBytes("""[{"指标代码": "U01", "数值": 56}]""");
            case SubmissionFormat.Xlsx:
                var workbook = new XlsxWorkbookBuilder();
                workbook.AddSheet("数据").TextRow(1, "指标代码", "数值").Row(2).Text("A", "U01").Number("B", 56);
                return workbook.Build();
            default:
                return _csv;
        }
    }
}
