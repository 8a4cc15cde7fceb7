using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Validation;

public class SafeTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", true)]
    [InlineData("+cmd|' /C calc'!A0", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("-2+3", true)]
    [InlineData("  =1+1", true)]
    [InlineData("-12.5", false)]
    [InlineData("+3", false)]
    [InlineData("遵义", false)]
    [InlineData("", false)]
    public void LooksLikeFormula_Cases(string text, bool expected) => Assert.Equal(expected, SafeText.LooksLikeFormula(text));

    [Fact]
    public void NeutralizeFormula_Formula_GetsApostrophe() => Assert.Equal("'=1+1", SafeText.NeutralizeFormula("=1+1"));

    [Fact]
    public void Html_ScriptAndFormula_AreEscapedAndNeutralised() =>
        Assert.Equal("&#39;=&lt;script&gt;", SafeText.Html("=<script>"));
}
