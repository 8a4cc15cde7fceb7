using System.Diagnostics;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Pipeline.Events;
using IntakePipeline.Pipeline.Receipts;
using IntakePipeline.Pipeline.Telemetry;
using Microsoft.Extensions.Logging;

namespace IntakePipeline.Pipeline;

/// <summary>
/// The ProcessSubmission use case, which every host runs for one message of the events queue: reads the BlobCreated
/// event, skips what is not for it and versions that have a receipt already, processes the blob
/// (<see cref="SubmissionProcessor"/>), queues the alerts and the uploader's receipt it causes
/// (<see cref="AlertNotifier"/>), and writes the version's receipt last.
/// </summary>
/// <remarks>
/// A failure propagates, so that the queue makes the message visible again and, after its last attempt, moves it to
/// the poison queue (<see cref="RecordPoisonHandler"/>). Before it propagates, the attempt is recorded on the version's
/// receipt row where storage allows, so that the poison record can say what went wrong. Every step before the receipt is
/// idempotent, so a crash anywhere followed by a redelivery gives the same tables as one clean run.
/// </remarks>
public sealed class ProcessSubmissionHandler(
    SubmissionProcessor processor,
    AlertNotifier notifier,
    BlobReceiptStore receipts,
    ILogger<ProcessSubmissionHandler> logger)
{
    /// <summary>Handles one queue message.</summary>
    /// <param name="message">The message text: one Event Grid–schema event.</param>
    /// <param name="dequeueCount">How many times the queue has handed out this message, this time included.</param>
    /// <param name="cancellationToken">Cancels the work; the message is then delivered again.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="BlobEventFormatException">The message is not a usable event.</exception>
    /// <exception cref="Azure.RequestFailedException">Storage failed; the queue retries.</exception>
    public async Task<SubmissionOutcome> HandleAsync(string message, long dequeueCount, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var blobEvent = BlobCreatedEvent.Parse(message);
        var blob = blobEvent.Blob;
        var correlationId = Internals.CorrelationIds.For(blob);
        using var scope = logger.BeginScope(new Dictionary<string, object> { [IntakeTelemetry.CorrelationIdTag] = correlationId });
        using var activity = IntakeTelemetry.Source.StartActivity("ProcessSubmission");
        activity?.SetTag(IntakeTelemetry.CorrelationIdTag, correlationId);
        activity?.SetTag("intake.blob", $"{blob.Container}/{blob.Name}");

        if (blobEvent.IgnoreReason is { } reason)
        {
            logger.EventIgnored(blobEvent.Id, blob.Container, blob.Name, reason);
            return SubmissionOutcome.Skipped(SubmissionOutcomeKind.Ignored, blob, correlationId);
        }

        if (await receipts.GetAsync(blob, cancellationToken).ConfigureAwait(false) is { IsProcessed: true } receipt)
        {
            logger.Duplicate(correlationId, blobEvent.Id, blob.Container, blob.Name, receipt.Outcome);
            return SubmissionOutcome.Skipped(SubmissionOutcomeKind.Duplicate, blob, correlationId);
        }

        SubmissionOutcome outcome;
        try
        {
            outcome = await processor.HandleAsync(blob, cancellationToken).ConfigureAwait(false);
            var opened = await notifier.AfterSubmissionAsync(outcome, cancellationToken).ConfigureAwait(false);
            CountOpened(opened);
            await receipts.CompleteAsync(outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            await RecordFailureAsync(blob, dequeueCount, e, cancellationToken).ConfigureAwait(false);
            throw;
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        IntakeTelemetry.FilesProcessed.Add(1, new KeyValuePair<string, object?>("intake.outcome", outcome.Kind.ToString()));
        IntakeTelemetry.ProcessingTime.Record(elapsed);
        if (outcome.Kind == SubmissionOutcomeKind.Rejected)
        {
            IntakeTelemetry.FilesRejected.Add(1, new KeyValuePair<string, object?>("intake.submitter", outcome.Submitter));
        }

        activity?.SetTag("intake.outcome", outcome.Kind.ToString());
        return outcome;
    }

    private static void CountOpened(IReadOnlyList<AlertNotice> notices)
    {
        foreach (var notice in notices)
        {
            if (notice.Change == AlertChange.Opened)
            {
                IntakeTelemetry.AlertsOpened.Add(1, new KeyValuePair<string, object?>("intake.alert_kind", notice.Kind.ToString()));
            }
        }
    }

    private async Task RecordFailureAsync(BlobVersion blob, long dequeueCount, Exception error, CancellationToken cancellationToken)
    {
        try
        {
            await receipts.RecordFailureAsync(blob, (int)Math.Min(dequeueCount, int.MaxValue), error.GetType().Name + ": " + error.Message, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception recordError) when (recordError is not OperationCanceledException)
        {
            // The storage that failed the attempt may fail this write too; the attempt's own error is what propagates.
            logger.FailureNotRecorded(recordError, blob.Container, blob.Name, blob.ETag);
        }
    }
}
