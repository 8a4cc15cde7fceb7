using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Templates;

/// <summary>
/// Writes the monthly XLSX template for one submitter: a <c>数据</c> sheet that lists the submitter's indicators with
/// code, Chinese name and unit and an empty value column; a <c>说明</c> sheet with instructions; and a hidden
/// <c>代码表</c> sheet that feeds the dropdown of valid codes. A template filled in and uploaded as it is passes
/// validation. Printed, each visible sheet is A4 landscape and one page wide, with wrapped text; the data sheet repeats
/// its header row on every page.
/// </summary>
public sealed class SubmissionTemplateWriter(PlanCatalog catalog)
{
    /// <summary>The content type of the template.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The headers of the data sheet, in column order. They are the contract's Chinese aliases.</summary>
    public static IReadOnlyList<string> Headers { get; } = ["指标代码", "指标名称", "单位", "数值", "上期值", "备注", "期间", "市州代码"];

    private const string DataSheet = "数据";
    private const string CodeSheet = "代码表";
    private const string GuideSheet = "说明";
    private const string CodeListName = "指标代码表";
    private const int SpareRows = 20;

    // Wide enough for a 说明 line of about 60 Chinese characters, narrow enough for A4 landscape at full size.
    private const double GuideColumnWidth = 120;

    /// <summary>
    /// Where the pipeline keeps a submitter's template for <paramref name="period"/>: this name in the submitter's
    /// <c>reports-{code}</c> container, <c>templates/{yyyy-MM}.xlsx</c>.
    /// </summary>
    /// <param name="period">The month the template is for.</param>
    /// <returns>The blob name.</returns>
    public static string BlobName(YearMonth period) => $"templates/{period}.xlsx";

    /// <summary>Writes the template to <paramref name="output"/>.</summary>
    /// <param name="output">A writable stream; it is left open.</param>
    /// <param name="submitter">The submitter's code, e.g. 520300.</param>
    /// <param name="period">The month the template is for.</param>
    /// <param name="previous">The previous month's accepted values, shown in 上期值; null leaves the column empty.</param>
    public void Write(Stream output, string submitter, YearMonth period, IReadOnlyList<Observation>? previous = null)
    {
        var name = Submitters.Find(submitter)?.Name
            ?? throw new ArgumentException($"Unknown submitter '{submitter}'.", nameof(submitter));
        var indicators = catalog.IndicatorsFor(submitter);
        var previousValues = previous?.ToDictionary(o => o.Indicator, o => o.Value, StringComparer.Ordinal);

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var strings = new SharedStrings(workbookPart.AddNewPart<SharedStringTablePart>());
        AddStyles(workbookPart);

        var dataRows = new List<Row> { TextRow(1, strings, Headers, TemplateStyles.Header) };
        foreach (var indicator in indicators)
        {
            var rowIndex = (uint)dataRows.Count + 1;
            var row = new Row { RowIndex = rowIndex };
            row.Append(
                TextCell("A", rowIndex, strings, indicator.Code, TemplateStyles.Locked),
                TextCell("B", rowIndex, strings, indicator.Name, TemplateStyles.Locked),
                TextCell("C", rowIndex, strings, indicator.Unit, TemplateStyles.Locked),
                new Cell { CellReference = $"D{rowIndex}", StyleIndex = TemplateStyles.Input });
            if (previousValues is not null && previousValues.TryGetValue(indicator.Code, out var value))
            {
                row.Append(NumberCell("E", rowIndex, value, TemplateStyles.Locked));
            }

            row.Append(
                TextCell("G", rowIndex, strings, period.ToString(), TemplateStyles.Locked),
                TextCell("H", rowIndex, strings, submitter, TemplateStyles.Locked));
            dataRows.Add(row);
        }

        var lastRow = dataRows.Count + SpareRows;
        var footer = $"&L{name} {period} 月报模板&R第 &P 页，共 &N 页";
        AddSheet(workbookPart, DataSheet, 1, dataRows, DataSheetColumns(), SheetStateValues.Visible, footer, codeValidationRows: lastRow);
        AddSheet(workbookPart, GuideSheet, 2, GuideRows(strings, name, submitter, period), [Column(1, 1, GuideColumnWidth)], SheetStateValues.Visible, footer);
        var codeRows = indicators.Select((indicator, i) => TextRow((uint)i + 1, strings, [indicator.Code, indicator.Name], 0)).ToList();
        AddSheet(workbookPart, CodeSheet, 3, codeRows, [Column(1, 1, 12), Column(2, 2, 40)], SheetStateValues.Hidden, footer: null);

        workbookPart.Workbook.Append(new DefinedNames(
            new DefinedName { Name = CodeListName, Text = $"'{CodeSheet}'!$A$1:$A${Math.Max(1, indicators.Count)}" },
            // The header row on every printed page of the data sheet (the first sheet, index 0).
            new DefinedName { Name = "_xlnm.Print_Titles", LocalSheetId = 0, Text = $"'{DataSheet}'!$1:$1" }));
        strings.Save();
        workbookPart.Workbook.Save();
    }

    private static Column[] DataSheetColumns() =>
        [Column(1, 1, 12), Column(2, 2, 44), Column(3, 3, 14), Column(4, 5, 14), Column(6, 6, 30), Column(7, 8, 11)];

