namespace IntakePipeline.Pipeline.Mail;

/// <summary>When digests fall due: once a day at <see cref="MailOptions.DigestHour"/>, local time.</summary>
internal static class DigestSchedule
{
    /// <summary>The date of the first digest due at or after <paramref name="now"/>: today before the hour, else tomorrow.</summary>
    public static DateOnly DateFor(DateTimeOffset now, int hour, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        return local.Hour < hour ? today : today.AddDays(1);
    }

    /// <summary>The instant the digest of <paramref name="date"/> falls due.</summary>
    public static DateTimeOffset DueAt(DateOnly date, int hour, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
