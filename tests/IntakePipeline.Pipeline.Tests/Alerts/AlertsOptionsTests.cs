using IntakePipeline.Core;
using IntakePipeline.Pipeline.Alerts;

namespace IntakePipeline.Pipeline.Tests.Alerts;

public sealed class AlertsOptionsTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(24, true)]
    [InlineData(120, true)]
    [InlineData(0, false)]
    [InlineData(121, false)]
    public void IsValid_TrajectoryMonths_MustBeOneToHundredTwenty(int months, bool valid)
    {
        Assert.Equal(valid, new AlertsOptions { TrajectoryMonths = months }.IsValid());
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(120, true)]
    [InlineData(-1, false)]
    [InlineData(121, false)]
    public void IsValid_MailMonths_MustBeZeroToHundredTwenty(int months, bool valid)
    {
        Assert.Equal(valid, new AlertsOptions { MailMonths = months }.IsValid());
    }

    [Theory]
    [InlineData("2024-10", true)]
    [InlineData("2024-09", true)]
    [InlineData("2024-08", true)]
    [InlineData("2024-07", false)]
    [InlineData("2021-01", false)]
    public void IsMailed_ByDefault_TheCurrentMonthAndTwoBefore(string period, bool mailed)
    {
        Assert.Equal(mailed, new AlertsOptions().IsMailed(YearMonth.Parse(period), new YearMonth(2024, 10)));
    }

    [Fact]
    public void Defaults_RequireACompleteRollupAndTwoYearsOfTrajectory()
    {
        var options = new AlertsOptions();

        Assert.True(options.RollupRequiresComplete);
        Assert.Equal(24, options.TrajectoryMonths);
    }
}
