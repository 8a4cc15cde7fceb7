using IntakePipeline.Core.Evaluation;
using static IntakePipeline.Core.Tests.Validation.TestCatalog;

namespace IntakePipeline.Core.Tests.Evaluation;

/// <summary>Golden trajectory numbers, computed by hand in the comments.</summary>
public class TrajectoryEvaluatorTests
{
    private const int Precision = 9;

    private static readonly TrajectoryEvaluator _evaluator = new(Default, new ThresholdsOptions());

    // U14 老旧小区改造, 遵义 520300: cumulative 2021-01…2025-12, 10.5万户 by 2025-12, from 0 at 2020-12.

    [Theory]
    [InlineData(2024, 6, 7.35)] // 10.5 × 42/60 = 7.35
    [InlineData(2021, 1, 0.175)] // 10.5 × 1/60
    [InlineData(2020, 12, 0)] // the implicit start
    [InlineData(2020, 6, 0)] // before the window
    [InlineData(2025, 12, 10.5)]
    [InlineData(2026, 3, 10.5)] // after the last point it stays there
    public void ExpectedAt_CumulativeZunyiU14_Linear(int year, int month, double expected) =>
        Assert.Equal(expected, _evaluator.ExpectedAt(Indicator("U14"), Zunyi, new YearMonth(year, month))!.Value, Precision);

    [Fact]
    public void Evaluate_ZunyiU14At5_SeriouslyBehind()
    {
        var entry = _evaluator.Evaluate(Indicator("U14"), Zunyi, new YearMonth(2024, 6), Series((2024, 6, 5.0)));

        // lag = (7.35 − 5) / |10.5 − 0| = 0.223809…
        Assert.Equal(TrajectoryStatus.SeriouslyBehind, entry.Status);
        Assert.Equal(5.0, entry.Actual);
        Assert.Equal(7.35, entry.Expected!.Value, Precision);
        Assert.Equal(2.35 / 10.5, entry.Lag!.Value, Precision);
        Assert.Equal(0.2238, entry.Lag!.Value, 4);
        Assert.Equal(10.5, entry.Target);
        Assert.Equal(new YearMonth(2025, 12), entry.TargetDate);
        Assert.Equal(0, entry.Baseline);
        Assert.Equal("黔发改城镇〔2022〕22号 U14", entry.Source);
        Assert.Null(entry.Projected);
        Assert.Equal((Zunyi, "U14", new YearMonth(2024, 6)), (entry.Scope, entry.Indicator, entry.Period));
    }

    [Theory]
    [InlineData(7.3, TrajectoryStatus.OnTrack)] // (7.35 − 7.3)/10.5 = 0.0048
    [InlineData(6.85, TrajectoryStatus.OnTrack)] // 0.5/10.5 = 0.0476
    [InlineData(6.5, TrajectoryStatus.Behind)] // 0.85/10.5 = 0.081
    [InlineData(5.8, TrajectoryStatus.Behind)] // 1.55/10.5 = 0.1476
    [InlineData(5.7, TrajectoryStatus.SeriouslyBehind)] // 1.65/10.5 = 0.157
    [InlineData(9.0, TrajectoryStatus.OnTrack)] // ahead: lag −0.157
    [InlineData(10.5, TrajectoryStatus.TargetMet)]
    public void Evaluate_ZunyiU14_StatusByLag(double actual, TrajectoryStatus status) =>
        Assert.Equal(status, _evaluator.Evaluate(Indicator("U14"), Zunyi, new YearMonth(2024, 6), Series((2024, 6, actual))).Status);

    // U01 常住人口城镇化率, province: 53.15 @2020-12, 56以上 @2023-12, 60左右 @2025-12 (the 62左右 of 2022 is superseded).

