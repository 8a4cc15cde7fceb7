using Microsoft.Extensions.Logging;

namespace IntakePipeline.Host.Standalone;

/// <summary>The standalone host's log messages, with stable event ids (5000–5099) and the CorrelationId where there is one.</summary>
internal static partial class StandaloneLog
{
    [LoggerMessage(5000, LogLevel.Information, "Azurite is already listening on 127.0.0.1 ports 10000 and 10002; using it.")]
    public static partial void AzuriteAlreadyRunning(ILogger logger);

    [LoggerMessage(5001, LogLevel.Information, "Installing Azurite (npm ci) in {Folder}… this happens once.")]
    public static partial void InstallingAzurite(ILogger logger, string folder);

    [LoggerMessage(5002, LogLevel.Information, "Started Azurite (pid {ProcessId}); its data lives in {Location}.")]
    public static partial void AzuriteStarted(ILogger logger, int processId, string location);

    [LoggerMessage(5003, LogLevel.Information, "Stopping Azurite (pid {ProcessId}).")]
    public static partial void StoppingAzurite(ILogger logger, int processId);

    [LoggerMessage(5004, LogLevel.Warning, "Azurite (pid {ProcessId}) did not stop within {GraceSeconds} s after SIGTERM; killing its process tree.")]
    public static partial void KillingAzurite(ILogger logger, int processId, double graceSeconds);

    [LoggerMessage(5005, LogLevel.Information, "Storage: {Storage}.")]
    public static partial void StorageEndpoint(ILogger logger, string storage);

    [LoggerMessage(5020, LogLevel.Information, "Watching {ContainerCount} intake containers: {BlobCount} blobs present, {PendingCount} events queued for uploads that came without one. Hot folders are polled every {PollMs} ms, everything every {FullScanSeconds} s.")]
    public static partial void WatcherSeeded(ILogger logger, int containerCount, int blobCount, int pendingCount, double pollMs, double fullScanSeconds);

    [LoggerMessage(5021, LogLevel.Debug, "Full scan: {BlobCount} blobs listed in {ElapsedMs} ms.")]
    public static partial void FullScanDone(ILogger logger, int blobCount, long elapsedMs);

    [LoggerMessage(5022, LogLevel.Warning, "Scanning for blobs failed; trying again at the next poll.")]
    public static partial void ScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(5041, LogLevel.Error, "{Function} failed; the next run tries again.")]
    public static partial void TimerFunctionFailed(ILogger logger, Exception exception, string function);

    [LoggerMessage(5050, LogLevel.Information, "No event came with {Container}/{BlobName} (ETag {ETag}); its BlobCreated event is queued.")]
    public static partial void EventQueued(ILogger logger, string container, string blobName, string eTag);

    [LoggerMessage(5051, LogLevel.Warning, "{Function}: polling {Queue} failed; trying again.")]
    public static partial void PollFailed(ILogger logger, Exception exception, string function, string queue);

    [LoggerMessage(5052, LogLevel.Warning, "{Function}: message {MessageId} failed attempt {Attempt} of {MaxAttempts}; it is retried in {DelaySeconds} s.")]
    public static partial void AttemptFailed(ILogger logger, Exception exception, string function, string messageId, long attempt, int maxAttempts, double delaySeconds);

    [LoggerMessage(5053, LogLevel.Error, "{Function}: message {MessageId} failed its last attempt ({Attempts}); it moves to the poison queue.")]
    public static partial void MessagePoisoned(ILogger logger, Exception exception, string function, string messageId, long attempts);

    [LoggerMessage(5054, LogLevel.Information, "{Function}: {Result}")]
    public static partial void TimerRan(ILogger logger, string function, string result);

    [LoggerMessage(5055, LogLevel.Information, "{Function}: {Container}/{BlobName}: {Outcome} [{CorrelationId}]")]
    public static partial void FunctionRan(ILogger logger, string function, string container, string blobName, string outcome, string correlationId);

    [LoggerMessage(5056, LogLevel.Information, "Watching Azurite's data folder {Folder}: uploads and queued events wake the watcher and the queue listeners at once.")]
    public static partial void ChangeWatchStarted(ILogger logger, string folder);

    [LoggerMessage(5057, LogLevel.Warning, "The watch on Azurite's data folder lost notifications; the polling intervals still apply.")]
    public static partial void ChangeWatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(5070, LogLevel.Information, "仪表板 Dashboard: {Address}")]
    public static partial void DashboardListening(ILogger logger, Uri address);

    [LoggerMessage(5071, LogLevel.Warning, "Port {Port} is taken (Dashboard__Port); the dashboard uses a free port instead.")]
    public static partial void DashboardPortTaken(ILogger logger, int port);

    [LoggerMessage(5072, LogLevel.Error, "The dashboard page {Path} failed.")]
    public static partial void DashboardFailed(ILogger logger, Exception exception, string path);
}
