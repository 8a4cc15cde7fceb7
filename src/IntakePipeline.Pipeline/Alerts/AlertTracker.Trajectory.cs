using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Pipeline.Internals;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Alerts;

/// <summary>The monthly path in a notice, for the picture in the email.</summary>
public sealed partial class AlertTracker
{
    /// <summary>
    /// The paths of one <see cref="TrackAsync"/> call's notices: the months from the earliest with an actual (at most
    /// <see cref="AlertsOptions.TrajectoryMonths"/> back) to the entry's month, with the actual and the plan's expected
    /// value. A scope's own actuals come from the <c>Values</c> of its accepted Submissions rows, read once for all its
    /// notices; a province roll-up's from its <c>Scorecard</c> rows. Nothing is read for notices that are not emailed.
    /// </summary>
    private sealed class TrajectoryReader(AlertTracker tracker, string submitter, YearMonth period, bool notify)
    {
        private Dictionary<string, Dictionary<YearMonth, double>>? _submitted;

        /// <summary>Whether the notices will be emailed.</summary>
        public bool Notify => notify;

        public async Task<IReadOnlyList<TrajectoryMonth>> ForAsync(ScorecardEntry entry, PlanIndicator indicator, CancellationToken cancellationToken)
        {
            if (!notify)
            {
                return [];
            }

            var start = entry.Period.AddMonths(1 - tracker._options.TrajectoryMonths);
            var actuals = new Dictionary<YearMonth, double>();
            if (entry.Scope == Submitters.Province && indicator.Aggregation == IndicatorAggregation.Sum)
            {
                var rowKey = entry.Scope + "|" + entry.Indicator;
                var query = new TableQuery
                {
                    Filter = TableFilter.Create($"PartitionKey ge {start.ToString()} and PartitionKey le {entry.Period.ToString()} and RowKey eq {rowKey}"),
                    Select = ["Actual"],
                };
                await foreach (var row in tracker._tables.QueryAsync(tracker._names.Scorecard, query, cancellationToken).ConfigureAwait(false))
                {
                    if (YearMonth.TryParse(row.PartitionKey, out var month) && row.GetDouble("Actual") is { } actual)
                    {
                        actuals[month] = actual;
                    }
                }
            }
            else
            {
                _submitted ??= await ReadSubmittedAsync(cancellationToken).ConfigureAwait(false);
                if (_submitted.TryGetValue(entry.Indicator, out var values))
                {
                    foreach (var (month, value) in values)
                    {
                        if (month >= start && month <= entry.Period)
                        {
                            actuals[month] = value;
                        }
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
                points.Add(new TrajectoryMonth(month, actual, tracker._evaluator.ExpectedAt(indicator, entry.Scope, month)));
            }

            return points;
        }

        /// <summary>The submitter's accepted values of the trajectory's months, by indicator: one range query of at most that many rows.</summary>
        private async Task<Dictionary<string, Dictionary<YearMonth, double>>> ReadSubmittedAsync(CancellationToken cancellationToken)
        {
            var start = period.AddMonths(1 - tracker._options.TrajectoryMonths).ToString() + "|";
            var query = new TableQuery
            {
                Filter = TableFilter.Create(
                    $"PartitionKey eq {submitter} and RowKey ge {start} and RowKey lt {period + "|~"} and Status eq {SubmissionStatus.Accepted}"),
                Select = [SubmissionValues.Column],
            };
            var submitted = new Dictionary<string, Dictionary<YearMonth, double>>(StringComparer.Ordinal);
            await foreach (var row in tracker._tables.QueryAsync(tracker._names.Submissions, query, cancellationToken).ConfigureAwait(false))
            {
                if (!YearMonth.TryParse(row.RowKey.AsSpan(0, Math.Min(7, row.RowKey.Length)), null, out var month))
                {
                    continue;
                }

                foreach (var (indicator, value) in SubmissionValues.Of(row))
                {
                    if (!submitted.TryGetValue(indicator, out var values))
                    {
                        submitted[indicator] = values = [];
                    }

                    values[month] = value;
                }
            }

            return submitted;
        }
    }
}
