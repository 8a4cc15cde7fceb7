using IntakePipeline.Core.Validation.Internals;

namespace IntakePipeline.Core.Tests.Validation.Internals;

public class RobustZScoreTests
{
    [Fact]
    public void Compute_WithSpread_ModifiedZ()
    {
        // median 0.125; |deviations| 0.025, 0.025, 0.075, 0.025 → MAD 0.025; z = 0.6745 × (0.5 − 0.125) / 0.025 = 10.1175.
        double[] history = [0.1, 0.15, 0.05, 0.15];

        var z = RobustZScore.Compute(history, 0.5, out var median);

        Assert.Equal(0.125, median, 12);
        Assert.Equal(10.1175, z, 9);
    }

    [Fact]
    public void Compute_MadZero_FallsBackOnMeanAbsoluteDeviation()
    {
        // median 1; |deviations| 0, 0, 0, 4 → MAD 0, meanAD 1; z = (3 − 1) / (1.253314 × 1) = 1.595769….
        double[] history = [1, 1, 1, 5];

        var z = RobustZScore.Compute(history, 3, out _);

        Assert.Equal(2 / 1.253314, z, 9);
    }

    [Theory]
    [InlineData(0.2, double.PositiveInfinity)]
    [InlineData(0.0, double.NegativeInfinity)]
    [InlineData(0.1, 0)]
    public void Compute_NoSpreadAtAll_InfiniteUnlessEqual(double x, double expected)
    {
        double[] history = [0.1, 0.1, 0.1, 0.1];

        Assert.Equal(expected, RobustZScore.Compute(history, x, out _));
    }
}
