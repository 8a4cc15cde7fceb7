using IntakePipeline.Pipeline.Mail;

namespace IntakePipeline.Pipeline.Tests.Mail;

public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo _shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData("2024-07-05T07:59:00+08:00", "2024-07-05")]
    [InlineData("2024-07-05T08:00:00+08:00", "2024-07-06")]
    [InlineData("2024-07-05T10:00:00+08:00", "2024-07-06")]
    [InlineData("2024-07-04T23:30:00+00:00", "2024-07-05")] // 07:30 on the 5th in Shanghai
    public void DateFor_Instant_NextDigestDate(string now, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), DigestSchedule.DateFor(DateTimeOffset.Parse(now), 8, _shanghai));

    [Fact]
    public void DueAt_Date_HourInTheZone() =>
        Assert.Equal(new DateTimeOffset(2024, 7, 6, 0, 0, 0, TimeSpan.Zero), DigestSchedule.DueAt(new DateOnly(2024, 7, 6), 8, _shanghai));
}
