using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IntakePipeline.Pipeline.Tests.Fixtures;

/// <summary>Submission files made in the test: CSV in UTF-8 or GB18030, and XLSX with a 数据 sheet.</summary>
internal static class SubmissionFiles
{
    static SubmissionFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>A long-format CSV: 指标代码,数值,单位, one line per (indicator, value, unit).</summary>
    public static byte[] Csv(Encoding encoding, params (string Indicator, string Value, string Unit)[] rows)
    {
        var text = new StringBuilder("指标代码,数值,单位\r\n");
        foreach (var (indicator, value, unit) in rows)
        {
            text.Append(indicator).Append(',').Append(value).Append(',').Append(unit).Append("\r\n");
        }

        return encoding.GetBytes(text.ToString());
    }

    public static byte[] Gb18030Csv(params (string Indicator, string Value, string Unit)[] rows) => Csv(Gb18030, rows);

    public static byte[] Utf8Csv(params (string Indicator, string Value, string Unit)[] rows) => Csv(new UTF8Encoding(false), rows);

    /// <summary>An XLSX whose 数据 sheet holds 指标代码,数值,单位; a value that parses as a number is a number cell.</summary>
    public static byte[] Xlsx(params (string Indicator, string Value, string Unit)[] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "数据" }));
            data.AppendChild(Row(1, "指标代码", "数值", "单位"));
            for (var i = 0; i < rows.Length; i++)
            {
                data.AppendChild(Row((uint)(i + 2), rows[i].Indicator, rows[i].Value, rows[i].Unit));
            }
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, params string[] values)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Length; c++)
        {
            var reference = ((char)('A' + c)).ToString() + index.ToString(CultureInfo.InvariantCulture);
            row.AppendChild(double.TryParse(values[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? new Cell { CellReference = reference, CellValue = new CellValue(values[c]) }
                : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(values[c])) });
        }

        return row;
    }
}
