namespace IntakePipeline.Pipeline;

/// <summary>
/// The queue that carries the storage account's BlobCreated events to ProcessSubmission, bound to the configuration
/// section <c>Queues</c> (<c>Queues__Events</c>). In Azure an Event Grid subscription delivers into it; locally
/// <c>intake upload</c> and the watcher do. After host.json's <c>maxDequeueCount</c> failed attempts a message moves to the
/// poison queue, <c>{Events}-poison</c>, as the Functions queue trigger does.
/// </summary>
public sealed class QueuesOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Queues";

    /// <summary>The default of <see cref="Events"/>.</summary>
    public const string DefaultEvents = "intake-events";

    /// <summary>The suffix the Functions queue trigger gives a queue's poison queue.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>The events queue. Default <see cref="DefaultEvents"/>.</summary>
    public string Events { get; set; } = DefaultEvents;

    /// <summary>The default of <see cref="ReconcileAfter"/>: 10 minutes.</summary>
    public static readonly TimeSpan DefaultReconcileAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How old an intake blob version without a receipt must be before the daily reconciliation queues its event again,
    /// so that one whose event is still on its way is left alone. Default <see cref="DefaultReconcileAfter"/>.
    /// </summary>
    public TimeSpan ReconcileAfter { get; set; } = DefaultReconcileAfter;

    /// <summary>The poison queue of <see cref="Events"/>.</summary>
    public string Poison => Events + PoisonSuffix;
}
