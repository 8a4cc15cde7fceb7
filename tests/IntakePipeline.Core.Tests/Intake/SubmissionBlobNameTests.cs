using IntakePipeline.Core.Intake;

namespace IntakePipeline.Core.Tests.Intake;

public class SubmissionBlobNameTests
{
    [Theory]
    [InlineData("intake-520300", "2024-06/遵义-6月.csv", "520300", 2024, 6, "遵义-6月.csv")]
    [InlineData("intake-520000", "2025-12/省统计局.XLSX", "520000", 2025, 12, "省统计局.XLSX")]
    [InlineData("intake-522700", "2023-01/a.json", "522700", 2023, 1, "a.json")]
    public void TryParse_SubmissionPath_ReadsSubmitterPeriodAndFile(string container, string name, string submitter, int year, int month, string file)
    {
        Assert.True(SubmissionBlobName.TryParse(container, name, out var parsed));
        Assert.Equal(new SubmissionBlobName(submitter, new YearMonth(year, month), file), parsed);
    }

    [Theory]
    [InlineData("intake-520300", "遵义-6月.csv")]
    [InlineData("intake-520300", "2024-06/sub/遵义.csv")]
    [InlineData("intake-520300", "2024-6/遵义.csv")]
    [InlineData("intake-520300", "2024-13/遵义.csv")]
    [InlineData("intake-520300", "2024-06/遵义.txt")]
    [InlineData("intake-520300", "2024-06/.csv.bak")]
    [InlineData("intake-520300", "../2024-06/遵义.csv")]
    [InlineData("intake-999999", "2024-06/遵义.csv")]
    [InlineData("reports-520300", "2024-06/遵义.csv")]
    public void TryParse_AnythingElse_IsNotASubmission(string container, string name) =>
        Assert.False(SubmissionBlobName.TryParse(container, name, out _));

    [Fact]
    public void SubmitterOf_ReportsContainer_IsNull() => Assert.Null(SubmissionBlobName.SubmitterOf("reports-520300"));
}
