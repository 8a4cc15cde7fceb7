using Microsoft.Extensions.Logging;

namespace IntakePipeline.Host.Functions;

/// <summary>The handler mode's log messages (event ids 4000–4099).</summary>
internal static partial class FunctionsLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Custom handler listening on {Url} for the Azure Functions host")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "{Function}: event {EventId} for {Container}/{BlobName} (ETag {ETag})")]
    public static partial void EventReceived(ILogger logger, string function, string? eventId, string container, string blobName, string eTag);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "{Function}: event {EventId} of type {EventType} ignored")]
    public static partial void EventIgnored(ILogger logger, string function, string? eventId, string eventType);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "{Function}: {Container}/{BlobName} {Outcome} (submission {SubmissionId}, {ErrorCount} errors, {WarningCount} warnings, correlation {CorrelationId})")]
    public static partial void SubmissionProcessed(ILogger logger, string function, string container, string blobName, string outcome, string? submissionId, int errorCount, int warningCount, string correlationId);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "{Function}: timer run (past due: {IsPastDue})")]
    public static partial void TimerRun(ILogger logger, string function, bool isPastDue);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Warning, Message = "POST {Path}: malformed invocation payload, answered 400: {Reason}")]
    public static partial void PayloadRejected(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Error, Message = "POST {Path} failed, answered 500 so that the host retries")]
    public static partial void InvocationFailed(ILogger logger, Exception exception, string path);
}
