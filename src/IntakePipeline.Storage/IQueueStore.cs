namespace IntakePipeline.Storage;

/// <summary>
/// The narrow port over queue storage: the events queue that ProcessSubmission consumes and its poison queue. The
/// Azure adapter is made by <see cref="StorageClientFactory"/>; no Azure Storage SDK type crosses this interface.
/// </summary>
/// <remarks>
/// Message bodies are text, base64-encoded on the wire as the Functions queue trigger expects by default and as Event
/// Grid writes them. Failures that are not an expected outcome surface as <see cref="Azure.RequestFailedException"/>.
/// </remarks>
public interface IQueueStore
{
    /// <summary>Creates the queue unless it already exists.</summary>
    /// <param name="queue">The queue name (3–63 lowercase letters, digits and hyphens).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when this call created it.</returns>
    Task<bool> CreateIfNotExistsAsync(string queue, CancellationToken cancellationToken = default);

    /// <summary>Adds a message.</summary>
    /// <param name="queue">The queue; it must exist.</param>
    /// <param name="text">The message text (at most 48 KiB once base64-encoded to 64 KiB).</param>
    /// <param name="visibilityDelay">How long the message stays invisible after it is added; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the message is stored.</returns>
    Task SendAsync(string queue, string text, TimeSpan? visibilityDelay = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes up to <paramref name="maxMessages"/> visible messages and hides them for <paramref name="visibilityTimeout"/>;
    /// each taken message's dequeue count goes up by one. A message that is not deleted within the timeout becomes
    /// visible again.
    /// </summary>
    /// <param name="queue">The queue.</param>
    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="visibilityTimeout">How long the messages stay hidden.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The messages; empty when none is visible.</returns>
    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Deletes a message taken by <see cref="ReceiveAsync"/>.</summary>
    /// <param name="queue">The queue.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the message was gone already or taken again by someone else (its pop receipt is stale).</returns>
    Task<bool> DeleteAsync(string queue, QueueMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Hides a taken message for <paramref name="visibilityTimeout"/> from now: to keep it while it is still being
    /// processed, or as a failed attempt's back-off (zero makes it visible at once).
    /// </summary>
    /// <param name="queue">The queue.</param>
    /// <param name="message">The message, with its current pop receipt.</param>
    /// <param name="visibilityTimeout">How long it stays hidden.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The message with its new pop receipt, which later calls must use; <see langword="null"/> when it was gone already
    /// or taken again by someone else.
    /// </returns>
    Task<QueueMessage?> SetVisibilityAsync(string queue, QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Deletes every message of the queue, visible or not.</summary>
    /// <param name="queue">The queue.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the queue is empty.</returns>
    Task ClearAsync(string queue, CancellationToken cancellationToken = default);

    /// <summary>The approximate number of messages in the queue, visible or not.</summary>
    /// <param name="queue">The queue.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The count.</returns>
    Task<int> CountAsync(string queue, CancellationToken cancellationToken = default);
}
