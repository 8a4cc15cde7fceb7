using System.Diagnostics;
using System.Text;
using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Storage;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>
/// The <c>SendAlerts</c> function: composes the digests that are due, then sends every <c>Pending</c> row of the
/// <c>Outbox</c> with MailKit over SMTP (<see cref="SmtpOptions.Host"/> set) or as an <c>.eml</c> file into the pickup
/// folder, marking a row <c>Sent</c>
/// only after the server accepted it. Delivery is at-least-once with a stable Message-ID (docs/alerts.md, Delivery).
/// </summary>
/// <remarks>
/// Each send is retried in-run with exponential backoff from <see cref="MailOptions.RetryDelay"/> (two retries) on
/// transient failures. Then: an unreachable server leaves the message and the rest of the run <c>Pending</c> for the
/// next run, so an outage loses nothing; a refusal the server may lift (4xx) counts an attempt and fails the message
/// after <see cref="MailOptions.MaxAttempts"/>; a permanent refusal (invalid recipient, 550–554, 501) fails it at once.
/// A <c>Failed</c> row is never retried. Runs in one process are serialised.
/// </remarks>
public sealed class SendAlertsHandler : IDisposable
{
    private static readonly ResiliencePropertyKey<string> _correlationKey = new("Intake.CorrelationId");

