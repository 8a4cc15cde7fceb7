using IntakePipeline.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// Plays the Functions queue trigger on one queue: takes up to <see cref="QueueTriggerOptions.BatchSize"/> messages,
/// runs the function for each at once, deletes a message when it succeeds, hides it for
/// <see cref="QueueTriggerOptions.VisibilityTimeout"/> when it fails, and after its
/// <see cref="QueueTriggerOptions.MaxDequeueCount"/>th failure moves it to the poison queue (when there is one). An
/// empty queue is polled with a back-off that doubles up to <see cref="QueueTriggerOptions.MaxPollingInterval"/>, and
/// polled again at once when <paramref name="wake"/> reports a new message in the local Azurite. It starts polling once the queue is ready to be read (for the events queue: once the watcher has rebuilt it).
/// </summary>
internal sealed class QueueListener(
    string function,
    string queue,
    string? poisonQueue,
    Func<QueueMessage, CancellationToken, Task> run,
    Task startAfter,
    ChangeSignal wake,
    IQueueStore queues,
    QueueTriggerOptions options,
    TimeProvider time,
    ILogger logger) : BackgroundService
{
    // A message being processed stays hidden this long and is renewed every third of it, as the Functions host renews
    // its messages; a message whose process died, or whose storage went away mid-attempt, reappears after it.
    private static readonly TimeSpan _processingTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _minimumPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The function's name, for logs.</summary>
    public string Function => function;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startAfter.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var wait = _minimumPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the receive, so that a message written while it runs still wakes the wait below.
            var seen = wake.Version;
            IReadOnlyList<QueueMessage> batch;
            try
            {
                batch = await queues.ReceiveAsync(queue, options.BatchSize, _processingTimeout, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                StandaloneLog.PollFailed(logger, e, function, queue);
                batch = [];
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (batch.Count > 0)
            {
                wait = _minimumPollingInterval;
                await Task.WhenAll(batch.Select(message => ProcessAsync(message, stoppingToken))).ConfigureAwait(false);
                continue;
            }

            bool woken;
            try
            {
                woken = await wake.WaitAsync(seen, wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // A message written to the local Azurite may be a moment from visible: start the back-off again from its shortest step.
            wait = woken ? _minimumPollingInterval : TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, options.MaxPollingInterval.Ticks));
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        using var renewal = new CancellationTokenSource();
        var held = message;
        var renewing = Task.Run(
            async () =>
            {
                while (!renewal.IsCancellationRequested)
                {
                    await Task.Delay(_processingTimeout / 3, time, renewal.Token).ConfigureAwait(false);
                    held = await queues.SetVisibilityAsync(queue, held, _processingTimeout, renewal.Token).ConfigureAwait(false) ?? held;
                }
            },
            CancellationToken.None);
        try
        {
            try
            {
                await run(message, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                await renewal.CancelAsync().ConfigureAwait(false);
                await renewing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            message = held;
            await queues.DeleteAsync(queue, message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: the message reappears after its processing timeout and is handled at the next start.
        }
        catch (Exception e)
        {
            await FailAsync(held, e).ConfigureAwait(false);
        }
    }

    private async Task FailAsync(QueueMessage message, Exception error)
    {
        try
        {
            if (poisonQueue is not null && message.DequeueCount >= options.MaxDequeueCount)
            {
                StandaloneLog.MessagePoisoned(logger, error, function, message.Id, message.DequeueCount);
                await queues.SendAsync(poisonQueue, message.Text, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                await queues.DeleteAsync(queue, message, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            StandaloneLog.AttemptFailed(logger, error, function, message.Id, message.DequeueCount, options.MaxDequeueCount, options.VisibilityTimeout.TotalSeconds);
            await queues.SetVisibilityAsync(queue, message, options.VisibilityTimeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage is down: the message reappears after its processing timeout, and the count still rises.
            StandaloneLog.PollFailed(logger, e, function, queue);
        }
    }
}
