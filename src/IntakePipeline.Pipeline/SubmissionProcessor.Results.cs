using IntakePipeline.Core;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Validation;
using IntakePipeline.Pipeline.Internals;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline;

/// <summary>The accepted file's results: Observations, Scorecard, ScorecardLatest and the province roll-up.</summary>
public sealed partial class SubmissionProcessor
{
    // Roll-ups of the same month can race (two prefectures at once); each writer re-reads after writing until what it
    // wrote was computed from what is there, so the last writer always leaves the complete sum.
    private const int MaxRollupRounds = 8;

    private static readonly string _firstPrefecture = Submitters.Prefectures.Select(p => p.Code).Min(StringComparer.Ordinal)!;
    private static readonly string _lastPrefecture = Submitters.Prefectures.Select(p => p.Code).Max(StringComparer.Ordinal)!;

    /// <summary>
    /// Writes the period's Observations, this scope's Scorecard rows and ScorecardLatest. The rows of indicators the
    /// period's current file had and this one drops are deleted one by one, so that a re-run after a crash that had
    /// deleted some already finds nothing to fail on.
    /// </summary>
    private async Task<(int Written, IReadOnlyList<ScorecardEntry> Entries, bool IsLatest)> WriteResultsAsync(
        string submitter,
        YearMonth period,
        string submissionId,
        IReadOnlyList<Observation> observations,
        SubmissionHistory history,
        IReadOnlyList<TableRow> periodRows,
        CancellationToken cancellationToken)
    {
        var periodText = period.ToString();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var observationOps = new List<TableBatchOperation>(observations.Count);
        var entries = new List<ScorecardEntry>(observations.Count);
        foreach (var observation in observations)
        {
            reported.Add(observation.Indicator);
            observationOps.Add(TableBatchOperation.UpsertReplace(new TableRow(submitter, observation.Indicator + "|" + periodText)
            {
                ["Value"] = observation.Value,
                ["Unit"] = observation.Unit,
                ["SubmissionId"] = submissionId,
            }));
            if (_catalog.FindIndicator(observation.Indicator) is { } indicator)
            {
                var earlier = history.For(observation.Indicator);
                var series = new List<MonthlyValue>(earlier.Count + 1);
                series.AddRange(earlier);
                series.Add(new MonthlyValue(period, observation.Value));
                entries.Add(_evaluator.Evaluate(indicator, submitter, period, series));
            }
        }

        var written = await TableBatches.SubmitAsync(_tables, _names.Observations, observationOps, cancellationToken).ConfigureAwait(false);
        var scorecardOps = new List<TableBatchOperation>(entries.Count);
        foreach (var entry in entries)
        {
            scorecardOps.Add(TableBatchOperation.UpsertReplace(ScorecardRows.Scorecard(entry)));
        }

        written += await TableBatches.SubmitAsync(_tables, _names.Scorecard, scorecardOps, cancellationToken).ConfigureAwait(false);

        var dropped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in periodRows)
        {
            if (row.GetString("Status") == SubmissionStatus.Accepted)
            {
                foreach (var (indicator, _) in SubmissionValues.Of(row))
                {
                    if (!reported.Contains(indicator))
                    {
                        dropped.Add(indicator);
                    }
                }
            }
        }

