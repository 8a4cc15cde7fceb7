using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using static IntakePipeline.Core.Tests.Validation.TestCatalog;

namespace IntakePipeline.Core.Tests.Evaluation;

public class ProvinceRollupTests
{
    private static readonly YearMonth _june2024 = new(2024, 6);

    private static readonly ProvinceRollup _rollup = new(Default, new TrajectoryEvaluator(Default, new ThresholdsOptions()));

    [Fact]
    public void Evaluate_AllNinePrefectures_CompleteSumOnTrack()
    {
        // Province U14: 70万户 by 2025-12 from 0 at 2020-12 → expected 70 × 42/60 = 49 at 2024-06.
        // 10 + 4 + 7.35 + 3.5 + 4.15 + 7 + 2 + 6.5 + 4.5 = 49 → lag 0.
        var actuals = new Dictionary<string, double>
        {
            ["520100"] = 10,
            ["520200"] = 4,
            ["520300"] = 7.35,
            ["520400"] = 3.5,
            ["520500"] = 4.15,
            ["520600"] = 7,
            ["522300"] = 2,
            ["522600"] = 6.5,
            ["522700"] = 4.5,
        };

        var entry = _rollup.Evaluate(Indicator("U14"), _june2024, actuals);

        Assert.Equal(Province, entry.Scope);
        Assert.Equal(49, entry.Actual!.Value, 9);
        Assert.Equal(49, entry.Expected!.Value, 9);
        Assert.Equal(70, entry.Target);
        Assert.Equal(TrajectoryStatus.OnTrack, entry.Status);
        Assert.Equal(9, entry.ReportedCount);
        Assert.Equal(9, entry.ExpectedCount);
        Assert.False(entry.IsPartial);
    }

    [Fact]
    public void Evaluate_TwoAllocatedPrefectures_JudgedAgainstTheirOwnExpectedValues()
    {
        // 贵阳 15.4 and 遵义 10.5 by 2025-12, from 0 at 2020-12 → 25.9 × 42/60 = 18.13 expected at 2024-06, not the
        // province's 49. 10 + 7.35 = 17.35 → lag 0.78/25.9 = 0.030 → on track.
        var actuals = new Dictionary<string, double> { [Guiyang] = 10, [Zunyi] = 7.35, [Province] = 1000 };

        var entry = _rollup.Evaluate(Indicator("U14"), _june2024, actuals);

        Assert.Equal(17.35, entry.Actual!.Value, 9);
        Assert.Equal(18.13, entry.Expected!.Value, 9);
        Assert.Equal(25.9, entry.Target!.Value, 9);
        Assert.Equal(new YearMonth(2025, 12), entry.TargetDate);
        Assert.Equal(0.78 / 25.9, entry.Lag!.Value, 9);
        Assert.Equal(TrajectoryStatus.OnTrack, entry.Status);
        Assert.Equal(2, entry.ReportedCount);
        Assert.Equal(9, entry.ExpectedCount);
        Assert.True(entry.IsPartial);
    }

    [Fact]
    public void Evaluate_PartialWithAPrefectureWithoutAllocation_InsufficientData()
    {
        // 六盘水 (520200) has no U14 allocation in the test catalog, so the three cannot be judged together.
        var actuals = new Dictionary<string, double> { [Guiyang] = 10, ["520200"] = 4, [Zunyi] = 7.35 };

        var entry = _rollup.Evaluate(Indicator("U14"), _june2024, actuals);

        Assert.Equal(21.35, entry.Actual!.Value, 9);
        Assert.Null(entry.Expected);
        Assert.Null(entry.Lag);
        Assert.Equal(TrajectoryStatus.InsufficientData, entry.Status);
        Assert.Equal(70, entry.Target);
        Assert.Equal(3, entry.ReportedCount);
    }

