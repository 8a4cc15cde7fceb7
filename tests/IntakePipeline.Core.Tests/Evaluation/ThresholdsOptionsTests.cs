using IntakePipeline.Core.Evaluation;

namespace IntakePipeline.Core.Tests.Evaluation;

public class ThresholdsOptionsTests
{
    [Fact]
    public void Constructor_Defaults_AsDocumented()
    {
        var options = new ThresholdsOptions();

        Assert.Equal("Thresholds", ThresholdsOptions.SectionName);
        Assert.Equal((0.05, 0.15, 3.5, 100.0, 6, 3), (options.OnTrack, options.Behind, options.OutlierZ, options.UnitSuspectFactor, options.ProjectionPoints, options.MinProjectionPoints));
        Assert.Empty(options.Indicators);
    }

    [Fact]
    public void BandsFor_NoOverride_GlobalBands() =>
        Assert.Equal(new TrajectoryBands(0.05, 0.15), new ThresholdsOptions().BandsFor("U14"));

    [Fact]
    public void BandsFor_PartialOverride_FallsBackPerBand()
    {
        var options = new ThresholdsOptions { OnTrack = 0.04, Indicators = { ["U14"] = new IndicatorThresholds { Behind = 0.3 } } };

        Assert.Equal(new TrajectoryBands(0.04, 0.3), options.BandsFor("U14"));
        Assert.Equal(new TrajectoryBands(0.04, 0.15), options.BandsFor("U01"));
    }
}
