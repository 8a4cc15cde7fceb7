namespace IntakePipeline.Host.Cli;

/// <summary>The exit codes of <c>intake</c>, which scripts rely on.</summary>
public static class ExitCodes
{
    /// <summary>Success; for <c>validate</c>, the file is accepted.</summary>
    public const int Success = 0;

    /// <summary>The file was rejected.</summary>
    public const int Rejected = 1;

    /// <summary>The command line was wrong: an unknown option, a malformed period, a missing file.</summary>
    public const int Usage = 2;
}
