using System.Runtime.CompilerServices;
using IntakePipeline.Storage;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Receipts;

/// <summary>
/// The bookkeeping of blob versions: receipts and failed attempts in <c>BlobReceipts</c>, versions given up on in
/// <c>Poison</c>. Both are keyed on the version (<see cref="BlobReceiptKeys"/>), so a duplicate event finds the receipt.
/// </summary>
public sealed class BlobReceiptStore(ITableStore tables, IOptions<TableNames> tableNames, TimeProvider time)
{
    private static readonly string[] _listColumns = ["Name", "BlobETag", "Outcome"];
    private readonly string _receipts = tableNames.Value.BlobReceipts;
    private readonly string _poison = tableNames.Value.Poison;

    /// <summary>The receipt of a version, or <see langword="null"/> when it has none.</summary>
    /// <param name="blob">The version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The receipt.</returns>
    public async Task<BlobReceipt?> GetAsync(BlobVersion blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var row = await tables.GetAsync(_receipts, blob.Container, BlobReceiptKeys.RowKey(blob.Name, blob.ETag), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row is null
            ? null
            : new BlobReceipt(
                row.GetString("Outcome") ?? BlobReceipt.RetryingOutcome,
                row.GetInt32("Attempts") ?? 0,
                row.GetString("LastError"),
                row.GetString("SubmissionId"),
                row.GetString("CorrelationId"));
    }

    /// <summary>
    /// The versions of a container's blobs that are done with, processed or poisoned, by name and ETag (one partition
    /// query). A version between failed attempts is not among them.
    /// </summary>
    /// <param name="container">The container.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The versions.</returns>
    public async IAsyncEnumerable<(string Name, string ETag)> ListAsync(string container, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = TableQuery.Partition(container) with { Select = _listColumns };
        await foreach (var row in tables.QueryAsync(_receipts, query, cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("Outcome") is { } outcome && outcome != BlobReceipt.RetryingOutcome
                && row.GetString("Name") is { } name && row.GetString("BlobETag") is { } etag)
            {
                yield return (name, etag);
            }
        }
    }

    /// <summary>Records that a version was processed.</summary>
    /// <param name="outcome">What processing gave.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the receipt is stored.</returns>
    public Task CompleteAsync(SubmissionOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var row = NewRow(outcome.Blob, outcome.Kind.ToString());
        row["SubmissionId"] = outcome.SubmissionId;
        row["CorrelationId"] = outcome.CorrelationId;
        row["ProcessedAt"] = time.GetUtcNow();
        return tables.UpsertAsync(_receipts, row, TableUpsertMode.Replace, cancellationToken);
    }

    /// <summary>Records a failed attempt, so that the poison record can tell what went wrong.</summary>
    /// <param name="blob">The version.</param>
    /// <param name="attempts">The attempts made so far, this one included.</param>
    /// <param name="lastError">The error, in one line.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the row is stored.</returns>
    public Task RecordFailureAsync(BlobVersion blob, int attempts, string lastError, CancellationToken cancellationToken = default)
    {
        var row = NewRow(blob, BlobReceipt.RetryingOutcome);
        row["Attempts"] = attempts;
        row["LastError"] = Truncate(lastError);
        row["FailedAt"] = time.GetUtcNow();
        return tables.UpsertAsync(_receipts, row, TableUpsertMode.Replace, cancellationToken);
    }

    /// <summary>Records a version given up on: a <c>Poison</c> row, and a <see cref="BlobReceipt.PoisonedOutcome"/> receipt.</summary>
    /// <param name="record">What is known of the failure.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>A task that completes when both rows are stored.</returns>
    public async Task PoisonAsync(PoisonRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var poison = new TableRow(record.Blob.Container, BlobReceiptKeys.RowKey(record.Blob.Name, record.Blob.ETag))
        {
            ["Name"] = record.Blob.Name,
            ["BlobETag"] = record.Blob.ETag,
            ["LastError"] = Truncate(record.LastError),
            ["Attempts"] = record.Attempts,
            ["PoisonedAt"] = time.GetUtcNow(),
            ["Message"] = Truncate(record.MessageText),
        };
        await tables.UpsertAsync(_poison, poison, TableUpsertMode.Replace, cancellationToken).ConfigureAwait(false);
        if (record.Blob.Name.Length > 0)
        {
            var receipt = NewRow(record.Blob, BlobReceipt.PoisonedOutcome);
            receipt["Attempts"] = record.Attempts;
            receipt["LastError"] = Truncate(record.LastError);
            await tables.UpsertAsync(_receipts, receipt, TableUpsertMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The <c>Poison</c> rows, of one container or of all.</summary>
    /// <param name="container">The container, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The records, each with the row's key for <see cref="DeletePoisonAsync"/>.</returns>
    public async IAsyncEnumerable<PoisonRecord> ListPoisonAsync(string? container, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = container is null ? new TableQuery() : TableQuery.Partition(container);
        await foreach (var row in tables.QueryAsync(_poison, query, cancellationToken).ConfigureAwait(false))
        {
            yield return new PoisonRecord(
                new BlobVersion(row.PartitionKey, row.GetString("Name") ?? string.Empty, row.GetString("BlobETag") ?? string.Empty),
                row.GetInt32("Attempts") ?? 0,
                row.GetString("LastError") ?? string.Empty,
                row.GetString("Message") ?? string.Empty)
            {
                RowKey = row.RowKey,
            };
        }
    }

    /// <summary>Deletes a <c>Poison</c> row once its version is queued again.</summary>
    /// <param name="record">A record from <see cref="ListPoisonAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>A task that completes when the row is gone.</returns>
    public Task DeletePoisonAsync(PoisonRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return tables.DeleteAsync(_poison, record.Blob.Container, record.RowKey, cancellationToken: cancellationToken);
    }

    private static TableRow NewRow(BlobVersion blob, string outcome) =>
        new(blob.Container, BlobReceiptKeys.RowKey(blob.Name, blob.ETag))
        {
            ["Name"] = blob.Name,
            ["BlobETag"] = blob.ETag,
            ["Outcome"] = outcome,
        };

    // A table string property holds at most 32K characters; an exception's text fits well within a few thousand.
    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000];
}
