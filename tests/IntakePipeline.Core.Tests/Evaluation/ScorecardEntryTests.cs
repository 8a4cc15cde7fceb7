using IntakePipeline.Core.Evaluation;

namespace IntakePipeline.Core.Tests.Evaluation;

public class ScorecardEntryTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData(9, 9, false)]
    [InlineData(3, 9, true)]
    [InlineData(0, 9, true)]
    public void IsPartial_Counts_FewerReportedThanExpected(int? reported, int? expected, bool partial)
    {
        var entry = new ScorecardEntry("520000", "U14", new YearMonth(2024, 6), null, null, null, null, null, null,
            TrajectoryStatus.InsufficientData, null, null, reported, expected);

        Assert.Equal(partial, entry.IsPartial);
    }
}
