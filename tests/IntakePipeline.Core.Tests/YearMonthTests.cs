namespace IntakePipeline.Core.Tests;

public class YearMonthTests
{
    [Theory]
    [InlineData("2024-06", 2024, 6)]
    [InlineData(" 2021-01 ", 2021, 1)]
    public void TryParse_ValidMonth_ReturnsIt(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var parsed));
        Assert.Equal(new YearMonth(year, month), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024-6")]
    [InlineData("2024/06")]
    [InlineData("24-06-01")]
    [InlineData(null)]
    public void TryParse_Malformed_ReturnsFalse(string? text) => Assert.False(YearMonth.TryParse(text, out _));

    [Fact]
    public void AddMonths_AcrossYear_Wraps() => Assert.Equal(new YearMonth(2025, 2), new YearMonth(2024, 11).AddMonths(3));

    [Fact]
    public void MonthsSince_FromWindowStart_CountsMonths() =>
        Assert.Equal(41, new YearMonth(2024, 6).MonthsSince(new YearMonth(2021, 1)));

    [Fact]
    public void ToString_IsYearDashMonth() => Assert.Equal("2021-03", new YearMonth(2021, 3).ToString());
}