        written += await DeleteResultsAsync(submitter, period, dropped, cancellationToken).ConfigureAwait(false);
        var (latestWritten, isLatest) = await WriteLatestAsync(submitter, period, entries, reported, cancellationToken).ConfigureAwait(false);
        return (written + latestWritten, entries, isLatest);
    }

    /// <summary>
    /// A file found superseded on arrival writes no results, but an earlier attempt of it that crashed before its commit
    /// point may have: the rows of its indicators that the period's current file does not have are removed.
    /// </summary>
    private async Task<int> RemoveLeftoversAsync(string submitter, YearMonth period, IReadOnlyList<Observation> observations, IReadOnlyList<TableRow> periodRows, CancellationToken cancellationToken)
    {
        var leftovers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var observation in observations)
        {
            leftovers.Add(observation.Indicator);
        }

        foreach (var row in periodRows)
        {
            if (row.GetString("Status") == SubmissionStatus.Accepted)
            {
                foreach (var (indicator, _) in SubmissionValues.Of(row))
                {
                    leftovers.Remove(indicator);
                }
            }
        }

        return await DeleteResultsAsync(submitter, period, leftovers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the Observations and Scorecard rows of <paramref name="indicators"/>, each only if it exists.</summary>
    private async Task<int> DeleteResultsAsync(string submitter, YearMonth period, IEnumerable<string> indicators, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var periodText = period.ToString();
        foreach (var indicator in indicators)
        {
            if (IsRollup(submitter, indicator))
            {
                continue;
            }

            deleted += await _tables.DeleteAsync(_names.Observations, submitter, indicator + "|" + periodText, cancellationToken: cancellationToken).ConfigureAwait(false) ? 1 : 0;
            deleted += await _tables.DeleteAsync(_names.Scorecard, periodText, ScorecardRows.RowKey(submitter, indicator), cancellationToken: cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return deleted;
    }

    /// <summary>
    /// Upserts the ScorecardLatest rows of <paramref name="entries"/> unless a later month has them already. For a
    /// scope's own file (<paramref name="reported"/> set) it also deletes the latest rows of this month for indicators
    /// the file no longer reports; for a roll-up (null) it touches only roll-up rows.
    /// </summary>
    /// <returns>The entities written, and whether no row of the same kind (own or roll-up) has a later month.</returns>
    private async Task<(int Written, bool IsLatest)> WriteLatestAsync(
        string scope,
        YearMonth period,
        IReadOnlyList<ScorecardEntry> entries,
        IReadOnlySet<string>? reported,
        CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, YearMonth?>(StringComparer.Ordinal);
        var isLatest = true;
        await foreach (var row in _tables.QueryAsync(
            _names.ScorecardLatest,
            TableQuery.Partition(scope) with { Select = ["Period"] },
            cancellationToken).ConfigureAwait(false))
        {
            var latest = ScorecardRows.PeriodOf(row);
            current[row.RowKey] = latest;
            if (latest > period && IsRollup(scope, row.RowKey) == (reported is null))
            {
                isLatest = false;
            }
        }

        var operations = new List<TableBatchOperation>(entries.Count);
        foreach (var entry in entries)
        {
            if (!current.TryGetValue(entry.Indicator, out var latest) || latest is null || latest <= period)
            {
                operations.Add(TableBatchOperation.UpsertReplace(ScorecardRows.Latest(entry)));
            }
        }

        // A latest row of this very month for an indicator the file no longer reports has no Scorecard row behind it.
        if (reported is not null)
        {
            foreach (var (indicator, latest) in current)
            {
                if (latest == period && !reported.Contains(indicator) && !IsRollup(scope, indicator))
                {
                    operations.Add(TableBatchOperation.Delete(scope, indicator));
                }
            }
        }

        return (await TableBatches.SubmitAsync(_tables, _names.ScorecardLatest, operations, cancellationToken).ConfigureAwait(false), isLatest);
    }

    /// <summary>
    /// Recomputes the month's province roll-up after a prefecture's file was committed: for the <c>sum</c> indicators
    /// among <paramref name="codes"/> (what the file reports and what the period's earlier files had) and those any
    /// prefecture's accepted file of the month has, from the <see cref="SubmissionValues"/> of those files.
    /// </summary>
    private async Task<(int Written, IReadOnlyList<ScorecardEntry> Entries, bool IsLatest)> WriteRollupAsync(
        YearMonth period,
        SortedSet<string> codes,
        CancellationToken cancellationToken)
    {
        var month = await ReadMonthValuesAsync(period, cancellationToken).ConfigureAwait(false);
        foreach (var (_, values) in month)
        {
            codes.UnionWith(values.Keys);
        }

        var indicators = new List<PlanIndicator>();
        foreach (var code in codes)
        {
            if (_catalog.FindIndicator(code) is { Aggregation: IndicatorAggregation.Sum } indicator)
            {
                indicators.Add(indicator);
            }
        }

        if (indicators.Count == 0)
        {
            return (0, [], false);
        }

        var written = 0;
        bool? isLatest = null;
        var entries = new List<ScorecardEntry>(indicators.Count);
        for (var round = 0; round < MaxRollupRounds; round++)
        {
            var inputs = RollupInputs(month, indicators);
            entries = new List<ScorecardEntry>(indicators.Count);
            var operations = new List<TableBatchOperation>(indicators.Count);
            foreach (var indicator in indicators)
            {
                var entry = _rollup.Evaluate(indicator, period, inputs[indicator.Code]);
                entries.Add(entry);
                operations.Add(TableBatchOperation.UpsertReplace(ScorecardRows.Scorecard(entry)));
            }

            written += await TableBatches.SubmitAsync(_tables, _names.Scorecard, operations, cancellationToken).ConfigureAwait(false);
            var (latestWritten, latest) = await WriteLatestAsync(Submitters.Province, period, entries, null, cancellationToken).ConfigureAwait(false);
            written += latestWritten;
            isLatest ??= latest;

            month = await ReadMonthValuesAsync(period, cancellationToken).ConfigureAwait(false);
            if (SameInputs(inputs, RollupInputs(month, indicators)))
            {
                break;
            }
        }

        return (written, entries, isLatest ?? false);
    }

    /// <summary>True for the province's roll-up of a <c>sum</c> indicator, which no file of the province replaces.</summary>
    private bool IsRollup(string scope, string indicator) =>
        scope == Submitters.Province && _catalog.FindIndicator(indicator) is { Aggregation: IndicatorAggregation.Sum };

    /// <summary>The values of every prefecture's accepted file of the month, by prefecture: one query over their <c>Submissions</c> rows.</summary>
    private async Task<Dictionary<string, Dictionary<string, double>>> ReadMonthValuesAsync(YearMonth period, CancellationToken cancellationToken)
    {
        var prefix = period + "|";
        var query = new TableQuery
        {
            Filter = TableFilter.Create(
                $"PartitionKey ge {_firstPrefecture} and PartitionKey le {_lastPrefecture} and RowKey ge {prefix} and RowKey lt {prefix + "~"} and Status eq {SubmissionStatus.Accepted}"),
            Select = [SubmissionValues.Column],
        };
        var month = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        await foreach (var row in _tables.QueryAsync(_names.Submissions, query, cancellationToken).ConfigureAwait(false))
        {
            if (Submitters.IsPrefecture(row.PartitionKey))
            {
                month[row.PartitionKey] = new Dictionary<string, double>(SubmissionValues.Of(row), StringComparer.Ordinal);
            }
        }

        return month;
    }

    private static Dictionary<string, Dictionary<string, double>> RollupInputs(
        Dictionary<string, Dictionary<string, double>> month,
        IReadOnlyList<PlanIndicator> indicators)
    {
        var inputs = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            var actuals = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (scope, values) in month)
            {
                if (values.TryGetValue(indicator.Code, out var value))
                {
                    actuals[scope] = value;
                }
            }

            inputs[indicator.Code] = actuals;
        }

        return inputs;
    }

    private static bool SameInputs(
        Dictionary<string, Dictionary<string, double>> left,
        Dictionary<string, Dictionary<string, double>> right)
    {
        foreach (var (indicator, actuals) in left)
        {
            var other = right[indicator];
            if (other.Count != actuals.Count)
            {
                return false;
            }

            foreach (var (scope, value) in actuals)
            {
                if (!other.TryGetValue(scope, out var otherValue) || !otherValue.Equals(value))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