    private readonly ITableStore _tables;
    private readonly AlertEmailComposer _composer;
    private readonly string _table;
    private readonly SmtpOptions _smtp;
    private readonly MailOptions _mail;
    private readonly TimeZoneInfo _zone;
    private readonly TimeProvider _time;
    private readonly ILogger<SendAlertsHandler> _logger;
    private readonly ResiliencePipeline _retry;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the handler.</summary>
    /// <param name="tables">The table store.</param>
    /// <param name="composer">Composes the digests.</param>
    /// <param name="names">The table names (<see cref="TableNames.Outbox"/>).</param>
    /// <param name="smtp">Where mail goes.</param>
    /// <param name="mail">The digest and retry settings.</param>
    /// <param name="time">The clock that decides which digests are due and stamps <c>SentAt</c>.</param>
    /// <param name="logger">The logger.</param>
    public SendAlertsHandler(
        ITableStore tables,
        AlertEmailComposer composer,
        IOptions<TableNames> names,
        IOptions<SmtpOptions> smtp,
        IOptions<MailOptions> mail,
        TimeProvider time,
        ILogger<SendAlertsHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(mail);
        _tables = tables;
        _composer = composer;
        _table = names.Value.Outbox;
        _smtp = smtp.Value;
        _mail = mail.Value;
        _zone = mail.Value.FindTimeZone();
        _time = time;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => SmtpFailures.Classify(e) is SmtpFailureKind.Unreachable or SmtpFailureKind.Transient),
                MaxRetryAttempts = 2,
                Delay = _mail.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    _logger.SendRetry(
                        args.Context.Properties.GetValue(_correlationKey, string.Empty),
                        args.AttemptNumber + 1,
                        (long)args.RetryDelay.TotalMilliseconds,
                        args.Outcome.Exception?.Message ?? string.Empty);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Composes the due digests and sends every pending message.</summary>
    /// <param name="cancellationToken">Cancels the run; a message being sent when it fires stays <c>Pending</c>.</param>
    /// <returns>The counts of this run.</returns>
    /// <exception cref="Azure.RequestFailedException">Storage failed.</exception>
    /// <exception cref="IOException">The pickup folder cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The pickup folder cannot be created.</exception>
    public async Task<SendAlertsResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var digests = await ComposeDueDigestsAsync(cancellationToken).ConfigureAwait(false);
            var result = await SendPendingAsync(digests, cancellationToken).ConfigureAwait(false);
            Telemetry.IntakeTelemetry.MailsSent.Add(result.Sent);
            _logger.RunCompleted(result.Sent, result.Failed, result.Pending, result.DigestsComposed, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<List<TableRow>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        // The Outbox is small next to the data tables; a filtered scan per run is cheaper than an index to keep.
        var query = new TableQuery { Filter = filter };
        var rows = new List<TableRow>();
        await foreach (var row in _tables.QueryAsync(_table, query, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task<int> ComposeDueDigestsAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var groups = new SortedDictionary<(string PartitionKey, string Date), List<TableRow>>();
        // Only the items of digests already due: a digest's date is due from the digest hour on, so those are the dates
        // before the next digest's. Items of digests to come are not read on every run.
        var next = OutboxSchema.FormatDate(DigestSchedule.DateFor(now, _mail.DigestHour, _zone));
        var filter = TableFilter.Create($"State eq {OutboxSchema.Queued} and DigestDate lt {next}");
        foreach (var row in await QueryAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            var date = row.GetString(OutboxSchema.DigestDate) ?? string.Empty;
            if (!groups.TryGetValue((row.PartitionKey, date), out var items))
            {
                groups[(row.PartitionKey, date)] = items = [];
            }

            items.Add(row);
        }

        var composed = 0;
        foreach (var ((partitionKey, dateText), items) in groups)
        {
            var date = OutboxSchema.ParseDate(dateText);
            if (DigestSchedule.DueAt(date, _mail.DigestHour, _zone) > now)
            {
                continue;
            }

            if (await ComposeDigestAsync(partitionKey, date, items, now, cancellationToken).ConfigureAwait(false))
            {
                composed++;
            }
        }

        return composed;
    }

    private async Task<bool> ComposeDigestAsync(string partitionKey, DateOnly date, List<TableRow> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notices = new List<AlertNotice>(items.Count);
        var keys = new StringBuilder();
        YearMonth? latest = null;
        foreach (var item in items)
        {
            var notice = NoticeJson.Deserialize(OutboxSchema.ReadLong(item, OutboxSchema.Notice));
            notices.Add(notice);
            keys.Append(item.RowKey).Append('\n');
            if (latest is null || notice.Period > latest.Value)
            {
                latest = notice.Period;
            }
        }

        var dateText = OutboxSchema.FormatDate(date);
        var email = _composer.ComposeDigest(latest, date, notices);
        var digest = Outbox.MessageRow(OutboxSchema.RecipientOf(items[0]), OutboxSchema.DigestKey(date), OutboxSchema.KindDigest, email, "digest|" + dateText, "digest|" + dateText);
        digest[OutboxSchema.DigestDate] = dateText;
        digest[OutboxSchema.QueuedAt] = now;
        OutboxSchema.WriteLong(digest, OutboxSchema.Items, keys.ToString());

        bool composed;
        ISet<string> included;
        try
        {
            await _tables.InsertAsync(_table, digest, cancellationToken).ConfigureAwait(false);
            composed = true;
            included = new HashSet<string>(items.Select(i => i.RowKey), StringComparer.Ordinal);
        }
        catch (StorageConditionFailedException e) when (e.Status == 409)
        {
            // A run died after inserting this digest: its items are the ones it names. An item that arrived after that
            // run (the same date, queued just before the hour) moves to the next digest instead of being lost.
            composed = false;
            var existing = await _tables.GetAsync(_table, partitionKey, digest.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            included = new HashSet<string>(
                (existing is null ? string.Empty : OutboxSchema.ReadLong(existing, OutboxSchema.Items)).Split('\n', StringSplitOptions.RemoveEmptyEntries),
                StringComparer.Ordinal);
        }

        var nextDate = OutboxSchema.FormatDate(DigestSchedule.DateFor(now, _mail.DigestHour, _zone));
        var marks = new List<TableBatchOperation>(Math.Min(items.Count, TableBatchOperation.MaxBatchSize));
        foreach (var item in items)
        {
            var mark = new TableRow(item.PartitionKey, item.RowKey);
            if (included.Contains(item.RowKey))
            {
                mark[OutboxSchema.State] = OutboxSchema.Digested;
            }
            else
            {
                mark[OutboxSchema.DigestDate] = nextDate;
            }

            marks.Add(TableBatchOperation.UpsertMerge(mark));
            if (marks.Count == TableBatchOperation.MaxBatchSize)
            {
                await _tables.SubmitBatchAsync(_table, marks, cancellationToken).ConfigureAwait(false);
                marks = new List<TableBatchOperation>(TableBatchOperation.MaxBatchSize);
            }
        }

        if (marks.Count > 0)
        {
            await _tables.SubmitBatchAsync(_table, marks, cancellationToken).ConfigureAwait(false);
        }

        _logger.DigestComposed(dateText, OutboxSchema.RecipientOf(items[0]), included.Count, composed);
        return composed;
    }

    private async Task<SendAlertsResult> SendPendingAsync(int digests, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(TableFilter.Create($"State eq {OutboxSchema.Pending}"), cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return new SendAlertsResult(0, 0, 0, digests);
        }

        await using var delivery = new MailDelivery(_smtp);
        int sent = 0, failed = 0, pending = 0;
        string? unreachable = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var update = new TableRow(row.PartitionKey, row.RowKey);
            if (unreachable is not null)
            {
                update[OutboxSchema.LastError] = "Not attempted: the SMTP server was unreachable in this run. " + unreachable;
                await _tables.UpsertAsync(_table, update, cancellationToken: cancellationToken).ConfigureAwait(false);
                pending++;
                continue;
            }

            var correlationId = row.GetString(OutboxSchema.CorrelationId) ?? string.Empty;
            var recipient = OutboxSchema.RecipientOf(row);
            var attempts = (row.GetInt32(OutboxSchema.Attempts) ?? 0) + 1;
            update[OutboxSchema.Attempts] = attempts;
            try
            {
                await SendWithRetriesAsync(delivery, row, recipient, correlationId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (SmtpFailures.Classify(e) is { } kind)
            {
                var error = OutboxSchema.Truncate($"{kind}: {Describe(e)}");
                update[OutboxSchema.LastError] = error;
                var givenUp = kind == SmtpFailureKind.Permanent || (kind == SmtpFailureKind.Transient && attempts >= _mail.MaxAttempts);
                update[OutboxSchema.State] = givenUp ? OutboxSchema.Failed : OutboxSchema.Pending;
                await _tables.UpsertAsync(_table, update, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (givenUp)
                {
                    _logger.SendFailed(correlationId, row.RowKey, recipient, kind.ToString(), attempts, error);
                    failed++;
                }
                else
                {
                    _logger.SendDeferred(correlationId, row.RowKey, recipient, kind.ToString(), attempts, error);
                    pending++;
                }

                if (kind == SmtpFailureKind.Unreachable)
                {
                    unreachable = error;
                    _logger.SmtpUnreachable(rows.Count - i - 1, error);
                }

                continue;
            }

            // The server has the message; a crash before this write re-sends it with the same Message-ID.
            update[OutboxSchema.State] = OutboxSchema.Sent;
            update[OutboxSchema.SentAt] = _time.GetUtcNow();
            await _tables.UpsertAsync(_table, update, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            _logger.Sent(correlationId, row.RowKey, recipient, row.GetString(OutboxSchema.MessageId) ?? string.Empty);
            sent++;
        }

        return new SendAlertsResult(sent, failed, pending, digests);
    }

    private async Task SendWithRetriesAsync(MailDelivery delivery, TableRow row, string recipient, string correlationId, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(_correlationKey, correlationId);
        try
        {
            await _retry.ExecuteAsync(
                async (ctx, state) =>
                {
                    using var message = OutboxMessage.Build(state.Row, state.Recipient, state.Smtp);
                    await state.Delivery.SendAsync(message, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (Smtp: _smtp, Delivery: delivery, Row: row, Recipient: recipient)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static string Describe(Exception exception)
    {
        var text = new StringBuilder(exception.Message);
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            text.Append(" → ").Append(inner.Message);
        }

        return exception is SmtpCommandException smtp ? $"SMTP {(int)smtp.StatusCode} {smtp.StatusCode}: {text}" : text.ToString();
    }
}
