using Microsoft.Extensions.Logging;

namespace IntakePipeline.Pipeline;

/// <summary>The pipeline's log messages, source-generated, with stable event ids (3000–3099).</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "[{CorrelationId}] Received {Container}/{BlobName} version {ETag}")]
    public static partial void Received(this ILogger logger, string correlationId, string container, string blobName, string eTag);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "[{CorrelationId}] Accepted {SubmissionId} for {Submitter} {Period}: {RowCount} rows, {WarningCount} warnings, {EntityCount} entities written in {ElapsedMs} ms")]
    public static partial void Accepted(this ILogger logger, string correlationId, string submissionId, string submitter, string period, int rowCount, int warningCount, int entityCount, long elapsedMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "[{CorrelationId}] Rejected {SubmissionId} for {Submitter} {Period}: {RowCount} rows, {ErrorCount} errors, {WarningCount} warnings, {EntityCount} entities written in {ElapsedMs} ms")]
    public static partial void Rejected(this ILogger logger, string correlationId, string submissionId, string submitter, string period, int rowCount, int errorCount, int warningCount, int entityCount, long elapsedMs);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "[{CorrelationId}] Unchanged: {SubmissionId} has the same content as the accepted {CurrentSubmissionId} for {Submitter} {Period}; nothing written ({ElapsedMs} ms)")]
    public static partial void Unchanged(this ILogger logger, string correlationId, string submissionId, string currentSubmissionId, string submitter, string period, long elapsedMs);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "[{CorrelationId}] {Container}/{BlobName} is not a submission; rejection report written: {ReportWritten} ({ElapsedMs} ms)")]
    public static partial void NotASubmission(this ILogger logger, string correlationId, string container, string blobName, bool reportWritten, long elapsedMs);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "[{CorrelationId}] Stale: {Container}/{BlobName} is now version {CurrentETag}, not {ETag}; skipped")]
    public static partial void Stale(this ILogger logger, string correlationId, string container, string blobName, string eTag, string currentETag);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "[{CorrelationId}] Missing: {Container}/{BlobName} no longer exists; skipped")]
    public static partial void Missing(this ILogger logger, string correlationId, string container, string blobName);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Plan published: {IndicatorCount} indicators, {TargetCount} targets")]
    public static partial void PlanPublished(this ILogger logger, int indicatorCount, int targetCount);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Storage ready: {TableCount} tables and {ContainerCount} containers, {CreatedCount} created now")]
    public static partial void StorageReady(this ILogger logger, int tableCount, int containerCount, int createdCount);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Event {EventId} for {Container}/{BlobName} ignored: {Reason}")]
    public static partial void EventIgnored(this ILogger logger, string eventId, string container, string blobName, string reason);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "[{CorrelationId}] Event {EventId} for {Container}/{BlobName} is a duplicate: the version was processed already ({Outcome})")]
    public static partial void Duplicate(this ILogger logger, string correlationId, string eventId, string container, string blobName, string outcome);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "The failed attempt on {Container}/{BlobName} version {ETag} could not be recorded")]
    public static partial void FailureNotRecorded(this ILogger logger, Exception exception, string container, string blobName, string eTag);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Error, Message = "[{CorrelationId}] Poisoned {Container}/{BlobName} version {ETag} after {Attempts} attempts: {LastError}")]
    public static partial void Poisoned(this ILogger logger, string correlationId, string container, string blobName, string eTag, int attempts, string lastError);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Warning, Message = "Reconciliation: {Container}/{BlobName} version {ETag} had no receipt; its event is queued again")]
    public static partial void Reconciled(this ILogger logger, string container, string blobName, string eTag);

    [LoggerMessage(EventId = 3025, Level = LogLevel.Information, Message = "Reconciliation of {Prefix}* done: {Count} versions queued again")]
    public static partial void ReconcileDone(this ILogger logger, string prefix, int count);

    [LoggerMessage(EventId = 3026, Level = LogLevel.Information, Message = "Poisoned {Container}/{BlobName} version {ETag} queued again")]
    public static partial void PoisonRequeued(this ILogger logger, string container, string blobName, string eTag);

    [LoggerMessage(EventId = 3027, Level = LogLevel.Information, Message = "CheckDeadlines: {Requeued} submitter periods queued again, {Opened} missing-submission alerts opened, {Queued} emails queued")]
    public static partial void DeadlinesRun(this ILogger logger, int requeued, int opened, int queued);
}
