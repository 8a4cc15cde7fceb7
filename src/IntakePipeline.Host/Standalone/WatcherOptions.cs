using System.ComponentModel.DataAnnotations;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// How the standalone host's <see cref="BlobWatcher"/> notices uploads made without an event. Bound to the configuration
/// section <see cref="SectionName"/> (environment variables: <c>Watcher__PollInterval=00:00:02</c>); every setting is
/// optional. Uploads by <c>intake upload</c> queue their own event and do not wait for the watcher.
/// </summary>
public sealed class WatcherOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Watcher";

    /// <summary>The default of <see cref="PollInterval"/>: 1 second, for an upload → Scorecard p95 under 2 s through the watcher.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The default of <see cref="FullScanInterval"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultFullScanInterval = TimeSpan.FromMinutes(5);

    /// <summary>The default of <see cref="RecentChangeWindow"/>: 10 minutes.</summary>
    public static readonly TimeSpan DefaultRecentChangeWindow = TimeSpan.FromMinutes(10);

    /// <summary>The default of <see cref="HotMonths"/>: 1, the month being reported in the first days of the next.</summary>
    public const int DefaultHotMonths = 1;

    /// <summary>How often the hot period folders are listed (default <see cref="DefaultPollInterval"/>).</summary>
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;

    /// <summary>How often every intake container is listed whole (default <see cref="DefaultFullScanInterval"/>), to catch uploads into old folders.</summary>
    public TimeSpan FullScanInterval { get; set; } = DefaultFullScanInterval;

    /// <summary>
    /// How many months before the current one (in the deadline's time zone) are polled every <see cref="PollInterval"/>
    /// (default <see cref="DefaultHotMonths"/>): with 1, the folders of this month and the one before it.
    /// </summary>
    [Range(0, 120)]
    public int HotMonths { get; set; } = DefaultHotMonths;

    /// <summary>How long a folder in which a change was seen stays hot (default <see cref="DefaultRecentChangeWindow"/>).</summary>
    public TimeSpan RecentChangeWindow { get; set; } = DefaultRecentChangeWindow;

    /// <summary>Whether the settings are usable: positive intervals.</summary>
    /// <returns><see langword="true"/> when valid.</returns>
    internal bool IsValid() =>
        PollInterval > TimeSpan.Zero && FullScanInterval >= PollInterval && RecentChangeWindow >= TimeSpan.Zero && HotMonths is >= 0 and <= 120;
}
