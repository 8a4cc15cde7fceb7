using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Submissions;

public class SubmissionTableBuilderTests
{
    private static readonly LimitsOptions _limits = new();

    [Fact]
    public void Build_RowsOfDifferentWidths_AreAllPaddedToHeaders()
    {
        var builder = SubmissionTableBuilder.ForHeaderRow(_limits);
        AddRow(builder, 1, "指标代码", "数值", "单位");
        AddRow(builder, 2, "U01");
        AddRow(builder, 3, "U02", "2", "万户");

        var table = builder.Build(SubmissionFormat.Csv, "UTF-8");

        Assert.All(table.Rows, row => Assert.Equal(3, row.Cells.Count));
        Assert.All(table.Rows[0].Cells.Skip(1), cell => Assert.Equal(SubmissionCell.Empty, cell));
    }

    [Fact]
    public void Build_KeyedRows_PadEarlierRowsForLaterKeys()
    {
        var builder = SubmissionTableBuilder.ForKeys(_limits);
        builder.BeginRow(1);
        builder.SetCell(builder.ColumnFor("指标代码"), "U01");
        builder.EndRow();
        builder.BeginRow(2);
        builder.SetCell(builder.ColumnFor(" 备注 "), "新");
        builder.EndRow();

        var table = builder.Build(SubmissionFormat.Json, null);

        Assert.Equal(["指标代码", "备注"], table.Headers);
        Assert.Equal(["U01", ""], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["", "新"], table.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Build_FormulaCellsInDataRows_WarnInRowOrderWithHeaderNames()
    {
        var builder = SubmissionTableBuilder.ForHeaderRow(_limits);
        AddRow(builder, 1, "指标代码", "数值");
        builder.BeginRow(2);
        builder.SetCell(0, "U01");
        builder.SetCell(1, "5", fromFormula: true);
        builder.EndRow();
        builder.BeginRow(3);
        builder.SetCell(0, "U02", fromFormula: true);
        builder.SetCell(3, string.Empty, fromFormula: true, cached: false);
        builder.EndRow();

        var issues = builder.Build(SubmissionFormat.Xlsx, null).Issues;

        Assert.Equal([(2, "数值"), (3, "指标代码"), (3, "列4")], issues.Select(i => (i.Row!.Value, i.Column!)));
        Assert.All(issues, i => Assert.Equal(IssueSeverity.Warning, i.Severity));
    }

    [Fact]
    public void Build_BlankRowWithUncachedFormula_StillWarns()
    {
        var builder = SubmissionTableBuilder.ForHeaderRow(_limits);
        AddRow(builder, 1, "指标代码", "数值");
        AddRow(builder, 2, "U01", "1");
        builder.BeginRow(3);
        builder.SetCell(1, string.Empty, fromFormula: true, cached: false);
        builder.SetCell(0, string.Empty, fromFormula: true);
        builder.EndRow();

        var table = builder.Build(SubmissionFormat.Xlsx, null);

        Assert.Single(table.Rows);
        var issue = Assert.Single(table.Issues);
        Assert.Equal((3, "数值"), (issue.Row, issue.Column));
    }

    [Fact]
    public void Fail_AfterRows_BuildsNoRowsAndOnlyTheError()
    {
        var builder = SubmissionTableBuilder.ForHeaderRow(_limits);
        AddRow(builder, 1, "指标代码", "数值");
        builder.BeginRow(2);
        builder.SetCell(1, "1", fromFormula: true);
        builder.EndRow();
        builder.Fail(SubmissionReadIssues.NotAWorkbook());
        AddRow(builder, 3, "U03", "3");

        var table = builder.Build(SubmissionFormat.Xlsx, null);

        Assert.True(builder.IsStopped);
        Assert.Empty(table.Rows);
        Assert.Equal(IssueCodes.UnreadableFile, Assert.Single(table.Issues).Code);
    }

    private static void AddRow(SubmissionTableBuilder builder, int number, params string[] cells)
    {
        builder.BeginRow(number);
        for (var i = 0; i < cells.Length; i++)
        {
            builder.SetCell(i, cells[i]);
        }

        builder.EndRow();
    }
}
