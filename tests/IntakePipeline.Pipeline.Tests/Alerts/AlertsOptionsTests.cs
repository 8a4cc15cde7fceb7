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

    [Fact]
    public void Defaults_RequireACompleteRollupAndTwoYearsOfTrajectory()
    {
        var options = new AlertsOptions();

        Assert.True(options.RollupRequiresComplete);
        Assert.Equal(24, options.TrajectoryMonths);
    }
}
