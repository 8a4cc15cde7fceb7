using Microsoft.Extensions.Logging;

namespace IntakePipeline.Pipeline.Alerts;

/// <summary>The alert tracker's and deadline checker's log messages, source-generated, with stable event ids (3100–3119).</summary>
internal static partial class AlertsLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "[{CorrelationId}] Alert {Change}: {Scope} {Indicator} {Kind} {Period} {Status}")]
    public static partial void AlertChanged(this ILogger logger, string correlationId, string change, string scope, string indicator, string kind, string period, string status);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "[{CorrelationId}] Alerts of {Submitter} not tracked for {Period}: a later period has results")]
    public static partial void NotLatest(this ILogger logger, string correlationId, string submitter, string period);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "[{CorrelationId}] Alerts tracked for {Submitter} {Period}: {NoticeCount} changes")]
    public static partial void Tracked(this ILogger logger, string correlationId, string submitter, string period, int noticeCount);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "[{CorrelationId}] Deadlines checked from {FirstPeriod} to {LastPeriod}: {OpenedCount} missing submissions opened")]
    public static partial void DeadlinesChecked(this ILogger logger, string correlationId, string firstPeriod, string lastPeriod, int openedCount);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Information, Message = "[{CorrelationId}] No deadline has passed since the first period {FirstPeriod}")]
    public static partial void NoDeadlinePassed(this ILogger logger, string correlationId, string firstPeriod);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Information, Message = "The installation's first period for missing-submission checks is recorded as {FirstPeriod}")]
    public static partial void FirstPeriodRecorded(this ILogger logger, string firstPeriod);
}
