using IntakePipeline.Host.Cli;

namespace IntakePipeline.Host.Tests.Cli;

public sealed class IntakeCommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("intake-cli-").FullName;

    [Fact]
    public async Task RunAsync_CommandThrowsUnexpectedly_PrintsOneChineseLineAndExitsFive()
    {
        var (exitCode, output, error) = await CliRun.RunAsync("validate", UnreadableFile(), "-p", "520300", "--period", "2024-06");

        Assert.Equal(ExitCodes.Unexpected, exitCode);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("intake 遇到意外错误", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_CommandThrowsUnexpectedly_ExitsFiveWithoutStackTrace()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync("validate", UnreadableFile(), "-p", "520300", "--period", "2024-06", "--json");

        Assert.Equal(ExitCodes.Unexpected, exitCode);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("one line", "one line")]
    [InlineData("first\nsecond", "first second")]
    [InlineData("first\r\n\r\nsecond\n", "first second")]
    public void UnexpectedErrorLine_AnyMessage_IsOneLineNamingTheCause(string message, string shown)
    {
        var line = IntakeCommandLine.UnexpectedErrorLine(new IOException(message));

        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.Contains($"IOException: {shown}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitCodes_EveryCode_IsDistinctAndInItsDocumentedPlace()
    {
        int[] codes = [ExitCodes.Success, ExitCodes.Rejected, ExitCodes.Usage, ExitCodes.StorageUnavailable, ExitCodes.TimedOut, ExitCodes.Unexpected];

        Assert.Equal([0, 1, 2, 3, 4, 5], codes);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// A file that exists but fails on the first read with an I/O error (Linux's <c>/proc/self/mem</c> at offset 0):
    /// the failure of the stream itself, which is the environment's fault, never the file's verdict.
    /// </summary>
    private string UnreadableFile()
    {
        var path = Path.Combine(_folder, "遵义市-2024-06.csv");
        File.CreateSymbolicLink(path, "/proc/self/mem");
        return path;
    }
}
