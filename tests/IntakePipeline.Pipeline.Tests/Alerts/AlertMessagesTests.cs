using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Pipeline.Alerts;

namespace IntakePipeline.Pipeline.Tests.Alerts;

public class AlertMessagesTests
{
    private static readonly PlanCatalog _plan = PlanCatalogLoader.LoadEmbedded();

    [Fact]
    public void ForEntry_SmallDownwardRate_ActualAndExpectedDifferAndLagIsAPercentage()
    {
        // 遵义 U34 in 2024-05: 0.05 against 0.0479 expected, lag 20.83%.
        var indicator = _plan.FindIndicator("U34")!;
        var period = new YearMonth(2024, 5);
        var entry = new TrajectoryEvaluator(_plan, new ThresholdsOptions()).Evaluate(indicator, "520300", period, [new MonthlyValue(period, 0.05)]);

        var message = AlertMessages.ForEntry(entry, AlertChange.Opened, indicator);

        Assert.Equal("遵义市 亿元地区生产总值生产安全事故死亡率 2024-05 严重滞后：实际 0.05 人/亿元，应达 0.0479 人/亿元，滞后 20.83%", message);
    }

    [Fact]
    public void ForEntry_Ahead_SaysAhead()
    {
        var entry = new ScorecardEntry("520300", "X", new YearMonth(2024, 5), 12, 10, 20, null, 0, -0.1, TrajectoryStatus.OnTrack, null, null);

        var message = AlertMessages.ForEntry(entry, AlertChange.Resolved, null);

        Assert.EndsWith("实际 12，应达 10，超前 10%", message, StringComparison.Ordinal);
    }
}
