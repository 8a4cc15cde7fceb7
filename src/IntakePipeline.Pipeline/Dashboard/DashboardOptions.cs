namespace IntakePipeline.Pipeline.Dashboard;

/// <summary>The dashboard's settings, bound to the configuration section <c>Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>The standalone host's default port, the one <c>func start</c> serves HTTP functions on.</summary>
    public const int DefaultPort = 7071;

    /// <summary>The default time a rendered page is kept before the tables are read again.</summary>
    public static readonly TimeSpan DefaultCacheDuration = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The localhost port <c>intake run</c> serves the dashboard on. Default <see cref="DefaultPort"/>; 0 takes any free
    /// port. When the port is taken, the host says so and takes a free one.
    /// </summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>How long a rendered page is served from memory before the tables are read again. Default <see cref="DefaultCacheDuration"/>; zero turns caching off.</summary>
    public TimeSpan CacheDuration { get; set; } = DefaultCacheDuration;

    /// <summary>True when the port is 0–65535 and the cache duration not negative.</summary>
    public bool IsValid() => Port is >= 0 and <= 65535 && CacheDuration >= TimeSpan.Zero;
}
