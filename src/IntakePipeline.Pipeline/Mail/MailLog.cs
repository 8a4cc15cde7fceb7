using Microsoft.Extensions.Logging;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>The outbox's and sender's log messages, source-generated, with stable event ids (3100–3199).</summary>
internal static partial class MailLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "[{CorrelationId}] Queued {Kind} for {Recipient} as {RowKey}")]
    public static partial void Queued(this ILogger logger, string correlationId, string kind, string recipient, string rowKey);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "[{CorrelationId}] Already queued for {Recipient}: {RowKey}")]
    public static partial void AlreadyQueued(this ILogger logger, string correlationId, string recipient, string rowKey);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "[{CorrelationId}] No recipients configured for {What} of {Scope}; set Recipients:{Scope} or Recipients:Province")]
    public static partial void NoRecipients(this ILogger logger, string correlationId, string what, string scope);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "Digest {DigestDate} for {Recipient}: {ItemCount} items, composed now: {Composed}")]
    public static partial void DigestComposed(this ILogger logger, string digestDate, string recipient, int itemCount, bool composed);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Information, Message = "[{CorrelationId}] Sent {RowKey} to {Recipient} as {MessageId}")]
    public static partial void Sent(this ILogger logger, string correlationId, string rowKey, string recipient, string messageId);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning, Message = "[{CorrelationId}] Send retry {Attempt} in {DelayMs} ms: {Error}")]
    public static partial void SendRetry(this ILogger logger, string correlationId, int attempt, long delayMs, string error);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Warning, Message = "[{CorrelationId}] Not sent {RowKey} to {Recipient} ({FailureKind}, attempt {Attempts}); stays pending: {Error}")]
    public static partial void SendDeferred(this ILogger logger, string correlationId, string rowKey, string recipient, string failureKind, int attempts, string error);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Error, Message = "[{CorrelationId}] Gave up {RowKey} to {Recipient} ({FailureKind}, attempt {Attempts}): {Error}")]
    public static partial void SendFailed(this ILogger logger, string correlationId, string rowKey, string recipient, string failureKind, int attempts, string error);

    [LoggerMessage(EventId = 3208, Level = LogLevel.Warning, Message = "SMTP server unreachable; {SkippedCount} more messages left pending for the next run: {Error}")]
    public static partial void SmtpUnreachable(this ILogger logger, int skippedCount, string error);

    [LoggerMessage(EventId = 3209, Level = LogLevel.Information, Message = "SendAlerts: {Sent} sent, {Failed} failed, {Pending} pending, {DigestsComposed} digests composed in {ElapsedMs} ms")]
    public static partial void RunCompleted(this ILogger logger, int sent, int failed, int pending, int digestsComposed, long elapsedMs);
}
