using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IntakePipeline.Pipeline.Telemetry;

/// <summary>
/// The pipeline's OpenTelemetry sources: one <see cref="ActivitySource"/> for traces and one <see cref="Meter"/> for
/// metrics, both named <see cref="Name"/>. Every span carries the <see cref="CorrelationIdTag"/>, as every log line does.
/// </summary>
public static class IntakeTelemetry
{
    /// <summary>The name of the activity source and the meter, to subscribe to.</summary>
    public const string Name = "IntakePipeline";

    /// <summary>The span tag and log scope key of the correlation id.</summary>
    public const string CorrelationIdTag = "intake.correlation_id";

    /// <summary>The traces.</summary>
    public static ActivitySource Source { get; } = new(Name);

    private static readonly Meter _meter = new(Name);

    /// <summary>Files processed, tagged <c>intake.outcome</c> (Accepted, Rejected, NotASubmission, …).</summary>
    public static Counter<long> FilesProcessed { get; } = _meter.CreateCounter<long>("intake.files.processed", "{file}", "Blob versions processed, by outcome.");

    /// <summary>Files rejected, tagged <c>intake.submitter</c>.</summary>
    public static Counter<long> FilesRejected { get; } = _meter.CreateCounter<long>("intake.files.rejected", "{file}", "Submissions rejected.");

    /// <summary>How long one blob version took, from event to receipt.</summary>
    public static Histogram<double> ProcessingTime { get; } = _meter.CreateHistogram<double>("intake.processing.duration", "ms", "Processing time per blob version.");

    /// <summary>Alerts opened, tagged <c>intake.alert_kind</c>.</summary>
    public static Counter<long> AlertsOpened { get; } = _meter.CreateCounter<long>("intake.alerts.opened", "{alert}", "Alerts opened.");

    /// <summary>Mails accepted by the SMTP server or written to the pickup folder.</summary>
    public static Counter<long> MailsSent { get; } = _meter.CreateCounter<long>("intake.mails.sent", "{mail}", "Mails sent.");

    /// <summary>Blob versions given up on.</summary>
    public static Counter<long> FilesPoisoned { get; } = _meter.CreateCounter<long>("intake.files.poisoned", "{file}", "Blob versions given up on.");
}
