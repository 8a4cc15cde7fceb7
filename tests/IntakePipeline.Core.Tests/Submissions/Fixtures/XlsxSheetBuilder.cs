using DocumentFormat.OpenXml.Spreadsheet;

namespace IntakePipeline.Core.Tests.Submissions.Fixtures;

/// <summary>One worksheet of an <see cref="XlsxWorkbookBuilder"/>.</summary>
internal sealed class XlsxSheetBuilder(XlsxWorkbookBuilder workbook, string name, SheetStateValues? state)
{
    public string Name { get; } = name;

    public SheetStateValues? State { get; } = state;

    public List<Row> Rows { get; } = [];

    /// <summary>Adds a row; a null index leaves out the <c>r</c> attribute.</summary>
    public XlsxRowBuilder Row(uint? index)
    {
        var row = new Row();
        if (index is { } number)
        {
            row.RowIndex = number;
        }

        Rows.Add(row);
        return new XlsxRowBuilder(workbook, row, index);
    }

    /// <summary>Adds a row of shared-string cells from column A.</summary>
    public XlsxSheetBuilder TextRow(uint index, params string[] texts)
    {
        var row = Row(index);
        for (var i = 0; i < texts.Length; i++)
        {
            row.Text(((char)('A' + i)).ToString(), texts[i]);
        }

        return this;
    }
}
