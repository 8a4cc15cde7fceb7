using IntakePipeline.Core.Validation;
using IntakePipeline.Core.Validation.Internals;

namespace IntakePipeline.Core.Tests.Validation.Internals;

public class IssueFloodsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(IssueFloods.Threshold - 1, IssueFloods.Threshold - 1)]
    [InlineData(IssueFloods.Threshold, 1)]
    [InlineData(78, 1)]
    public void Collapse_SameIssueOnRows_IsOneIssueFromTheThreshold(int rows, int listed)
    {
        var issues = Enumerable.Range(2, rows).Select(row => Mismatch(row, "520300")).ToList();

        var collapsed = IssueFloods.Collapse(issues);

        Assert.Equal(listed, collapsed.Count);
        Assert.Equal(rows, collapsed.Sum(i => i.Count));
        Assert.Equal(2, collapsed[0].Row);
    }

    [Fact]
    public void Collapse_Flood_NamesTheFirstRowsAndKeepsTheFirstMessage()
    {
        var issues = Enumerable.Range(2, 78).Select(row => Mismatch(row, "520300")).ToList();

        var issue = Assert.Single(IssueFloods.Collapse(issues));

        Assert.Equal(78, issue.Count);
        Assert.StartsWith("同一问题出现在 78 行（第 2、3、4、5、6 行等）", issue.Message, StringComparison.Ordinal);
        Assert.EndsWith(issues[0].Message, issue.Message, StringComparison.Ordinal);
        Assert.Equal(("市州代码", "520300"), (issue.Column, issue.Value));
    }

    [Fact]
    public void Collapse_DifferentValues_StayApartAndInOrder()
    {
        List<ValidationIssue> issues = [.. Enumerable.Range(2, 6).Select(row => Mismatch(row, row % 2 == 0 ? "520300" : "520400"))];

        var collapsed = IssueFloods.Collapse(issues);

        Assert.Equal(issues, collapsed);
    }

    [Fact]
    public void Collapse_FileLevelIssuesOfOneCode_AreOneNamingTheFirstColumns()
    {
        var issues = Enumerable.Range(1, 94).Select(i => new ValidationIssue(
            IssueCodes.ExtraLabel, IssueSeverity.Warning, null, $"c{i}", $"c{i}", $"表头中的“c{i}”列不是模板中的列。")).ToList();

        var issue = Assert.Single(IssueFloods.Collapse(issues));

        Assert.Null(issue.Row);
        Assert.Equal(94, issue.Count);
        Assert.Contains("“c1”、“c2”、“c3”、“c4”、“c5”等", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collapse_ErrorsAndWarningsOfOneCode_AreNotMerged()
    {
        List<ValidationIssue> issues =
        [
            .. Enumerable.Range(2, 5).Select(row => Mismatch(row, "520300")),
            .. Enumerable.Range(7, 5).Select(row => Mismatch(row, "520300") with { Severity = IssueSeverity.Warning }),
        ];

        var collapsed = IssueFloods.Collapse(issues);

        Assert.Equal([IssueSeverity.Error, IssueSeverity.Warning], collapsed.Select(i => i.Severity));
    }

    private static ValidationIssue Mismatch(int row, string value) => new(
        IssueCodes.PrefectureMismatch, IssueSeverity.Error, row, "市州代码", value, $"第 {row} 行“市州代码”列的“{value}”与上传单位不一致。");
}
