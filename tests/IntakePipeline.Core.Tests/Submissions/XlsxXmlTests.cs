using IntakePipeline.Core.Submissions;

namespace IntakePipeline.Core.Tests.Submissions;

public class XlsxXmlTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a_x000D_b", "a\rb")]
    [InlineData("_x0041__x0042_", "AB")]
    [InlineData("_x005F_x0041_", "_x0041_")]
    [InlineData("_x00G1_", "_x00G1_")]
    [InlineData("tail_x00", "tail_x00")]
    [InlineData("指标_x4E2D_", "指标中")]
    public void Unescape_EcmaEscapes_AreDecoded(string text, string expected) =>
        Assert.Equal(expected, XlsxXml.Unescape(text));
}
