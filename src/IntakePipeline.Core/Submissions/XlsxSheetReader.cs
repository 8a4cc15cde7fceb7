using System.Globalization;
using System.Xml;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Reads one worksheet's <c>sheetData</c> row by row into a <see cref="SubmissionTableBuilder"/>. Row numbers are the
/// sheet's own (the <c>r</c> attribute, else the position), as Excel shows them. Cells become text: shared and inline
/// strings as written, numbers through their number format (<see cref="XlsxNumberFormats"/>), booleans as
/// <c>TRUE</c>/<c>FALSE</c>, errors such as <c>#N/A</c> as written, and formulas by their cached value.
/// </summary>
internal sealed class XlsxSheetReader(
    XlsxNumberKind[] styles,
    IReadOnlyList<string> sharedStrings,
    bool date1904,
    string partName,
    SubmissionTableBuilder builder)
{
    private const int MaxRowNumber = 1_048_576;
    private const int MaxColumnNumber = 16_384;

    /// <summary>Reads the sheet; a malformed row or cell reference stops it with an <c>unreadable-file</c> issue.</summary>
    public void Read(XmlReader reader)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheetData")
            {
                if (!reader.IsEmptyElement)
                {
                    ReadRows(reader);
                }

                return;
            }
        }
    }

    /// <summary>The 0-based column of a cell reference such as <c>AB12</c>; -1 when it is not one.</summary>
    internal static int ParseColumn(ReadOnlySpan<char> reference)
    {
        var column = 0;
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[letters]) - 'A' + 1);
            letters++;
            if (column > MaxColumnNumber)
            {
                return -1;
            }
        }

        var digits = reference[letters..];
        return letters > 0 && digits.Length > 0 && !digits.ContainsAnyExcept("0123456789") ? column - 1 : -1;
    }

    private void ReadRows(XmlReader reader)
    {
        var depth = reader.Depth;
        var previous = 0;
        while (!builder.IsStopped && reader.Read() && !XlsxXml.IsEndOf(reader, depth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1 || reader.LocalName != "row")
            {
                continue;
            }

            var reference = reader.GetAttribute("r");
            var number = reference is null ? previous + 1 : ParseRowNumber(reference);
            if (number is < 1 or > MaxRowNumber)
            {
                builder.Fail(SubmissionReadIssues.MalformedWorkbook(partName, $"行号 {reference ?? number.ToString(CultureInfo.InvariantCulture)}"));
                return;
            }

            previous = number;
            builder.BeginRow(number);
            if (!reader.IsEmptyElement)
            {
                ReadCells(reader);
            }

            builder.EndRow();
        }
    }

    private void ReadCells(XmlReader reader)
    {
        var depth = reader.Depth;
        var previous = -1;
        while (!builder.IsStopped && reader.Read() && !XlsxXml.IsEndOf(reader, depth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1 || reader.LocalName != "c")
            {
                continue;
            }

            var reference = reader.GetAttribute("r");
            var column = reference is null ? previous + 1 : ParseColumn(reference);
            if (column is < 0 or >= MaxColumnNumber)
            {
                builder.Fail(SubmissionReadIssues.MalformedWorkbook(partName, $"单元格引用 {reference}"));
                return;
            }

            previous = column;
            ReadCell(reader, column, reference);
        }
    }

    private void ReadCell(XmlReader reader, int column, string? reference)
    {
        var type = reader.GetAttribute("t");
        var kind = StyleKind(reader.GetAttribute("s"));
        string? value = null;
        string? inline = null;
        var formula = false;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (reader.Read() && !XlsxXml.IsEndOf(reader, depth))
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "v":
                        value = XlsxXml.ReadText(reader);
                        break;
                    case "is":
                        inline = XlsxXml.ReadRichText(reader);
                        break;
                    case "f":
                        formula = true;
                        XlsxXml.SkipElement(reader);
                        break;
                    default:
                        XlsxXml.SkipElement(reader);
                        break;
                }
            }
        }

        if (value is null && inline is null && !formula)
        {
            return;
        }

        if (CellText(type, value, inline, kind, reference) is { } text)
        {
            builder.SetCell(column, text, formula, cached: value is not null || inline is not null);
        }
    }

    private string? CellText(string? type, string? value, string? inline, XlsxNumberKind kind, string? reference)
    {
        if (inline is not null)
        {
            return inline;
        }

        if (value is null)
        {
            return string.Empty;
        }

        switch (type)
        {
            case "s":
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count)
                {
                    return sharedStrings[index];
                }

                builder.Fail(SubmissionReadIssues.MalformedWorkbook(partName, $"单元格 {reference} 的共享字符串编号 {value}"));
                return null;
            case "b":
                return value switch
                {
                    "1" => "TRUE",
                    "0" => "FALSE",
                    _ => value,
                };
            case "str" or "e" or "inlineStr":
                return value;
            case "d":
                return kind == XlsxNumberKind.Date
                    && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                        ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : value;
            default:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? XlsxNumberFormats.Format(number, kind, date1904)
                    : value;
        }
    }

    private XlsxNumberKind StyleKind(string? style) =>
        uint.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < (uint)styles.Length
            ? styles[index]
            : XlsxNumberKind.General;

    private static int ParseRowNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;
}
