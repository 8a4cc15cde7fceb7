using System.Text;
using IntakePipeline.Core.Submissions;

namespace IntakePipeline.Core.Tests.Submissions;

public class ZipCrc32Tests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Append_WholeText_GivesTheStandardChecksum(string text, uint expected)
    {
        var crc = ZipCrc32.Finish(ZipCrc32.Append(ZipCrc32.Initial, Encoding.ASCII.GetBytes(text)));

        Assert.Equal(expected, crc);
    }

    [Fact]
    public void Append_InPieces_EqualsAppendingAtOnce()
    {
        var bytes = Encoding.UTF8.GetBytes("指标代码,数值\nU14,5\n");

        var pieces = ZipCrc32.Append(ZipCrc32.Append(ZipCrc32.Initial, bytes.AsSpan(0, 7)), bytes.AsSpan(7));

        Assert.Equal(ZipCrc32.Finish(ZipCrc32.Append(ZipCrc32.Initial, bytes)), ZipCrc32.Finish(pieces));
    }
}
