using IntakePipeline.Core.Formatting;

namespace IntakePipeline.Core.Tests.Formatting;

public class DisplayNumberTests
{
    [Theory]
    [InlineData(7.35, "7.35")]
    [InlineData(7.345, "7.35")]
    [InlineData(10.5, "10.5")]
    [InlineData(10.0, "10")]
    [InlineData(-2.35, "-2.35")]
    [InlineData(0.0495, "0.0495")]
    [InlineData(0.04951, "0.0495")]
    [InlineData(0.5, "0.5")]
    [InlineData(-0.001234, "-0.00123")]
    [InlineData(0.0, "0")]
    [InlineData(1234567.891, "1234567.89")]
    [InlineData(-98765.4321, "-98765.43")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(1e-12, "0")]
    [InlineData(double.NaN, "—")]
    [InlineData(double.PositiveInfinity, "—")]
    public void Format_Value_KeepsSignificantDigitsWithoutExponent(double value, string expected) =>
        Assert.Equal(expected, DisplayNumber.Format(value));

    [Fact]
    public void Format_Null_Dash() => Assert.Equal("—", DisplayNumber.Format(null));

    [Fact]
    public void Together_ValuesThatRoundAlike_GetDecimalsUntilTheyDiffer()
    {
        var texts = DisplayNumber.Together(0.0501, 0.0499, 0.0501 - 0.0499);

        Assert.Equal(["0.0501", "0.0499", "0.0002"], texts);
    }

    [Fact]
    public void Together_LargeValuesCloseTogether_DifferAndGapIsNotZero()
    {
        var texts = DisplayNumber.Together(123456.781, 123456.779, 0.002);

        Assert.Equal(["123456.781", "123456.779", "0.002"], texts);
    }

    [Fact]
    public void Together_NegativeGap_KeepsSignAndDigits()
    {
        var texts = DisplayNumber.Together(5.0, 7.35, 5.0 - 7.35);

        Assert.Equal(["5", "7.35", "-2.35"], texts);
    }

    [Fact]
    public void Together_EqualValues_PrintAlikeWithoutExtraDecimals()
    {
        var texts = DisplayNumber.Together(2.5, 2.5, 0.0, null);

        Assert.Equal(["2.5", "2.5", "0", "—"], texts);
    }

    [Theory]
    [InlineData(95.0, "%", "95%")]
    [InlineData(7.35, "万户", "7.35 万户")]
    [InlineData(3.0, "", "3")]
    [InlineData(null, "万户", "—")]
    public void WithUnit_Value_UnitAttached(double? value, string unit, string expected) =>
        Assert.Equal(expected, DisplayNumber.WithUnit(value, unit));

    [Theory]
    [InlineData(0.223809523, "22.38%")]
    [InlineData(-0.05, "-5%")]
    [InlineData(0.0, "0%")]
    [InlineData(0.00001234, "0.00123%")]
    public void Percent_Fraction_Percentage(double fraction, string expected) =>
        Assert.Equal(expected, DisplayNumber.Percent(fraction));

    [Theory]
    [InlineData(1.2, "+1.2")]
    [InlineData(-2.35, "-2.35")]
    [InlineData(0.0001, "+0.0001")]
    [InlineData(0.0, "0")]
    public void Signed_Difference_ExplicitSign(double value, string expected) =>
        Assert.Equal(expected, DisplayNumber.Signed(value));
}
