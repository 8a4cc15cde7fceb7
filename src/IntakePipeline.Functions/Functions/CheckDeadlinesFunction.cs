using IntakePipeline.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace IntakePipeline.Functions.Functions;

/// <summary>CheckDeadlines: daily, queues unprocessed files again and opens the missing-submission alerts that are due.</summary>
public sealed class CheckDeadlinesFunction(CheckDeadlinesHandler handler)
{
    /// <summary>The function's name.</summary>
    public const string Name = "CheckDeadlines";

    /// <summary>Runs the use case.</summary>
    /// <param name="timer">The timer's schedule status.</param>
    /// <param name="cancellationToken">Cancelled at shutdown.</param>
    /// <returns>What was done, for the invocation log.</returns>
    [Function(Name)]
    public async Task<string> RunAsync(
        [TimerTrigger("%" + SchedulesOptions.SectionName + ":" + nameof(SchedulesOptions.CheckDeadlines) + "%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        (await handler.RunAsync(cancellationToken).ConfigureAwait(false)).ToString();
}
