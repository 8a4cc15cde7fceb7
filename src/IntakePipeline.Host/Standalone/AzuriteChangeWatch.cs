using IntakePipeline.Pipeline;
using IntakePipeline.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// Wakes the standalone host's pollers the moment the local Azurite writes to its data folder, so that they can poll
/// seldom while idle and still pick up an upload at once: the watcher when blob data or blob metadata is written, the
/// queue listeners when a message is. It watches only when the storage is on this machine and a probe blob written at
/// start shows up in the data folder (<see cref="DevelopmentStorageOptions.Location"/>); otherwise the pollers keep
/// their intervals alone.
/// </summary>
/// <remarks>
/// A wake-up is a hint, never an event: the pollers still list and receive as they always do, and their intervals and
/// the watcher's full scan remain the guarantee. Registered after storage setup and before the pollers, which start
/// once the probe has decided.
/// </remarks>
internal sealed class AzuriteChangeWatch(
    StorageConnection connection,
    IBlobStore blobs,
    IOptions<DevelopmentStorageOptions> options,
    TimeProvider time,
    ILogger<AzuriteChangeWatch> logger) : IHostedService, IDisposable
{
    // Azurite keeps blob and queue contents in extent files under these folders, and blob metadata (a block list
    // committed by PutBlockList writes no extent) in a LokiJS file saved a few seconds after each change.
    private const string BlobExtents = "__blobstorage__";
    private const string QueueExtents = "__queuestorage__";
    private const string BlobMetadata = "__azurite_db_blob__.json";
    private const string ProbeBlob = "azurite-change-probe";
    private static readonly TimeSpan _probeTimeout = TimeSpan.FromSeconds(3);

    private FileSystemWatcher? _watcher;

    /// <summary>Whether the data folder is watched; when it is not, the signals never fire.</summary>
    public bool IsWatching => _watcher is not null;

    /// <summary>Raised when blob contents or blob metadata are written.</summary>
    public ChangeSignal Blobs { get; } = new();

    /// <summary>Raised when a queue message is written.</summary>
    public ChangeSignal Queues { get; } = new();

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = DevelopmentStorageLauncher.DataFolder(options.Value);
        if (!connection.BlobServiceUri.IsLoopback || !Directory.Exists(folder))
        {
            return;
        }

        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, e) => Classify(folder, e.FullPath);
        watcher.Created += (_, e) => Classify(folder, e.FullPath);
        watcher.Renamed += (_, e) => Classify(folder, e.FullPath);
        // A lost notification costs only latency: the pollers' own intervals still apply.
        watcher.Error += (_, e) => StandaloneLog.ChangeWatchFailed(logger, e.GetException());
        watcher.EnableRaisingEvents = true;

        // The folder may belong to another Azurite than the one connected to: trust it only if our own write shows up.
        var before = Blobs.Version;
        await blobs.PutAsync(StorageSetup.LocksContainer, ProbeBlob, "probe"u8.ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (await Blobs.WaitAsync(before, _probeTimeout, time, cancellationToken).ConfigureAwait(false))
        {
            _watcher = watcher;
            StandaloneLog.ChangeWatchStarted(logger, folder);
        }
        else
        {
            watcher.Dispose();
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => _watcher?.Dispose();

    private void Classify(string folder, string path)
    {
        var top = Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar, 2)[0];
        if (top is BlobExtents or BlobMetadata)
        {
            Blobs.Raise();
        }
        else if (top is QueueExtents)
        {
            Queues.Raise();
        }
    }
}
