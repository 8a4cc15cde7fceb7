using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Evaluation;

/// <summary>
/// Rolls the prefectures' actuals of a <c>sum</c> indicator up into the province (520000) for one month, and judges
/// the sum against the province's plan points. The entry carries how many prefectures reported, so that a partial
/// roll-up is labelled as such (docs/evaluation.md, Province roll-up).
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
    /// Sums the month's prefecture actuals and evaluates the sum for scope 520000.
    /// </summary>
    /// <param name="indicator">A <c>sum</c> indicator.</param>
    /// <param name="month">The month rolled up.</param>
    /// <param name="prefectureActuals">The month's actuals by prefecture code; codes that do not report the indicator are ignored.</param>
    /// <param name="earlierProvinceActuals">Earlier roll-up actuals, ascending, for the projection; optional.</param>
    /// <returns>
    /// The province's entry with <see cref="ScorecardEntry.ReportedCount"/> and <see cref="ScorecardEntry.ExpectedCount"/>;
    /// with no prefecture reporting, the actual is null and the status <see cref="TrajectoryStatus.InsufficientData"/>.
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
        var reportedCount = 0;
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
                reportedCount++;
                sum += value;
            }
        }

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

        if (reportedCount > 0)
        {
            series.Add(new MonthlyValue(month, sum));
        }

        var entry = _evaluator.Evaluate(indicator, Submitters.Province, month, series);
        if (reportedCount == 0)
        {
            // No prefecture reported this month: an annual indicator must not fall back on an earlier roll-up's sum.
            entry = entry with { Actual = null, Lag = null, Projected = null, Status = TrajectoryStatus.InsufficientData };
        }

        return entry with { ReportedCount = reportedCount, ExpectedCount = expectedCount };
    }
}
