using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Validation;
using IntakePipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>
/// Queues email as rows of the <c>Outbox</c> table before anything is sent (docs/alerts.md, Delivery). Each row is
/// inserted only if absent, on a key derived from what the message is about, so the same alert change or receipt is
/// never queued twice and a sent row is never overwritten. <see cref="SendAlertsHandler"/> sends the rows.
/// </summary>
/// <remarks>
/// Who gets what: a Trajectory or Breach change of a prefecture goes to that prefecture's recipients at once; every
/// change, including the province roll-up's (scope 520000), goes to the provincial staff, as a digest item when
/// <see cref="MailOptions.Digest"/> is on and at once otherwise. A Missing change goes to the submitter's recipients at
/// once and to the provincial staff like the others. A de-escalation goes to nobody.
/// </remarks>
public sealed class Outbox
{
    private readonly ITableStore _tables;
    private readonly AlertEmailComposer _composer;
    private readonly string _table;
    private readonly RecipientsOptions _recipients;
    private readonly MailOptions _mail;
    private readonly TimeZoneInfo _zone;
    private readonly TimeProvider _time;
    private readonly ILogger<Outbox> _logger;

    /// <summary>Creates the outbox.</summary>
    /// <param name="tables">The table store.</param>
    /// <param name="composer">Composes the messages.</param>
    /// <param name="names">The table names (<see cref="TableNames.Outbox"/>).</param>
    /// <param name="recipients">Who receives what.</param>
    /// <param name="mail">The digest and receipt settings.</param>
    /// <param name="time">The clock that dates digest items.</param>
    /// <param name="logger">The logger.</param>
    public Outbox(
        ITableStore tables,
        AlertEmailComposer composer,
        IOptions<TableNames> names,
        IOptions<RecipientsOptions> recipients,
        IOptions<MailOptions> mail,
        TimeProvider time,
        ILogger<Outbox> logger)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(mail);
        _tables = tables;
        _composer = composer;
        _table = names.Value.Outbox;
        _recipients = recipients.Value;
        _mail = mail.Value;
        _zone = mail.Value.FindTimeZone();
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Queues the email for alert changes: a <c>Pending</c> row per immediate recipient, and for provincial staff in
    /// digest mode a <c>Queued</c> digest item dated to the next digest. De-escalations are skipped.
    /// </summary>
    /// <param name="notices">The changes, as the alert tracker and the deadline checker return them.</param>
    /// <param name="cancellationToken">Cancels the queueing; rows already written stay, and a re-run skips them.</param>
    /// <returns>How many rows this call inserted (rows that existed are not counted).</returns>
    /// <exception cref="Azure.RequestFailedException">Storage failed.</exception>
    public async Task<int> EnqueueAsync(IReadOnlyList<AlertNotice> notices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var inserted = 0;
        foreach (var notice in notices)
        {
            if (notice.Change == AlertChange.Deescalated)
            {
                continue;
            }

            var direct = notice.Kind == AlertKind.Missing || Submitters.IsPrefecture(notice.Scope)
                ? _recipients.For(notice.Scope)
                : [];
            var staff = _recipients.ForProvince();
            if (direct.Count == 0 && staff.Count == 0)
            {
                _logger.NoRecipients(notice.CorrelationId, notice.Kind.ToString(), notice.Scope);
                continue;
            }

            AlertEmail? email = null;
            var alertKey = OutboxSchema.AlertKey(notice.TransitionKey);
            foreach (var recipient in direct)
            {
                email ??= _composer.ComposeAlert(notice);
                inserted += await InsertAsync(MessageRow(recipient, alertKey, OutboxSchema.KindAlert, email, notice.CorrelationId, notice.TransitionKey), notice.CorrelationId, cancellationToken).ConfigureAwait(false);
            }

            foreach (var recipient in staff)
            {
                TableRow row;
                if (_mail.Digest)
                {
                    row = ItemRow(recipient, notice);
                }
                else
                {
                    email ??= _composer.ComposeAlert(notice);
                    row = MessageRow(recipient, alertKey, OutboxSchema.KindAlert, email, notice.CorrelationId, notice.TransitionKey);
                }

                inserted += await InsertAsync(row, notice.CorrelationId, cancellationToken).ConfigureAwait(false);
            }
        }

        return inserted;
    }

    /// <summary>
    /// Queues the receipt of a processed file for the uploading submitter's recipients (for 520000 without its own,
    /// the provincial staff): always for a rejection or a file that is not a submission, and for an acceptance with warnings when
    /// <see cref="MailOptions.ReceiptOnWarnings"/> is on. An acceptance without warnings queues nothing.
    /// </summary>
    /// <param name="receipt">The receipt.</param>
    /// <param name="cancellationToken">Cancels the queueing.</param>
    /// <returns>How many rows this call inserted.</returns>
    /// <exception cref="Azure.RequestFailedException">Storage failed.</exception>
    public async Task<int> EnqueueReceiptAsync(SubmissionReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Accepted && (!_mail.ReceiptOnWarnings || !HasWarnings(receipt.Issues)))
        {
            return 0;
        }

