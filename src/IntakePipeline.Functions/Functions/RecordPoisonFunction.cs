using IntakePipeline.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace IntakePipeline.Functions.Functions;

/// <summary>
/// RecordPoison: a message the events queue gave up on records a <c>Poison</c> row and mails the operations contacts.
/// It has its own trigger on the poison queue, so that recording does not depend on the call that just failed.
/// </summary>
public sealed class RecordPoisonFunction(RecordPoisonHandler handler)
{
    /// <summary>The function's name.</summary>
    public const string Name = "RecordPoison";

    /// <summary>Runs the use case for one poisoned message.</summary>
    /// <param name="message">The message as it was in the events queue.</param>
    /// <param name="cancellationToken">Cancelled at shutdown.</param>
    /// <returns>A task that completes when the record and the mail are queued.</returns>
    [Function(Name)]
    public Task RunAsync(
        [QueueTrigger("%" + QueuesOptions.SectionName + ":" + nameof(QueuesOptions.Events) + "%" + QueuesOptions.PoisonSuffix)] string message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
