namespace IntakePipeline.Host.Standalone;

/// <summary>
/// How <c>intake run</c> starts Azurite when <c>AzureWebJobsStorage</c> is <c>UseDevelopmentStorage=true</c> and nothing
/// listens on its ports. Bound to the configuration section <see cref="SectionName"/>; every setting is optional.
/// </summary>
public sealed class DevelopmentStorageOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Azurite";

    /// <summary>The default of <see cref="Location"/>: <c>.intake/azurite</c>, under the repository root (git-ignored).</summary>
    public const string DefaultLocation = ".intake/azurite";

    /// <summary>Whether to start Azurite when it is needed and not running (default <see langword="true"/>).</summary>
    public bool AutoStart { get; set; } = true;

    /// <summary>Azurite's data folder; a relative path is taken from the folder that holds <c>package.json</c>.</summary>
    public string Location { get; set; } = DefaultLocation;

    /// <summary>How long to wait for Azurite's ports after starting it (default 60 s).</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long Azurite gets to exit after SIGTERM before its process tree is killed (default 5 s).</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(5);
}
