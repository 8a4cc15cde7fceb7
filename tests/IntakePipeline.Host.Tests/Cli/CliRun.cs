using System.CommandLine;
using IntakePipeline.Host.Cli;
using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Cli;

/// <summary>Runs <c>intake</c> in-process, with paths relative to the repository root, and captures its output.</summary>
internal static class CliRun
{
    public static string Sample(string relative) => Path.Combine(RepositoryRoot.Path, "seeds", "samples", relative);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await IntakeCommandLine.RunAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
