using System.Runtime.CompilerServices;
using IntakePipeline.Pipeline;
using IntakePipeline.Storage;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// Reads and writes the watcher's bookkeeping: receipts and attempt counts in <c>BlobReceipts</c>, poisoned versions in
/// <c>Poison</c>, and upload hints (partition <see cref="BlobReceiptKeys.HintPartition"/> of <c>BlobReceipts</c>).
/// </summary>
internal sealed class BlobReceiptStore(ITableStore tables, IOptions<TableNames> tableNames, TimeProvider time)
{
    private static readonly string[] _seedColumns = ["Name", "BlobETag", "Outcome"];
    private readonly string _receipts = tableNames.Value.BlobReceipts;
    private readonly string _poison = tableNames.Value.Poison;

    /// <summary>The receipt of a version, or <see langword="null"/> when it has none.</summary>
    public async Task<BlobReceipt?> GetAsync(BlobVersion blob, CancellationToken cancellationToken = default)
    {
        var row = await tables.GetAsync(_receipts, blob.Container, BlobReceiptKeys.RowKey(blob.Name, blob.ETag), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row is null ? null : ToReceipt(row);
    }

    /// <summary>The versions of a container's blobs that have a final receipt (processed or poisoned), by name and ETag.</summary>
    public async IAsyncEnumerable<(string Name, string ETag)> ListFinalAsync(
        string container,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = TableQuery.Partition(container) with { Select = _seedColumns };
        await foreach (var row in tables.QueryAsync(_receipts, query, cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("Outcome") is { } outcome && outcome != BlobReceiptKeys.RetryingOutcome
                && row.GetString("Name") is { } name && row.GetString("BlobETag") is { } etag)
            {
                yield return (name, etag);
            }
        }
    }

    /// <summary>Records that a version was processed.</summary>
    public Task CompleteAsync(BlobVersion blob, BlobProcessingResult result, int attempts, CancellationToken cancellationToken = default)
    {
        var row = NewRow(blob, result.Outcome, attempts);
        row["SubmissionId"] = result.SubmissionId;
        row["CorrelationId"] = result.CorrelationId;
        row["ProcessedAt"] = time.GetUtcNow();
        return tables.UpsertAsync(_receipts, row, TableUpsertMode.Replace, cancellationToken);
    }

    /// <summary>Records a failed attempt, so that a restart continues the count instead of starting over.</summary>
    public Task RecordFailureAsync(
        BlobVersion blob,
        int attempts,
        DateTimeOffset firstFailedAt,
        string lastError,
        CancellationToken cancellationToken = default)
    {
        var row = NewRow(blob, BlobReceiptKeys.RetryingOutcome, attempts);
        row["FirstFailedAt"] = firstFailedAt;
        row["LastError"] = Truncate(lastError);
        return tables.UpsertAsync(_receipts, row, TableUpsertMode.Replace, cancellationToken);
    }

    /// <summary>Records a poisoned version in <c>Poison</c>, then gives it a final receipt so that it is never retried.</summary>
    public async Task PoisonAsync(
        BlobVersion blob,
        int attempts,
        DateTimeOffset firstFailedAt,
        string lastError,
        CancellationToken cancellationToken = default)
    {
        var poison = new TableRow(blob.Container, BlobReceiptKeys.RowKey(blob.Name, blob.ETag))
        {
            ["Name"] = blob.Name,
            ["BlobETag"] = blob.ETag,
            ["LastError"] = Truncate(lastError),
            ["Attempts"] = attempts,
            ["FirstFailedAt"] = firstFailedAt,
        };
        await tables.UpsertAsync(_poison, poison, TableUpsertMode.Replace, cancellationToken).ConfigureAwait(false);

        var receipt = NewRow(blob, BlobReceiptKeys.PoisonedOutcome, attempts);
        receipt["FirstFailedAt"] = firstFailedAt;
        receipt["LastError"] = Truncate(lastError);
        receipt["ProcessedAt"] = time.GetUtcNow();
        await tables.UpsertAsync(_receipts, receipt, TableUpsertMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the watcher to look at a blob at once, wherever it is.</summary>
    public Task WriteHintAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var row = new TableRow(BlobReceiptKeys.HintPartition, BlobReceiptKeys.HintRowKey(container, name))
        {
            ["Container"] = container,
            ["Name"] = name,
            ["WrittenAt"] = time.GetUtcNow(),
        };
        return tables.UpsertAsync(_receipts, row, TableUpsertMode.Replace, cancellationToken);
    }

    /// <summary>The pending hints: one small partition query.</summary>
    public async Task<IReadOnlyList<TableRow>> ListHintsAsync(CancellationToken cancellationToken = default)
    {
        var hints = new List<TableRow>();
        await foreach (var row in tables.QueryAsync(_receipts, TableQuery.Partition(BlobReceiptKeys.HintPartition), cancellationToken)
            .ConfigureAwait(false))
        {
            hints.Add(row);
        }

        return hints;
    }

    /// <summary>Deletes a hint that was acted on, unless it was written again since it was read.</summary>
    public async Task DeleteHintAsync(TableRow hint, CancellationToken cancellationToken = default)
    {
        try
        {
            await tables.DeleteAsync(_receipts, hint.PartitionKey, hint.RowKey, hint.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConditionFailedException)
        {
            // A newer hint for the same blob arrived meanwhile; it stays for the next poll.
        }
    }

    private static TableRow NewRow(BlobVersion blob, string outcome, int attempts) =>
        new(blob.Container, BlobReceiptKeys.RowKey(blob.Name, blob.ETag))
        {
            ["Name"] = blob.Name,
            ["BlobETag"] = blob.ETag,
            ["Outcome"] = outcome,
            ["Attempts"] = attempts,
        };

    private static BlobReceipt ToReceipt(TableRow row) => new(
        row.GetString("Outcome") ?? BlobReceiptKeys.RetryingOutcome,
        row.GetInt32("Attempts") ?? 0,
        row.GetDateTimeOffset("FirstFailedAt"),
        row.GetString("SubmissionId"),
        row.GetString("CorrelationId"));

    // A table string property holds at most 32K characters; an exception's text fits well within a few thousand.
    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000];
}
