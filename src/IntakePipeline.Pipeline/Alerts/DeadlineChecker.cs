using System.Globalization;
using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Pipeline.Internals;
using IntakePipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Alerts;

/// <summary>
/// The deadline half of CheckDeadlines: opens a missing-submission alert for every prefecture and period whose deadline
/// has passed without an accepted submission. It returns the notices and sends nothing.
/// </summary>
/// <remarks>
/// <para>
/// The periods run from the first period to the latest period whose deadline
/// (<see cref="DeadlinesOptions.DeadlineFor"/>) has passed by the injected clock. The first period is
/// <c>Deadlines:FirstPeriod</c> when set; otherwise the month (in the deadline's time zone) of the first check this
/// installation ran, recorded once in the <c>Installation</c> table under PartitionKey <see cref="InstallationPartition"/>,
/// RowKey <see cref="FirstPeriodRowKey"/>, column <c>Period</c>.
/// </para>
/// <para>
/// An alert opens once: a period that has an alert row, open or resolved, gives nothing. A late accepted file resolves
/// it through <see cref="AlertTracker.TrackAsync"/>. Thread-safe.
/// </para>
/// </remarks>
public sealed class DeadlineChecker
{
    /// <summary>The <c>Installation</c> partition of installation-wide records.</summary>
    public const string InstallationPartition = "installation";

    /// <summary>The <c>Installation</c> row key of the recorded first period.</summary>
    public const string FirstPeriodRowKey = "first-period";

    private readonly ITableStore _tables;
    private readonly TableNames _names;
    private readonly DeadlinesOptions _deadlines;
    private readonly TimeZoneInfo _zone;
    private readonly TimeProvider _time;
    private readonly ILogger<DeadlineChecker> _logger;

    /// <summary>Creates the checker.</summary>
    /// <param name="tables">The table store.</param>
    /// <param name="names">The table names.</param>
    /// <param name="deadlines">The deadline and the first period.</param>
    /// <param name="time">The clock that decides which deadlines have passed.</param>
    /// <param name="logger">The logger.</param>
    public DeadlineChecker(
        ITableStore tables,
        IOptions<TableNames> names,
        IOptions<DeadlinesOptions> deadlines,
        TimeProvider time,
        ILogger<DeadlineChecker> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _tables = tables;
        _names = names.Value;
        _deadlines = deadlines.Value;
        _zone = _deadlines.FindTimeZone();
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Opens one missing-submission alert (<c>submission|Missing|{yyyy-MM}</c> in the prefecture's partition of
    /// <c>Alerts</c>) per prefecture and overdue period without an accepted submission and without an alert yet.
    /// </summary>
    /// <param name="pending">
    /// Submitters and periods with a file queued for processing just now (by the reconciliation); they are not reported
    /// missing in this run, so a file whose event was lost is processed before anyone is told it is absent.
    /// </param>
    /// <param name="cancellationToken">Cancels the check; a re-run completes it.</param>
    /// <returns>The <see cref="AlertChange.Opened"/> notices, by prefecture (GB/T 2260 order) and period; empty when nothing new is missing.</returns>
    /// <exception cref="Azure.RequestFailedException">Storage failed after the retries.</exception>
    /// <exception cref="TableBatchFailedException">A batch was rejected.</exception>
    public async Task<IReadOnlyList<AlertNotice>> CheckAsync(
        IReadOnlySet<(string Submitter, YearMonth Period)>? pending = null,
        CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var correlationId = "deadlines-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var first = await FirstPeriodAsync(now, cancellationToken).ConfigureAwait(false);
        var last = _deadlines.CollectingPeriod(now).AddMonths(-1);

        var notices = new List<AlertNotice>();
        if (last < first)
        {
            _logger.NoDeadlinePassed(correlationId, first.ToString());
            return notices;
        }

        foreach (var prefecture in Submitters.Prefectures)
        {
            var accepted = await ReadAcceptedAsync(prefecture.Code, first, last, cancellationToken).ConfigureAwait(false);
            var existing = await ReadMissingKeysAsync(prefecture.Code, cancellationToken).ConfigureAwait(false);
            var operations = new List<TableBatchOperation>();
            for (var period = first; period <= last; period = period.AddMonths(1))
            {
                if (accepted.Contains(period)
                    || existing.Contains(AlertRows.MissingRowKey(period))
                    || pending?.Contains((prefecture.Code, period)) == true)
                {
                    continue;
                }

                var deadline = TimeZoneInfo.ConvertTime(_deadlines.DeadlineFor(period), _zone);
                operations.Add(TableBatchOperation.UpsertReplace(AlertRows.MissingOpened(
                    prefecture.Code, period, deadline, now, AlertMessages.MissingOpened(prefecture.Code, period, deadline), correlationId)));
                notices.Add(AlertTracker.MissingNotice(prefecture.Code, period, AlertChange.Opened, correlationId));
            }

            await TableBatches.SubmitAsync(_tables, _names.Alerts, operations, cancellationToken).ConfigureAwait(false);
        }

        _logger.DeadlinesChecked(correlationId, first.ToString(), last.ToString(), notices.Count);
        return notices;
    }

    private async Task<YearMonth> FirstPeriodAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_deadlines.FirstPeriod))
        {
            return YearMonth.Parse(_deadlines.FirstPeriod);
        }

        var recorded = await _tables.GetAsync(_names.Installation, InstallationPartition, FirstPeriodRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (YearMonth.TryParse(recorded?.GetString("Period"), out var period))
        {
            return period;
        }

        period = YearMonth.Of(now, _zone);
        try
        {
            await _tables.InsertAsync(
                _names.Installation,
                new TableRow(InstallationPartition, FirstPeriodRowKey) { ["Period"] = period.ToString(), ["RecordedAt"] = now },
                cancellationToken).ConfigureAwait(false);
            _logger.FirstPeriodRecorded(period.ToString());
            return period;
        }
        catch (StorageConditionFailedException)
        {
            // Another instance recorded it first; its month wins.
            recorded = await _tables.GetAsync(_names.Installation, InstallationPartition, FirstPeriodRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return YearMonth.Parse(recorded?.GetString("Period") ?? period.ToString());
        }
    }

    /// <summary>The periods from <paramref name="first"/> to <paramref name="last"/> with an accepted file: a range of the prefecture's Submissions rows.</summary>
    private async Task<HashSet<YearMonth>> ReadAcceptedAsync(string prefecture, YearMonth first, YearMonth last, CancellationToken cancellationToken)
    {
        var accepted = new HashSet<YearMonth>();
        var query = new TableQuery
        {
            Filter = TableFilter.Create(
                $"PartitionKey eq {prefecture} and RowKey ge {first + "|"} and RowKey lt {last + "|~"} and Status eq {SubmissionStatus.Accepted}"),
            Select = ["Status"],
        };
        await foreach (var row in _tables.QueryAsync(_names.Submissions, query, cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey.Length > 7 && YearMonth.TryParse(row.RowKey.AsSpan(0, 7), null, out var period))
            {
                accepted.Add(period);
            }
        }

        return accepted;
    }

    private async Task<HashSet<string>> ReadMissingKeysAsync(string prefecture, CancellationToken cancellationToken)
    {
        var prefix = AlertRows.MissingPrefix;
        var query = new TableQuery
        {
            Filter = TableFilter.Create($"PartitionKey eq {prefecture} and RowKey ge {prefix} and RowKey lt {prefix + "~"}"),
            Select = ["State"],
        };
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _tables.QueryAsync(_names.Alerts, query, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }
}
