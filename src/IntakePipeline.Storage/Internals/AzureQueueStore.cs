using Azure;
using Azure.Storage.Queues;

namespace IntakePipeline.Storage.Internals;

/// <summary>The <see cref="IQueueStore"/> over Azure.Storage.Queues; its client encodes message text as base64.</summary>
internal sealed class AzureQueueStore(QueueServiceClient service) : IQueueStore
{
    public async Task<bool> CreateIfNotExistsAsync(string queue, CancellationToken cancellationToken = default)
    {
        // A 204 answers "exists with the same metadata"; only 201 means this call created it.
        var response = await service.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return response?.Status == 201;
    }

    public async Task SendAsync(string queue, string text, TimeSpan? visibilityDelay = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        await service.GetQueueClient(queue).SendMessageAsync(text, visibilityDelay, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var response = await service.GetQueueClient(queue).ReceiveMessagesAsync(maxMessages, visibilityTimeout, cancellationToken).ConfigureAwait(false);
        var messages = new List<QueueMessage>(response.Value.Length);
        foreach (var message in response.Value)
        {
            messages.Add(new QueueMessage(message.MessageId, message.PopReceipt, message.DequeueCount, message.Body.ToString(), message.InsertedOn));
        }

        return messages;
    }

    public async Task<bool> DeleteAsync(string queue, QueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await service.GetQueueClient(queue).DeleteMessageAsync(message.Id, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (StorageErrors.IsMessageGone(e))
        {
            return false;
        }
    }

    public async Task<QueueMessage?> SetVisibilityAsync(string queue, QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var receipt = await service.GetQueueClient(queue).UpdateMessageAsync(message.Id, message.PopReceipt, visibilityTimeout: visibilityTimeout, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return message with { PopReceipt = receipt.Value.PopReceipt };
        }
        catch (RequestFailedException e) when (StorageErrors.IsMessageGone(e))
        {
            return null;
        }
    }

    public async Task ClearAsync(string queue, CancellationToken cancellationToken = default) =>
        await service.GetQueueClient(queue).ClearMessagesAsync(cancellationToken).ConfigureAwait(false);

    public async Task<int> CountAsync(string queue, CancellationToken cancellationToken = default)
    {
        var properties = await service.GetQueueClient(queue).GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        return properties.Value.ApproximateMessagesCount;
    }
}
