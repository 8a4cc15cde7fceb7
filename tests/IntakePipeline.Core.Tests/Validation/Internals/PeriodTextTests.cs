using IntakePipeline.Core.Validation.Internals;

namespace IntakePipeline.Core.Tests.Validation.Internals;

public class PeriodTextTests
{
    [Theory]
    [InlineData("2024-06")]
    [InlineData("2024/06")]
    [InlineData("2024.06")]
    [InlineData("2024-6")]
    [InlineData("2024/6")]
    [InlineData("2024年6月")]
    [InlineData("2024年06月")]
    [InlineData("２０２４年６月")]
    [InlineData("202406")]
    [InlineData("2024-06-30")]
    [InlineData("2024-06-01")]
    [InlineData("2024/6/30")]
    [InlineData("2024年6月30日")]
    [InlineData("2024-06-30 00:00:00")]
    [InlineData("2024-06-30T00:00:00")]
    [InlineData(" 2024-06 ")]
    public void TryParse_AcceptedForms_June2024(string text)
    {
        Assert.True(PeriodText.TryParse(text, out var month));
        Assert.Equal(new YearMonth(2024, 6), month);
    }

    [Theory]
    [InlineData("")]
    [InlineData("六月")]
    [InlineData("2024")]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024-06-31")]
    [InlineData("2024-6/30")]
    [InlineData("2024年6")]
    [InlineData("2024年6月份")]
    [InlineData("20246")]
    [InlineData("2024-006")]
    [InlineData("24-06")]
    [InlineData("2024_06")]
    public void TryParse_Malformed_False(string text) => Assert.False(PeriodText.TryParse(text, out _));
}
