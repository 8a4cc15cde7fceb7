using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Pipeline;
using IntakePipeline.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// Plays the blob trigger: finds new and changed blobs in the <c>intake-*</c> containers and processes each version
/// (container, name, ETag) once, in parallel, with retries, receipts and poisoning. See the README section
/// "How the standalone host finds uploads" for the design and its costs.
/// </summary>
/// <remarks>
/// It keeps an in-memory map of name → ETag per container, seeded at start from one full listing and the receipts.
/// Every <see cref="WatcherOptions.PollInterval"/> it lists only the hot period folders (the current month and
/// <see cref="WatcherOptions.HotMonths"/> before it, and folders that changed recently) and reads the upload hints;
/// every <see cref="WatcherOptions.FullScanInterval"/> it lists everything once, to catch uploads into old folders.
/// A version is forgotten (and so found again by a later scan) whenever its outcome could not be recorded.
/// </remarks>
internal sealed class BlobWatcher(
    IBlobStore blobs,
    BlobReceiptStore receipts,
    IBlobProcessor processor,
    IOptions<WatcherOptions> options,
    TimeProvider time,
    ILogger<BlobWatcher> logger) : BackgroundService
{
    private readonly WatcherOptions _options = options.Value;
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    private readonly ConcurrentDictionary<(string Container, string Name), string> _known = new();
    private readonly ConcurrentDictionary<(string Container, string Folder), DateTimeOffset> _hotUntil = new();
    private readonly Channel<BlobVersion> _queue = Channel.CreateUnbounded<BlobVersion>(new UnboundedChannelOptions { SingleReader = false });
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<string> _containers = [];
    private int _inFlight;

    /// <summary>Completes once the initial listing and receipts are read and the regular polling begins.</summary>
    public Task Seeded => _seeded.Task;

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        StandaloneLog.WatcherStopping(logger, Volatile.Read(ref _inFlight));

        // In-flight work may finish until the host's shutdown timeout; then it is cancelled, and redone at the next start.
        await using var abortOnTimeout = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await SeedUntilDoneAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        var workers = new Task[_options.MaxParallelism];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None);
        }

        _seeded.TrySetResult();
        await ScanLoopAsync(stoppingToken).ConfigureAwait(false);
        _queue.Writer.TryComplete();
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private async Task<bool> SeedUntilDoneAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SeedAsync(stoppingToken).ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                StandaloneLog.ScanFailed(logger, e);
                await DelayAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }

        return false;
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        _containers = await ListContainersAsync(cancellationToken).ConfigureAwait(false);
        var blobCount = 0;
        var pending = 0;
        foreach (var container in _containers)
        {
            var done = new HashSet<(string, string)>();
            await foreach (var version in receipts.ListFinalAsync(container, cancellationToken).ConfigureAwait(false))
            {
                done.Add(version);
            }

            await foreach (var blob in blobs.ListAsync(container, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                blobCount++;
                if (done.Contains((blob.Name, blob.ETag)))
                {
                    _known[(container, blob.Name)] = blob.ETag;
                }
                else if (Observe(blob))
                {
                    pending++;
                }
            }
        }

        StandaloneLog.WatcherSeeded(logger, _containers.Count, blobCount, pending, _options.PollInterval.TotalMilliseconds, _options.FullScanInterval.TotalSeconds);
    }

    private async Task ScanLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, time);
        var nextFullScan = time.GetUtcNow() + _options.FullScanInterval;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await ReadHintsAsync(stoppingToken).ConfigureAwait(false);
                    if (time.GetUtcNow() >= nextFullScan)
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
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: stop taking new work.
        }
    }

    private async Task ReadHintsAsync(CancellationToken cancellationToken)
    {
        foreach (var hint in await receipts.ListHintsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (hint.GetString("Container") is { } container && hint.GetString("Name") is { } name)
            {
                StandaloneLog.HintReceived(logger, container, name);
                if (await blobs.GetPropertiesAsync(container, name, cancellationToken).ConfigureAwait(false) is { } blob)
                {
                    Observe(blob);
                }
            }

            await receipts.DeleteHintAsync(hint, cancellationToken).ConfigureAwait(false);
        }
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
            var prefixes = new List<string?>(months);
            foreach (var (key, _) in _hotUntil)
            {
                if (key.Container == container && !prefixes.Contains(key.Folder))
                {
                    prefixes.Add(key.Folder);
                }
            }

            return ListIntoMapAsync(container, prefixes, cancellationToken);
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
                Observe(blob);
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

    /// <summary>Queues a version unless it is the one already known for that name; true when queued.</summary>
    private bool Observe(BlobInfo blob)
    {
        var key = (blob.Container, blob.Name);
        var isNew = true;
        _known.AddOrUpdate(key, blob.ETag, (_, known) =>
        {
            isNew = known != blob.ETag;
            return blob.ETag;
        });
        if (!isNew)
        {
            return false;
        }

        if (FolderOf(blob.Name) is { } folder)
        {
            _hotUntil[(blob.Container, folder)] = time.GetUtcNow() + _options.RecentChangeWindow;
        }

        return _queue.Writer.TryWrite(new BlobVersion(blob.Container, blob.Name, blob.ETag));
    }

    private void Forget(BlobVersion blob) =>
        _known.TryRemove(new KeyValuePair<(string, string), string>((blob.Container, blob.Name), blob.ETag));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        while (true)
        {
            try
            {
                if (!await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (reader.TryRead(out var blob))
            {
                Interlocked.Increment(ref _inFlight);
                try
                {
                    await ProcessAsync(blob, _abort.Token).ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            }
        }
    }

    private async Task ProcessAsync(BlobVersion blob, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        BlobReceipt? receipt = null;
        if (!await TryReceiptAsync(blob, async ct => receipt = await receipts.GetAsync(blob, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (receipt is { IsFinal: true })
        {
            return;
        }

        StandaloneLog.BlobReceived(logger, blob.Container, blob.Name, blob.ETag);
        var attempts = receipt?.Attempts ?? 0;
        var firstFailedAt = receipt?.FirstFailedAt;
        if (attempts >= _options.MaxAttempts)
        {
            // It failed its last attempt, but the process stopped before the poison was recorded.
            var exhausted = new InvalidOperationException($"The version already failed {attempts} times before this start.");
            await PoisonAsync(blob, attempts, firstFailedAt ?? time.GetUtcNow(), exhausted, cancellationToken).ConfigureAwait(false);
            return;
        }

        BlobProcessingResult result;
        try
        {
            var retry = BuildRetry(blob, attempts, (failed, at, error) =>
            {
                attempts = failed;
                firstFailedAt ??= at;
                return receipts.RecordFailureAsync(blob, attempts, firstFailedAt.Value, error, cancellationToken);
            });
            result = await retry.ExecuteAsync(
                static async (state, token) => await state.processor.ProcessAsync(state.blob, token).ConfigureAwait(false),
                (processor, blob),
                cancellationToken).ConfigureAwait(false);
            attempts++;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            StandaloneLog.BlobAbandoned(logger, blob.Container, blob.Name, blob.ETag);
            return;
        }
        catch (Exception e)
        {
            await PoisonAsync(blob, attempts + 1, firstFailedAt ?? time.GetUtcNow(), e, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await TryReceiptAsync(blob, ct => receipts.CompleteAsync(blob, result, attempts, ct), cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        StandaloneLog.BlobProcessed(logger, result.CorrelationId, blob.Container, blob.Name, result.Outcome,
            result.RowCount, result.ErrorCount, result.WarningCount, result.SubmissionId ?? "—", watch.ElapsedMilliseconds);
    }

    private async Task PoisonAsync(BlobVersion blob, int attempts, DateTimeOffset firstFailedAt, Exception error, CancellationToken cancellationToken)
    {
        var lastError = error.GetType().Name + ": " + error.Message;
        if (await TryReceiptAsync(blob, ct => receipts.PoisonAsync(blob, attempts, firstFailedAt, lastError, ct), cancellationToken).ConfigureAwait(false))
        {
            StandaloneLog.BlobPoisoned(logger, error, blob.Container, blob.Name, blob.ETag, attempts, error.Message);
        }
    }

    /// <summary>
    /// Reads or writes the version's receipt. On a storage failure the version is forgotten, so a later listing offers
    /// it again; on shutdown it is abandoned and redone at the next start. Either way it returns false.
    /// </summary>
    private async Task<bool> TryReceiptAsync(BlobVersion blob, Func<CancellationToken, Task> access, CancellationToken cancellationToken)
    {
        try
        {
            await access(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Forget(blob);
            StandaloneLog.RecordFailed(logger, e, blob.Container, blob.Name, blob.ETag);
            return false;
        }
        catch (OperationCanceledException)
        {
            StandaloneLog.BlobAbandoned(logger, blob.Container, blob.Name, blob.ETag);
            return false;
        }
    }

    private ResiliencePipeline<BlobProcessingResult> BuildRetry(BlobVersion blob, int attemptsSoFar, Func<int, DateTimeOffset, string, Task> recordFailure)
    {
        var retries = _options.MaxAttempts - attemptsSoFar - 1;
        if (retries < 1)
        {
            return ResiliencePipeline<BlobProcessingResult>.Empty;
        }

        return new ResiliencePipelineBuilder<BlobProcessingResult> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<BlobProcessingResult>
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = _options.RetryDelay,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<BlobProcessingResult>().Handle<Exception>(e => e is not OperationCanceledException),
                OnRetry = async args =>
                {
                    var failed = attemptsSoFar + args.AttemptNumber + 1;
                    var error = args.Outcome.Exception!;
                    StandaloneLog.AttemptFailed(logger, error, blob.Container, blob.Name, blob.ETag, failed, _options.MaxAttempts, args.RetryDelay.TotalMilliseconds);
                    try
                    {
                        await recordFailure(failed, time.GetUtcNow(), error.GetType().Name + ": " + error.Message).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The count is still kept in memory; only a crash before the next save could lose it.
                        StandaloneLog.AttemptNotSaved(logger, e, blob.Container, blob.Name, blob.ETag);
                    }
                },
            })
            .Build();
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutdown while waiting.
        }
    }

    private static string? FolderOf(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && YearMonth.TryParse(name[..slash], out _) ? name[..(slash + 1)] : null;
    }
}
