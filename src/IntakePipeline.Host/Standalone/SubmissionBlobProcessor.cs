using IntakePipeline.Pipeline;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// The watcher's processor in production: the pipeline's <see cref="ProcessSubmissionHandler"/>, then the alerts and
/// receipt it causes (<see cref="AlertNotifier"/>), then a prompt outbox run so that a receipt goes out at once.
/// </summary>
internal sealed class SubmissionBlobProcessor(ProcessSubmissionHandler handler, AlertNotifier notifier, AlertTimers timers) : IBlobProcessor
{
    /// <inheritdoc />
    public async Task<BlobProcessingResult> ProcessAsync(BlobVersion blob, CancellationToken cancellationToken = default)
    {
        var outcome = await handler.HandleAsync(blob, cancellationToken).ConfigureAwait(false);
        if (await notifier.AfterSubmissionAsync(outcome, cancellationToken).ConfigureAwait(false) > 0)
        {
            timers.RequestSend();
        }

        return new BlobProcessingResult(
            outcome.Kind.ToString(),
            outcome.SubmissionId,
            outcome.CorrelationId,
            outcome.RowCount,
            outcome.ErrorCount,
            outcome.WarningCount);
    }
}
