using IntakePipeline.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace IntakePipeline.Functions.Functions;

/// <summary>
/// ProcessSubmission: one BlobCreated event from the events queue, into which the storage account's Event Grid
/// subscription delivers. A failure throws, so that the queue retries it and, after host.json's <c>maxDequeueCount</c>,
/// moves it to the poison queue.
/// </summary>
public sealed class ProcessSubmissionFunction(ProcessSubmissionHandler handler)
{
    /// <summary>The function's name.</summary>
    public const string Name = "ProcessSubmission";

    /// <summary>Runs the use case for one message.</summary>
    /// <param name="message">The Event Grid–schema event.</param>
    /// <param name="context">The invocation; its binding data carries the dequeue count.</param>
    /// <param name="cancellationToken">Cancelled at shutdown.</param>
    /// <returns>What was done, for the invocation log.</returns>
    [Function(Name)]
    public async Task<string> RunAsync(
        [QueueTrigger("%" + QueuesOptions.SectionName + ":" + nameof(QueuesOptions.Events) + "%")] string message,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(message, QueueBindingData.DequeueCount(context), cancellationToken).ConfigureAwait(false);
        return $"{outcome.Kind} {outcome.Blob.Container}/{outcome.Blob.Name} [{outcome.CorrelationId}]";
    }
}
