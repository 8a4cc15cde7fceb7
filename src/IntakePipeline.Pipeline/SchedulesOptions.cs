namespace IntakePipeline.Pipeline;

/// <summary>
/// When the timer functions wake, as six-field NCRONTAB expressions in UTC, bound to the configuration section
/// <c>Schedules</c> (<c>Schedules__CheckDeadlines</c>, <c>Schedules__SendAlerts</c>). The Functions app resolves them as
/// <c>%Schedules:CheckDeadlines%</c>; the standalone host reads the same values. A timer only wakes its use case: the
/// deadline itself is judged in <see cref="DeadlinesOptions.TimeZone"/>.
/// </summary>
public sealed class SchedulesOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Schedules";

    /// <summary>The default of <see cref="CheckDeadlines"/>: daily at 16:05 UTC, which is 00:05 Beijing time.</summary>
    public const string DefaultCheckDeadlines = "0 5 16 * * *";

    /// <summary>The default of <see cref="SendAlerts"/>: every minute.</summary>
    public const string DefaultSendAlerts = "0 */1 * * * *";

    /// <summary>When CheckDeadlines runs. Default <see cref="DefaultCheckDeadlines"/>.</summary>
    public string CheckDeadlines { get; set; } = DefaultCheckDeadlines;

    /// <summary>When SendAlerts runs. Default <see cref="DefaultSendAlerts"/>.</summary>
    public string SendAlerts { get; set; } = DefaultSendAlerts;
}
