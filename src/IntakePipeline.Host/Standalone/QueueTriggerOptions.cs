namespace IntakePipeline.Host.Standalone;

/// <summary>
/// The queue trigger's settings, bound to <c>extensions:queues</c> of the shared <c>host.json</c>, which the Functions
/// host reads too, so the standalone host retries and poisons exactly as Azure does. The standalone host's
/// <c>appsettings.json</c> may override a value for local use (it shortens <see cref="MaxPollingInterval"/>).
/// </summary>
public sealed class QueueTriggerOptions
{
    /// <summary>The configuration section: <c>extensions</c> → <c>queues</c> in host.json.</summary>
    public const string SectionName = "extensions:queues";

    /// <summary>Attempts before a message moves to the poison queue. Default 5, as in Azure Functions.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a failed message stays hidden before its next attempt. Default zero, as in Azure Functions.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>The longest wait between polls of an empty queue. Default 1 minute, as in Azure Functions.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages taken and processed at once. Default 16, as in Azure Functions.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Whether the values are usable.</summary>
    /// <returns><see langword="true"/> when valid.</returns>
    internal bool IsValid() =>
        MaxDequeueCount is >= 1 and <= 100
        && VisibilityTimeout >= TimeSpan.Zero
        && MaxPollingInterval >= TimeSpan.FromMilliseconds(10)
        && BatchSize is >= 1 and <= 32;
}
