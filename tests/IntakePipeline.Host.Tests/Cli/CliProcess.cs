using System.Diagnostics;
using IntakePipeline.Host.Tests.Reliability;

namespace IntakePipeline.Host.Tests.Cli;

/// <summary>
/// Runs the built <c>intake</c> executable as a real child process (<c>dotnet intake.dll …</c>) to completion, as a
/// script would, and captures its exit code, standard output and standard error.
/// </summary>
internal static class CliProcess
{
    /// <summary>A hang guard, not a timing: one validation takes well under a second.</summary>
    private static readonly TimeSpan _hangGuard = TimeSpan.FromMinutes(2);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(IntakeProcess.ExecutablePath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(_hangGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"intake {string.Join(' ', args)} did not finish within {_hangGuard}.");
        }

        return (process.ExitCode, await output, await error);
    }
}