    private static void AddSheet(
        WorkbookPart workbookPart,
        string name,
        uint sheetId,
        IEnumerable<Row> rows,
        Column[] columns,
        SheetStateValues state,
        string? footer,
        int codeValidationRows = 0)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var worksheet = new Worksheet();
        if (footer is not null)
        {
            worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        }

        if (sheetId == 1)
        {
            // Keep the header visible while scrolling through 60-odd indicators.
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "D2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "D2" } })
            { TabSelected = true, WorkbookViewId = 0 }));
        }

        worksheet.Append(new Columns(columns));
        worksheet.Append(new SheetData(rows));
        if (codeValidationRows > 0)
        {
            worksheet.Append(new DataValidations(new DataValidation(new Formula1(CodeListName))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowErrorMessage = true,
                ErrorTitle = "指标代码无效",
                Error = "请从下拉列表中选择指标代码。",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A2:A{codeValidationRows}" },
            })
            { Count = 1 });
        }

        if (footer is not null)
        {
            // A4 landscape, scaled to one page wide and as many pages tall as the rows need.
            worksheet.Append(
                new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
                new HeaderFooter(new OddFooter(footer)));
        }

        part.Worksheet = worksheet;
        var sheets = workbookPart.Workbook.GetFirstChild<Sheets>() ?? workbookPart.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet
        {
            Id = workbookPart.GetIdOfPart(part),
            SheetId = sheetId,
            Name = name,
            State = state == SheetStateValues.Visible ? null : state,
        });
    }

    private static IEnumerable<Row> GuideRows(SharedStrings strings, string name, string submitter, YearMonth period)
    {
        string[] lines =
        [
            $"{name}（{submitter}）{period} 新型城镇化监测指标月报模板",
            "1. 在“数据”工作表的“数值”列填写本月数据，单位以“单位”列为准；本月未统计的指标请留空，留空不视为错误。",
            "2. 累计类指标填写自统计期起始月至本月末的累计完成数（“累计完成”），不要填写当月增量。",
            "3. 请勿修改“指标代码”“单位”“期间”“市州代码”列；如需补充说明，请写在“备注”列。",
            "4. 数值只填数字，可带“万”字（如 10.5万）或千分位逗号；不要以 =、+、-、@ 开头填写文字。",
            $"5. 保存为 .xlsx 后上传到容器 intake-{submitter} 的 {period}/ 目录下，例如 {period}/{name}-{period.Month}月.xlsx。",
            $"6. 处理结果（校验报告）将出现在容器 reports-{submitter} 的同名路径下；如被退回，按报告逐条修改后重新上传即可，新文件会替换旧文件。",
        ];
        return lines.Select((line, i) => TextRow((uint)i + 1, strings, [line], i == 0 ? TemplateStyles.Header : TemplateStyles.Wrapped));
    }

    private static Row TextRow(uint rowIndex, SharedStrings strings, IReadOnlyList<string> values, uint style)
    {
        var row = new Row { RowIndex = rowIndex };
        for (var i = 0; i < values.Count; i++)
        {
            row.Append(TextCell(ColumnName(i), rowIndex, strings, values[i], style));
        }

        return row;
    }

    private static Cell TextCell(string column, uint rowIndex, SharedStrings strings, string text, uint style) => new()
    {
        CellReference = column + rowIndex.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.SharedString,
        CellValue = new CellValue(strings.IndexOf(text).ToString(CultureInfo.InvariantCulture)),
        StyleIndex = style == 0 ? null : style,
    };

    private static Cell NumberCell(string column, uint rowIndex, double value, uint style) => new()
    {
        CellReference = column + rowIndex.ToString(CultureInfo.InvariantCulture),
        CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)),
        StyleIndex = style,
    };

    private static string ColumnName(int index) => ((char)('A' + index)).ToString();

    private static Column Column(uint min, uint max, double width) =>
        new() { Min = min, Max = max, Width = width, CustomWidth = true };

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }) { PatternType = PatternValues.Solid }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF9DB" }) { PatternType = PatternValues.Solid }))
            { Count = 5 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat(Wrap()) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
                new CellFormat(Wrap()) { FillId = 3, ApplyFill = true, ApplyAlignment = true },
                new CellFormat { FillId = 4, ApplyFill = true },
                new CellFormat(Wrap()) { ApplyAlignment = true })
            { Count = 5 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        stylesPart.Stylesheet.Save();
    }

    private static Alignment Wrap() => new() { WrapText = true, Vertical = VerticalAlignmentValues.Top };

    private static class TemplateStyles
    {
        public const uint Header = 1;
        public const uint Locked = 2;
        public const uint Input = 3;
        public const uint Wrapped = 4;
    }

    /// <summary>The workbook's shared string table, deduplicated as cells are added.</summary>
    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly SharedStringTable _table = part.SharedStringTable = new SharedStringTable();

        public int IndexOf(string text)
        {
            if (!_index.TryGetValue(text, out var index))
            {
                index = _index.Count;
                _index.Add(text, index);
                _table.Append(new SharedStringItem(new Text(text)));
            }

            return index;
        }

        public void Save()
        {
            _table.Count = (uint)_index.Count;
            _table.UniqueCount = (uint)_index.Count;
            _table.Save();
        }
    }
}
