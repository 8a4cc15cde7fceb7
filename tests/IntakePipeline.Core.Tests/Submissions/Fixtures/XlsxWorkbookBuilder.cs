using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IntakePipeline.Core.Tests.Submissions.Fixtures;

/// <summary>Builds real XLSX files with the OpenXml SDK, with a fixed set of cell styles for number-format tests.</summary>
internal sealed class XlsxWorkbookBuilder
{
    public const uint GeneralStyle = 0;
    public const uint PercentStyle = 1;          // built-in 9: 0%
    public const uint DateStyle = 2;             // built-in 14: m/d/yyyy
    public const uint CustomPercentStyle = 3;    // custom 164: 0.0%
    public const uint CustomDateStyle = 4;       // custom 165: yyyy"年"m"月"d"日"
    public const uint QuotedPercentStyle = 5;    // custom 166: 0.00"%" (a literal sign, not a percent)
    public const uint ChineseDateStyle = 6;      // built-in 31: yyyy"年"m"月"d"日" in zh-CN
    public const uint TimeStyle = 7;             // custom 167: h:mm

    private readonly List<XlsxSheetBuilder> _sheets = [];
    private readonly List<SharedStringItem> _sharedStrings = [];

    public bool Date1904 { get; set; }

    public XlsxSheetBuilder AddSheet(string name, SheetStateValues? state = null)
    {
        var sheet = new XlsxSheetBuilder(this, name, state);
        _sheets.Add(sheet);
        return sheet;
    }

    public int AddSharedString(SharedStringItem item)
    {
        _sharedStrings.Add(item);
        return _sharedStrings.Count - 1;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            if (Date1904)
            {
                workbookPart.Workbook.AppendChild(new WorkbookProperties { Date1904 = true });
            }

            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = CreateStylesheet();
            if (_sharedStrings.Count > 0)
            {
                workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable =
                    new SharedStringTable(_sharedStrings.Select(item => (SharedStringItem)item.CloneNode(true)));
            }

            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var sheet in _sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = new Worksheet(new SheetData(sheet.Rows.Select(row => row.CloneNode(true))));
                sheets.AppendChild(new Sheet
                {
                    Name = sheet.Name,
                    SheetId = sheetId++,
                    Id = workbookPart.GetIdOfPart(worksheetPart),
                    State = sheet.State is { } state ? state : null,
                });
            }
        }

        return stream.ToArray();
    }

    private static Stylesheet CreateStylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "0.00\"%\"" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "h:mm" }),
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellStyleFormats(new CellFormat { NumberFormatId = 10 }),
        new CellFormats(
            new CellFormat { NumberFormatId = 0 },
            new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 31, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 167, ApplyNumberFormat = true }));
}
