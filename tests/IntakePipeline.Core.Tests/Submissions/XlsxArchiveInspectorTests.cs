using System.IO.Compression;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Tests.Submissions.Fixtures;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Submissions;

public class XlsxArchiveInspectorTests
{
    private const long MiB = 1024 * 1024;

    private static readonly LimitsOptions _limits = new();

    [Fact]
    public void Inspect_RealWorkbook_PassesEveryCap()
    {
        var workbook = new XlsxWorkbookBuilder();
        workbook.AddSheet("数据").TextRow(1, "指标代码", "数值").TextRow(2, "U01", "1");

        Assert.Null(XlsxArchiveInspector.Inspect(new MemoryStream(workbook.Build()), _limits));
    }

    [Fact]
    public void Inspect_ZipBombOf200MiB_ReturnsArchiveTooLarge()
    {
        var bomb = ZipFixtures.Zeros("xl/worksheets/sheet1.xml", 200 * MiB);

        var issue = XlsxArchiveInspector.Inspect(new MemoryStream(bomb), _limits);

        Assert.NotNull(issue);
        Assert.Equal(IssueCodes.ArchiveTooLarge, issue.Code);
        Assert.Equal("xl/worksheets/sheet1.xml", issue.Value);
    }

    [Fact]
    public void Inspect_HighRatioUnderTotalCap_ReturnsArchiveTooLarge()
    {
        var bomb = ZipFixtures.Zeros("xl/sharedStrings.xml", 5 * MiB);

        var issue = XlsxArchiveInspector.Inspect(new MemoryStream(bomb), _limits);

        Assert.NotNull(issue);
        Assert.Equal(IssueCodes.ArchiveTooLarge, issue.Code);
        Assert.Contains("压缩比", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_SmallHighlyCompressibleEntry_IsWithinGrace()
    {
        var zip = ZipFixtures.Zeros("xl/styles.xml", XlsxArchiveInspector.RatioGraceBytes);

        Assert.Null(XlsxArchiveInspector.Inspect(new MemoryStream(zip), _limits));
    }

    [Theory]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    public void Inspect_EntryCount_IsCappedAtMaxArchiveEntries(int entries, bool rejected)
    {
        var issue = XlsxArchiveInspector.Inspect(new MemoryStream(ZipFixtures.ManyEntries(entries)), _limits);

        Assert.Equal(rejected ? IssueCodes.ArchiveTooLarge : null, issue?.Code);
    }

    [Fact]
    public void Inspect_DeclaredTotalOverCap_ReturnsArchiveTooLarge()
    {
        var zip = ZipFixtures.Zeros("xl/worksheets/sheet1.xml", 2 * MiB);
        var limits = new LimitsOptions { MaxUnpackedBytes = MiB, MaxCompressionRatio = 1_000_000 };

        Assert.Equal(IssueCodes.ArchiveTooLarge, XlsxArchiveInspector.Inspect(new MemoryStream(zip), limits)?.Code);
    }

    [Fact]
    public void Inspect_DeclaredSizeThatLies_NeverInflatesPastTheLie()
    {
        // 200 MiB of zeros that claims to be 1 MiB: the inflate pass reads no more than the claim, and the workbook
        // that is left is not a workbook.
        var liar = ZipFixtures.WithDeclaredSize(ZipFixtures.Zeros("xl/worksheets/sheet1.xml", 200 * MiB), (uint)MiB);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var table = XlsxSubmissionReader.Read(liar, _limits);

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 16 * MiB);
        Assert.Contains(table.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Drain_BombWithinDeclaredSizes_StopsAtTotalCapWhileStreaming()
    {
        var compressed = Deflate(200 * MiB);
        var source = new CountingStream(new MemoryStream(compressed));
        using var inflating = new DeflateStream(source, CompressionMode.Decompress);
        var limits = new LimitsOptions { MaxUnpackedBytes = 4 * MiB };
        long total = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();

        // A claimed compressed size this large keeps the ratio check out of the way: only the running total can stop it.
        var issue = XlsxArchiveInspector.Drain(inflating, "xl/worksheets/sheet1.xml", long.MaxValue / 1000, new byte[81_920], ref total, limits);

        Assert.Equal(IssueCodes.ArchiveTooLarge, issue?.Code);
        Assert.InRange(total, 4 * MiB, (4 * MiB) + 81_920);
        Assert.True(source.BytesRead < compressed.Length / 2, $"read {source.BytesRead} of {compressed.Length} compressed bytes");
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, MiB);
    }

    [Fact]
    public void Drain_BombOverRatio_StopsSoonAfterTheGrace()
    {
        var compressed = Deflate(200 * MiB);
        using var inflating = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress);
        long total = 0;

        var issue = XlsxArchiveInspector.Drain(inflating, "xl/worksheets/sheet1.xml", 1000, new byte[81_920], ref total, _limits);

        Assert.Equal(IssueCodes.ArchiveTooLarge, issue?.Code);
        Assert.Contains("压缩比", issue?.Message, StringComparison.Ordinal);
        Assert.InRange(total, XlsxArchiveInspector.RatioGraceBytes, XlsxArchiveInspector.RatioGraceBytes + 81_920);
    }

    [Fact]
    public void Drain_EntryWithinCaps_ReadsToTheEnd()
    {
        using var inflating = new DeflateStream(new MemoryStream(Deflate(MiB)), CompressionMode.Decompress);
        long total = 10;

        var issue = XlsxArchiveInspector.Drain(inflating, "xl/worksheets/sheet1.xml", MiB, new byte[4096], ref total, _limits);

        Assert.Null(issue);
        Assert.Equal(MiB + 10, total);
    }

    [Fact]
    public void Inspect_CorruptDeflateData_ReturnsUnreadableFile()
    {
        var zip = ZipFixtures.Zeros("xl/worksheets/sheet1.xml", 64 * 1024);
        // The local header is 30 bytes plus the name; flip bytes in the compressed data that follows.
        var dataStart = 30 + "xl/worksheets/sheet1.xml".Length;
        for (var i = dataStart; i < dataStart + 8; i++)
        {
            zip[i] ^= 0xFF;
        }

        var issue = XlsxArchiveInspector.Inspect(new MemoryStream(zip), _limits);

        Assert.Equal(IssueCodes.UnreadableFile, issue?.Code);
    }

    private static byte[] Deflate(long zeros)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            for (long written = 0; written < zeros; written += chunk.Length)
            {
                deflate.Write(chunk, 0, (int)Math.Min(chunk.Length, zeros - written));
            }
        }

        return output.ToArray();
    }
}
