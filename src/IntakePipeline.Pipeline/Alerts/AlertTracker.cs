using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Pipeline.Internals;
using IntakePipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Alerts;

/// <summary>
/// Keeps the <c>Alerts</c> table after an accepted submission (docs/alerts.md): it applies
/// <see cref="AlertPolicy"/> to the month's Scorecard rows and returns the changes as notices. It sends and queues
/// nothing; the caller hands the notices to the outbox.
/// </summary>
/// <remarks>
/// <para>
/// State follows the latest period: a scope's own rows are judged only when the period is the scope's latest with
/// results, and the province roll-up rows (scope 520000, <c>sum</c> indicators) only when it is the latest month of
/// any roll-up row, as the processor found in <c>ScorecardLatest</c> (<see cref="SubmissionResults"/>). A backfill or
/// correction of an older period changes no trajectory or breach alert. A missing-submission alert of the period
/// resolves in any case.
/// </para>
/// <para>
/// Each change is one insert-or-replace of the alert's row, batched per partition. The row records its last change
/// and the correlation id that made it, so that calling again with the same submitter, period and correlation id (a
/// re-run after a crash before the notices were queued) returns the same notices, with the same
/// <see cref="AlertNotice.TransitionKey"/>, and changes nothing. <c>NotifiedAt</c> is set to the time the emailing
/// change (open, escalate, resolve) is recorded when it is to be emailed; a de-escalation or a silent change keeps
/// the earlier value.
/// </para>
/// <para>Thread-safe. Two trackers judging the same roll-up month at once may both write its row; the last write wins.</para>
/// </remarks>
public sealed partial class AlertTracker
{
    private readonly ITableStore _tables;
    private readonly PlanCatalog _catalog;
    private readonly TableNames _names;
    private readonly AlertsOptions _options;
    private readonly AlertPolicy _policy;
    private readonly TrajectoryEvaluator _evaluator;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertTracker> _logger;

