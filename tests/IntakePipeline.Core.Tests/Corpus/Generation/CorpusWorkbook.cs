using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>
/// Writes real XLSX packages part by part with <see cref="ZipArchive"/>, so that any part can be replaced, removed or
/// malformed. The parts are those Excel writes: content types, package and workbook relationships, workbook, styles,
/// optional shared strings, and one worksheet per sheet.
/// </summary>
internal sealed class CorpusWorkbook
{
    public const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Style indexes of the workbook's cell formats.</summary>
    public const int General = 0, Percent = 1, Date = 2, CustomPercent = 3, ChineseDate = 4, QuotedPercent = 5, Time = 6,
        TextFormat = 7, Thousands = 8, Scientific = 9, Fraction = 10, Currency = 11, ElapsedTime = 12;

    private static readonly string _defaultStyles =
        $"<styleSheet xmlns=\"{MainNamespace}\"><numFmts count=\"6\">"
        + "<numFmt numFmtId=\"164\" formatCode=\"0.0%\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
        + "<numFmt numFmtId=\"166\" formatCode=\"0.00&quot;%&quot;\"/><numFmt numFmtId=\"167\" formatCode=\"h:mm\"/>"
        + "<numFmt numFmtId=\"168\" formatCode=\"&quot;¥&quot;#,##0.00\"/><numFmt numFmtId=\"169\" formatCode=\"[h]:mm\"/></numFmts>"
        + "<fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs><cellXfs count=\"13\">"
        + "<xf numFmtId=\"0\"/><xf numFmtId=\"9\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
        + "<xf numFmtId=\"166\"/><xf numFmtId=\"167\"/><xf numFmtId=\"49\"/><xf numFmtId=\"4\"/><xf numFmtId=\"11\"/>"
        + "<xf numFmtId=\"12\"/><xf numFmtId=\"168\"/><xf numFmtId=\"169\"/></cellXfs></styleSheet>";

    private readonly List<(string Name, string? State, string Xml)> _sheets = [];
    private readonly List<string> _sharedStrings = [];
    private readonly Dictionary<string, byte[]?> _overrides = new(StringComparer.Ordinal);

    public bool Date1904 { get; init; }

    /// <summary>Extra attributes or elements of the workbook part, after <c>&lt;workbookPr&gt;</c>.</summary>
    public string WorkbookExtra { get; init; } = string.Empty;

    /// <summary>How entries are compressed.</summary>
    public CompressionLevel Compression { get; init; } = CompressionLevel.Optimal;

    /// <summary>A workbook with one sheet named 数据 of the given rows, every cell from column A.</summary>
    public static CorpusWorkbook Of(params XCell[][] rows) => new CorpusWorkbook().AddSheet("数据", rows);

    /// <summary>The usual good rows: header 指标代码/数值/单位, U14 5 万户 and U19 99.37 %.</summary>
    public static XCell[][] GoodRows =>
    [
        [XCell.Text("指标代码"), XCell.Text("数值"), XCell.Text("单位")],
        [XCell.Text("U14"), XCell.Number("5"), XCell.Text("万户")],
        [XCell.Text("U19"), XCell.Number("99.37"), XCell.Text("%")],
    ];

    /// <summary>Adds a sheet of <paramref name="rows"/> (rows from 1, cells from column A).</summary>
    public CorpusWorkbook AddSheet(string name, XCell[][] rows, string? state = null) =>
        AddSheetXml(name, SheetXml(rows), state);

    /// <summary>Adds a sheet whose worksheet part is <paramref name="xml"/> as given.</summary>
    public CorpusWorkbook AddSheetXml(string name, string xml, string? state = null)
    {
        _sheets.Add((name, state, xml));
        return this;
    }

    /// <summary>Adds a shared string and returns its index.</summary>
    public int AddSharedString(string siXml)
    {
        _sharedStrings.Add(siXml);
        return _sharedStrings.Count - 1;
    }

    /// <summary>Replaces a part's content (null removes the part), or adds an entry the package does not have.</summary>
    public CorpusWorkbook Override(string part, string? xml) => Override(part, xml is null ? null : Encoding.UTF8.GetBytes(xml));

