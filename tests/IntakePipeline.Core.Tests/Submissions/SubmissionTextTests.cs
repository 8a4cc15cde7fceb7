using System.Text;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Submissions;

public class SubmissionTextTests
{
    static SubmissionTextTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("utf-8", "UTF-8")]
    [InlineData("utf-8-bom", "UTF-8-BOM")]
    [InlineData("gb18030", "GB18030")]
    public void Detect_ChineseText_NamesTheEncodingAndGivesUtf8(string written, string reported)
    {
        const string Text = "指标代码,数值,单位\nU14,5,万户\n";
        byte[] bytes = written switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Text),
            "utf-8-bom" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Text)],
            _ => Encoding.GetEncoding(54936).GetBytes(Text),
        };

        var issue = SubmissionText.Detect(bytes, out var utf8, out var encoding);

        Assert.Null(issue);
        Assert.Equal(reported, encoding);
        Assert.Equal(Text, Encoding.UTF8.GetString(utf8.Span));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, "UTF-16")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x41 }, "UTF-16")]
    [InlineData(new byte[] { 0x41, 0x2C, 0x00, 0x42 }, "第 3 字节")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x41, 0xC3, 0x28 }, "第 5 字节")]
    [InlineData(new byte[] { 0x41, 0x2C, 0x80 }, "第 3 字节")]
    public void Detect_NotText_IsUnreadableAndSaysWhere(byte[] bytes, string value)
    {
        var issue = SubmissionText.Detect(bytes, out _, out _);

        Assert.Equal(IssueCodes.UnreadableFile, issue?.Code);
        Assert.Equal(value, issue?.Value);
        Assert.Null(issue?.Row);
    }
}
