using System.Text;

namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>XML attacks and malformed parts inside otherwise good workbooks.</summary>
internal static class XmlCorpus
{
    private const string Laughs =
        "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
        + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\"><!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
        + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\"><!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
        + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\"><!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";

    private const string Sheet = "xl/worksheets/sheet1.xml";

    public static IEnumerable<HostileFile> Files()
    {
        foreach (var (slug, part) in new[]
        {
            ("sheet", Sheet), ("workbook-rels", "xl/_rels/workbook.xml.rels"), ("content-types", "[Content_Types].xml"),
            ("package-rels", "_rels/.rels"), ("workbook", "xl/workbook.xml"), ("styles", "xl/styles.xml"),
        })
        {
            yield return Xml($"xml/billion-laughs-{slug}.xlsx", wb => wb.Override(part, WithDoctype(Part(wb, part), Laughs)));
        }

        yield return Xml("xml/billion-laughs-shared-strings.xlsx", wb =>
        {
            var index = wb.AddSharedString("<si><t>U14</t></si>");
            var sheet = CorpusWorkbook.SheetXml([[XCell.Text("指标代码"), XCell.Text("数值")], [XCell.Shared(index), XCell.Number("5")]]);
            wb.Override(Sheet, sheet);
            var sst = $"<sst xmlns=\"{CorpusWorkbook.MainNamespace}\"><si><t>&lol9;</t></si></sst>";
            wb.Override("xl/sharedStrings.xml", WithDoctype(sst, Laughs));
        });
        yield return Xml("xml/xxe-file-in-sheet.xlsx", wb => wb.Override(Sheet, WithDoctype(
            CorpusWorkbook.SheetXml([[XCell.Text("指标代码"), XCell.Text("数值"), XCell.Text("备注")], [XCell.Text("U14"), XCell.Number("5"), XCell.Raw("<is><t>&xxe;</t></is>", "inlineStr")]]).Replace("&amp;xxe;", "&xxe;", StringComparison.Ordinal),
            "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")));
        yield return Xml("xml/xxe-http-in-workbook.xlsx", wb => wb.Override("xl/workbook.xml", WithDoctype(Part(wb, "xl/workbook.xml"), "<!DOCTYPE workbook SYSTEM \"http://127.0.0.1:9/evil.dtd\">")));
        yield return Xml("xml/parameter-entity.xlsx", wb => wb.Override(Sheet, WithDoctype(Part(wb, Sheet), "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]>")));
        yield return Xml("xml/malformed-sheet.xlsx", wb => wb.Override(Sheet, Part(wb, Sheet).Replace("</row>", "</rwo>", StringComparison.Ordinal)));
        yield return Xml("xml/malformed-workbook-rels.xlsx", wb => wb.Override("xl/_rels/workbook.xml.rels", Part(wb, "xl/_rels/workbook.xml.rels")[..^10]));
        yield return Xml("xml/malformed-content-types.xlsx", wb => wb.Override("[Content_Types].xml", "<Types><Default"));
        yield return Xml("xml/missing-sheet-part.xlsx", wb => wb.Override(Sheet, (string?)null));
        yield return Xml("xml/missing-workbook-part.xlsx", wb => wb.Override("xl/workbook.xml", (string?)null));
        yield return Xml("xml/sheet-target-dotdot.xlsx", wb => wb.Override("xl/_rels/workbook.xml.rels",
            Part(wb, "xl/_rels/workbook.xml.rels").Replace("worksheets/sheet1.xml", "../../../etc/passwd", StringComparison.Ordinal)));
        yield return Xml("xml/sheet-target-dotdot-inside.xlsx", wb => wb.Override("xl/_rels/workbook.xml.rels",
            Part(wb, "xl/_rels/workbook.xml.rels").Replace("worksheets/sheet1.xml", "../xl/worksheets/sheet1.xml", StringComparison.Ordinal)));
        yield return Xml("xml/sheet-target-absolute.xlsx", wb => wb.Override("xl/_rels/workbook.xml.rels",
            Part(wb, "xl/_rels/workbook.xml.rels").Replace("worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml", StringComparison.Ordinal)));
        yield return Xml("xml/external-hyperlink.xlsx", wb => wb
            .Override("xl/worksheets/_rels/sheet1.xml.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{CorpusWorkbook.RelationshipNamespace}/hyperlink\" Target=\"http://127.0.0.1:9/\" TargetMode=\"External\"/></Relationships>"));
        yield return Xml("xml/utf16-sheet.xlsx", wb => wb.Override(Sheet, [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + Part(wb, Sheet))]));
        yield return Xml("xml/comments-and-pis.xlsx", wb => wb.Override(Sheet, Part(wb, Sheet)
            .Replace("<sheetData>", "<!-- 注释 --><?pi data?><sheetData><!-- <row r=\"2\"><c><v>99</v></c></row> -->", StringComparison.Ordinal)));
        yield return Xml("xml/cdata-values.xlsx", wb => wb.Override(Sheet, CorpusWorkbook.SheetXml(
            [[XCell.Text("指标代码"), XCell.Text("数值"), XCell.Text("单位")], [XCell.Raw("<is><t><![CDATA[U14]]></t></is>", "inlineStr"), XCell.Raw("<v><![CDATA[5]]></v>"), XCell.Text("万户")]])));
        yield return Xml("xml/numeric-character-references.xlsx", wb => wb.Override(Sheet, CorpusWorkbook.SheetXml(
            [[XCell.Text("指标代码"), XCell.Text("数值")], [XCell.Raw("<is><t>&#x55;&#49;&#52;</t></is>", "inlineStr"), XCell.Number("5")]])));
        yield return Xml("xml/deep-nesting-in-row.xlsx", wb => wb.Override(Sheet, Part(wb, Sheet)
            .Replace("<row r=\"2\">", "<row r=\"2\">" + string.Concat(Enumerable.Repeat("<x>", 2000)) + string.Concat(Enumerable.Repeat("</x>", 2000)), StringComparison.Ordinal)));
        yield return Xml("xml/unknown-namespace-elements.xlsx", wb => wb.Override(Sheet, Part(wb, Sheet)
            .Replace("<sheetData>", "<ext:data xmlns:ext=\"urn:x\"><ext:row><ext:c>99</ext:c></ext:row></ext:data><sheetData>", StringComparison.Ordinal)));
    }

    /// <summary>Package structures that the packaging library itself refuses, each in its own way.</summary>
    public static IEnumerable<HostileFile> PackageFiles()
    {
        const string Rels = "xl/_rels/workbook.xml.rels";
        yield return Xml("xml/content-types-duplicate-default.xlsx", wb => wb.Override("[Content_Types].xml", Part(wb, "[Content_Types].xml")
            .Replace("<Default Extension=\"xml\"", "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"xml\"", StringComparison.Ordinal)));
        yield return Xml("xml/content-types-bad-part-name.xlsx", wb => wb.Override("[Content_Types].xml", Part(wb, "[Content_Types].xml")
            .Replace("PartName=\"/xl/styles.xml\"", "PartName=\"xl//styles.xml\"", StringComparison.Ordinal)));
        yield return Xml("xml/relationship-duplicate-id.xlsx", wb => wb.Override(Rels, Part(wb, Rels).Replace("Id=\"rId2\"", "Id=\"rId1\"", StringComparison.Ordinal)));
        yield return Xml("xml/relationship-target-not-a-uri.xlsx", wb => wb.Override(Rels, Part(wb, Rels)
            .Replace("Target=\"styles.xml\"", "Target=\"http://[::1\"", StringComparison.Ordinal)));
        yield return Xml("xml/relationship-bad-target-mode.xlsx", wb => wb.Override(Rels, Part(wb, Rels)
            .Replace("Target=\"styles.xml\"", "Target=\"styles.xml\" TargetMode=\"Sideways\"", StringComparison.Ordinal)));
        yield return Xml("xml/relationship-missing-id.xlsx", wb => wb.Override(Rels, Part(wb, Rels).Replace(" Id=\"rId2\"", string.Empty, StringComparison.Ordinal)));
        yield return Xml("xml/workbook-missing-content-type.xlsx", wb => wb.Override("[Content_Types].xml", Part(wb, "[Content_Types].xml")
            .Replace("<Default Extension=\"xml\" ContentType=\"application/xml\"/>", string.Empty, StringComparison.Ordinal)));
    }

    private static HostileFile Xml(string name, Action<CorpusWorkbook> change) => new(name, () =>
    {
        var workbook = CorpusWorkbook.Of(CorpusWorkbook.GoodRows);
        change(workbook);
        return workbook.Build();
    });

    private static string Part(CorpusWorkbook workbook, string name) =>
        Encoding.UTF8.GetString(workbook.Parts().Single(p => p.Name == name).Content);

    private static string WithDoctype(string xml, string doctype)
    {
        var declaration = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        return xml[..declaration] + doctype + xml[declaration..];
    }
}
