using IntakePipeline.Storage;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Events;

/// <summary>
/// Puts BlobCreated events into the events queue (<see cref="QueuesOptions.Events"/>), as Event Grid does in Azure: for
/// <c>intake upload</c> and <c>intake demo</c> right after their put, for the local watcher, and for the reconciliation
/// and <c>intake retry</c> everywhere.
/// </summary>
public sealed class BlobEventQueue(IQueueStore queues, StorageConnection connection, IOptions<QueuesOptions> options, TimeProvider time)
{
    private readonly QueuesOptions _options = options.Value;

    /// <summary>
    /// The metadata that <c>intake upload</c> puts on the blobs whose event it queues itself, so that the local watcher,
    /// standing in for Event Grid, does not queue a second one.
    /// </summary>
    public const string EventQueuedMetadata = "intakeeventqueued";

    /// <summary>Whether a blob carries <see cref="EventQueuedMetadata"/>.</summary>
    /// <param name="blob">The blob.</param>
    /// <returns><see langword="true"/> when its uploader queued its event.</returns>
    public static bool HasQueuedEvent(BlobInfo blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return blob.Metadata.ContainsKey(EventQueuedMetadata);
    }

    /// <summary>The events queue.</summary>
    public string Events => _options.Events;

    /// <summary>The poison queue.</summary>
    public string Poison => _options.Poison;

    /// <summary>Queues the BlobCreated event of a blob version.</summary>
    /// <param name="blob">The version.</param>
    /// <param name="contentLength">The blob's length in bytes.</param>
    /// <param name="api">The operation that created it; <see cref="BlobCreatedEvent.PutBlobApi"/> by default.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message is stored.</returns>
    public Task EnqueueAsync(BlobVersion blob, long contentLength, string api = BlobCreatedEvent.PutBlobApi, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var text = BlobCreatedEvent.Create(blob, connection.BlobUri(blob.Container, blob.Name), api, contentLength, time.GetUtcNow());
        return queues.SendAsync(_options.Events, text, cancellationToken: cancellationToken);
    }

    /// <summary>Queues a message text as it is, such as a poisoned event being retried.</summary>
    /// <param name="text">The message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message is stored.</returns>
    public Task EnqueueAsync(string text, CancellationToken cancellationToken = default) =>
        queues.SendAsync(_options.Events, text, cancellationToken: cancellationToken);
}
