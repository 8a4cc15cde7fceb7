using IntakePipeline.Core.Intake;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Intake;

public sealed class MisplacedFileTests
{
    private static readonly YearMonth _collecting = new(2026, 11);

    [Theory]
    [InlineData("遵义-6月.csv", "intake-520300/2026-11/遵义-6月.csv")]
    [InlineData("2024-6/遵义-6月.csv", "intake-520300/2026-11/遵义-6月.csv")]
    [InlineData("2024-06/子目录/遵义.XLSX", "intake-520300/2026-11/遵义.XLSX")]
    [InlineData("2024-06/遵义.docx", "intake-520300/2026-11/遵义.xlsx")]
    [InlineData("2024-06/说明", "intake-520300/2026-11/说明.xlsx")]
    public void ExamplePath_AnyMisplacedName_IsAValidPlaceInTheCollectingMonth(string blobName, string expected)
    {
        var file = new MisplacedFile("520300", blobName, _collecting);

        Assert.Equal(expected, file.ExamplePath);
        Assert.True(SubmissionBlobName.TryParse("intake-520300", expected["intake-520300/".Length..], out var parsed));
        Assert.Equal(_collecting, parsed.Period);
    }

    [Fact]
    public void ToIssue_BadFolder_ErrorOnTheFileNameThatSaysWhereTheFileGoes()
    {
        var issue = new MisplacedFile("520300", "2024-6/遵义-6月.csv", _collecting).ToIssue();

        Assert.Equal(IssueCodes.NotASubmission, issue.Code);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Null(issue.Row);
        Assert.Equal("2024-6/遵义-6月.csv", issue.Value);
        Assert.Contains("intake-520300/yyyy-MM/文件名", issue.Message, StringComparison.Ordinal);
        Assert.Contains("例如 2026-11 的数据应放在 intake-520300/2026-11/遵义-6月.csv", issue.Message, StringComparison.Ordinal);
        Assert.Contains("移到（或重新上传到）正确的目录", issue.Message, StringComparison.Ordinal);
    }
}
