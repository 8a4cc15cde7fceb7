namespace IntakePipeline.Host.Cli;

/// <summary>
/// The exit codes of every <c>intake</c> command, which scripts rely on. They never change meaning.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>0</term><description>Success; for <c>validate</c> and <c>upload</c>, the file is accepted (for a folder, no file is rejected).</description></item>
/// <item><term>1</term><description>The file (for a folder, at least one file) was rejected; its report says why.</description></item>
/// <item><term>2</term><description>The command line was wrong (an unknown option, a malformed period, a missing file) or the catalog is malformed.</description></item>
/// <item><term>3</term><description>Storage is not reachable or not configured.</description></item>
/// <item><term>4</term><description>An upload was not processed in time (for a folder, the later months were not uploaded).</description></item>
/// <item><term>5</term><description>An unexpected error: a defect or an environment failure, never a verdict on the file.</description></item>
/// </list>
/// </remarks>
public static class ExitCodes
{
    /// <summary>Success; for <c>validate</c> and <c>upload</c>, the file is accepted (for a folder, no file is rejected).</summary>
    public const int Success = 0;

    /// <summary>The file was rejected; for a folder, at least one file was.</summary>
    public const int Rejected = 1;

    /// <summary>The command line was wrong: an unknown option, a malformed period, a missing file.</summary>
    public const int Usage = 2;

    /// <summary>Storage is not reachable or not configured: for the local default, <c>intake run</c> is not running.</summary>
    public const int StorageUnavailable = 3;

    /// <summary>The upload (for a folder, a month's files) was not processed within <c>--wait</c> seconds.</summary>
    public const int TimedOut = 4;

    /// <summary>
    /// An unexpected error stopped the command. It is reported as one line on standard error, without a stack trace,
    /// so that a script never reads it as a rejection (1).
    /// </summary>
    public const int Unexpected = 5;
}
