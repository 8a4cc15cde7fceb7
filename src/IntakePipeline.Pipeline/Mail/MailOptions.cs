namespace IntakePipeline.Pipeline.Mail;

/// <summary>
/// Digest, receipt and retry settings of the outbox, bound to the configuration section <c>Mail</c> (docs/alerts.md).
/// </summary>
public sealed class MailOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mail";

    /// <summary>The default local hour of the daily digest.</summary>
    public const int DefaultDigestHour = 8;

    /// <summary>The default time zone of <see cref="DigestHour"/> (IANA id).</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>The default number of failed deliveries after which a message is given up.</summary>
    public const int DefaultMaxAttempts = 5;

    /// <summary>The default first delay of the in-run SMTP retries (doubled on each retry).</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether provincial staff get alerts as one daily digest (the default) instead of one message per change.
    /// Prefecture recipients and receipts are always sent at once.
    /// </summary>
    public bool Digest { get; set; } = true;

    /// <summary>The local hour (0–23, in <see cref="TimeZone"/>) when the day's digest becomes due. Default <see cref="DefaultDigestHour"/>.</summary>
    public int DigestHour { get; set; } = DefaultDigestHour;

    /// <summary>The time zone (IANA or Windows id) of <see cref="DigestHour"/>. Default <see cref="DefaultTimeZone"/>.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>Whether an acceptance with warnings gets a receipt (a rejection always does). Default <see langword="true"/>.</summary>
    public bool ReceiptOnWarnings { get; set; } = true;

    /// <summary>
    /// After this many failed deliveries of a message on which the server answered (a 4xx reply or a refused
    /// configuration), the message is marked <c>Failed</c>. An unreachable server never fails a message: an outage
    /// delays mail and loses none. Default <see cref="DefaultMaxAttempts"/>.
    /// </summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>The first delay of the in-run retries of one send (two retries, exponential backoff). Default <see cref="DefaultRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = DefaultRetryDelay;

    /// <summary>The time zone of <see cref="TimeZone"/>.</summary>
    /// <returns>The zone.</returns>
    /// <exception cref="TimeZoneNotFoundException">The id is unknown on this machine.</exception>
    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The problems with these values, in English for operators; empty when they are usable.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (DigestHour is < 0 or > 23)
        {
            problems.Add($"Mail:DigestHour must be 0–23, not {DigestHour}.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            problems.Add($"Mail:TimeZone '{TimeZone}' is not a known time zone.");
        }

        if (MaxAttempts < 1)
        {
            problems.Add($"Mail:MaxAttempts must be at least 1, not {MaxAttempts}.");
        }

        if (RetryDelay < TimeSpan.Zero)
        {
            problems.Add($"Mail:RetryDelay cannot be negative, not {RetryDelay}.");
        }

        return problems;
    }
}
