using IntakePipeline.Core;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Validation;
using IntakePipeline.Pipeline.Internals;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline;

/// <summary>The accepted file's results: Observations, Scorecard, ScorecardLatest and the province roll-up.</summary>
public sealed partial class ProcessSubmissionHandler
{
    // Roll-ups of the same month can race (two prefectures at once); each writer re-reads after writing until what it
    // wrote was computed from what is there, so the last writer always leaves the complete sum.
    private const int MaxRollupRounds = 8;

    private async Task<ObservationSnapshot> ReadObservationsAsync(string submitter, YearMonth period, CancellationToken cancellationToken)
    {
        var history = new List<(YearMonth Month, Observation Observation)>();
        var periodRows = new Dictionary<string, TableRow>(StringComparer.Ordinal);
        await foreach (var row in _tables.QueryAsync(_names.Observations, TableQuery.Partition(submitter), cancellationToken).ConfigureAwait(false))
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
                history.Add((month, new Observation(indicator, value, row.GetString("Unit") ?? string.Empty)));
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
        // after a crash between the two writes still removes them.
        var monthRows = await ReadScorecardMonthAsync(periodText, cancellationToken).ConfigureAwait(false);
        var scopePrefix = submitter + "|";
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
            if (row.RowKey.StartsWith(scopePrefix, StringComparison.Ordinal) && !reported.Contains(row.RowKey[scopePrefix.Length..]))
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

        if (Submitters.IsPrefecture(submitter))
        {
            var rollupIndicators = new List<PlanIndicator>();
            foreach (var code in rollupCodes)
            {
                if (_catalog.FindIndicator(code) is { Aggregation: IndicatorAggregation.Sum } indicator)
                {
                    rollupIndicators.Add(indicator);
                }
            }

            written += await WriteRollupAsync(period, rollupIndicators, cancellationToken).ConfigureAwait(false);
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
                if (latest == period && !reported.Contains(indicator))
                {
                    operations.Add(TableBatchOperation.Delete(scope, indicator));
                }
            }
        }

        return await TableBatches.SubmitAsync(_tables, _names.ScorecardLatest, operations, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> WriteRollupAsync(YearMonth period, IReadOnlyList<PlanIndicator> indicators, CancellationToken cancellationToken)
    {
        if (indicators.Count == 0)
        {
            return 0;
        }

        var periodText = period.ToString();
        var written = 0;
        var monthRows = await ReadScorecardMonthAsync(periodText, cancellationToken).ConfigureAwait(false);
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

            monthRows = await ReadScorecardMonthAsync(periodText, cancellationToken).ConfigureAwait(false);
            if (SameInputs(inputs, RollupInputs(monthRows, indicators)))
            {
                break;
            }
        }

        return written;
    }

    private async Task<List<TableRow>> ReadScorecardMonthAsync(string periodText, CancellationToken cancellationToken) =>
        await ToListAsync(
            _tables.QueryAsync(_names.Scorecard, TableQuery.Partition(periodText) with { Select = ["Actual"] }, cancellationToken),
            cancellationToken).ConfigureAwait(false);

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
