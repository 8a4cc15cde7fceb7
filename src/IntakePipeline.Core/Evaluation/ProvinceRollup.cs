using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Evaluation;

/// <summary>
/// Rolls the prefectures' actuals of a <c>sum</c> indicator up into the province (520000) for one month. The entry
/// carries how many prefectures reported, so that a partial roll-up is labelled as such, and a partial sum is never
/// judged against the whole province's target (docs/evaluation.md, Province roll-up).
/// </summary>
public sealed class ProvinceRollup
{
    private readonly PlanCatalog _catalog;
    private readonly TrajectoryEvaluator _evaluator;

    /// <summary>Creates a roll-up that judges sums with <paramref name="evaluator"/>.</summary>
    public ProvinceRollup(PlanCatalog catalog, TrajectoryEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(evaluator);
        _catalog = catalog;
        _evaluator = evaluator;
    }

    /// <summary>
    /// Sums the month's prefecture actuals and evaluates the sum for scope 520000. A complete roll-up is judged against
    /// the province's plan points. A partial one is judged against the sum of the reporting prefectures' own plan
    /// points (their allocations), without a projection, since earlier roll-ups may sum other prefectures; when one of
    /// the reporting prefectures has no allocation, the partial sum is not judged.
    /// </summary>
    /// <param name="indicator">A <c>sum</c> indicator.</param>
    /// <param name="month">The month rolled up.</param>
    /// <param name="prefectureActuals">The month's actuals by prefecture code; codes that do not report the indicator are ignored.</param>
    /// <param name="earlierProvinceActuals">Earlier roll-up actuals, ascending, for the projection of a complete roll-up; optional.</param>
    /// <returns>
    /// The province's entry with <see cref="ScorecardEntry.ReportedCount"/> and <see cref="ScorecardEntry.ExpectedCount"/>.
    /// With no prefecture reporting, the actual is null and the status <see cref="TrajectoryStatus.InsufficientData"/>.
    /// A partial roll-up without allocations keeps its actual and the province's target, but has no expected value, no
    /// lag and the status <see cref="TrajectoryStatus.InsufficientData"/>.
    /// </returns>
    /// <exception cref="ArgumentException">The indicator is not aggregated by <c>sum</c>.</exception>
    public ScorecardEntry Evaluate(
        PlanIndicator indicator,
        YearMonth month,
        IReadOnlyDictionary<string, double> prefectureActuals,
        IReadOnlyList<MonthlyValue>? earlierProvinceActuals = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(prefectureActuals);
        if (indicator.Aggregation != IndicatorAggregation.Sum)
        {
            throw new ArgumentException($"Indicator {indicator.Code} is aggregated by {indicator.Aggregation}, not by sum; it cannot be rolled up.", nameof(indicator));
        }

        var expectedCount = 0;
        var reporting = new List<string>(Submitters.Prefectures.Count);
        var sum = 0.0;
        foreach (var prefecture in Submitters.Prefectures)
        {
            if (!_catalog.IsReportedBy(indicator, prefecture.Code))
            {
                continue;
            }

            expectedCount++;
            if (prefectureActuals.TryGetValue(prefecture.Code, out var value))
            {
                reporting.Add(prefecture.Code);
                sum += value;
            }
        }

        var entry = reporting.Count switch
        {
            0 => NoneReported(indicator, month, earlierProvinceActuals),
            _ when reporting.Count == expectedCount => _evaluator.Evaluate(indicator, Submitters.Province, month, Series(month, sum, earlierProvinceActuals)),
            _ => Partial(indicator, month, sum, reporting),
        };
        return entry with { ReportedCount = reporting.Count, ExpectedCount = expectedCount };
    }

    private ScorecardEntry NoneReported(PlanIndicator indicator, YearMonth month, IReadOnlyList<MonthlyValue>? earlierProvinceActuals)
    {
        // An annual indicator must not fall back on an earlier roll-up's sum.
        var entry = _evaluator.Evaluate(indicator, Submitters.Province, month, Series(month, null, earlierProvinceActuals));
        return entry with { Actual = null, Lag = null, Projected = null, Status = TrajectoryStatus.InsufficientData };
    }