    [Theory]
    [InlineData(2022, 6, 54.575)] // 53.15 + (56 − 53.15) × 18/36
    [InlineData(2024, 12, 58)] // 56 + (60 − 56) × 12/24
    [InlineData(2027, 3, 60)] // after the last point it stays at 60
    [InlineData(2020, 12, 53.15)]
    public void ExpectedAt_LevelUp_PiecewiseLinear(int year, int month, double expected) =>
        Assert.Equal(expected, _evaluator.ExpectedAt(Indicator("U01"), Province, new YearMonth(year, month))!.Value, Precision);

    [Fact]
    public void ExpectedAt_LevelBeforeBaseline_Null() =>
        Assert.Null(_evaluator.ExpectedAt(Indicator("U01"), Province, new YearMonth(2020, 6)));

    [Fact]
    public void Evaluate_LevelUpMid2022_OnTrackAgainstNextMilestone()
    {
        // Annual: the 2021-12 value counts in 2022-06. lag = (54.575 − 54.3)/|60 − 53.15| = 0.275/6.85 = 0.0401.
        var entry = _evaluator.Evaluate(Indicator("U01"), Province, new YearMonth(2022, 6), Series((2021, 12, 54.3)));

        Assert.Equal(TrajectoryStatus.OnTrack, entry.Status);
        Assert.Equal(54.3, entry.Actual);
        Assert.Equal(0.275 / 6.85, entry.Lag!.Value, Precision);
        Assert.Equal(56, entry.Target);
        Assert.Equal(new YearMonth(2023, 12), entry.TargetDate);
        Assert.Equal(53.15, entry.Baseline);
        Assert.StartsWith("黔发改城镇〔2023〕571号", entry.Source);
    }

    [Fact]
    public void Evaluate_LevelUpEnd2024_Behind()
    {
        // lag = (58 − 57.5)/6.85 = 0.0730 → Behind; 60左右 is not met: |57.5 − 60|/6.85 = 0.365.
        var entry = _evaluator.Evaluate(Indicator("U01"), Province, new YearMonth(2024, 12), Series((2023, 12, 56.3), (2024, 12, 57.5)));

        Assert.Equal(TrajectoryStatus.Behind, entry.Status);
        Assert.Equal(0.5 / 6.85, entry.Lag!.Value, Precision);
        Assert.Equal(60, entry.Target);
    }

    [Fact]
    public void Evaluate_LevelUpAfterPlan2027_JudgedAgainstFinalTarget()
    {
        // Expected stays at 60; 59 is |59 − 60|/6.85 = 0.146 off: behind, and not within 左右.
        var entry = _evaluator.Evaluate(Indicator("U01"), Province, new YearMonth(2027, 3), Series((2026, 12, 59)));

        Assert.Equal(TrajectoryStatus.Behind, entry.Status);
        Assert.Equal(60, entry.Expected);
        Assert.Equal(1 / 6.85, entry.Lag!.Value, Precision);
        Assert.Equal(new YearMonth(2025, 12), entry.TargetDate);
    }

    [Fact]
    public void Evaluate_AboutTargetWithinOnTrackBand_TargetMet()
    {
        // 60左右: |59.8 − 60|/6.85 = 0.029 ≤ 0.05 counts as met, though 59.8 < 60.
        var entry = _evaluator.Evaluate(Indicator("U01"), Province, new YearMonth(2025, 12), Series((2025, 12, 59.8)));

        Assert.Equal(TrajectoryStatus.TargetMet, entry.Status);
    }

    [Fact]
    public void Evaluate_PlainTargetJustShort_OnTrackNotMet()
    {
        // P02 (遵义): 300 @2020-12 → 340 @2025-12, no qualifier. 339 is 1/40 = 0.025 short: on track, not met.
        var entry = _evaluator.Evaluate(Indicator("P02"), Zunyi, new YearMonth(2025, 12), Series((2025, 12, 339)));

        Assert.Equal(TrajectoryStatus.OnTrack, entry.Status);
        Assert.Equal(0.025, entry.Lag!.Value, Precision);
    }

    // U38 城乡居民收入比, province, downward: 3.1 @2020-12, 2.98 @2023-12, 2.92以下 @2025-12; span |2.92 − 3.1| = 0.18.

