using System.ComponentModel.DataAnnotations;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// How the standalone host's <see cref="BlobWatcher"/> finds and processes blobs. Bound to the configuration section
/// <see cref="SectionName"/> (environment variables: <c>Watcher__PollInterval=00:00:02</c>); every setting is optional.
/// </summary>
public sealed class WatcherOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Watcher";

    /// <summary>The default of <see cref="PollInterval"/>: 250 ms, for an upload → Scorecard p95 under 1 s (bench/IntakePipeline.EndToEnd).</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The default of <see cref="FullScanInterval"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultFullScanInterval = TimeSpan.FromSeconds(30);

    /// <summary>The default of <see cref="RecentChangeWindow"/>: 10 minutes.</summary>
    public static readonly TimeSpan DefaultRecentChangeWindow = TimeSpan.FromMinutes(10);

    /// <summary>The default of <see cref="RetryDelay"/>: 1 second.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The default of <see cref="HotMonths"/>: 2.</summary>
    public const int DefaultHotMonths = 2;

    /// <summary>The default of <see cref="MaxParallelism"/>: 4.</summary>
    public const int DefaultMaxParallelism = 4;

    /// <summary>The default of <see cref="MaxAttempts"/>: 5, after which a blob version is poisoned.</summary>
    public const int DefaultMaxAttempts = 5;

    /// <summary>The default of <see cref="TimeZone"/>: <c>Asia/Shanghai</c>.</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>
    /// How often the hot period folders and the hints are listed (default <see cref="DefaultPollInterval"/>). This bounds
    /// the delay before a new upload into a hot folder is picked up.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;

    /// <summary>
    /// How often every intake container is listed whole (default <see cref="DefaultFullScanInterval"/>), to catch uploads
    /// into old period folders that came without a hint.
    /// </summary>
    public TimeSpan FullScanInterval { get; set; } = DefaultFullScanInterval;

    /// <summary>
    /// How many months before the current one (in <see cref="TimeZone"/>) are polled every <see cref="PollInterval"/>
    /// (default <see cref="DefaultHotMonths"/>): with 2, the folders of this month and the two before it.
    /// </summary>
    [Range(0, 120)]
    public int HotMonths { get; set; } = DefaultHotMonths;

    /// <summary>
    /// How long a period folder in which a change was seen stays hot (default <see cref="DefaultRecentChangeWindow"/>), so
    /// that a backfill's follow-up uploads into the same old folder are picked up at poll speed.
    /// </summary>
    public TimeSpan RecentChangeWindow { get; set; } = DefaultRecentChangeWindow;

    /// <summary>How many blob versions are processed at once (default <see cref="DefaultMaxParallelism"/>).</summary>
    [Range(1, 64)]
    public int MaxParallelism { get; set; } = DefaultMaxParallelism;

    /// <summary>
    /// How many failed attempts a blob version gets before it is poisoned (default <see cref="DefaultMaxAttempts"/>). The
    /// count is kept in the version's receipt, so a restart does not reset it.
    /// </summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>The first retry's delay, doubled on each further retry (default <see cref="DefaultRetryDelay"/>).</summary>
    public TimeSpan RetryDelay { get; set; } = DefaultRetryDelay;

    /// <summary>The IANA time zone that decides the current month (default <see cref="DefaultTimeZone"/>).</summary>
    [Required]
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>Whether the settings are usable: positive intervals and a known time zone.</summary>
    /// <returns><see langword="true"/> when valid.</returns>
    internal bool IsValid() =>
        PollInterval > TimeSpan.Zero
        && FullScanInterval >= PollInterval
        && RecentChangeWindow >= TimeSpan.Zero
        && RetryDelay > TimeSpan.Zero
        && TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _);
}
