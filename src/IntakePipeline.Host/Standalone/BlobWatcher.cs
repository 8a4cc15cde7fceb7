using System.Collections.Concurrent;
using System.Diagnostics;
using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Events;
using IntakePipeline.Pipeline.Receipts;
using IntakePipeline.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// Stands in for Event Grid locally: notices blob versions in the <c>intake-*</c> containers that arrived without an
/// event (uploads with Storage Explorer, AzCopy or any SDK) and queues their BlobCreated events. Uploads by
/// <c>intake upload</c> queue their own event and carry <see cref="BlobEventQueue.EventQueuedMetadata"/>, so the watcher
/// leaves them alone. It never processes anything itself: the events queue's listener does.
/// </summary>
/// <remarks>
/// At start the local events queue is rebuilt from storage, the source of truth: it is cleared, and every version without
/// a receipt of being processed or poisoned is queued in listing order (period folders sort by month), whether or not an
/// event came with it. So a restart after a crash takes up the files in the order a clean run would, and nothing that
/// was queued is lost. It then keeps an in-memory map of name → ETag per container. Every <see cref="WatcherOptions.PollInterval"/> it
/// lists only the hot period folders (the current month, <see cref="WatcherOptions.HotMonths"/> before it, and folders
/// that changed recently); every <see cref="WatcherOptions.FullScanInterval"/> it lists everything once. Where it can
/// watch the local Azurite's data folder (<see cref="AzuriteChangeWatch"/>), an idle store is not listed at all: a hot
/// scan runs only after blob data was written since the scan before the last one, so each write is followed by a scan
/// at once and by one more a poll interval later, when whatever was being written is surely committed.
/// </remarks>
internal sealed class BlobWatcher(
    IBlobStore blobs,
    BlobReceiptStore receipts,
    BlobEventQueue events,
    IQueueStore queues,
    AzuriteChangeWatch changes,
    IOptions<WatcherOptions> options,
    IOptions<DeadlinesOptions> deadlines,
    TimeProvider time,
    ILogger<BlobWatcher> logger) : BackgroundService
{
    private readonly WatcherOptions _options = options.Value;
    private readonly TimeZoneInfo _zone = deadlines.Value.FindTimeZone();
    private readonly ConcurrentDictionary<(string Container, string Name), string> _known = new();
    private readonly ConcurrentDictionary<(string Container, string Folder), DateTimeOffset> _hotUntil = new();
    private readonly TaskCompletionSource _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<string> _containers = [];
    private long _changesAtLastScan = -1;
    private long _changesAtScanBefore = -1;
    private DateTimeOffset _lastScanStarted;

    /// <summary>Completes once the initial listing is done and the regular polling begins.</summary>
    public Task Seeded => _seeded.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seeded = false;
        var nextFullScan = DateTimeOffset.MinValue;
        try
        {
            do
            {
                _changesAtScanBefore = _changesAtLastScan;
                _changesAtLastScan = changes.Blobs.Version;
                _lastScanStarted = time.GetUtcNow();
                try
                {
                    if (!seeded)
                    {
                        await SeedAsync(stoppingToken).ConfigureAwait(false);
                        seeded = true;
                        nextFullScan = time.GetUtcNow() + _options.FullScanInterval;
                        _seeded.TrySetResult();
                    }
                    else if (time.GetUtcNow() >= nextFullScan)
                    {
                        await FullScanAsync(stoppingToken).ConfigureAwait(false);
                        nextFullScan = time.GetUtcNow() + _options.FullScanInterval;
                    }
                    else
                    {
                        await HotScanAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    StandaloneLog.ScanFailed(logger, e);
                }
            }
            while (await NextScanAsync(nextFullScan, stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    /// <summary>
    /// Waits until a poll interval after the last scan started and, where the data folder is watched and nothing was
    /// written since the scan before the last one, for the next write or the full scan.
    /// </summary>
    private async Task<bool> NextScanAsync(DateTimeOffset nextFullScan, CancellationToken cancellationToken)
    {
        var rest = _lastScanStarted + _options.PollInterval - time.GetUtcNow();
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, time, cancellationToken).ConfigureAwait(false);
        }

        var version = changes.Blobs.Version;
        var untilFullScan = nextFullScan - time.GetUtcNow();
        if (changes.IsWatching && version == _changesAtLastScan && version == _changesAtScanBefore && untilFullScan > TimeSpan.Zero)
        {
            await changes.Blobs.WaitAsync(version, untilFullScan, time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await queues.ClearAsync(events.Events, cancellationToken).ConfigureAwait(false);
        _containers = await ListContainersAsync(cancellationToken).ConfigureAwait(false);
        var blobCount = 0;
        var queued = 0;
        foreach (var container in _containers)
        {
            var done = new HashSet<(string, string)>();
            await foreach (var version in receipts.ListAsync(container, cancellationToken).ConfigureAwait(false))
            {
                done.Add(version);
            }

            await foreach (var blob in blobs.ListAsync(container, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                blobCount++;
                _known[(container, blob.Name)] = blob.ETag;
                if (!done.Contains((blob.Name, blob.ETag)))
                {
                    await QueueAsync(blob, cancellationToken).ConfigureAwait(false);
                    queued++;
                }
            }
        }

        StandaloneLog.WatcherSeeded(logger, _containers.Count, blobCount, queued, _options.PollInterval.TotalMilliseconds, _options.FullScanInterval.TotalSeconds);
    }

    private async Task FullScanAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        _containers = await ListContainersAsync(cancellationToken).ConfigureAwait(false);
        var counts = await Task.WhenAll(_containers.Select(c => ListIntoMapAsync(c, [null], cancellationToken))).ConfigureAwait(false);
        StandaloneLog.FullScanDone(logger, counts.Sum(), watch.ElapsedMilliseconds);
    }

    private async Task HotScanAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = YearMonth.Of(now, _zone);
        var months = new List<string>(_options.HotMonths + 1);
        for (var i = 0; i <= _options.HotMonths; i++)
        {
            months.Add(current.AddMonths(-i) + "/");
        }

        foreach (var (key, until) in _hotUntil)
        {
            if (until < now)
            {
                _hotUntil.TryRemove(new KeyValuePair<(string, string), DateTimeOffset>(key, until));
            }
        }

        await Task.WhenAll(_containers.Select(container =>
        {
            var folders = new List<string>(months);
            foreach (var (key, _) in _hotUntil)
            {
                if (key.Container == container && !folders.Contains(key.Folder))
                {
                    folders.Add(key.Folder);
                }
            }

            return ListIntoMapAsync(container, Collapse(folders), cancellationToken);
        })).ConfigureAwait(false);
    }

    private async Task<int> ListIntoMapAsync(string container, IReadOnlyList<string?> prefixes, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var prefix in prefixes)
        {
            await foreach (var blob in blobs.ListAsync(container, prefix, cancellationToken).ConfigureAwait(false))
            {
                count++;
                await ObserveAsync(blob, cancellationToken).ConfigureAwait(false);
            }
        }

        return count;
    }

    private async Task<IReadOnlyList<string>> ListContainersAsync(CancellationToken cancellationToken)
    {
        var containers = new List<string>();
        await foreach (var container in blobs.ListContainersAsync(SubmissionBlobName.IntakeContainerPrefix, cancellationToken).ConfigureAwait(false))
        {
            containers.Add(container.Name);
        }

        return containers;
    }

    /// <summary>Queues the event of a version unless it is the one already known for that name or came with its own event.</summary>
    private async Task ObserveAsync(BlobInfo blob, CancellationToken cancellationToken)
    {
        var key = (blob.Container, blob.Name);
        if (_known.TryGetValue(key, out var known) && known == blob.ETag)
        {
            return;
        }

        if (FolderOf(blob.Name) is { } folder)
        {
            _hotUntil[(blob.Container, folder)] = time.GetUtcNow() + _options.RecentChangeWindow;
        }

        if (!BlobEventQueue.HasQueuedEvent(blob))
        {
            // Remembered only once queued: a failed send is tried again at the next scan.
            await QueueAsync(blob, cancellationToken).ConfigureAwait(false);
        }

        _known[key] = blob.ETag;
    }

    private async Task QueueAsync(BlobInfo blob, CancellationToken cancellationToken)
    {
        await events.EnqueueAsync(new BlobVersion(blob.Container, blob.Name, blob.ETag), blob.ContentLength, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        StandaloneLog.EventQueued(logger, blob.Container, blob.Name, blob.ETag);
    }

    /// <summary>
    /// One listing for folders of the same year (<c>2026-10/</c> and <c>2026-11/</c> share <c>2026-1</c>), since each
    /// listing is a request and a year holds few files; folders of different years are listed one by one.
    /// </summary>
    internal static IReadOnlyList<string?> Collapse(IReadOnlyList<string> folders)
    {
        var common = folders[0];
        foreach (var folder in folders)
        {
            var length = 0;
            while (length < common.Length && length < folder.Length && common[length] == folder[length])
            {
                length++;
            }

            common = common[..length];
        }

        return common.Length >= "yyyy-".Length || folders.Count == 1 ? [common] : [.. folders];
    }

    private static string? FolderOf(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && YearMonth.TryParse(name[..slash], out _) ? name[..(slash + 1)] : null;
    }
}
