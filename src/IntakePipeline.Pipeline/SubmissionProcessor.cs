using System.Diagnostics;
using IntakePipeline.Core;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Intake;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation;
using IntakePipeline.Pipeline.Internals;
using IntakePipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline;

/// <summary>
/// The processing step of ProcessSubmission: turns one blob version of an intake container into rows of Table Storage
/// and two report blobs. <see cref="ProcessSubmissionHandler"/> runs it, with the notify step and the receipt.
/// </summary>
/// <remarks>
/// <para>
/// Every write is an insert-or-replace (or a delete) on a deterministic key, batched per partition, and the writes are
/// ordered so that a crash at any point followed by a re-run of the same blob version leaves the same tables as one clean
/// run (apart from Timestamp, ETag and ProcessedAt): ValidationIssues, then (when accepted) Observations, this scope's
/// Scorecard rows and ScorecardLatest, then the Submissions row (with the file's values, see
/// <see cref="Internals.SubmissionValues"/>) together with the superseding of the period's earlier accepted rows in one
/// atomic batch, then the province roll-up, then the report blobs. The Submissions row is the commit point: until it
/// exists, a re-run processes the file again; after it, a re-run of the same version still finishes the rest.
/// </para>
/// <para>
/// What a file needs to read does not grow with the years loaded: its history is the <c>Values</c> of the submitter's
/// accepted Submissions rows of the 24 months before the period (one range query, read further back only for an
/// indicator with too few values there), and the roll-up's inputs are the <c>Values</c> of the month's accepted files.
/// </para>
/// <para>
/// User input never throws: a blob that is not a submission gets a rejection report, and a bad file a rejected
/// Submissions row with its issues. Storage failures propagate, so that the trigger retries and finally poisons the
/// blob version. The source blob is never modified.
/// </para>
/// <para>
/// Thread-safe: one instance serves concurrent invocations. Invocations for the same submitter and period take turns
/// (a lease on a lock blob); the province roll-up, which every prefecture's month shares, confirms its sums by re-reading.
/// </para>
/// </remarks>
public sealed partial class SubmissionProcessor
{
    private readonly IBlobStore _blobs;
    private readonly ITableStore _tables;
    private readonly PlanCatalog _catalog;
    private readonly TableNames _names;
    private readonly DeadlinesOptions _deadlines;
    private readonly TimeZoneInfo _zone;
    private readonly TimeProvider _time;
    private readonly ILogger<SubmissionProcessor> _logger;
    private readonly SubmissionReader _reader;
    private readonly SubmissionValidator _validator;
    private readonly TrajectoryEvaluator _evaluator;
    private readonly ProvinceRollup _rollup;
    private readonly SubmissionHistoryReader _history;
    private readonly SubmissionTemplatePublisher _templates;

    /// <summary>Creates the handler.</summary>
    /// <param name="blobs">The blob store the submissions are read from and the reports written to.</param>
    /// <param name="tables">The table store.</param>
    /// <param name="catalog">The plan catalog.</param>
    /// <param name="names">The table names.</param>
    /// <param name="deadlines">The deadline, for the <c>Late</c> column; its time zone also gives the current month.</param>
    /// <param name="thresholds">The validation and evaluation thresholds.</param>
    /// <param name="limits">The file size caps.</param>
    /// <param name="time">The clock; the current month (for future periods) and ProcessedAt come from it.</param>
    /// <param name="templates">The submitters' templates, written after the commit point.</param>
    /// <param name="logger">The logger.</param>
    public SubmissionProcessor(
        IBlobStore blobs,
        ITableStore tables,
        PlanCatalog catalog,
        IOptions<TableNames> names,
        IOptions<DeadlinesOptions> deadlines,
        IOptions<ThresholdsOptions> thresholds,
        IOptions<LimitsOptions> limits,
        TimeProvider time,
        SubmissionTemplatePublisher templates,
        ILogger<SubmissionProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(limits);
        _blobs = blobs;
        _tables = tables;
        _catalog = catalog;
        _names = names.Value;
        _deadlines = deadlines.Value;
        _zone = _deadlines.FindTimeZone();
        _time = time;
        _templates = templates;
        _logger = logger;
        _reader = new SubmissionReader(limits.Value);
        _validator = new SubmissionValidator(catalog, thresholds.Value);
        _evaluator = new TrajectoryEvaluator(catalog, thresholds.Value);
        _rollup = new ProvinceRollup(catalog, _evaluator);
        _history = new SubmissionHistoryReader(tables, _names.Submissions, Math.Max(1, thresholds.Value.ProjectionPoints - 1));
    }

