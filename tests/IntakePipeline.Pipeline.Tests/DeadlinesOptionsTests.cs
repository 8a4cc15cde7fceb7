using IntakePipeline.Core;

namespace IntakePipeline.Pipeline.Tests;

public sealed class DeadlinesOptionsTests
{
    [Theory]
    [InlineData(2024, 6, "2024-07-10T23:59:59+08:00")]
    [InlineData(2024, 12, "2025-01-10T23:59:59+08:00")]
    [InlineData(2025, 1, "2025-02-10T23:59:59+08:00")]
    public void DeadlineFor_Defaults_IsTheTenthOfTheNextMonthInShanghai(int year, int month, string expected)
    {
        var deadline = new DeadlinesOptions().DeadlineFor(new YearMonth(year, month));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), deadline);
        Assert.Equal(TimeSpan.FromHours(8), deadline.Offset);
    }

    [Theory]
    [InlineData("2026-11-27T09:00:00+08:00", "2026-11")]
    [InlineData("2026-12-05T09:00:00+08:00", "2026-11")]
    [InlineData("2026-12-10T23:59:58+08:00", "2026-11")]
    [InlineData("2026-12-11T00:00:00+08:00", "2026-12")]
    [InlineData("2027-01-01T00:30:00+08:00", "2026-12")]
    [InlineData("2024-07-10T23:59:59+08:00", "2024-06")]
    [InlineData("2024-07-31T17:00:00+00:00", "2024-07")] // 1 August 01:00 in Shanghai
    public void CollectingPeriod_Defaults_IsTheEarliestMonthStillDue(string now, string expected)
    {
        var period = new DeadlinesOptions().CollectingPeriod(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(YearMonth.Parse(expected), period);
    }

    [Fact]
    public void DeadlineFor_ConfiguredDayTimeAndZone_UsesThem()
    {
        var options = new DeadlinesOptions { DayOfMonth = 5, TimeOfDay = new TimeSpan(18, 0, 0), TimeZone = "UTC" };

        var deadline = options.DeadlineFor(new YearMonth(2024, 6));

        Assert.Equal(new DateTimeOffset(2024, 7, 5, 18, 0, 0, TimeSpan.Zero), deadline);
    }

    [Theory]
    [InlineData(10, 0, "Asia/Shanghai", true)]
    [InlineData(0, 0, "Asia/Shanghai", false)]
    [InlineData(29, 0, "Asia/Shanghai", false)]
    [InlineData(10, 25, "Asia/Shanghai", false)]
    [InlineData(10, 0, "Mars/Olympus", false)]
    public void IsValid_Values_ChecksDayTimeAndZone(int day, int hours, string zone, bool valid)
    {
        var options = new DeadlinesOptions { DayOfMonth = day, TimeOfDay = TimeSpan.FromHours(hours), TimeZone = zone };

        Assert.Equal(valid, options.IsValid());
    }
}