    /// <inheritdoc cref="Override(string, string?)"/>
    public CorpusWorkbook Override(string part, byte[]? content)
    {
        _overrides[part] = content;
        return this;
    }

    /// <summary>The worksheet XML of <paramref name="rows"/>.</summary>
    public static string SheetXml(XCell[][] rows, bool references = true)
    {
        var xml = new StringBuilder($"<worksheet xmlns=\"{MainNamespace}\" xmlns:r=\"{RelationshipNamespace}\"><sheetData>");
        for (var r = 0; r < rows.Length; r++)
        {
            var number = (r + 1).ToString(CultureInfo.InvariantCulture);
            xml.Append(references ? $"<row r=\"{number}\">" : "<row>");
            for (var c = 0; c < rows[r].Length; c++)
            {
                xml.Append(rows[r][c].Xml(references ? ColumnName(c) + number : null));
            }

            xml.Append("</row>");
        }

        return xml.Append("</sheetData></worksheet>").ToString();
    }

    public static string ColumnName(int column) =>
        column < 26 ? ((char)('A' + column)).ToString() : ColumnName((column / 26) - 1) + (char)('A' + (column % 26));

    /// <summary>The package's parts, by entry name, in the order Excel writes them.</summary>
    public List<(string Name, byte[] Content)> Parts()
    {
        var parts = new List<(string, string)>
        {
            ("[Content_Types].xml", ContentTypes()),
            ("_rels/.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{RelationshipNamespace}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", WorkbookXml()),
            ("xl/_rels/workbook.xml.rels", WorkbookRelationships()),
            ("xl/styles.xml", _defaultStyles),
        };
        if (_sharedStrings.Count > 0)
        {
            parts.Add(("xl/sharedStrings.xml", $"<sst xmlns=\"{MainNamespace}\" count=\"{_sharedStrings.Count}\">{string.Concat(_sharedStrings)}</sst>"));
        }

        for (var i = 0; i < _sheets.Count; i++)
        {
            parts.Add(($"xl/worksheets/sheet{i + 1}.xml", _sheets[i].Xml));
        }

        var bytes = parts.Select(p => (p.Item1, Encoding.UTF8.GetBytes(p.Item2))).ToList();
        foreach (var (name, content) in _overrides)
        {
            var index = bytes.FindIndex(p => p.Item1 == name);
            if (content is null)
            {
                bytes.RemoveAt(index);
            }
            else if (index >= 0)
            {
                bytes[index] = (name, content);
            }
            else
            {
                bytes.Add((name, content));
            }
        }

        return bytes;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in Parts())
            {
                using var entry = zip.CreateEntry(name, Compression).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private string ContentTypes()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        if (_sharedStrings.Count > 0)
        {
            xml.Append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
        }

        for (var i = 0; i < _sheets.Count; i++)
        {
            xml.Append($"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }

        return xml.Append("</Types>").ToString();
    }

    private string WorkbookXml()
    {
        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"{MainNamespace}\" xmlns:r=\"{RelationshipNamespace}\">");
        xml.Append(Date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>").Append(WorkbookExtra).Append("<sheets>");
        for (var i = 0; i < _sheets.Count; i++)
        {
            var state = _sheets[i].State is { } s ? $" state=\"{s}\"" : string.Empty;
            xml.Append($"<sheet name=\"{XCell.Escape(_sheets[i].Name)}\" sheetId=\"{i + 1}\"{state} r:id=\"rId{i + 1}\"/>");
        }

        return xml.Append("</sheets></workbook>").ToString();
    }

    private string WorkbookRelationships()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (var i = 0; i < _sheets.Count; i++)
        {
            xml.Append($"<Relationship Id=\"rId{i + 1}\" Type=\"{RelationshipNamespace}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>");
        }

        xml.Append($"<Relationship Id=\"rId{_sheets.Count + 1}\" Type=\"{RelationshipNamespace}/styles\" Target=\"styles.xml\"/>");
        if (_sharedStrings.Count > 0)
        {
            xml.Append($"<Relationship Id=\"rId{_sheets.Count + 2}\" Type=\"{RelationshipNamespace}/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        }

        return xml.Append("</Relationships>").ToString();
    }
}