    [Theory]
    [InlineData(2022, 6, 3.04)] // 3.1 − 0.12 × 18/36
    [InlineData(2024, 12, 2.95)] // 2.98 − 0.06 × 12/24
    [InlineData(2026, 6, 2.92)]
    public void ExpectedAt_LevelDown_PiecewiseLinear(int year, int month, double expected) =>
        Assert.Equal(expected, _evaluator.ExpectedAt(Indicator("U38"), Province, new YearMonth(year, month))!.Value, Precision);

    [Theory]
    [InlineData(3.07, TrajectoryStatus.SeriouslyBehind, 0.1666666667)] // (3.07 − 3.04)/0.18
    [InlineData(3.05, TrajectoryStatus.Behind, 0.0555555556)] // (3.05 − 3.04)/0.18
    [InlineData(3.045, TrajectoryStatus.OnTrack, 0.0277777778)]
    [InlineData(3.00, TrajectoryStatus.OnTrack, -0.2222222222)] // ahead: negative lag
    [InlineData(2.97, TrajectoryStatus.TargetMet, -0.3888888889)] // below the next milestone 2.98
    public void Evaluate_LevelDownMid2022_SignedLag(double actual, TrajectoryStatus status, double lag)
    {
        var entry = _evaluator.Evaluate(Indicator("U38"), Province, new YearMonth(2022, 6), Series((2021, 12, actual)));

        Assert.Equal(status, entry.Status);
        Assert.Equal(lag, entry.Lag!.Value, 9);
        Assert.Equal(2.98, entry.Target);
    }

    // U27 空气质量优良天数比率: a weighted floor with province points only (99.4 @2020-12, 95以上 @2025-12).

    [Theory]
    [InlineData(94, TrajectoryStatus.Breach)]
    [InlineData(95, TrajectoryStatus.OnTrack)]
    [InlineData(96, TrajectoryStatus.OnTrack)]
    public void Evaluate_FloorInPrefectureWithoutOwnPoints_JudgedAgainstProvinceFloor(double actual, TrajectoryStatus status)
    {
        var entry = _evaluator.Evaluate(Indicator("U27"), Zunyi, new YearMonth(2022, 6), Series((2022, 6, actual)));

        Assert.Equal(status, entry.Status);
        Assert.Equal(95, entry.Expected);
        Assert.Equal(95, entry.Target);
    }

    [Fact]
    public void ExpectedAt_Floor_ValueInForceNotInterpolated() =>
        Assert.Equal(95, _evaluator.ExpectedAt(Indicator("U27"), Zunyi, new YearMonth(2022, 6)));

    [Theory]
    [InlineData(31, TrajectoryStatus.Breach)]
    [InlineData(30, TrajectoryStatus.OnTrack)]
    public void Evaluate_CeilingBeforeItsOnlyPoint_InForce(double actual, TrajectoryStatus status)
    {
        // C01: 30以内 @2025-12 only; a ceiling holds at any time.
        var entry = _evaluator.Evaluate(Indicator("C01"), Province, new YearMonth(2024, 6), Series((2024, 6, actual)));

        Assert.Equal(status, entry.Status);
    }

    // U36 growth rate, province: 6.5 @2023-12, 7 @2025-12, compared with the target in force.

    [Theory]
    [InlineData(2024, 6, 6.3, TrajectoryStatus.Behind, 0.1)] // (7 − 6.3)/7
    [InlineData(2024, 6, 7.2, TrajectoryStatus.TargetMet, -0.0285714286)]
    [InlineData(2024, 6, -1, TrajectoryStatus.SeriouslyBehind, 1.1428571429)] // (7 + 1)/7
    [InlineData(2023, 6, 6.4, TrajectoryStatus.OnTrack, 0.0153846154)] // (6.5 − 6.4)/6.5
    [InlineData(2022, 6, 6.2, TrajectoryStatus.OnTrack, 0.0461538462)] // (6.5 − 6.2)/6.5: in force before its date too
    public void Evaluate_Rate_AgainstTargetInForce(int year, int month, double actual, TrajectoryStatus status, double lag)
    {
        var at = new YearMonth(year, month);

        var entry = _evaluator.Evaluate(Indicator("U36"), Province, at, Series((year, month, actual)));

        Assert.Equal(status, entry.Status);
        Assert.Equal(lag, entry.Lag!.Value, 9);
        Assert.Equal(entry.Target, entry.Expected);
    }

