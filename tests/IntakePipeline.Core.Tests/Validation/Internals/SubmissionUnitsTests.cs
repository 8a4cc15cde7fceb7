using IntakePipeline.Core.Validation.Internals;

namespace IntakePipeline.Core.Tests.Validation.Internals;

public class SubmissionUnitsTests
{
    [Theory]
    [InlineData("万户", "万户", 0)]
    [InlineData("户", "万户", -4)]
    [InlineData("万户", "户", 4)]
    [InlineData("人", "万人", -4)]
    [InlineData("万人", "人", 4)]
    [InlineData("个", "万个", -4)]
    [InlineData("万个", "个", 4)]
    [InlineData("公里", "公里", 0)]
    public void PowerOfTen_ConvertiblePairs_Power(string from, string to, int power) =>
        Assert.Equal(power, SubmissionUnits.PowerOfTen(from, to));

    [Theory]
    [InlineData("平方米", "万户")]
    [InlineData("千米", "公里")]
    [InlineData("元", "万元")]
    [InlineData("户", "万人")]
    [InlineData("万万户", "户")]
    [InlineData("%", "万户")]
    public void PowerOfTen_OtherPairs_Null(string from, string to) => Assert.Null(SubmissionUnits.PowerOfTen(from, to));

    [Theory]
    [InlineData(" ％ ", "%")]
    [InlineData("万户", "万户")]
    [InlineData("\u3000公里", "公里")]
    public void Normalize_WidthAndSpaces_Folded(string unit, string expected) => Assert.Equal(expected, SubmissionUnits.Normalize(unit));
}