    /// <summary>Creates the tracker.</summary>
    /// <param name="tables">The table store.</param>
    /// <param name="catalog">The plan catalog, for the indicators' kinds, names and expected paths.</param>
    /// <param name="names">The table names.</param>
    /// <param name="thresholds">The evaluation thresholds, for the expected path in the notices.</param>
    /// <param name="options">The alert policy's settings.</param>
    /// <param name="time">The clock of <c>NotifiedAt</c>.</param>
    /// <param name="logger">The logger.</param>
    public AlertTracker(
        ITableStore tables,
        PlanCatalog catalog,
        IOptions<TableNames> names,
        IOptions<ThresholdsOptions> thresholds,
        IOptions<AlertsOptions> options,
        TimeProvider time,
        ILogger<AlertTracker> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _tables = tables;
        _catalog = catalog;
        _names = names.Value;
        _options = options.Value;
        _policy = new AlertPolicy(_options.RollupRequiresComplete);
        _evaluator = new TrajectoryEvaluator(catalog, thresholds.Value);
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Updates the alerts after an accepted submission: resolves the submitter's open missing-submission alert for the
    /// period; and, when the period is the latest (see the remarks), opens, escalates, de-escalates or resolves the
    /// trajectory and breach alerts of the Scorecard rows the file wrote, its own and the province roll-up's
    /// (<see cref="SubmissionOutcome.Results"/>, so nothing is read back).
    /// </summary>
    /// <param name="outcome">What <see cref="SubmissionProcessor.HandleAsync"/> returned; only an accepted file with results changes anything.</param>
    /// <param name="notify">
    /// Whether the changes will be emailed: each notice then carries its trajectory and the row its <c>NotifiedAt</c>.
    /// Without, the changes are recorded silently and the notices carry no trajectory.
    /// </param>
    /// <param name="cancellationToken">Cancels the call; a re-run completes it.</param>
    /// <returns>
    /// The changes in a stable order (the missing submission first, then the submitter's rows, then the roll-up rows, each
    /// by indicator); empty when nothing changed or the outcome is not an accepted file.
    /// </returns>
    /// <exception cref="Azure.RequestFailedException">Storage failed after the retries.</exception>
    /// <exception cref="TableBatchFailedException">A batch was rejected.</exception>
    public async Task<IReadOnlyList<AlertNotice>> TrackAsync(SubmissionOutcome outcome, bool notify, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var notices = new List<AlertNotice>();
        if (outcome.Kind != SubmissionOutcomeKind.Accepted
            || outcome is not { Submitter: { } submitter, Period: { } period, Results: { } results })
        {
            return notices;
        }

        var correlationId = outcome.CorrelationId;
        if (await ResolveMissingAsync(submitter, period, correlationId, cancellationToken).ConfigureAwait(false) is { } resolved)
        {
            notices.Add(resolved);
        }

        var judgeRollup = results.IsLatestRollup && results.RollupEntries.Count > 0;
        if (!results.IsLatest && !judgeRollup)
        {
            _logger.NotLatest(correlationId, submitter, period.ToString());
            return notices;
        }

        var trajectories = new TrajectoryReader(this, submitter, period, notify);
        if (results.IsLatest)
        {
            await TrackScopeAsync(submitter, results.Entries, correlationId, trajectories, notices, cancellationToken).ConfigureAwait(false);
        }

        if (judgeRollup)
        {
            await TrackScopeAsync(Submitters.Province, results.RollupEntries, correlationId, trajectories, notices, cancellationToken).ConfigureAwait(false);
        }

        _logger.Tracked(correlationId, submitter, period.ToString(), notices.Count);
        return notices;
    }

    private async Task TrackScopeAsync(
        string scope,
        IReadOnlyList<ScorecardEntry> entries,
        string correlationId,
        TrajectoryReader trajectories,
        List<AlertNotice> notices,
        CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var alerts = new Dictionary<string, TableRow>(StringComparer.Ordinal);
        await foreach (var row in _tables.QueryAsync(_names.Alerts, TableQuery.Partition(scope), cancellationToken).ConfigureAwait(false))
        {
            alerts[row.RowKey] = row;
        }

        var now = _time.GetUtcNow();
        var operations = new List<TableBatchOperation>();
        foreach (var entry in entries)
        {
            var indicator = _catalog.FindIndicator(entry.Indicator)!;
            var kind = AlertPolicy.KindFor(indicator.Kind);
            alerts.TryGetValue(AlertRows.RowKey(entry.Indicator, kind), out var row);
            var state = AlertRows.StateOf(row);
            var severity = AlertRows.Status(row, "Severity");
            var change = _policy.Decide(kind, state, severity, entry);
            if (change is not { } decided)
            {
                if (row is not null && IsOwnChange(row, entry.Period, correlationId) && AlertRows.ChangeOf(row) is { } recorded)
                {
                    var first = AlertRows.Period(row, "FirstPeriod") ?? entry.Period;
                    var trajectory = await trajectories.ForAsync(entry, indicator, cancellationToken).ConfigureAwait(false);
                    notices.Add(new AlertNotice(scope, entry.Indicator, kind, recorded, entry.Period, first,
                        severity, AlertRows.Status(row, "PreviousSeverity"), entry, trajectory, correlationId));
                }
                else if (state == AlertState.Open && AlertPolicy.IsProblem(kind, entry.Status)
                    && (AlertRows.Period(row, "LastPeriod") is not { } last || last < entry.Period))
                {
                    operations.Add(TableBatchOperation.UpsertMerge(AlertRows.Seen(entry, kind, AlertMessages.ForEntry(entry, null, indicator))));
                }

                continue;
            }

            var firstPeriod = decided == AlertChange.Opened ? entry.Period : AlertRows.Period(row, "FirstPeriod") ?? entry.Period;
            var previous = decided == AlertChange.Opened ? null : severity;
            var notifiedAt = decided == AlertChange.Deescalated || !trajectories.Notify ? row?.GetDateTimeOffset("NotifiedAt") : now;
            operations.Add(TableBatchOperation.UpsertReplace(AlertRows.Changed(
                entry, kind, decided, firstPeriod, previous, notifiedAt, AlertMessages.ForEntry(entry, decided, indicator), correlationId)));
            var points = await trajectories.ForAsync(entry, indicator, cancellationToken).ConfigureAwait(false);
            notices.Add(new AlertNotice(scope, entry.Indicator, kind, decided, entry.Period, firstPeriod, entry.Status, previous, entry, points, correlationId));
            _logger.AlertChanged(correlationId, decided.ToString(), scope, entry.Indicator, kind.ToString(), entry.Period.ToString(), entry.Status.ToString());
        }

        await TableBatches.SubmitAsync(_tables, _names.Alerts, operations, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AlertNotice?> ResolveMissingAsync(string submitter, YearMonth period, string correlationId, CancellationToken cancellationToken)
    {
        var row = await _tables.GetAsync(_names.Alerts, submitter, AlertRows.MissingRowKey(period), cancellationToken: cancellationToken).ConfigureAwait(false);
        var state = AlertRows.StateOf(row);
        if (row is null || state == AlertState.None
            || (state == AlertState.Resolved && row.GetString("CorrelationId") != correlationId))
        {
            return null;
        }

        if (state == AlertState.Open)
        {
            var resolved = AlertRows.MissingResolved(submitter, period, _time.GetUtcNow(), AlertMessages.MissingResolved(submitter, period), correlationId);
            await _tables.UpsertAsync(_names.Alerts, resolved, TableUpsertMode.Merge, cancellationToken).ConfigureAwait(false);
            _logger.AlertChanged(correlationId, nameof(AlertChange.Resolved), submitter, AlertNotice.MissingIndicator, nameof(AlertKind.Missing), period.ToString(), string.Empty);
        }

        return MissingNotice(submitter, period, AlertChange.Resolved, correlationId);
    }

    /// <summary>A missing-submission notice: no status, entry or trajectory.</summary>
    internal static AlertNotice MissingNotice(string submitter, YearMonth period, AlertChange change, string correlationId) =>
        new(submitter, AlertNotice.MissingIndicator, AlertKind.Missing, change, period, period, null, null, null, [], correlationId);

    private static bool IsOwnChange(TableRow row, YearMonth period, string correlationId) =>
        AlertRows.Period(row, "ChangedPeriod") == period && row.GetString("CorrelationId") == correlationId;
}
