namespace IntakePipeline.Host.Standalone;

/// <summary>
/// A counter of changes that a poller can sleep on: <see cref="Raise"/> counts a change and wakes every waiter, and
/// <see cref="WaitAsync"/> returns as soon as the count differs from the one the caller last saw.
/// </summary>
internal sealed class ChangeSignal
{
    private readonly Lock _gate = new();
    private long _version;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many changes were seen so far.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Counts a change and wakes the waiters.</summary>
    public void Raise()
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            _version++;
            woken = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.TrySetResult();
    }

    /// <summary>Waits until <see cref="Version"/> differs from <paramref name="seen"/>, or until <paramref name="timeout"/> passes.</summary>
    /// <returns><see langword="true"/> when a change woke it, <see langword="false"/> when the time ran out.</returns>
    public async Task<bool> WaitAsync(long seen, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (_version != seen)
            {
                return true;
            }

            changed = _next.Task;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, timer.Token);
        var first = await Task.WhenAny(changed, delay).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == changed;
    }
}
