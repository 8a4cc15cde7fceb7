using IntakePipeline.Pipeline;

namespace IntakePipeline.Host.Standalone;

/// <summary>The watcher's processor in production: the pipeline's <see cref="ProcessSubmissionHandler"/>.</summary>
internal sealed class SubmissionBlobProcessor(ProcessSubmissionHandler handler) : IBlobProcessor
{
    /// <inheritdoc />
    public async Task<BlobProcessingResult> ProcessAsync(BlobVersion blob, CancellationToken cancellationToken = default)
    {
        var outcome = await handler.HandleAsync(blob, cancellationToken).ConfigureAwait(false);
        return new BlobProcessingResult(
            outcome.Kind.ToString(),
            outcome.SubmissionId,
            outcome.CorrelationId,
            outcome.RowCount,
            outcome.ErrorCount,
            outcome.WarningCount);
    }
}
