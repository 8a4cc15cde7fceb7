using IntakePipeline.Core.Alerts.Internals;

namespace IntakePipeline.Core.Tests.Alerts.Internals;

public class MailTextTests
{
    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("a\r\nb", "a  b")]
    [InlineData("\n=cmd()", "' =cmd()")]
    [InlineData("evil\u202Etxt.csv", "eviltxt.csv")]
    [InlineData(null, "")]
    public void Plain_Submitted_SingleLineAndNeutralised(string? text, string expected) =>
        Assert.Equal(expected, MailText.Plain(text));

    [Fact]
    public void Html_ComposedText_EscapedWithLineBreaks() =>
        Assert.Equal("&lt;b&gt;a&lt;/b&gt;<br>&#39;=x", MailText.Html("<b>a</b>\n'=x"));

    [Theory]
    [InlineData("-2.27 万户")]
    [InlineData("+0.00208 人/亿元")]
    public void Html_ComposedFigure_NotPrefixed(string figure) =>
        Assert.Equal(figure, MailText.Html(figure));

    [Fact]
    public void Shorten_Long_EndsWithEllipsis() =>
        Assert.Equal("abcd…", MailText.Shorten("abcdefgh", 5));
}