    // Projection over the last 6 monthly actuals (U14, 遵义, 2024-06; expected 7.35, target 10.5 at 2025-12).

    [Fact]
    public void Evaluate_FlatteningTrend_AtRisk()
    {
        // On the line today (lag 0) but rising only 0.05 a month: 7.35 + 0.05 × 18 = 8.25 at 2025-12;
        // shortfall (10.5 − 8.25)/10.5 = 0.214 > 0.05.
        var series = Series((2024, 1, 7.1), (2024, 2, 7.15), (2024, 3, 7.2), (2024, 4, 7.25), (2024, 5, 7.3), (2024, 6, 7.35));

        var entry = _evaluator.Evaluate(Indicator("U14"), Zunyi, new YearMonth(2024, 6), series);

        Assert.Equal(TrajectoryStatus.AtRisk, entry.Status);
        Assert.Equal(8.25, entry.Projected!.Value, Precision);
        Assert.Equal(0, entry.Lag!.Value, Precision);
    }

    [Fact]
    public void Evaluate_PlanPaceTrend_OnTrack()
    {
        // 0.175 a month, the plan's own pace: 7.35 + 0.175 × 18 = 10.5.
        var series = Series((2024, 1, 6.475), (2024, 2, 6.65), (2024, 3, 6.825), (2024, 4, 7.0), (2024, 5, 7.175), (2024, 6, 7.35));

        var entry = _evaluator.Evaluate(Indicator("U14"), Zunyi, new YearMonth(2024, 6), series);

        Assert.Equal(TrajectoryStatus.OnTrack, entry.Status);
        Assert.Equal(10.5, entry.Projected!.Value, Precision);
    }

    [Fact]
    public void Evaluate_OlderPointsBeyondSix_NotInProjection()
    {
        // Two zeros before the last six would drag the line down if they were used.
        var series = Series((2023, 11, 0), (2023, 12, 0), (2024, 1, 7.1), (2024, 2, 7.15), (2024, 3, 7.2), (2024, 4, 7.25), (2024, 5, 7.3), (2024, 6, 7.35));

        var entry = _evaluator.Evaluate(Indicator("U14"), Zunyi, new YearMonth(2024, 6), series);

        Assert.Equal(8.25, entry.Projected!.Value, Precision);
    }

    [Fact]
    public void Evaluate_TwoPoints_NoProjection()
    {
        var entry = _evaluator.Evaluate(Indicator("U14"), Zunyi, new YearMonth(2024, 6), Series((2024, 5, 7.3), (2024, 6, 7.35)));

        Assert.Null(entry.Projected);
        Assert.Equal(TrajectoryStatus.OnTrack, entry.Status);
    }

    [Fact]
    public void Evaluate_BehindWithBadProjection_StaysBehind()
    {
        // lag (7.35 − 6.5)/10.5 = 0.081: Behind outranks AtRisk.
        var series = Series((2024, 1, 6.25), (2024, 2, 6.3), (2024, 3, 6.35), (2024, 4, 6.4), (2024, 5, 6.45), (2024, 6, 6.5));

        var entry = _evaluator.Evaluate(Indicator("U14"), Zunyi, new YearMonth(2024, 6), series);

        Assert.Equal(TrajectoryStatus.Behind, entry.Status);
        Assert.NotNull(entry.Projected);
    }

    [Fact]
    public void Evaluate_ProjectionSettings_FromOptions()
    {
        var evaluator = new TrajectoryEvaluator(Default, new ThresholdsOptions { MinProjectionPoints = 7 });
        var series = Series((2024, 1, 7.1), (2024, 2, 7.15), (2024, 3, 7.2), (2024, 4, 7.25), (2024, 5, 7.3), (2024, 6, 7.35));

        var entry = evaluator.Evaluate(Indicator("U14"), Zunyi, new YearMonth(2024, 6), series);

        Assert.Null(entry.Projected);
        Assert.Equal(TrajectoryStatus.OnTrack, entry.Status);
    }

