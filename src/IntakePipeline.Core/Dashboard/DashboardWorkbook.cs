using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IntakePipeline.Core.Dashboard.Internals;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Dashboard;

/// <summary>
/// Writes <see cref="DashboardSheet"/>s as one XLSX workbook: a bold header row frozen at the top, numbers as numbers,
/// and each status-carrying cell filled with its status's colour (the dashboard's).
/// </summary>
public static class DashboardWorkbook
{
    private static readonly TrajectoryStatus[] _statuses = Enum.GetValues<TrajectoryStatus>();

    /// <summary>Writes the workbook to <paramref name="output"/>.</summary>
    public static void Write(Stream output, IReadOnlyList<DashboardSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook(new Sheets());
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(TextRow(1, sheet.Header));
            uint index = 2;
            foreach (var cells in sheet.Rows)
            {
                var row = new Row { RowIndex = index };
                foreach (var cell in cells)
                {
                    row.Append(Cell(cell));
                }

                data.Append(row);
                index++;
            }

            part.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                {
                    WorkbookViewId = 0,
                }),
                new Columns(new Column { Min = 1, Max = 1, Width = 16, CustomWidth = true }),
                data);
            workbookPart.Workbook.Sheets!.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }

        workbookPart.Workbook.Save();
    }

    private static Row TextRow(uint index, IReadOnlyList<string> texts)
    {
        var row = new Row { RowIndex = index };
        foreach (var text in texts)
        {
            row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)), StyleIndex = 1 });
        }

        return row;
    }

    private static Cell Cell(DashboardSheetCell cell)
    {
        var style = cell.Status is { } status ? (uint)(2 + Array.IndexOf(_statuses, status)) : 0u;
        return cell.Number is { } number
            ? new Cell { CellValue = new CellValue(number), DataType = CellValues.Number, StyleIndex = style }
            : new Cell
            {
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(SafeText.NeutralizeFormula(cell.Text ?? string.Empty))),
                StyleIndex = style,
            };
    }

    /// <summary>Cell formats: 0 plain, 1 header, then one per status with its colour as the fill and white text.</summary>
    private static Stylesheet Styles()
    {
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        var fonts = new Fonts(new Font(), new Font(new Bold()), new Font(new Color { Rgb = "FFFFFFFF" }));
        var formats = new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true });
        foreach (var status in _statuses)
        {
            fills.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = "FF" + DashboardPage.StatusColor(status).TrimStart('#').ToUpperInvariant() })
            {
                PatternType = PatternValues.Solid,
            }));
            formats.Append(new CellFormat { FillId = (uint)fills.ChildElements.Count - 1, FontId = 2, ApplyFill = true, ApplyFont = true });
        }

        return new Stylesheet(fonts, fills, new Borders(new Border()), new CellStyleFormats(new CellFormat()), formats);
    }
}
