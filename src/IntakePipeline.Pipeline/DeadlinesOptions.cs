using IntakePipeline.Core;

namespace IntakePipeline.Pipeline;

/// <summary>
/// The monthly submission deadline, bound to the configuration section <c>Deadlines</c>: by default a period's file is
/// due on the 10th of the following month at 23:59:59 Asia/Shanghai (docs/alerts.md, Deadlines and missing files).
/// </summary>
public sealed class DeadlinesOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Deadlines";

    /// <summary>The default day of the following month.</summary>
    public const int DefaultDayOfMonth = 10;

    /// <summary>The default time zone (IANA id).</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>The default local time of day: 23:59:59.</summary>
    public static readonly TimeSpan DefaultTimeOfDay = new(23, 59, 59);

    /// <summary>The day of the month after the period, 1–28. Default <see cref="DefaultDayOfMonth"/>.</summary>
    public int DayOfMonth { get; set; } = DefaultDayOfMonth;

    /// <summary>The local time of day on that day, under 24 hours. Default <see cref="DefaultTimeOfDay"/>.</summary>
    public TimeSpan TimeOfDay { get; set; } = DefaultTimeOfDay;

    /// <summary>The time zone (IANA or Windows id) the day and time are in. Default <see cref="DefaultTimeZone"/>.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>
    /// The first period the missing-submission check looks at, as <c>yyyy-MM</c>; null or empty (the default) for the
    /// month the installation first ran the check, which <c>DeadlineChecker</c> records once in <c>Installation</c>
    /// (PartitionKey <c>installation</c>, RowKey <c>first-period</c>). No period before it is ever reported missing.
    /// </summary>
    public string? FirstPeriod { get; set; }

    /// <summary>Whether <see cref="FirstPeriod"/> is empty or a <c>yyyy-MM</c> month.</summary>
    /// <returns><see langword="true"/> when it is usable.</returns>
    public bool IsFirstPeriodValid() => string.IsNullOrWhiteSpace(FirstPeriod) || YearMonth.TryParse(FirstPeriod, out _);

    /// <summary>Whether the values are usable: a day of 1–28, a time under a day and a known time zone.</summary>
    /// <returns><see langword="true"/> when valid.</returns>
    public bool IsValid() =>
        DayOfMonth is >= 1 and <= 28
        && TimeOfDay >= TimeSpan.Zero && TimeOfDay < TimeSpan.FromDays(1)
        && TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _);

    /// <summary>The time zone of <see cref="TimeZone"/>.</summary>
    /// <returns>The zone.</returns>
    /// <exception cref="TimeZoneNotFoundException">The id is unknown on this machine.</exception>
    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>
    /// The month being collected at <paramref name="now"/>: the earliest period whose deadline is still ahead. On
    /// 5 December with the default deadline that is November, due 10 December.
    /// </summary>
    /// <param name="now">The instant.</param>
    /// <returns>The period.</returns>
    public YearMonth CollectingPeriod(DateTimeOffset now)
    {
        var period = YearMonth.Of(now, FindTimeZone());
        while (DeadlineFor(period.AddMonths(-1)) >= now)
        {
            period = period.AddMonths(-1);
        }

        return period;
    }

    /// <summary>
    /// The instant a period's file is due: <see cref="DayOfMonth"/> of the month after <paramref name="period"/>, at
    /// <see cref="TimeOfDay"/> in <see cref="TimeZone"/>. A file received after it is late.
    /// </summary>
    /// <param name="period">The reporting month.</param>
    /// <returns>The deadline, with the zone's offset at that moment.</returns>
    public DateTimeOffset DeadlineFor(YearMonth period)
    {
        var next = period.AddMonths(1);
        var local = new DateTime(next.Year, next.Month, DayOfMonth, 0, 0, 0, DateTimeKind.Unspecified) + TimeOfDay;
        var zone = FindTimeZone();
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
