using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IntakePipeline.Core.Tests.Submissions.Fixtures;

/// <summary>Adds cells to one row; a null column leaves out the <c>r</c> attribute.</summary>
internal sealed class XlsxRowBuilder(XlsxWorkbookBuilder workbook, Row row, uint? rowIndex)
{
    public XlsxRowBuilder Text(string? column, string text)
    {
        var index = workbook.AddSharedString(new SharedStringItem(new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
        return Add(column, new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) });
    }

    /// <summary>A shared string of formatted runs, followed by a phonetic guide that is not part of the text.</summary>
    public XlsxRowBuilder RichText(string column, params string[] runs)
    {
        var item = new SharedStringItem();
        foreach (var run in runs)
        {
            item.AppendChild(new Run(new RunProperties(new Bold()), new Text(run)));
        }

        item.AppendChild(new PhoneticRun(new Text("ピンイン")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 });
        var index = workbook.AddSharedString(item);
        return Add(column, new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) });
    }

    public XlsxRowBuilder InlineText(string column, string text) =>
        Add(column, new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });

    public XlsxRowBuilder Number(string? column, double value, uint style = XlsxWorkbookBuilder.GeneralStyle) =>
        Add(column, new Cell { CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)), StyleIndex = style });

    /// <summary>A number cell whose stored text is given verbatim, as another writer may have written it.</summary>
    public XlsxRowBuilder StoredNumber(string column, string stored, uint style = XlsxWorkbookBuilder.GeneralStyle) =>
        Add(column, new Cell { CellValue = new CellValue(stored), StyleIndex = style });

    public XlsxRowBuilder Boolean(string column, bool value) =>
        Add(column, new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(value ? "1" : "0") });

    public XlsxRowBuilder Error(string column, string error) =>
        Add(column, new Cell { DataType = CellValues.Error, CellValue = new CellValue(error) });

    /// <summary>A formula cell; a null cached value writes no <c>&lt;v&gt;</c>, as some libraries do.</summary>
    public XlsxRowBuilder Formula(
        string column, string formula, string? cached, CellValues? type = null, uint style = XlsxWorkbookBuilder.GeneralStyle)
    {
        var cell = new Cell { CellFormula = new CellFormula(formula), StyleIndex = style };
        if (cached is not null)
        {
            cell.CellValue = new CellValue(cached);
        }

        if (type is { } dataType)
        {
            cell.DataType = dataType;
        }

        return Add(column, cell);
    }

    /// <summary>A cell with a style and no value, as Excel writes for formatted empty cells.</summary>
    public XlsxRowBuilder StyledBlank(string column) => Add(column, new Cell { StyleIndex = XlsxWorkbookBuilder.PercentStyle });

    public XlsxRowBuilder Raw(Cell cell) => Add(null, cell);

    private XlsxRowBuilder Add(string? column, Cell cell)
    {
        if (column is not null)
        {
            cell.CellReference = column + rowIndex?.ToString(CultureInfo.InvariantCulture);
        }

        row.AppendChild(cell);
        return this;
    }
}
