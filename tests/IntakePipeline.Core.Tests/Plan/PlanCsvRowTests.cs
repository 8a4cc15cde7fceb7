using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Tests.Plan;

public class PlanCsvRowTests
{
    [Theory]
    [InlineData("2025-12", 2025, 12)]
    [InlineData("2025/12", 2025, 12)]
    [InlineData("2025/1/1", 2025, 1)]
    [InlineData("2025-12-01", 2025, 12)]
    [InlineData("2025年12月", 2025, 12)]
    [InlineData("2025年1月", 2025, 1)]
    public void TryParseMonth_FormsExcelWritesBack_Accepted(string text, int year, int month)
    {
        Assert.True(PlanCsvRow.TryParseMonth(text, out var parsed));
        Assert.Equal(new YearMonth(year, month), parsed);
    }

    [Theory]
    [InlineData("2025-12-15")]
    [InlineData("2025/13")]
    [InlineData("Dec-25")]
    [InlineData("2025")]
    [InlineData("")]
    public void TryParseMonth_Other_Rejected(string text) => Assert.False(PlanCsvRow.TryParseMonth(text, out _));

    [Theory]
    [InlineData("41.08", 41.08)]
    [InlineData("-1.5", -1.5)]
    [InlineData("0", 0)]
    public void TryParseNumber_PlainNumber_Accepted(string text, double expected)
    {
        Assert.True(PlanCsvRow.TryParseNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,106")]
    [InlineData("10.5万")]
    [InlineData("1e3")]
    [InlineData("NaN")]
    [InlineData("")]
    public void TryParseNumber_Other_Rejected(string text) => Assert.False(PlanCsvRow.TryParseNumber(text, out _));

    [Fact]
    public void Number_BadCell_FailsWithFileRowAndField()
    {
        var row = new PlanCsvRow("targets.csv", 12, new Dictionary<string, string> { ["value"] = "abc" });
        var error = Assert.Throws<PlanCatalogException>(() => row.Number("value"));
        Assert.Equal(("targets.csv", 12, "value"), (error.File, error.Row, error.Field));
        Assert.StartsWith("targets.csv 第12行，列“value”：", error.Message, StringComparison.Ordinal);
    }
}
