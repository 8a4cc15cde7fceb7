using System.IO.Compression;
using System.Text;

namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>Files that are not what their name says, and names that are not submissions.</summary>
internal static class FakeFileCorpus
{
    private static readonly byte[] _ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0];

    public static IEnumerable<HostileFile> Files()
    {
        yield return CorpusText.Bytes("fake/xls-97-2003.xlsx", () => [.. _ole, .. new byte[496]]);
        yield return CorpusText.Bytes("fake/ole-as-csv.csv", () => [.. _ole, .. new byte[496]]);
        yield return CorpusText.Utf8("fake/pdf.xlsx", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
        yield return CorpusText.Bytes("fake/png.csv", () => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        yield return CorpusText.Bytes("fake/exe.csv", () => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0]);
        yield return CorpusText.Bytes("fake/gzip.json", () => Gzip(CorpusText.GoodJson));
        yield return CorpusText.Bytes("fake/xlsx-named-csv.csv", CorpusWorkbook.Of(CorpusWorkbook.GoodRows).Build);
        yield return CorpusText.Bytes("fake/xlsx-named-json.json", CorpusWorkbook.Of(CorpusWorkbook.GoodRows).Build);
        yield return CorpusText.Utf8("fake/csv-named-xlsx.xlsx", CorpusText.GoodCsv);
        yield return CorpusText.Utf8("fake/html-named-xlsx.xlsx", "<html><body><table><tr><td>指标代码</td><td>数值</td></tr><tr><td>U14</td><td>5</td></tr></table></body></html>");
        yield return CorpusText.Utf8("fake/json-named-csv.csv", CorpusText.GoodJson);
        yield return CorpusText.Bytes("fake/opendocument.xlsx", () => Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>")));
        yield return CorpusText.Bytes("fake/word-document.xlsx", () => Zip(
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>")));
        yield return CorpusText.Bytes("fake/empty.csv", () => []);
        yield return CorpusText.Bytes("fake/empty.xlsx", () => []);
        yield return CorpusText.Bytes("fake/empty.json", () => []);
        yield return CorpusText.Utf8("fake/whitespace-only.json", " \r\n\t ");
        yield return CorpusText.Utf8("fake/whitespace-only.csv", "  \r\n \r\n");
        yield return CorpusText.Utf8("fake/legacy-extension.xls", CorpusText.GoodCsv);
        yield return CorpusText.Utf8("fake/no-extension", CorpusText.GoodCsv);
        yield return CorpusText.Utf8("fake/double-extension.csv.exe", CorpusText.GoodCsv);
        yield return CorpusText.Utf8("fake/upper-case-extension.CSV", CorpusText.GoodCsv);
        yield return CorpusText.Bytes("fake/utf16le.csv", () => [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(CorpusText.GoodCsv)]);
        yield return CorpusText.Bytes("fake/utf16be.csv", () => [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(CorpusText.GoodCsv)]);
        yield return CorpusText.Bytes("fake/utf16le-no-bom.json", () => Encoding.Unicode.GetBytes(CorpusText.GoodJson));
        yield return CorpusText.Bytes("fake/utf32.csv", () => [.. Encoding.UTF32.Preamble, .. Encoding.UTF32.GetBytes(CorpusText.GoodCsv)]);
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private static byte[] Zip(params (string Name, string Content)[] entries) =>
        CorpusZip.Write(entries.Select(e => new CorpusZip.Entry(e.Name, Encoding.UTF8.GetBytes(e.Content))));
}