    private ScorecardEntry Partial(PlanIndicator indicator, YearMonth month, double sum, List<string> reporting)
    {
        MonthlyValue[] series = [new MonthlyValue(month, sum)];
        if (AllocatedPoints(indicator, reporting) is { } points)
        {
            return _evaluator.Evaluate(indicator, Submitters.Province, month, series, points);
        }

        var entry = _evaluator.Evaluate(indicator, Submitters.Province, month, series);
        return entry with { Expected = null, Lag = null, Projected = null, Status = TrajectoryStatus.InsufficientData };
    }

    /// <summary>
    /// The sum of the prefectures' own trajectories: at every date where one of them has a point, the sum of their
    /// expected values; null when one of them has no allocation of the indicator.
    /// </summary>
    private List<TrajectoryPoint>? AllocatedPoints(PlanIndicator indicator, List<string> prefectures)
    {
        var trajectories = new List<IReadOnlyList<TrajectoryPoint>>(prefectures.Count);
        var dates = new SortedSet<YearMonth>();
        foreach (var prefecture in prefectures)
        {
            var points = _evaluator.PointsFor(indicator, prefecture);
            if (points.Count == 0)
            {
                return null;
            }

            trajectories.Add(points);
            foreach (var point in points)
            {
                dates.Add(point.Date);
            }
        }

        var summed = new List<TrajectoryPoint>(dates.Count);
        foreach (var date in dates)
        {
            if (SumAt(indicator, trajectories, date) is { } total)
            {
                summed.Add(new TrajectoryPoint(date, total, SumOf(indicator, trajectories, date, total)));
            }
        }

        return summed.Count == 0 ? null : summed;
    }

    /// <summary>The sum of the trajectories' expected values at <paramref name="date"/>; null where one has none yet (a level indicator before its first point).</summary>
    private static double? SumAt(PlanIndicator indicator, List<IReadOnlyList<TrajectoryPoint>> trajectories, YearMonth date)
    {
        var total = 0.0;
        foreach (var points in trajectories)
        {
            if (TrajectoryEvaluator.ExpectedAt(indicator, points, date) is not { } value)
            {
                return null;
            }

            total += value;
        }

        return total;
    }

    /// <summary>
    /// The plan point the summed value stands for, with the source of the allocations and their common qualifier; null
    /// where no prefecture has a plan point of its own on that date (a cumulative indicator's implicit 0).
    /// </summary>
    private static PlanTarget? SumOf(PlanIndicator indicator, List<IReadOnlyList<TrajectoryPoint>> trajectories, YearMonth date, double total)
    {
        var targets = new List<PlanTarget>(trajectories.Count);
        foreach (var points in trajectories)
        {
            foreach (var point in points)
            {
                if (point.Date == date && point.Target is { } target)
                {
                    targets.Add(target);
                }
            }
        }

        if (targets.Count == 0)
        {
            return null;
        }

        var first = targets[0];
        var qualifier = targets.TrueForAll(t => t.Qualifier == first.Qualifier) ? first.Qualifier : TargetQualifier.None;
        return new PlanTarget(indicator.Code, Submitters.Province, date, total, indicator.Unit, qualifier, first.DocumentId, first.Source, Superseded: false);
    }

    private static List<MonthlyValue> Series(YearMonth month, double? sum, IReadOnlyList<MonthlyValue>? earlierProvinceActuals)
    {
        var series = new List<MonthlyValue>((earlierProvinceActuals?.Count ?? 0) + 1);
        if (earlierProvinceActuals is not null)
        {
            foreach (var earlier in earlierProvinceActuals)
            {
                if (earlier.Month < month)
                {
                    series.Add(earlier);
                }
            }
        }

        if (sum is { } value)
        {
            series.Add(new MonthlyValue(month, value));
        }

        return series;
    }
}
