using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Pipeline.Events;
using IntakePipeline.Pipeline.Receipts;
using IntakePipeline.Storage;
using Microsoft.Extensions.Logging;

namespace IntakePipeline.Pipeline;

/// <summary>
/// Finds intake blob versions that have no receipt (their event was lost, dead-lettered by Event Grid, or never sent)
/// and queues their events again; and queues the versions in <c>Poison</c> again after a fix. CheckDeadlines runs the
/// first daily; <c>intake retry</c> runs both on demand. Queuing a version twice is harmless: its receipt makes the
/// second event a no-op.
/// </summary>
public sealed class IntakeReconciler(
    IBlobStore blobs,
    BlobReceiptStore receipts,
    BlobEventQueue events,
    TimeProvider time,
    ILogger<IntakeReconciler> logger)
{
    /// <summary>Queues the events of intake blob versions older than <paramref name="minimumAge"/> that have no receipt.</summary>
    /// <param name="submitter">One submitter's container only, or <see langword="null"/> for every <c>intake-*</c> container.</param>
    /// <param name="minimumAge">How old a version must be, so that one whose event is still on its way is left alone.</param>
    /// <param name="cancellationToken">Cancels the scan; a re-run completes it.</param>
    /// <returns>The submitters and periods of the submissions queued (a misplaced blob has no period and is counted only in the log).</returns>
    /// <exception cref="Azure.RequestFailedException">Storage failed.</exception>
    public async Task<IReadOnlySet<(string Submitter, YearMonth Period)>> ReconcileAsync(
        string? submitter,
        TimeSpan minimumAge,
        CancellationToken cancellationToken = default)
    {
        var prefix = submitter is null ? SubmissionBlobName.IntakeContainerPrefix : SubmissionBlobName.IntakeContainer(submitter);
        var cutoff = time.GetUtcNow() - minimumAge;
        var queued = new HashSet<(string, YearMonth)>();
        var count = 0;
        await foreach (var container in blobs.ListContainersAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (SubmissionBlobName.SubmitterOf(container.Name) is null)
            {
                continue;
            }

            var known = new HashSet<(string, string)>();
            await foreach (var version in receipts.ListAsync(container.Name, cancellationToken).ConfigureAwait(false))
            {
                known.Add(version);
            }

            await foreach (var blob in blobs.ListAsync(container.Name, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (blob.LastModified > cutoff || known.Contains((blob.Name, blob.ETag)))
                {
                    continue;
                }

                await events.EnqueueAsync(new BlobVersion(blob.Container, blob.Name, blob.ETag), blob.ContentLength, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                logger.Reconciled(blob.Container, blob.Name, blob.ETag);
                count++;
                if (SubmissionBlobName.TryParse(blob.Container, blob.Name, out var name))
                {
                    queued.Add((name.Submitter, name.Period));
                }
            }
        }

        logger.ReconcileDone(prefix, count);
        return queued;
    }

    /// <summary>
    /// Queues every version recorded in <c>Poison</c> again (of one submitter, or all) and removes its record; a
    /// version that fails again is recorded again.
    /// </summary>
    /// <param name="submitter">One submitter only, or <see langword="null"/> for all (messages that named no blob included).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many were queued.</returns>
    public async Task<int> RetryPoisonedAsync(string? submitter, CancellationToken cancellationToken = default)
    {
        var container = submitter is null ? null : SubmissionBlobName.IntakeContainer(submitter);
        var records = new List<PoisonRecord>();
        await foreach (var record in receipts.ListPoisonAsync(container, cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        foreach (var record in records)
        {
            if (record.MessageText.Length > 0)
            {
                await events.EnqueueAsync(record.MessageText, cancellationToken).ConfigureAwait(false);
            }
            else if (record.Blob.Name.Length > 0 && await blobs.GetPropertiesAsync(record.Blob.Container, record.Blob.Name, cancellationToken).ConfigureAwait(false) is { } blob)
            {
                await events.EnqueueAsync(record.Blob, blob.ContentLength, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await receipts.DeletePoisonAsync(record, cancellationToken).ConfigureAwait(false);
            logger.PoisonRequeued(record.Blob.Container, record.Blob.Name, record.Blob.ETag);
        }

        return records.Count;
    }
}
