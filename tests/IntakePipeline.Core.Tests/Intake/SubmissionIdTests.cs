using System.Text;
using IntakePipeline.Core.Intake;

namespace IntakePipeline.Core.Tests.Intake;

public class SubmissionIdTests
{
    [Fact]
    public void Create_KnownContent_IsTimestampAndHashPrefix()
    {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        var sha = SubmissionId.Sha256Hex(Encoding.ASCII.GetBytes("abc"));
        var id = SubmissionId.Create(new DateTimeOffset(2024, 7, 3, 9, 15, 2, TimeSpan.FromHours(8)), sha);
        Assert.Equal("20240703T011502Z-ba7816bf8f01", id);
    }

    [Fact]
    public void Create_LaterUpload_SortsAfter()
    {
        var sha = SubmissionId.Sha256Hex([1, 2, 3]);
        var earlier = SubmissionId.Create(new DateTimeOffset(2024, 7, 3, 9, 0, 0, TimeSpan.Zero), sha);
        var later = SubmissionId.Create(new DateTimeOffset(2024, 7, 3, 10, 0, 0, TimeSpan.Zero), sha);
        Assert.True(string.CompareOrdinal(earlier, later) < 0);
    }
}
