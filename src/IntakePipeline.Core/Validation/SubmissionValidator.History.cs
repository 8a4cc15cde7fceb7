using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation.Internals;

namespace IntakePipeline.Core.Validation;

/// <summary>Checks against the submitter's history and plan: cumulative decrease, outliers and unit slips.</summary>
public sealed partial class SubmissionValidator
{
    /// <summary>
    /// How many months before the period the outlier rule looks back: it scores this month's change against the changes
    /// among the submitter's accepted values of these months only (docs/evaluation.md, History checks).
    /// </summary>
    public const int OutlierWindowMonths = 24;

    /// <summary>An outlier needs at least this many earlier changes to judge against (docs/evaluation.md, History checks).</summary>
    private const int MinOutlierChanges = 4;

    private const double Tolerance = 1e-9;

    private void CheckHistory(
        int row,
        ReadOnlySpan<SubmissionCell> cells,
        SubmissionColumns columns,
        SubmissionContext context,
        PlanIndicator indicator,
        double largestTarget,
        double value,
        List<ValidationIssue> issues)
    {
        var valueColumn = columns.IndexOf(SubmissionField.Value);
        var header = columns.Headers[valueColumn];
        var valueText = TextAt(cells, valueColumn);

        var series = context.History.For(indicator.Code);
        var before = CountBefore(series, context.Period);
        var decreased = false;
        if (before > 0)
        {
            var latest = series[before - 1];
            if (indicator.Kind == IndicatorKind.Cumulative && indicator.Window is { } window
                && context.Period >= window.Start && context.Period <= window.End && latest.Month >= window.Start
                && value < latest.Value - (Tolerance * Math.Max(1, Math.Abs(latest.Value))))
            {
                decreased = true;
                issues.Add(IssueMessages.CumulativeDecrease(row, header, valueText, indicator, value, latest, window.Start));
            }

            var windowStart = CountBefore(series, context.Period.AddMonths(-OutlierWindowMonths));
            if (!decreased && before - windowStart > MinOutlierChanges)
            {
                CheckOutlier(row, header, valueText, context.Period, indicator, value, series, windowStart, before, issues);
            }
        }

        CheckUnitSuspect(row, header, valueText, indicator, largestTarget, value, issues);
    }

    /// <summary>
    /// A robust z-score of this month's change per month against the changes among <c>series[start..before]</c>, the
    /// accepted values of the same indicator and submitter in the <see cref="OutlierWindowMonths"/> before the period
    /// (docs/evaluation.md, History checks). A warning, never an error.
    /// </summary>
    private void CheckOutlier(int row, string header, string valueText, YearMonth period, PlanIndicator indicator, double value, IReadOnlyList<MonthlyValue> series, int start, int before, List<ValidationIssue> issues)
    {
        var count = before - start - 1;
        var changes = count <= 128 ? stackalloc double[count] : new double[count];
        for (var i = start + 1; i < before; i++)
        {
            changes[i - start - 1] = PerMonth(series[i - 1], series[i].Month, series[i].Value);
        }

        var latest = series[before - 1];
        var change = PerMonth(latest, period, value);
        var z = RobustZScore.Compute(changes, change, out var median);
        if (Math.Abs(z) >= _thresholds.OutlierZ)
        {
            issues.Add(IssueMessages.Outlier(row, header, valueText, indicator, value, latest, change, median, z, _thresholds.OutlierZ));
        }
    }

    /// <summary>
    /// A value more than <see cref="ThresholdsOptions.UnitSuspectFactor"/> × the largest target in force for the
    /// submitter's scope (or the province's, for a weighted indicator without its own): see <see cref="SubmitterPlan"/>.
    /// </summary>
    private void CheckUnitSuspect(int row, string header, string valueText, PlanIndicator indicator, double largest, double value, List<ValidationIssue> issues)
    {
        if (largest > 0 && Math.Abs(value) > _thresholds.UnitSuspectFactor * largest)
        {
            issues.Add(IssueMessages.UnitSuspect(row, header, valueText, indicator, value, largest, _thresholds.UnitSuspectFactor));
        }
    }

    private static double PerMonth(MonthlyValue from, YearMonth month, double value) =>
        (value - from.Value) / Math.Max(1, month.MonthsSince(from.Month));

    /// <summary>How many of the ascending <paramref name="series"/> fall before <paramref name="period"/>; a correction of a past month ignores its own and later months.</summary>
    private static int CountBefore(IReadOnlyList<MonthlyValue> series, YearMonth period)
    {
        var count = series.Count;
        while (count > 0 && series[count - 1].Month >= period)
        {
            count--;
        }

        return count;
    }
}
