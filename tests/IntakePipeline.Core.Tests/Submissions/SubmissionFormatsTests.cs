using IntakePipeline.Core.Submissions;

namespace IntakePipeline.Core.Tests.Submissions;

public class SubmissionFormatsTests
{
    [Theory]
    [InlineData("data.csv", SubmissionFormat.Csv)]
    [InlineData("DATA.CSV", SubmissionFormat.Csv)]
    [InlineData("2024-06/遵义.xlsx", SubmissionFormat.Xlsx)]
    [InlineData("2024-06/a.XlSx", SubmissionFormat.Xlsx)]
    [InlineData("rows.json", SubmissionFormat.Json)]
    [InlineData("archive.tar.json", SubmissionFormat.Json)]
    public void FromFileName_SupportedExtension_ReturnsFormat(string fileName, SubmissionFormat expected) =>
        Assert.Equal(expected, SubmissionFormats.FromFileName(fileName));

    [Theory]
    [InlineData("")]
    [InlineData("csv")]
    [InlineData("data")]
    [InlineData("data.xls")]
    [InlineData("data.xlsm")]
    [InlineData("data.txt")]
    [InlineData("data.csv.exe")]
    [InlineData("data.csv ")]
    public void FromFileName_UnsupportedExtension_ReturnsNull(string fileName) =>
        Assert.Null(SubmissionFormats.FromFileName(fileName));

    [Fact]
    public void FromFileName_Null_Throws() => Assert.Throws<ArgumentNullException>(() => SubmissionFormats.FromFileName(null!));
}
