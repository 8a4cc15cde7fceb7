using IntakePipeline.Core.Validation.Internals;

namespace IntakePipeline.Core.Tests.Validation.Internals;

public class FullWidthTests
{
    [Theory]
    [InlineData("ｕ１４", "u14")]
    [InlineData("\u3000５２０３００\u3000", "520300")]
    [InlineData("％", "%")]
    [InlineData("U14", "U14")]
    [InlineData("指标代码", "指标代码")]
    public void FoldTrim_FullWidth_HalfWidth(string text, string expected) => Assert.Equal(expected, FullWidth.FoldTrim(text));

    [Fact]
    public void FoldTrim_NothingToChange_SameInstance()
    {
        var text = "U14";

        Assert.Same(text, FullWidth.FoldTrim(text));
    }
}
