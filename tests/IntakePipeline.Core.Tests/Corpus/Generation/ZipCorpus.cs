using System.IO.Compression;
using System.Text;

namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>Zip bombs and zip tricks, all named .xlsx.</summary>
internal static class ZipCorpus
{
    private const string Sheet = "xl/worksheets/sheet1.xml";

    public static IEnumerable<HostileFile> Files()
    {
        yield return Xlsx("zip/stored-entries.xlsx", () => new CorpusWorkbook { Compression = CompressionLevel.NoCompression }.AddSheet("数据", CorpusWorkbook.GoodRows).Build());
        yield return Xlsx("zip/raw-writer-baseline.xlsx", () => CorpusZip.Write(Good()));
        yield return Xlsx("zip/crc-mismatch.xlsx", () => CorpusZip.Write(CorpusZip.With(Good(), Sheet, e => e with { Crc = 0xDEADBEEF })));
        yield return Xlsx("zip/encrypted-flag.xlsx", () => CorpusZip.Write(CorpusZip.With(Good(), Sheet, e => e with { Flags = 1 })));
        yield return Xlsx("zip/zip64-sizes-minus-one.xlsx", () => CorpusZip.Write(CorpusZip.With(Good(), Sheet, e => e with { Zip64MinusOne = true })));
        yield return Xlsx("zip/unsupported-method-lzma.xlsx", () => CorpusZip.Write(CorpusZip.With(Good(), Sheet, e => e with { Method = 14 })));
        yield return Xlsx("zip/declared-size-too-small.xlsx", () => CorpusZip.Write(CorpusZip.With(Good(), Sheet, e => e with { DeclaredSize = 10 })));
        yield return Xlsx("zip/declared-size-4gib.xlsx", () => CorpusZip.Write(CorpusZip.With(Good(), Sheet, e => e with { DeclaredSize = uint.MaxValue - 1 })));
        yield return Xlsx("zip/bomb-padded-sheet.xlsx", () => CorpusWorkbook.Of(CorpusWorkbook.GoodRows)
            .Override(Sheet, CorpusWorkbook.SheetXml(CorpusWorkbook.GoodRows).Replace("<sheetData>", "<sheetData>" + new string(' ', 20 << 20), StringComparison.Ordinal)).Build());
        yield return Xlsx("zip/bomb-zeros-media.xlsx", () => CorpusWorkbook.Of(CorpusWorkbook.GoodRows).Override("xl/media/image1.png", new byte[30 << 20]).Build());
        yield return Xlsx("zip/bomb-overlapping-entries.xlsx", () => CorpusZip.Write([.. Good(), new CorpusZip.Entry("xl/media/overlap.bin", new byte[4 << 20]) { DirectoryCopies = 50 }]));
        yield return Xlsx("zip/too-many-entries.xlsx", () => CorpusZip.Write(
            [.. Good(), .. Enumerable.Range(0, 1001).Select(i => new CorpusZip.Entry($"xl/media/e{i}.txt", [(byte)'x']) { Method = 0 })]));
        yield return Xlsx("zip/nested-zip-bomb-inside.xlsx", () => CorpusWorkbook.Of(CorpusWorkbook.GoodRows)
            .Override("xl/embeddings/oleObject1.bin", CorpusZip.Write([new CorpusZip.Entry("zeros.bin", new byte[8 << 20])])).Build());
        yield return Xlsx("zip/truncated-half.xlsx", () => Good(CorpusWorkbook.Of(CorpusWorkbook.GoodRows).Build(), b => b[..(b.Length / 2)]));
        yield return Xlsx("zip/empty-archive.xlsx", () => CorpusZip.Write([]));
        yield return Xlsx("zip/trailing-garbage.xlsx", () => [.. CorpusWorkbook.Of(CorpusWorkbook.GoodRows).Build(), .. Encoding.ASCII.GetBytes(new string('x', 1024))]);
        yield return Xlsx("zip/archive-comment-64k.xlsx", () => CorpusZip.Write(Good(), new string('注', 21_000)));
        yield return Xlsx("zip/traversal-entry-name.xlsx", () => CorpusZip.Write([.. Good(), new CorpusZip.Entry("../../../tmp/evil.txt", Encoding.UTF8.GetBytes("x"))]));
        yield return Xlsx("zip/duplicate-sheet-entry.xlsx", () => CorpusZip.Write([.. Good(), new CorpusZip.Entry(Sheet, Encoding.UTF8.GetBytes(CorpusWorkbook.SheetXml(
            [[XCell.Text("指标代码"), XCell.Text("数值")], [XCell.Text("U14"), XCell.Number("99")]])))]));
        yield return Xlsx("zip/absolute-entry-names.xlsx", () => CorpusZip.Write(Good().Select(e => e with { Name = "/" + e.Name })));
        yield return Xlsx("zip/corrupt-deflate-data.xlsx", () => Good(CorpusZip.Write(Good()), b =>
        {
            var start = Encoding.ASCII.GetString(b).IndexOf(Sheet, StringComparison.Ordinal) + Sheet.Length;
            for (var i = start + 4; i < start + 24; i++)
            {
                b[i] ^= 0x5A;
            }

            return b;
        }));
    }

    private static List<CorpusZip.Entry> Good() => CorpusZip.EntriesOf(CorpusWorkbook.Of(CorpusWorkbook.GoodRows));

    private static byte[] Good(byte[] bytes, Func<byte[], byte[]> change) => change(bytes);

    private static HostileFile Xlsx(string name, Func<byte[]> build) => new(name, build);
}
