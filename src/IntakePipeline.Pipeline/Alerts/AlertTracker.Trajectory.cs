using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Alerts;

/// <summary>The monthly path in a notice, for the picture in the email.</summary>
public sealed partial class AlertTracker
{
    /// <summary>
    /// The months from the earliest with an actual (at most <see cref="AlertsOptions.TrajectoryMonths"/> back) to the
    /// entry's month: the actual from <c>Observations</c>, or for a province roll-up from its <c>Scorecard</c> rows,
    /// and the expected value from the plan.
    /// </summary>
    private async Task<IReadOnlyList<TrajectoryMonth>> TrajectoryAsync(ScorecardEntry entry, PlanIndicator indicator, CancellationToken cancellationToken)
    {
        var start = entry.Period.AddMonths(1 - _options.TrajectoryMonths);
        var actuals = new Dictionary<YearMonth, double>();
        if (entry.Scope == Submitters.Province && indicator.Aggregation == IndicatorAggregation.Sum)
        {
            var rowKey = entry.Scope + "|" + entry.Indicator;
            var query = new TableQuery
            {
                Filter = TableFilter.Create($"PartitionKey ge {start.ToString()} and PartitionKey le {entry.Period.ToString()} and RowKey eq {rowKey}"),
                Select = ["Actual"],
            };
            await foreach (var row in _tables.QueryAsync(_names.Scorecard, query, cancellationToken).ConfigureAwait(false))
            {
                if (YearMonth.TryParse(row.PartitionKey, out var month) && row.GetDouble("Actual") is { } actual)
                {
                    actuals[month] = actual;
                }
            }
        }
        else
        {
            var prefix = entry.Indicator + "|";
            var query = new TableQuery
            {
                Filter = TableFilter.Create($"PartitionKey eq {entry.Scope} and RowKey ge {prefix + start.ToString()} and RowKey le {prefix + entry.Period.ToString()}"),
                Select = ["Value"],
            };
            await foreach (var row in _tables.QueryAsync(_names.Observations, query, cancellationToken).ConfigureAwait(false))
            {
                if (YearMonth.TryParse(row.RowKey.AsSpan(prefix.Length), null, out var month) && row.GetDouble("Value") is { } value)
                {
                    actuals[month] = value;
                }
            }
        }

        if (entry.Actual is { } current)
        {
            actuals[entry.Period] = current;
        }

        var first = entry.Period;
        foreach (var month in actuals.Keys)
        {
            if (month < first)
            {
                first = month;
            }
        }

        var points = new List<TrajectoryMonth>(entry.Period.MonthsSince(first) + 1);
        for (var month = first; month <= entry.Period; month = month.AddMonths(1))
        {
            double? actual = actuals.TryGetValue(month, out var value) ? value : null;
            points.Add(new TrajectoryMonth(month, actual, _evaluator.ExpectedAt(indicator, entry.Scope, month)));
        }

        return points;
    }
}
