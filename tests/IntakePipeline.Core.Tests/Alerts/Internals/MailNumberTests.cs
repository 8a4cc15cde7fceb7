using IntakePipeline.Core.Alerts.Internals;

namespace IntakePipeline.Core.Tests.Alerts.Internals;

public class MailNumberTests
{
    [Theory]
    [InlineData(7.35, "7.35")]
    [InlineData(7.345, "7.35")]
    [InlineData(10.5, "10.5")]
    [InlineData(10.0, "10")]
    [InlineData(-2.35, "-2.35")]
    [InlineData(-0.001, "0")]
    [InlineData(0.004, "0")]
    [InlineData(1234567.891, "1234567.89")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e-7, "0")]
    [InlineData(double.NaN, "—")]
    [InlineData(double.PositiveInfinity, "—")]
    public void Format_Value_InvariantTwoDecimalsNoExponent(double value, string expected) =>
        Assert.Equal(expected, MailNumber.Format(value));

    [Fact]
    public void Format_Null_Dash() => Assert.Equal("—", MailNumber.Format(null));

    [Theory]
    [InlineData(95.0, "%", "95%")]
    [InlineData(7.35, "万户", "7.35 万户")]
    [InlineData(3.0, "", "3")]
    [InlineData(null, "万户", "—")]
    public void WithUnit_Value_UnitAttached(double? value, string unit, string expected) =>
        Assert.Equal(expected, MailNumber.WithUnit(value, unit));

    [Theory]
    [InlineData(0.223809523, "22.38%")]
    [InlineData(-0.05, "-5%")]
    [InlineData(0.0, "0%")]
    public void Percent_Fraction_Percentage(double fraction, string expected) =>
        Assert.Equal(expected, MailNumber.Percent(fraction));

    [Theory]
    [InlineData(1.2, "+1.2")]
    [InlineData(-2.35, "-2.35")]
    [InlineData(0.0001, "0")]
    public void Signed_Difference_ExplicitSign(double value, string expected) =>
        Assert.Equal(expected, MailNumber.Signed(value));
}
