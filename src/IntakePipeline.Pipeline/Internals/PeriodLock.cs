using IntakePipeline.Core;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Internals;

/// <summary>
/// Serializes the processing of one submitter's period across invocations and instances, with a lease on the blob
/// <c>{submitter}/{yyyy-MM}</c> in <see cref="StorageSetup.LocksContainer"/>. Two uploads of the same period then
/// never interleave their writes; different periods and submitters run in parallel. The lease lasts 60 seconds and is
/// renewed every 20 while held, so a crashed holder frees the period within a minute.
/// </summary>
internal sealed class PeriodLock : IAsyncDisposable
{
    private static readonly TimeSpan _leaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan _renewEvery = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan _maxWait = TimeSpan.FromMinutes(3);
    private readonly IBlobStore _blobs;
    private readonly BlobLease _lease;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;

    private PeriodLock(IBlobStore blobs, BlobLease lease)
    {
        _blobs = blobs;
        _lease = lease;
        _renewal = RenewAsync(_stop.Token);
    }

    /// <summary>Waits for the period's lease, polling with back-off.</summary>
    /// <exception cref="TimeoutException">Another holder kept the period for minutes; the queue retries the message later.</exception>
    public static async Task<PeriodLock> AcquireAsync(IBlobStore blobs, string submitter, YearMonth period, CancellationToken cancellationToken)
    {
        var name = $"{submitter}/{period}";
        try
        {
            await blobs.PutAsync(StorageSetup.LocksContainer, name, ReadOnlyMemory<byte>.Empty, new BlobPutOptions { Condition = BlobCondition.IfNotExists }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (StorageConditionFailedException)
        {
            // The lock blob exists already, which is the normal case.
        }

        var delay = TimeSpan.FromMilliseconds(50);
        // Real time, not the pipeline's clock: this waits for another process.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await blobs.TryAcquireLeaseAsync(StorageSetup.LocksContainer, name, _leaseDuration, cancellationToken).ConfigureAwait(false) is { } lease)
            {
                return new PeriodLock(blobs, lease);
            }

            if (waited.Elapsed >= _maxWait)
            {
                throw new TimeoutException($"The period {name} stayed locked by another invocation for {_maxWait.TotalMinutes} minutes.");
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 1000));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewal.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        // A lease that cannot be released expires on its own within a minute.
        await ((Task)_blobs.ReleaseLeaseAsync(_lease, CancellationToken.None)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RenewAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(_renewEvery, stop).ConfigureAwait(false);
            await _blobs.RenewLeaseAsync(_lease, stop).ConfigureAwait(false);
        }
    }
}
