namespace IntakePipeline.Host.Standalone;

/// <summary>Exit codes of the storage helpers, beyond those of <see cref="Cli.ExitCodes"/>.</summary>
public static class StandaloneExitCodes
{
    /// <summary>Storage is not reachable or not configured: for the local default, <c>intake run</c> is not running.</summary>
    public const int StorageUnavailable = 3;

    /// <summary>The upload was not processed within <c>--wait</c> seconds.</summary>
    public const int TimedOut = 4;
}
