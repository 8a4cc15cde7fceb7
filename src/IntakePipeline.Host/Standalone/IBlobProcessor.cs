using IntakePipeline.Pipeline;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// Processes one blob version for the <see cref="BlobWatcher"/>: the seam between the watcher's scheduling, retries and
/// receipts and the pipeline's handler. An exception means a failed attempt, to be retried and finally poisoned.
/// </summary>
internal interface IBlobProcessor
{
    /// <summary>Processes one blob version.</summary>
    /// <param name="blob">The container, name and ETag.</param>
    /// <param name="cancellationToken">Cancels the work (at shutdown, after the grace period).</param>
    /// <returns>What it gave.</returns>
    Task<BlobProcessingResult> ProcessAsync(BlobVersion blob, CancellationToken cancellationToken = default);
}