    [Fact]
    public void Evaluate_ThreeOfNineOfAnAllocatedPlanIndicator_SumOfTheirExpectedValues()
    {
        // The real catalog's U14 allocations: 贵阳 15.4, 六盘水 5.69, 遵义 10.5 by 2025-12 → 31.59 × 42/60 = 22.113 at
        // 2024-06. The province's own 49 would call 21 seriously behind (lag 0.4); against 22.113 it is on track.
        var plan = PlanCatalogLoader.LoadEmbedded();
        var rollup = new ProvinceRollup(plan, new TrajectoryEvaluator(plan, new ThresholdsOptions()));
        var actuals = new Dictionary<string, double> { [Guiyang] = 10, ["520200"] = 4, [Zunyi] = 7 };

        var entry = rollup.Evaluate(plan.FindIndicator("U14")!, _june2024, actuals);

        Assert.Equal(21, entry.Actual!.Value, 9);
        Assert.Equal(22.113, entry.Expected!.Value, 9);
        Assert.Equal(31.59, entry.Target!.Value, 9);
        Assert.Equal(1.113 / 31.59, entry.Lag!.Value, 9);
        Assert.Equal(TrajectoryStatus.OnTrack, entry.Status);
        Assert.Equal(3, entry.ReportedCount);
        Assert.Equal(9, entry.ExpectedCount);
    }

    [Fact]
    public void Evaluate_ThreeOfNineOfAPlanIndicatorWithoutAllocations_InsufficientDataAndNoAlert()
    {
        // U08 is summed from the prefectures but the plan gives only the province's figure.
        var plan = PlanCatalogLoader.LoadEmbedded();
        var rollup = new ProvinceRollup(plan, new TrajectoryEvaluator(plan, new ThresholdsOptions()));
        var indicator = plan.FindIndicator("U08")!;
        Assert.Equal(IndicatorAggregation.Sum, indicator.Aggregation);
        var actuals = new Dictionary<string, double> { [Guiyang] = 1, ["520200"] = 1, [Zunyi] = 1 };

        var entry = rollup.Evaluate(indicator, _june2024, actuals);

        Assert.Equal(TrajectoryStatus.InsufficientData, entry.Status);
        Assert.Null(entry.Expected);
        Assert.Null(entry.Lag);
        Assert.Equal(3, entry.Actual);
        Assert.Null(new AlertPolicy(rollupRequiresComplete: false).Decide(AlertKind.Trajectory, AlertState.Open, TrajectoryStatus.SeriouslyBehind, entry));
        Assert.Null(new AlertPolicy().Decide(AlertKind.Trajectory, AlertState.None, null, entry));
    }

    [Fact]
    public void Evaluate_NoPrefectureReported_InsufficientData()
    {
        var earlier = new[] { new MonthlyValue(new YearMonth(2024, 5), 48) };

        var entry = _rollup.Evaluate(Indicator("U14"), _june2024, new Dictionary<string, double>(), earlier);

        Assert.Equal(TrajectoryStatus.InsufficientData, entry.Status);
        Assert.Null(entry.Actual);
        Assert.Equal(0, entry.ReportedCount);
        Assert.True(entry.IsPartial);
    }

    [Fact]
    public void Evaluate_EarlierRollups_UsedForProjection()
    {
        // Earlier sums rising 0.5 a month to this month's 49: 49 + 0.5 × 18 = 58 at 2025-12, short of 70 → at risk.
        var earlier = new[] { 46.5, 47.0, 47.5, 48.0, 48.5 }
            .Select((v, i) => new MonthlyValue(new YearMonth(2024, 1 + i), v)).ToArray();
        var actuals = Submitters.Prefectures.ToDictionary(p => p.Code, _ => 49.0 / 9);

        var entry = _rollup.Evaluate(Indicator("U14"), _june2024, actuals, earlier);

        Assert.Equal(58, entry.Projected!.Value, 9);
        Assert.Equal(TrajectoryStatus.AtRisk, entry.Status);
    }

    [Fact]
    public void Evaluate_NotASumIndicator_Throws() =>
        Assert.Throws<ArgumentException>(() => _rollup.Evaluate(Indicator("U27"), _june2024, new Dictionary<string, double>()));
}