    /// <summary>
    /// Processes one blob version:
    /// <list type="number">
    /// <item>the blob is gone: <see cref="SubmissionOutcomeKind.Missing"/>; it has another ETag now:
    /// <see cref="SubmissionOutcomeKind.Stale"/> (the newer version has its own trigger). Nothing is written.</item>
    /// <item>it is not named <c>{yyyy-MM}/{file}.csv|.xlsx|.json</c>: when the container is an intake container, a
    /// <c>not-a-submission</c> report that says where the file belongs goes to <c>reports-{code}</c> and a Submissions row
    /// with Status <c>NotASubmission</c> and RowKey <c>none|{submissionId}</c> is written
    /// (<see cref="SubmissionOutcomeKind.NotASubmission"/>).</item>
    /// <item>its SHA-256 equals that of another submission currently accepted for the submitter and period:
    /// <see cref="SubmissionOutcomeKind.Unchanged"/>, nothing written.</item>
    /// <item>otherwise it is validated against the submitter's earlier accepted values and written (see the remarks):
    /// <see cref="SubmissionOutcomeKind.Accepted"/> or <see cref="SubmissionOutcomeKind.Rejected"/>.</item>
    /// </list>
    /// </summary>
    /// <param name="blob">The container, name and ETag of the version to process.</param>
    /// <param name="cancellationToken">Cancels the processing; a re-run completes what was left.</param>
    /// <returns>What was done, with the ids, counts and the number of entities written.</returns>
    /// <exception cref="Azure.RequestFailedException">Storage failed (after the pipeline's retries), or the container does not exist.</exception>
    /// <exception cref="TableBatchFailedException">A batch was rejected.</exception>
    public async Task<SubmissionOutcome> HandleAsync(BlobVersion blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var started = Stopwatch.GetTimestamp();
        var correlationId = CorrelationIds.For(blob);
        _logger.Received(correlationId, blob.Container, blob.Name, blob.ETag);
        var submitter = SubmissionBlobName.SubmitterOf(blob.Container);

        var download = await _blobs.GetAsync(blob.Container, blob.Name, cancellationToken).ConfigureAwait(false);
        if (download is null)
        {
            _logger.Missing(correlationId, blob.Container, blob.Name);
            return new SubmissionOutcome(SubmissionOutcomeKind.Missing, blob, correlationId, null, submitter, null, 0, 0, 0, 0, []);
        }

        if (!ETags.AreSame(download.Info.ETag, blob.ETag))
        {
            _logger.Stale(correlationId, blob.Container, blob.Name, blob.ETag, download.Info.ETag);
            return new SubmissionOutcome(SubmissionOutcomeKind.Stale, blob, correlationId, null, submitter, null, 0, 0, 0, 0, []);
        }

        if (!SubmissionBlobName.TryParse(blob.Container, blob.Name, out var name))
        {
            return await HandleNotASubmissionAsync(blob, download, submitter, correlationId, started, cancellationToken).ConfigureAwait(false);
        }

        await using var periodLock = await PeriodLock.AcquireAsync(_blobs, name.Submitter, name.Period, cancellationToken).ConfigureAwait(false);
        return await ProcessAsync(blob, download, name, correlationId, started, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SubmissionOutcome> ProcessAsync(
        BlobVersion blob,
        BlobDownload download,
        SubmissionBlobName name,
        string correlationId,
        long started,
        CancellationToken cancellationToken)
    {
        var submitter = name.Submitter;
        var period = name.Period;
        var periodText = period.ToString();
        var sha = SubmissionId.Sha256Hex(download.Content.Span);
        var submissionId = SubmissionId.Create(download.Info.LastModified, sha);
        var submissionRowKey = periodText + "|" + submissionId;

        var window = await _history.ReadAsync(submitter, period, cancellationToken).ConfigureAwait(false);
        var periodSubmissions = window.PeriodRows;
        foreach (var row in periodSubmissions)
        {
            // A re-run of this very version (its own row) goes on, so that a crash after the commit point still
            // finishes the superseding and the reports. The same bytes under another name in the same second share
            // the submission id, so the blob name tells them apart.
            var ownRow = row.RowKey == submissionRowKey && row.GetString("BlobName") == blob.Name;
            if (!ownRow
                && row.GetString("Status") == SubmissionStatus.Accepted
                && row.GetString("ContentSha256") == sha)
            {
                var currentId = row.RowKey[(periodText.Length + 1)..];
                _logger.Unchanged(correlationId, submissionId, currentId, submitter, periodText, Stopwatch.GetElapsedTime(started).WholeMilliseconds());
                return new SubmissionOutcome(SubmissionOutcomeKind.Unchanged, blob, correlationId, submissionId, submitter, period, 0, 0, 0, 0, []);
            }
        }

        // Uploads of one period may be processed out of order (several instances, retries): the one received last wins,
        // so an earlier upload processed after it is recorded as Superseded and changes no values. Last-Modified has
        // whole seconds; within one second the upload processed last wins, as the period lock serializes them.
        var receivedAt = download.Info.LastModified.ToUniversalTime();
        var newerAccepted = false;
        foreach (var row in periodSubmissions)
        {
            if (row.RowKey != submissionRowKey
                && row.GetString("Status") == SubmissionStatus.Accepted
                && row.GetDateTimeOffset("ReceivedAt") > receivedAt)
            {
                newerAccepted = true;
            }
        }

        var table = _reader.Read(download.Content, name.FileName);
        var history = window.History;
        var context = new SubmissionContext(submitter, period, YearMonth.Of(_time.GetUtcNow(), _zone), history);
        var report = _validator.Validate(table, context);
        if (await _history.ExtendAsync(window, submitter, report.Observations, cancellationToken).ConfigureAwait(false))
        {
            history = window.History;
            report = _validator.Validate(table, context with { History = history });
        }

        var written = await WriteIssuesAsync(submissionId, report.Issues, cancellationToken).ConfigureAwait(false);
        var current = report.Accepted && !newerAccepted;
        IReadOnlyList<ScorecardEntry> entries = [];
        var isLatest = false;
        if (current)
        {
            (var resultsWritten, entries, isLatest) = await WriteResultsAsync(submitter, period, submissionId, report.Observations, history, periodSubmissions, cancellationToken).ConfigureAwait(false);
            written += resultsWritten;
        }
        else if (report.Accepted)
        {
            written += await RemoveLeftoversAsync(submitter, period, report.Observations, periodSubmissions, cancellationToken).ConfigureAwait(false);
        }

        var late = receivedAt > _deadlines.DeadlineFor(period);
        var reportBlob = ReportBlobName(blob.Name, JsonReportSuffix);
        var commit = new List<TableBatchOperation>(2)
        {
            TableBatchOperation.UpsertReplace(new TableRow(submitter, submissionRowKey)
            {
                ["Status"] = current ? SubmissionStatus.Accepted : report.Accepted ? SubmissionStatus.Superseded : SubmissionStatus.Rejected,
                ["BlobName"] = blob.Name,
                ["ContentSha256"] = sha,
                ["ReceivedAt"] = receivedAt,
                ["ProcessedAt"] = _time.GetUtcNow(),
                ["Late"] = late,
                ["RowCount"] = report.RowCount,
                ["ErrorCount"] = report.ErrorCount,
                ["WarningCount"] = report.WarningCount,
                ["ReportBlob"] = SubmissionBlobName.ReportContainer(submitter) + "/" + reportBlob,
                ["Encoding"] = report.Encoding,
                ["CorrelationId"] = correlationId,
                [SubmissionValues.Column] = current ? SubmissionValues.Serialize(report.Observations) : null,
            }),
        };
        if (current)
        {
            foreach (var row in periodSubmissions)
            {
                if (row.RowKey != submissionRowKey && row.GetString("Status") == SubmissionStatus.Accepted)
                {
                    commit.Add(TableBatchOperation.UpsertMerge(new TableRow(submitter, row.RowKey) { ["Status"] = SubmissionStatus.Superseded }));
                }
            }
        }

        written += await TableBatches.SubmitAsync(_tables, _names.Submissions, commit, cancellationToken).ConfigureAwait(false);

        // The roll-up reads the month's committed files, this one included; a crash before it is finished by the re-run
        // of this version, which goes on past its own committed row.
        IReadOnlyList<ScorecardEntry> rollupEntries = [];
        var isLatestRollup = false;
        if (current && Submitters.IsPrefecture(submitter))
        {
            var codes = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var observation in report.Observations)
            {
                codes.Add(observation.Indicator);
            }

            foreach (var row in periodSubmissions)
            {
                foreach (var (indicator, _) in SubmissionValues.Of(row))
                {
                    codes.Add(indicator);
                }
            }

            (var rollupWritten, rollupEntries, isLatestRollup) = await WriteRollupAsync(period, codes, cancellationToken).ConfigureAwait(false);
            written += rollupWritten;
        }

        var facts = new SubmissionFacts(blob, submitter, period, submissionId, correlationId, receivedAt, late);
        await WriteReportsAsync(report, facts, cancellationToken).ConfigureAwait(false);

        // The next month's template shows the values just accepted; the period's own template, which the receipt and
        // the report link to, is written if it is missing. Like the reports, a re-run of this version writes them again.
        if (current)
        {
            await _templates.PublishAsync(submitter, period.AddMonths(1), report.Observations, cancellationToken).ConfigureAwait(false);
        }

        await _templates.EnsureAsync(submitter, period, cancellationToken).ConfigureAwait(false);

        var elapsed = Stopwatch.GetElapsedTime(started).WholeMilliseconds();
        if (report.Accepted)
        {
            _logger.Accepted(correlationId, submissionId, submitter, periodText, report.RowCount, report.WarningCount, written, elapsed);
        }
        else
        {
            _logger.Rejected(correlationId, submissionId, submitter, periodText, report.RowCount, report.ErrorCount, report.WarningCount, written, elapsed);
        }

        return new SubmissionOutcome(
            current ? SubmissionOutcomeKind.Accepted : report.Accepted ? SubmissionOutcomeKind.Superseded : SubmissionOutcomeKind.Rejected,
            blob,
            correlationId,
            submissionId,
            submitter,
            period,
            report.RowCount,
            report.ErrorCount,
            report.WarningCount,
            written,
            report.Issues)
        {
            Results = current ? new SubmissionResults(entries, isLatest, rollupEntries, isLatestRollup) : null,
        };
    }

    private async Task<int> WriteIssuesAsync(string submissionId, IReadOnlyList<ValidationIssue> issues, CancellationToken cancellationToken)
    {
        var operations = new List<TableBatchOperation>(issues.Count);
        for (var i = 0; i < issues.Count; i++)
        {
            var issue = issues[i];
            operations.Add(TableBatchOperation.UpsertReplace(new TableRow(submissionId, (i + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture))
            {
                ["Code"] = issue.Code,
                ["Severity"] = issue.Severity == IssueSeverity.Error ? "error" : "warning",
                ["Row"] = issue.Row,
                ["Column"] = issue.Column,
                ["Value"] = issue.Value is null ? null : SafeText.NeutralizeFormula(issue.Value),
                ["Message"] = issue.Message,
                ["Count"] = issue.Count,
            }));
        }

        return await TableBatches.SubmitAsync(_tables, _names.ValidationIssues, operations, cancellationToken).ConfigureAwait(false);
    }
}
