using IntakePipeline.Core.Submissions;

namespace IntakePipeline.Core.Tests.Submissions;

public class XlsxNumberFormatsTests
{
    [Theory]
    [InlineData(0u, "General")]
    [InlineData(2u, "General")]
    [InlineData(9u, "Percent")]
    [InlineData(10u, "Percent")]
    [InlineData(14u, "Date")]
    [InlineData(22u, "Date")]
    [InlineData(31u, "Date")]
    [InlineData(57u, "Date")]
    [InlineData(49u, "General")]
    public void ForBuiltIn_KnownIds_Classify(uint id, string expected) =>
        Assert.Equal(Enum.Parse<XlsxNumberKind>(expected), XlsxNumberFormats.ForBuiltIn(id));

    [Theory]
    [InlineData("0.0%", "Percent")]
    [InlineData("#,##0.00%;[Red]-#,##0.00%", "Percent")]
    [InlineData("0.00\"%\"", "General")]
    [InlineData("0.00\\%", "General")]
    [InlineData("yyyy-mm-dd", "Date")]
    [InlineData("yyyy\"年\"m\"月\"d\"日\"", "Date")]
    [InlineData("[$-804]yyyy\"年\"m\"月\"", "Date")]
    [InlineData("mmm-yy", "Date")]
    [InlineData("h:mm", "General")]
    [InlineData("[h]:mm:ss", "General")]
    [InlineData("General", "General")]
    [InlineData("#,##0_);[Red](#,##0)", "General")]
    [InlineData("0.00\"万户\"", "General")]
    [InlineData("@", "General")]
    [InlineData("0.00E+00", "General")]
    [InlineData("\"unterminated", "General")]
    [InlineData("[Red", "General")]
    [InlineData("", "General")]
    public void ForCode_CustomCodes_Classify(string code, string expected) =>
        Assert.Equal(Enum.Parse<XlsxNumberKind>(expected), XlsxNumberFormats.ForCode(code));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(56.5, "56.5")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(1106.0, "1106")]
    [InlineData(-3.25, "-3.25")]
    [InlineData(0.00001, "0.00001")]
    [InlineData(123456789012.5, "123456789012.5")]
    [InlineData(1e300, "1E+300")]
    [InlineData(1e-20, "1E-20")]
    public void FormatNumber_Value_HasNoFloatNoise(double value, string expected) =>
        Assert.Equal(expected, XlsxNumberFormats.FormatNumber(value));

    [Theory]
    [InlineData(0.36, "Percent", false, "36")]
    [InlineData(0.005, "Percent", false, "0.5")]
    [InlineData(45458.0, "Date", false, "2024-06-15")]
    [InlineData(45458.75, "Date", false, "2024-06-15")]
    [InlineData(43996.0, "Date", true, "2024-06-15")]
    [InlineData(-5.0, "Date", false, "-5")]
    [InlineData(1e9, "Date", false, "1000000000")]
    [InlineData(2958465.9999999995, "Date", false, "9999-12-31")]
    [InlineData(2957003.9999999995, "Date", true, "9999-12-31")]
    [InlineData(2958466.0, "Date", false, "2958466")]
    public void Format_Kind_AppliesIt(double value, string kind, bool date1904, string expected) =>
        Assert.Equal(expected, XlsxNumberFormats.Format(value, Enum.Parse<XlsxNumberKind>(kind), date1904));
}