        var recipients = _recipients.For(receipt.Submitter);
        if (recipients.Count == 0 && receipt.Submitter == Submitters.Province)
        {
            recipients = _recipients.ForProvince();
        }

        if (recipients.Count == 0)
        {
            _logger.NoRecipients(receipt.CorrelationId, "receipt", receipt.Submitter);
            return 0;
        }

        var about = receipt.SubmissionId ?? $"{receipt.Submitter}|{receipt.BlobName}|{receipt.CorrelationId}";
        var email = _composer.ComposeReceipt(receipt);
        return await InsertForEachAsync(recipients, OutboxSchema.ReceiptKey(about), OutboxSchema.KindReceipt, email, receipt.CorrelationId, about, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Queues the operations email for a blob version given up on, for the <c>Recipients:Operations</c> addresses (or
    /// the provincial staff when none are configured), once per version.
    /// </summary>
    /// <param name="notice">The failure.</param>
    /// <param name="cancellationToken">Cancels the queueing.</param>
    /// <returns>How many rows this call inserted.</returns>
    /// <exception cref="Azure.RequestFailedException">Storage failed.</exception>
    public async Task<int> EnqueueOperationsAsync(PoisonNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var recipients = _recipients.ForOperations();
        if (recipients.Count == 0)
        {
            recipients = _recipients.ForProvince();
        }

        if (recipients.Count == 0)
        {
            _logger.NoRecipients(notice.CorrelationId, "operations", notice.Container);
            return 0;
        }

        var about = $"poison|{notice.Container}|{notice.BlobName}|{notice.ETag}|{notice.CorrelationId}";
        var email = PoisonEmailComposer.Compose(notice);
        return await InsertForEachAsync(recipients, OutboxSchema.OperationsKey(about), OutboxSchema.KindOperations, email, notice.CorrelationId, about, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>A <c>Pending</c> message row.</summary>
    internal static TableRow MessageRow(string recipient, string rowKey, string kind, AlertEmail email, string correlationId, string about)
    {
        var partitionKey = OutboxSchema.PartitionKeyFor(recipient);
        var row = new TableRow(partitionKey, rowKey)
        {
            [OutboxSchema.Kind] = kind,
            [OutboxSchema.State] = OutboxSchema.Pending,
            [OutboxSchema.Attempts] = 0,
            [OutboxSchema.Subject] = email.Subject,
            [OutboxSchema.MessageId] = OutboxSchema.MessageIdFor(partitionKey, rowKey),
            [OutboxSchema.CorrelationId] = correlationId,
            [OutboxSchema.About] = about,
        };
        OutboxSchema.WriteLong(row, OutboxSchema.Html, email.Html);
        OutboxSchema.WriteLong(row, OutboxSchema.Text, email.Text);
        return row;
    }

    private static bool HasWarnings(IReadOnlyList<ValidationIssue> issues)
    {
        foreach (var issue in issues)
        {
            if (issue.Severity == IssueSeverity.Warning)
            {
                return true;
            }
        }

        return false;
    }

    private TableRow ItemRow(string recipient, AlertNotice notice)
    {
        var now = _time.GetUtcNow();
        var row = new TableRow(OutboxSchema.PartitionKeyFor(recipient), OutboxSchema.ItemKey(notice.TransitionKey))
        {
            [OutboxSchema.Kind] = OutboxSchema.KindDigestItem,
            [OutboxSchema.State] = OutboxSchema.Queued,
            [OutboxSchema.DigestDate] = OutboxSchema.FormatDate(DigestSchedule.DateFor(now, _mail.DigestHour, _zone)),
            [OutboxSchema.CorrelationId] = notice.CorrelationId,
            [OutboxSchema.About] = notice.TransitionKey,
            [OutboxSchema.QueuedAt] = now,
        };
        OutboxSchema.WriteLong(row, OutboxSchema.Notice, NoticeJson.Serialize(notice));
        return row;
    }

    /// <summary>Inserts one <c>Pending</c> message row per recipient; returns how many were new.</summary>
    private async Task<int> InsertForEachAsync(
        IReadOnlyList<string> recipients,
        string rowKey,
        string kind,
        AlertEmail email,
        string correlationId,
        string about,
        CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var recipient in recipients)
        {
            inserted += await InsertAsync(MessageRow(recipient, rowKey, kind, email, correlationId, about), correlationId, cancellationToken).ConfigureAwait(false);
        }

        return inserted;
    }

    private async Task<int> InsertAsync(TableRow row, string correlationId, CancellationToken cancellationToken)
    {
        var recipient = OutboxSchema.RecipientOf(row);
        row[OutboxSchema.QueuedAt] ??= _time.GetUtcNow();
        try
        {
            await _tables.InsertAsync(_table, row, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConditionFailedException e) when (e.Status == 409)
        {
            _logger.AlreadyQueued(correlationId, recipient, row.RowKey);
            return 0;
        }

        _logger.Queued(correlationId, row.GetString(OutboxSchema.Kind) ?? string.Empty, recipient, row.RowKey);
        return 1;
    }
}
