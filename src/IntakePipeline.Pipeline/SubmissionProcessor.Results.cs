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

    private async Task<ObservationSnapshot> ReadObservationsAsync(string submitter, YearMonth period, CancellationToken cancellationToken)
    {
        var history = new List<(YearMonth Month, Observation Observation)>();
        var periodRows = new Dictionary<string, TableRow>(StringComparer.Ordinal);
        // The whole partition, not a window of months: the outlier check judges a change against every earlier change of
        // the indicator (SubmissionValidator.CheckOutlier), so any window would change its warnings. Only Value is read.
        var query = TableQuery.Partition(submitter) with { Select = ["Value"] };
        await foreach (var row in _tables.QueryAsync(_names.Observations, query, cancellationToken).ConfigureAwait(false))
        {
            var separator = row.RowKey.LastIndexOf('|');
            if (separator <= 0 || !YearMonth.TryParse(row.RowKey.AsSpan(separator + 1), null, out var month)
                || row.GetDouble("Value") is not { } value)
            {
                continue;
            }

            var indicator = row.RowKey[..separator];
            if (month < period)
            {
                history.Add((month, new Observation(indicator, value, string.Empty)));
            }
            else if (month == period)
            {
                periodRows[indicator] = row;
            }
        }

        return new ObservationSnapshot(SubmissionHistory.FromObservations(history), periodRows);
    }

    private async Task<int> WriteResultsAsync(
        string submitter,
        YearMonth period,
        string submissionId,
        IReadOnlyList<Observation> observations,
        ObservationSnapshot snapshot,
        CancellationToken cancellationToken)
    {
        var periodText = period.ToString();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var observationOps = new List<TableBatchOperation>(observations.Count + snapshot.PeriodRows.Count);
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
                var earlier = snapshot.History.For(observation.Indicator);
                var series = new List<MonthlyValue>(earlier.Count + 1);
                series.AddRange(earlier);
                series.Add(new MonthlyValue(period, observation.Value));
                entries.Add(_evaluator.Evaluate(indicator, submitter, period, series));
            }
        }

        foreach (var (indicator, row) in snapshot.PeriodRows)
        {
            if (!reported.Contains(indicator))
            {
                observationOps.Add(TableBatchOperation.Delete(submitter, row.RowKey));
            }
        }

        var written = await TableBatches.SubmitAsync(_tables, _names.Observations, observationOps, cancellationToken).ConfigureAwait(false);

        // This scope's rows in the month: dropped indicators are found here rather than in Observations, so a re-run
        // after a crash between the two writes still removes them. A prefecture's roll-up needs every prefecture's rows
        // of the month, so it reads the month once for both; the province needs only its own range.
        var scopePrefix = submitter + "|";
        var isPrefecture = Submitters.IsPrefecture(submitter);
        var monthRows = await ReadScorecardMonthAsync(periodText, isPrefecture ? null : scopePrefix, cancellationToken).ConfigureAwait(false);
        var scorecardOps = new List<TableBatchOperation>(entries.Count + 4);
        foreach (var entry in entries)
        {
            scorecardOps.Add(TableBatchOperation.UpsertReplace(ScorecardRows.Scorecard(entry)));
        }

        // Roll-ups are recomputed for what the file reports and for every roll-up row the month already has: a superset
        // of the dropped indicators that a re-run after a crash still finds.
        var rollupCodes = new SortedSet<string>(reported, StringComparer.Ordinal);
        const string provincePrefix = Submitters.Province + "|";
        foreach (var row in monthRows)
        {
            if (row.RowKey.StartsWith(scopePrefix, StringComparison.Ordinal)
                && !reported.Contains(row.RowKey[scopePrefix.Length..])
                && !IsRollup(submitter, row.RowKey[scopePrefix.Length..]))
            {
                scorecardOps.Add(TableBatchOperation.Delete(periodText, row.RowKey));
            }
            else if (row.RowKey.StartsWith(provincePrefix, StringComparison.Ordinal))
            {
                rollupCodes.Add(row.RowKey[provincePrefix.Length..]);
            }
        }

        written += await TableBatches.SubmitAsync(_tables, _names.Scorecard, scorecardOps, cancellationToken).ConfigureAwait(false);
        written += await WriteLatestAsync(submitter, period, entries, reported, cancellationToken).ConfigureAwait(false);

        if (isPrefecture)
        {
            // What the month holds now, as far as this invocation knows: the rows read above with this scope's replaced
            // by what was just written. A concurrent writer's newer rows are caught by the roll-up's confirming re-read.
            var rollupRows = new List<TableRow>(monthRows.Count + entries.Count);
            foreach (var row in monthRows)
            {
                if (!row.RowKey.StartsWith(scopePrefix, StringComparison.Ordinal))
                {
                    rollupRows.Add(row);
                }
            }

            foreach (var entry in entries)
            {
                rollupRows.Add(ScorecardRows.Scorecard(entry));
            }

            var rollupIndicators = new List<PlanIndicator>();
            foreach (var code in rollupCodes)
            {
                if (_catalog.FindIndicator(code) is { Aggregation: IndicatorAggregation.Sum } indicator)
                {
                    rollupIndicators.Add(indicator);
                }
            }

            written += await WriteRollupAsync(period, rollupIndicators, rollupRows, cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    private async Task<int> WriteLatestAsync(
        string scope,
        YearMonth period,
        IReadOnlyList<ScorecardEntry> entries,
        IReadOnlySet<string>? reported,
        CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, YearMonth?>(StringComparer.Ordinal);
        await foreach (var row in _tables.QueryAsync(
            _names.ScorecardLatest,
            TableQuery.Partition(scope) with { Select = ["Period"] },
            cancellationToken).ConfigureAwait(false))
        {
            current[row.RowKey] = ScorecardRows.PeriodOf(row);
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

        return await TableBatches.SubmitAsync(_tables, _names.ScorecardLatest, operations, cancellationToken).ConfigureAwait(false);
    }

    // monthRows is where the first round starts from; a stale start only costs another round.
    private async Task<int> WriteRollupAsync(YearMonth period, IReadOnlyList<PlanIndicator> indicators, List<TableRow> monthRows, CancellationToken cancellationToken)
    {
        if (indicators.Count == 0)
        {
            return 0;
        }

        var periodText = period.ToString();
        var written = 0;
        for (var round = 0; round < MaxRollupRounds; round++)
        {
            var inputs = RollupInputs(monthRows, indicators);
            var entries = new List<ScorecardEntry>(indicators.Count);
            var operations = new List<TableBatchOperation>(indicators.Count);
            foreach (var indicator in indicators)
            {
                var entry = _rollup.Evaluate(indicator, period, inputs[indicator.Code]);
                entries.Add(entry);
                operations.Add(TableBatchOperation.UpsertReplace(ScorecardRows.Scorecard(entry)));
            }

            written += await TableBatches.SubmitAsync(_tables, _names.Scorecard, operations, cancellationToken).ConfigureAwait(false);
            written += await WriteLatestAsync(Submitters.Province, period, entries, null, cancellationToken).ConfigureAwait(false);

            monthRows = await ReadScorecardMonthAsync(periodText, null, cancellationToken).ConfigureAwait(false);
            if (SameInputs(inputs, RollupInputs(monthRows, indicators)))
            {
                break;
            }
        }

        return written;
    }

    /// <summary>True for the province's roll-up of a <c>sum</c> indicator, which no file of the province replaces.</summary>
    private bool IsRollup(string scope, string indicator) =>
        scope == Submitters.Province && _catalog.FindIndicator(indicator) is { Aggregation: IndicatorAggregation.Sum };

    /// <summary>The month's Scorecard rows (RowKey and Actual), all of them or only those whose RowKey starts with <paramref name="rowKeyPrefix"/>.</summary>
    private async Task<List<TableRow>> ReadScorecardMonthAsync(string periodText, string? rowKeyPrefix, CancellationToken cancellationToken)
    {
        var query = rowKeyPrefix is null
            ? TableQuery.Partition(periodText)
            : new TableQuery
            {
                Filter = TableFilter.Create($"PartitionKey eq {periodText} and RowKey ge {rowKeyPrefix} and RowKey lt {rowKeyPrefix + "~"}"),
            };
        return await ToListAsync(
            _tables.QueryAsync(_names.Scorecard, query with { Select = ["Actual"] }, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, Dictionary<string, double>> RollupInputs(List<TableRow> monthRows, IReadOnlyList<PlanIndicator> indicators)
    {
        var inputs = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            inputs[indicator.Code] = new Dictionary<string, double>(StringComparer.Ordinal);
        }

        foreach (var row in monthRows)
        {
            var separator = row.RowKey.IndexOf('|', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var scope = row.RowKey[..separator];
            if (Submitters.IsPrefecture(scope)
                && inputs.TryGetValue(row.RowKey[(separator + 1)..], out var actuals)
                && row.GetDouble("Actual") is { } actual)
            {
                actuals[scope] = actual;
            }
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
