using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Mail;
using Microsoft.Azure.Functions.Worker;

namespace IntakePipeline.Functions.Functions;

/// <summary>SendAlerts: composes the digests that are due and sends what the Outbox holds.</summary>
public sealed class SendAlertsFunction(SendAlertsHandler handler)
{
    /// <summary>The function's name.</summary>
    public const string Name = "SendAlerts";

    /// <summary>Runs the use case.</summary>
    /// <param name="timer">The timer's schedule status.</param>
    /// <param name="cancellationToken">Cancelled at shutdown.</param>
    /// <returns>What was done, for the invocation log.</returns>
    [Function(Name)]
    public async Task<string> RunAsync(
        [TimerTrigger("%" + SchedulesOptions.SectionName + ":" + nameof(SchedulesOptions.SendAlerts) + "%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        (await handler.RunAsync(cancellationToken).ConfigureAwait(false)).ToString();
}
