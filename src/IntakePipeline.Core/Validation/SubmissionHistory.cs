using IntakePipeline.Core.Evaluation;

namespace IntakePipeline.Core.Validation;

/// <summary>
/// A submitter's previously accepted values, per indicator, ascending by month. Validation compares a new file with
/// the months before its period (cumulative decrease, and outliers within
/// <see cref="SubmissionValidator.OutlierWindowMonths"/>). The pipeline builds it from the <c>Values</c> column of the
/// <c>Submissions</c> rows of the months before the period; the CLI from the <c>--previous</c> file.
/// </summary>
public sealed class SubmissionHistory
{
    private readonly Dictionary<string, MonthlyValue[]> _series;

    /// <summary>
    /// Creates a history from series per indicator code. Each series is copied and sorted by month; when a month
    /// appears twice, the later entry wins.
    /// </summary>
    public SubmissionHistory(IReadOnlyDictionary<string, IReadOnlyList<MonthlyValue>> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        _series = new Dictionary<string, MonthlyValue[]>(series.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (indicator, values) in series)
        {
            _series[indicator] = SortedByMonth(values);
        }
    }

    /// <summary>A history with no values: a submitter's first file, or a CLI run without <c>--previous</c>.</summary>
    public static SubmissionHistory Empty { get; } = new(new Dictionary<string, IReadOnlyList<MonthlyValue>>());

    /// <summary>The indicator codes that have values.</summary>
    public IEnumerable<string> Indicators => _series.Keys;

    /// <summary>The accepted values of <paramref name="indicator"/>, ascending by month; empty when there are none.</summary>
    public IReadOnlyList<MonthlyValue> For(string indicator) =>
        _series.TryGetValue(indicator, out var values) ? values : [];

    /// <summary>A history of one earlier month, e.g. the accepted observations of the previous month's file.</summary>
    public static SubmissionHistory FromObservations(YearMonth month, IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return FromObservations(observations.Select(o => (month, o)));
    }

    /// <summary>A history from accepted observations, each with its month (e.g. rows of the <c>Observations</c> table).</summary>
    public static SubmissionHistory FromObservations(IEnumerable<(YearMonth Month, Observation Observation)> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var series = new Dictionary<string, IReadOnlyList<MonthlyValue>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (month, observation) in observations)
        {
            if (!series.TryGetValue(observation.Indicator, out var values))
            {
                values = new List<MonthlyValue>();
                series[observation.Indicator] = values;
            }

            ((List<MonthlyValue>)values).Add(new MonthlyValue(month, observation.Value));
        }

        return new SubmissionHistory(series);
    }

    private static MonthlyValue[] SortedByMonth(IReadOnlyList<MonthlyValue> values)
    {
        // Keyed on the month, so that a later duplicate replaces an earlier one.
        var byMonth = new SortedDictionary<YearMonth, double>();
        foreach (var value in values)
        {
            byMonth[value.Month] = value.Value;
        }

        var sorted = new MonthlyValue[byMonth.Count];
        var i = 0;
        foreach (var (month, value) in byMonth)
        {
            sorted[i++] = new MonthlyValue(month, value);
        }

        return sorted;
    }
}