    [Fact]
    public void Evaluate_PerIndicatorBands_Applied()
    {
        // 6.5 lags 0.081: Behind with the default bands, on track with U14's own OnTrack band of 0.1.
        var thresholds = new ThresholdsOptions { Indicators = { ["U14"] = new IndicatorThresholds { OnTrack = 0.1 } } };

        var entry = new TrajectoryEvaluator(Default, thresholds).Evaluate(Indicator("U14"), Zunyi, new YearMonth(2024, 6), Series((2024, 6, 6.5)));

        Assert.Equal(TrajectoryStatus.OnTrack, entry.Status);
    }

    // Insufficient data.

    [Fact]
    public void Evaluate_MonthlyWithoutValueThisMonth_InsufficientData()
    {
        var entry = _evaluator.Evaluate(Indicator("U14"), Zunyi, new YearMonth(2024, 6), Series((2024, 5, 7.0)));

        Assert.Equal(TrajectoryStatus.InsufficientData, entry.Status);
        Assert.Null(entry.Actual);
        Assert.Null(entry.Lag);
        Assert.Equal(7.35, entry.Expected!.Value, Precision);
    }

    [Fact]
    public void Evaluate_AnnualValueOlderThanTwelveMonths_InsufficientData()
    {
        var entry = _evaluator.Evaluate(Indicator("U01"), Province, new YearMonth(2024, 12), Series((2023, 12, 56.3)));

        Assert.Equal(TrajectoryStatus.InsufficientData, entry.Status);
        Assert.Null(entry.Actual);
    }

    [Fact]
    public void Evaluate_NoPointsInScope_InsufficientData()
    {
        // U14 has no allocation for 安顺 in the test catalog, and a sum indicator does not borrow the province's.
        var entry = _evaluator.Evaluate(Indicator("U14"), Anshun, new YearMonth(2024, 6), Series((2024, 6, 3.0)));

        Assert.Equal(TrajectoryStatus.InsufficientData, entry.Status);
        Assert.Equal(3.0, entry.Actual);
        Assert.Null(entry.Expected);
        Assert.Null(entry.Target);
    }

    [Fact]
    public void Evaluate_BeforeFirstLevelPoint_InsufficientData()
    {
        var entry = _evaluator.Evaluate(Indicator("U01"), Province, new YearMonth(2020, 6), Series((2020, 6, 52)));

        Assert.Equal(TrajectoryStatus.InsufficientData, entry.Status);
        Assert.Null(entry.Expected);
    }

    [Fact]
    public void Evaluate_ValuesAfterTheMonth_Ignored()
    {
        var entry = _evaluator.Evaluate(Indicator("U01"), Province, new YearMonth(2022, 6), Series((2021, 12, 54.3), (2022, 12, 99)));

        Assert.Equal(54.3, entry.Actual);
    }

    [Fact]
    public void PointsFor_Cumulative_ImplicitZeroFirst()
    {
        var points = _evaluator.PointsFor(Indicator("U14"), Zunyi);

        Assert.Equal([(new YearMonth(2020, 12), 0.0), (new YearMonth(2025, 12), 10.5)], points.Select(p => (p.Date, p.Value)));
        Assert.Null(points[0].Target);
    }

    [Fact]
    public void PointsFor_SupersededPoint_Left()
    {
        var points = _evaluator.PointsFor(Indicator("U01"), Province);

        Assert.DoesNotContain(points, p => p.Value == 62);
        Assert.Equal(3, points.Count);
    }

    private static MonthlyValue[] Series(params (int Year, int Month, double Value)[] values) =>
        [.. values.Select(v => new MonthlyValue(new YearMonth(v.Year, v.Month), v.Value))];
}
