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

    [LoggerMessage(5020, LogLevel.Information, "Watching {ContainerCount} intake containers: {BlobCount} blobs present, {PendingCount} to process. Hot folders are polled every {PollMs} ms, everything every {FullScanSeconds} s.")]
    public static partial void WatcherSeeded(ILogger logger, int containerCount, int blobCount, int pendingCount, double pollMs, double fullScanSeconds);

    [LoggerMessage(5021, LogLevel.Debug, "Full scan: {BlobCount} blobs listed in {ElapsedMs} ms.")]
    public static partial void FullScanDone(ILogger logger, int blobCount, long elapsedMs);

    [LoggerMessage(5022, LogLevel.Warning, "Scanning for blobs failed; trying again at the next poll.")]
    public static partial void ScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(5023, LogLevel.Information, "Hint for {Container}/{BlobName}: picked up at once.")]
    public static partial void HintReceived(ILogger logger, string container, string blobName);

    [LoggerMessage(5024, LogLevel.Information, "Watcher stopping: no new work is taken; {InFlight} blob versions are finishing.")]
    public static partial void WatcherStopping(ILogger logger, int inFlight);

    [LoggerMessage(5030, LogLevel.Information, "Received {Container}/{BlobName} (ETag {ETag}).")]
    public static partial void BlobReceived(ILogger logger, string container, string blobName, string etag);

    [LoggerMessage(5031, LogLevel.Information, "[{CorrelationId}] {Container}/{BlobName}: {Outcome}, {RowCount} rows, {ErrorCount} errors, {WarningCount} warnings, submission {SubmissionId}, {ElapsedMs} ms.")]
    public static partial void BlobProcessed(ILogger logger, string correlationId, string container, string blobName, string outcome, int rowCount, int errorCount, int warningCount, string submissionId, long elapsedMs);

    [LoggerMessage(5032, LogLevel.Warning, "{Container}/{BlobName} (ETag {ETag}) failed attempt {Attempt} of {MaxAttempts}; retrying in {DelayMs} ms.")]
    public static partial void AttemptFailed(ILogger logger, Exception exception, string container, string blobName, string etag, int attempt, int maxAttempts, double delayMs);

    [LoggerMessage(5033, LogLevel.Error, "{Container}/{BlobName} (ETag {ETag}) is poisoned after {Attempts} failed attempts and will not be retried. Last error: {LastError}")]
    public static partial void BlobPoisoned(ILogger logger, Exception exception, string container, string blobName, string etag, int attempts, string lastError);

    [LoggerMessage(5034, LogLevel.Warning, "{Container}/{BlobName} (ETag {ETag}): its outcome could not be recorded; it will be processed again at a later scan.")]
    public static partial void RecordFailed(ILogger logger, Exception exception, string container, string blobName, string etag);

    [LoggerMessage(5035, LogLevel.Information, "{Container}/{BlobName} (ETag {ETag}) was interrupted by shutdown; it has no receipt and is processed again at the next start.")]
    public static partial void BlobAbandoned(ILogger logger, string container, string blobName, string etag);

    [LoggerMessage(5036, LogLevel.Warning, "Could not save the attempt count of {Container}/{BlobName} (ETag {ETag}).")]
    public static partial void AttemptNotSaved(ILogger logger, Exception exception, string container, string blobName, string etag);

    [LoggerMessage(5040, LogLevel.Information, "CheckDeadlines: {Opened} missing-submission alerts opened, {Queued} messages queued.")]
    public static partial void DeadlinesChecked(ILogger logger, int opened, int queued);

    [LoggerMessage(5041, LogLevel.Error, "{Function} failed; the next run tries again.")]
    public static partial void TimerFunctionFailed(ILogger logger, Exception exception, string function);
}
