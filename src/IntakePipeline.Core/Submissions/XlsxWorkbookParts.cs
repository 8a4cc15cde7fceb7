using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace IntakePipeline.Core.Submissions;

/// <summary>Reads what the sheet needs from the workbook's other parts: which sheet, the number formats, the shared strings.</summary>
internal static class XlsxWorkbookParts
{
    /// <summary>The name of the sheet that holds the data when a workbook has several (docs/submitting.md, Formats).</summary>
    public const string DataSheetName = "数据";

    // Excel itself allows at most 64,000 cell formats; anything past that is not a real workbook's styles.
    private const int MaxCellFormats = 65_536;

    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationshipsNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    /// <summary>
    /// The worksheet named <see cref="DataSheetName"/>, else the first visible worksheet (a hidden code-list sheet is
    /// never data), and whether the workbook uses the 1904 date system. <c>HiddenDataSheet</c> is true when the sheet
    /// named <see cref="DataSheetName"/> is hidden: what the officer sees would not be what is stored, so it is an error
    /// rather than a choice (docs/submitting.md, Formats).
    /// </summary>
    public static (WorksheetPart? Sheet, bool Date1904, bool HiddenDataSheet) ChooseWorksheet(WorkbookPart workbookPart, LimitsOptions limits)
    {
        WorksheetPart? firstVisible = null;
        var date1904 = false;
        using var reader = XlsxXml.OpenPart(workbookPart, limits);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "workbookPr")
            {
                date1904 = reader.GetAttribute("date1904") is "1" or "true";
            }
            else if (reader.LocalName == "sheet")
            {
                var id = reader.GetAttribute("id", RelationshipsNamespace) ?? reader.GetAttribute("id", StrictRelationshipsNamespace);
                if (id is null || !workbookPart.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
                {
                    continue;
                }

                var visible = reader.GetAttribute("state") is null or "visible";
                if (reader.GetAttribute("name")?.Trim() == DataSheetName)
                {
                    return (visible ? worksheet : null, date1904, !visible);
                }

                if (firstVisible is null && visible)
                {
                    firstVisible = worksheet;
                }
            }
        }

        return (firstVisible, date1904, false);
    }

    /// <summary>The number-format kind of every cell format (<c>cellXfs</c>), indexed by a cell's style index.</summary>
    public static XlsxNumberKind[] ReadStyles(WorkbookStylesPart part, LimitsOptions limits)
    {
        var customFormats = new Dictionary<uint, XlsxNumberKind>();
        var formatIds = new List<uint>();
        var inCellFormats = false;
        using var reader = XlsxXml.OpenPart(part, limits);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellFormats = false;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "numFmt" when customFormats.Count < MaxCellFormats:
                    if (TryParseId(reader.GetAttribute("numFmtId"), out var id))
                    {
                        customFormats[id] = XlsxNumberFormats.ForCode(reader.GetAttribute("formatCode") ?? string.Empty);
                    }

                    break;
                case "cellXfs":
                    inCellFormats = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellFormats && formatIds.Count < MaxCellFormats:
                    formatIds.Add(TryParseId(reader.GetAttribute("numFmtId"), out var formatId) ? formatId : 0);
                    break;
            }
        }

        var kinds = new XlsxNumberKind[formatIds.Count];
        for (var i = 0; i < kinds.Length; i++)
        {
            // A custom numFmt may also redefine a built-in id, so it is looked up first.
            kinds[i] = customFormats.TryGetValue(formatIds[i], out var kind) ? kind : XlsxNumberFormats.ForBuiltIn(formatIds[i]);
        }

        return kinds;
    }

    /// <summary>The shared string table, in order.</summary>
    public static List<string> ReadSharedStrings(SharedStringTablePart part, LimitsOptions limits)
    {
        var strings = new List<string>();
        using var reader = XlsxXml.OpenPart(part, limits);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                strings.Add(XlsxXml.ReadRichText(reader));
            }
        }

        return strings;
    }

    private static bool TryParseId(string? text, out uint id) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
