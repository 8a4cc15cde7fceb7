using IntakePipeline.Core.Evaluation;
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
    public void Evaluate_ThreePrefectures_PartialSum()
    {
        // 10 + 4 + 7.35 = 21.35; lag (49 − 21.35)/70 = 0.395 → seriously behind, and labelled partial.
        var actuals = new Dictionary<string, double> { ["520100"] = 10, ["520200"] = 4, ["520300"] = 7.35, [Province] = 1000 };

        var entry = _rollup.Evaluate(Indicator("U14"), _june2024, actuals);

        Assert.Equal(21.35, entry.Actual!.Value, 9);
        Assert.Equal(27.65 / 70, entry.Lag!.Value, 9);
        Assert.Equal(TrajectoryStatus.SeriouslyBehind, entry.Status);
        Assert.Equal(3, entry.ReportedCount);
        Assert.Equal(9, entry.ExpectedCount);
        Assert.True(entry.IsPartial);
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
